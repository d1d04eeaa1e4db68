/*
 * ranking.h
 *		The ranking SQL type, and what the aggregates share to build it.
 *
 * A ranking is a varlena holding its entries in output order: placed entries
 * by placement then entity (bytewise), then the entities that were left out,
 * by entity.  Each entry is packed, unaligned:
 *
 *		int32 placement (0 = left out), int32 entity length,
 *		int32 score length (0 = no score), entity bytes, score bytes
 *
 * The score is the canonical text of a numeric: what numeric_out prints once
 * trailing fractional zeros are trimmed.  Canonical scores make two equal
 * rankings byte-for-byte equal.
 */
#ifndef BENCHMARK_RANKING_H
#define BENCHMARK_RANKING_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "rank_core.h"

#define RANKING_VERSION 1

typedef struct Ranking
{
	int32		vl_len_;		/* varlena header, do not touch directly */
	int32		version;
	int32		n_entries;
	int32		n_placed;
	char		entries[FLEXIBLE_ARRAY_MEMBER];
} Ranking;

#define RANKING_HEADER_SIZE offsetof(Ranking, entries)
#define RANKING_ENTRY_HEADER_SIZE (3 * sizeof(int32))

/* One entry, pointing into a ranking (or a builder's input). */
typedef struct RankingEntry
{
	int32		placement;
	const char *entity;
	int32		entity_len;
	const char *score;
	int32		score_len;
} RankingEntry;

/* Walks the entries of a ranking. */
typedef struct RankingIterator
{
	const char *pos;
	int32		remaining;
} RankingIterator;

#define DatumGetRankingP(X)		((Ranking *) PG_DETOAST_DATUM(X))
#define PG_GETARG_RANKING_P(n)	DatumGetRankingP(PG_GETARG_DATUM(n))

extern void ranking_iterate(const Ranking *ranking, RankingIterator *it);
extern bool ranking_next(RankingIterator *it, RankingEntry *entry);

/* Building a ranking from computed, already ordered entries. */
extern void ranking_builder_init(StringInfo buf, int32 n_entries);
extern void ranking_builder_add(StringInfo buf, int32 placement, const char *entity,
								int32 entity_len, const char *score, int32 score_len);
extern Ranking *ranking_builder_finish(StringInfo buf, int32 n_entries, int32 n_placed);

/* Shared by the aggregates. */
extern RkAllocator rk_allocator(MemoryContext context);
extern MemoryContext aggregate_memory_context(FunctionCallInfo fcinfo, const char *function);
extern const char *entity_argument(FunctionCallInfo fcinfo, int argno, int *len);
/*
 * Writes the score of a placed entry into buf; returns its length.  The
 * longest score is a double written out in full: 1.8e308 or 5e-324.
 */
#define SCORE_BUFSIZE 400
typedef int (*ScoreWriter) (const RkRanked *entry, char *buf, const void *arg);
extern Ranking *ranking_from_core(const RkEntities *entities, const RkRanked *ranked,
								  size_t placed, ScoreWriter write_score, const void *arg);
extern char *canonical_numeric_text(Datum numeric);

#endif							/* BENCHMARK_RANKING_H */
