/*
 * benchmark.c
 *		Module entry of the benchmark extension.
 */
#include "postgres.h"

#include "fmgr.h"

#include "ranking.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Lets the ranking core's long loops check for query cancel. */
void
_PG_init(void)
{
	rk_interrupt_hook = rk_check_for_interrupts;
}
