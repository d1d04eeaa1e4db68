/*
 * label_ids.h
 *		A hash of labels (byte strings) to the numbers a caller gives them:
 *		the loader's series ordinal (jobindsats_store.c) and the loader's
 *		reader grouping a document's cells by series (jobindsats.c).
 *
 * An entry's key points at bytes its caller keeps; label_ids_insert finds
 * an equal key or makes an entry for it (*found false), whose key the
 * caller then points at a copy it keeps and whose id it sets.
 */
#ifndef BENCHMARK_LABEL_IDS_H
#define BENCHMARK_LABEL_IDS_H

#include "common/hashfn.h"

/* A label's bytes. */
typedef struct LabelKey
{
	const char *data;
	uint32		len;
} LabelKey;

/* A label met, and the number it was given. */
typedef struct LabelId
{
	LabelKey	key;
	uint32		hash;
	int32		id;
	char		status;
} LabelId;

#define SH_PREFIX label_ids
#define SH_ELEMENT_TYPE LabelId
#define SH_KEY_TYPE LabelKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) hash_bytes((const unsigned char *) (k).data, (k).len)
#define SH_EQUAL(tb, a, b) ((a).len == (b).len && memcmp((a).data, (b).data, (a).len) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) (a)->hash
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#endif							/* BENCHMARK_LABEL_IDS_H */
