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

/*
 * For readers of other formats: the code of the municipality a UTF-8 text
 * names (as kommune input reads it), or 0 when it names none.
 */
extern int	kommune_code_of_utf8(const char *utf8, int len);

/*
 * For a UTF-8 text that names no municipality: a sentence saying which kind
 * of other area it is (the whole country, a region, a landsdel, a RAR area),
 * or NULL.
 */
extern const char *kommune_other_area(const char *utf8, int len);

#endif							/* BENCHMARK_KOMMUNE_H */
