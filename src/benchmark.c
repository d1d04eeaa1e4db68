/*
 * benchmark.c
 *		Module entry of the benchmark extension.
 */
#include "postgres.h"

#include "fmgr.h"

#include "jobindsats.h"
#include "ranking.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Lets the long loops of the ranking core and the jobindsats readers' core check for query cancel. */
void
_PG_init(void)
{
	rk_interrupt_hook = rk_check_for_interrupts;
	ji_interrupt_hook = ji_check_for_interrupts;
}
