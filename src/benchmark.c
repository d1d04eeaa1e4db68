/*
 * benchmark.c
 *		Module entry of the benchmark extension.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
