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

/* The entry of an official code, or NULL. */
extern const KommuneInfo *kommune_info_by_code(int code);

/*
 * For readers of other formats: the code of the municipality a UTF-8 text
 * names (as kommune input reads it), or 0 when it names none.
 */
extern int	kommune_code_of_utf8(const char *utf8, int len);

/* The areas that jobindsats lists next to the municipalities. */
typedef enum KommuneAreaKind
{
	KOMMUNE_AREA_NONE,			/* none of them */
	KOMMUNE_AREA_COUNTRY,		/* "Hele landet" (also "Danmark", "I alt", "Landstotal") */
	KOMMUNE_AREA_REGION,		/* one of the 5 regions, "Region Syddanmark" or "Syddanmark" */
	KOMMUNE_AREA_LANDSDEL,		/* one of the 11 landsdele, "Landsdel Sydjylland" or "Sydjylland" */
	KOMMUNE_AREA_RAR,			/* one of the 8 RAR areas, "RAR Sydjylland" */
	KOMMUNE_AREA_UNKNOWN		/* "Uoplyst område" */
} KommuneAreaKind;

/*
 * For a UTF-8 text that names no municipality: which of the other areas it
 * names, compared by the loose key of municipality names (so "Region
 * Syddanmark", "region syddanmark" and "Region-Syddanmark" agree).
 */
extern KommuneAreaKind kommune_area_kind(const char *utf8, int len);

#endif							/* BENCHMARK_KOMMUNE_H */
