/*
 * ranking.h
 *		The ranking SQL type, and what the aggregates share to build it.
 *
 * A ranking is a varlena: a header, the offsets of its entries in entity
 * order and in output order (placed entries by placement then entity, then
 * the entities that were left out, by entity), and the entries themselves in
 * entity order, each packed and unaligned:
 *
 *		int32 placement (0 = left out), int32 entity length,
 *		int32 score length (0 = no score), entity bytes, score bytes
 *
 * Entity order is bytewise, so an entity is found by binary search and two
 * rankings can be merged in one pass.  The score is the canonical text of a
 * numeric: what numeric_out prints once trailing fractional zeros are
 * trimmed.  Canonical scores make two equal rankings byte-for-byte equal.
 */
#ifndef BENCHMARK_RANKING_H
#define BENCHMARK_RANKING_H

#include "postgres.h"

#include "fmgr.h"

#include "rank_core.h"

#define RANKING_VERSION 1

typedef struct Ranking
{
	int32		vl_len_;		/* varlena header, do not touch directly */
	int32		version;
	int32		n_entries;
	int32		n_placed;
	uint32		offsets[FLEXIBLE_ARRAY_MEMBER];	/* by entity, then by output order */
} Ranking;

#define RANKING_ENTRY_HEADER_SIZE (3 * sizeof(int32))
#define RANKING_ENTRIES(r) ((const char *) ((r)->offsets + 2 * (r)->n_entries))

/* One entry, pointing into a ranking (or into parsed input). */
typedef struct RankingEntry
{
	int32		placement;
	const char *entity;
	int32		entity_len;
	const char *score;
	int32		score_len;
} RankingEntry;

/* Walks the entries of a ranking in one of its orders. */
typedef struct RankingIterator
{
	const Ranking *ranking;
	const uint32 *offsets;
	int32		index;
} RankingIterator;

extern Ranking *ranking_detoast(Datum datum);

#define DatumGetRankingP(X)		ranking_detoast(X)
#define PG_GETARG_RANKING_P(n)	DatumGetRankingP(PG_GETARG_DATUM(n))

extern void ranking_iterate(const Ranking *ranking, RankingIterator *it);
extern void ranking_iterate_by_entity(const Ranking *ranking, RankingIterator *it);
extern bool ranking_next(RankingIterator *it, RankingEntry *entry);
extern bool ranking_find(const Ranking *ranking, const char *entity, int32 len,
						 RankingEntry *entry);

/*
 * Writes the score of a placed entity into buf; returns its length.  The
 * longest score is a double written out in full: 1.8e308 or 5e-324.
 */
#define SCORE_BUFSIZE 400
typedef int (*ScoreWriter) (uint32 entity, char *buf, const void *arg);
extern Ranking *ranking_from_core(const RkEntities *entities, const RkOrder *order,
								  ScoreWriter write_score, const void *arg);
extern char *canonical_numeric_text(Datum numeric);

/* Shared by the aggregates (aggregate_support.c). */
extern void rk_check_for_interrupts(void);
extern RkAllocator rk_allocator(MemoryContext context);
extern MemoryContext aggregate_memory_context(FunctionCallInfo fcinfo, const char *function);
extern const char *entity_argument(FunctionCallInfo fcinfo, int argno, int *len);
extern bytea *state_bytea(size_t size, const char *aggregate);

#endif							/* BENCHMARK_RANKING_H */
