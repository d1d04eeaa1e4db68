/*
 * period.h
 *		jobindsats period labels: the one parser of every caller, with the
 *		errors PostgreSQL raises for bad labels.
 *
 * The rules themselves are in period_core.h, without PostgreSQL.
 */
#ifndef BENCHMARK_PERIOD_H
#define BENCHMARK_PERIOD_H

#include "period_core.h"

/* Parses a label or reports an error (22P02 or 22008) naming it. */
extern void period_parse_or_error(const char *s, int len, JobindsatsPeriod *out);

#endif							/* BENCHMARK_PERIOD_H */
