/*
 * kommune.h
 *		The kommune SQL type: one of the 98 Danish municipalities, stored as
 *		its official code.
 */
#ifndef BENCHMARK_KOMMUNE_H
#define BENCHMARK_KOMMUNE_H

#define KOMMUNE_COUNT 98

typedef struct KommuneInfo
{
	int			code;			/* official code, 101 .. 860 */
	const char *name;			/* official short name, UTF-8 */
	const char *region;			/* region name, UTF-8, e.g. "Syddanmark" */
	int			region_code;	/* 1081 .. 1085 */
	const char *landsdel_code;	/* "01" .. "11" */
	const char *landsdel;		/* landsdel name, UTF-8 */
} KommuneInfo;

/* Ordered by code. */
extern const KommuneInfo kommune_table[KOMMUNE_COUNT];

#endif							/* BENCHMARK_KOMMUNE_H */
