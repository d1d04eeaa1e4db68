/*
 * label_ids.h
 *		A hash of labels (byte strings) to the numbers a caller gives them:
 *		the loader's series ordinal (jobindsats_store.c) and the loader's
 *		reader grouping a document's cells by series (jobindsats.c).
 *
 * label_ids_number gives a label's number: the one it was given, or for a
 * label first met (*found false) the next one, its bytes copied into the
 * caller's context.
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

/* The number of a label: the one it was given, or next for a label first met (*found false), its bytes copied into keys. */
static inline int32
label_ids_number(label_ids_hash *ids, MemoryContext keys, const char *data, uint32 len, int32 next, bool *found)
{
	LabelKey	key = {data, len};
	LabelId    *entry = label_ids_insert(ids, key, found);

	if (!*found)
	{
		char	   *copy = MemoryContextAlloc(keys, Max(len, 1));

		memcpy(copy, data, len);
		entry->key.data = copy;
		entry->id = next;
	}
	return entry->id;
}

#endif							/* BENCHMARK_LABEL_IDS_H */
