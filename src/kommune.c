/*
 * kommune.c
 *		The kommune SQL type: one of the 98 Danish municipalities.
 *
 * A kommune is stored as its official code (an int2, passed by value) and
 * prints as its official name.  Input accepts the code and the names that
 * people and exports write.
 *
 * Input is read in this order:
 *
 *	- leading and trailing white space is ignored;
 *	- one to four digits are a code ("540", "0540"), which must be one of the
 *	  98 municipalities' codes;
 *	- anything else is a name, compared with the official names and the
 *	  aliases by a loose key:
 *	  1. letters are lowercased; æ and ä become a, ø and ö become o, å
 *		 becomes a, é and è become e, ü becomes u (upper case alike);
 *	  2. spaces, tabs, line breaks, hyphens, periods, apostrophes and
 *		 underscores are dropped;
 *	  3. the pairs aa, ae and oe become a, a and o (left to right, not
 *		 overlapping), so that "Aabenraa", "Åbenrå" and "Abenra" agree, as
 *		 do "Sønderborg", "Soenderborg" and "Sonderborg";
 *	  4. one trailing "regionskommune" or "kommune" is dropped;
 *	  5. a key that names nothing is tried once more: without its final s
 *		 when it ends in a single s (the genitive: "Københavns Kommune"), or
 *		 with an s added when it does not end in s ("Nordfyn" for Nordfyns).
 *
 * The 98 official names have 98 different keys (a regression test checks).
 * Old names that are no longer in use ("Brønderslev-Dronninglund") are
 * listed as aliases.  Anything else is an error (22P02) whose detail says
 * what the text is when it is an area that exports list next to the
 * municipalities (the whole country, a region, a landsdel, a RAR area,
 * Christiansø) or looks garbled by a wrong encoding, and whose hint
 * otherwise suggests the official name with the closest key.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/varlena.h"

#include "common/hashfn.h"

#include "kommune.h"

PG_FUNCTION_INFO_V1(kommune_in);
PG_FUNCTION_INFO_V1(kommune_out);
PG_FUNCTION_INFO_V1(kommune_recv);
PG_FUNCTION_INFO_V1(kommune_send);
PG_FUNCTION_INFO_V1(kommune_eq);
PG_FUNCTION_INFO_V1(kommune_ne);
PG_FUNCTION_INFO_V1(kommune_lt);
PG_FUNCTION_INFO_V1(kommune_le);
PG_FUNCTION_INFO_V1(kommune_gt);
PG_FUNCTION_INFO_V1(kommune_ge);
PG_FUNCTION_INFO_V1(kommune_cmp);
PG_FUNCTION_INFO_V1(kommune_hash);
PG_FUNCTION_INFO_V1(kommune_hash_extended);
PG_FUNCTION_INFO_V1(kommune_code);
PG_FUNCTION_INFO_V1(kommune_from_code);
PG_FUNCTION_INFO_V1(kommune_lookup);
PG_FUNCTION_INFO_V1(kommune_name);
PG_FUNCTION_INFO_V1(kommune_region);
PG_FUNCTION_INFO_V1(kommune_region_code);
PG_FUNCTION_INFO_V1(kommune_landsdel);
PG_FUNCTION_INFO_V1(kommune_landsdel_code);
PG_FUNCTION_INFO_V1(kommune_list);

#define PG_GETARG_KOMMUNE(n)	PG_GETARG_INT16(n)
#define PG_RETURN_KOMMUNE(x)	PG_RETURN_INT16(x)

/* Names no longer in use, and what they are called now. */
typedef struct KommuneAlias
{
	const char *name;			/* UTF-8 */
	int			code;
} KommuneAlias;

static const KommuneAlias kommune_aliases[] = {
	{"Brønderslev-Dronninglund", 810},
};

/* The loose keys of the official names, the aliases, the regions and the landsdele, built once per backend. */
static char *official_keys[KOMMUNE_COUNT];
static char *alias_keys[lengthof(kommune_aliases)];
static char *region_keys[KOMMUNE_COUNT];
static char *landsdel_keys[KOMMUNE_COUNT];

/* The entry of an official code, or NULL. */
const KommuneInfo *
kommune_info_by_code(int code)
{
	int			low = 0;
	int			high = KOMMUNE_COUNT - 1;

	while (low <= high)
	{
		int			mid = (low + high) / 2;

		if (kommune_table[mid].code == code)
			return &kommune_table[mid];
		if (kommune_table[mid].code < code)
			low = mid + 1;
		else
			high = mid - 1;
	}
	return NULL;
}

/* The entry of a stored kommune; a code we do not know means corrupt data. */
static const KommuneInfo *
info_of(int16 code)
{
	const KommuneInfo *info = kommune_info_by_code(code);

	if (info == NULL)
		elog(ERROR, "invalid kommune code %d in stored value", code);
	return info;
}

/* The folded form of one two-byte UTF-8 letter, or '\0' if it is not one we fold. */
static char
fold_letter(unsigned char lead, unsigned char next)
{
	char		folded = '\0';

	if (lead == 0xC3)
	{
		switch (next)
		{
			case 0xA6:			/* æ */
			case 0x86:			/* Æ */
			case 0xA4:			/* ä */
			case 0x84:			/* Ä */
			case 0xA5:			/* å */
			case 0x85:			/* Å */
				folded = 'a';
				break;
			case 0xB8:			/* ø */
			case 0x98:			/* Ø */
			case 0xB6:			/* ö */
			case 0x96:			/* Ö */
				folded = 'o';
				break;
			case 0xA9:			/* é */
			case 0x89:			/* É */
			case 0xA8:			/* è */
			case 0x88:			/* È */
				folded = 'e';
				break;
			case 0xBC:			/* ü */
			case 0x9C:			/* Ü */
				folded = 'u';
				break;
		}
	}
	return folded;
}

/*
 * The loose key of a UTF-8 name (see the file header), in one allocation of
 * the name's length: folding and joining letters only shorten it.
 */
static char *
loose_key(const char *name, int len)
{
	char	   *key = palloc(len + 1);
	int			folded = 0;
	int			n = 0;
	int			i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) name[i];
		char		letter;

		if (c >= 'A' && c <= 'Z')
			key[folded++] = (char) (c - 'A' + 'a');
		else if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '_' || c == '\t' ||
				 c == '\n' || c == '\r')
			continue;
		else if (c >= 0x80 && i + 1 < len && (letter = fold_letter(c, (unsigned char) name[i + 1])) != '\0')
		{
			key[folded++] = letter;
			i++;
		}
		else
			key[folded++] = (char) c;
	}

	/* aa, ae and oe as one letter, in place: what is written never passes what is read */
	for (i = 0; i < folded; i++)
	{
		char		c = key[i];
		char		next = i + 1 < folded ? key[i + 1] : '\0';

		if ((c == 'a' && (next == 'a' || next == 'e')) || (c == 'o' && next == 'e'))
			i++;
		key[n++] = c;
	}
	key[n] = '\0';
	if (n > 14 && strcmp(key + n - 14, "regionskommune") == 0)
		key[n - 14] = '\0';
	else if (n > 7 && strcmp(key + n - 7, "kommune") == 0)
		key[n - 7] = '\0';
	return key;
}

/* Builds the loose keys on first use. */
static void
build_keys(void)
{
	int			i;

	if (official_keys[0] != NULL)
		return;
	for (i = 0; i < lengthof(kommune_aliases); i++)
		alias_keys[i] = MemoryContextStrdup(TopMemoryContext,
											loose_key(kommune_aliases[i].name,
													  strlen(kommune_aliases[i].name)));
	for (i = KOMMUNE_COUNT - 1; i >= 0; i--)
	{
		region_keys[i] = MemoryContextStrdup(TopMemoryContext,
											 loose_key(kommune_table[i].region,
													   strlen(kommune_table[i].region)));
		landsdel_keys[i] = MemoryContextStrdup(TopMemoryContext,
											   loose_key(kommune_table[i].landsdel,
														 strlen(kommune_table[i].landsdel)));
		official_keys[i] = MemoryContextStrdup(TopMemoryContext,
											   loose_key(kommune_table[i].name,
														 strlen(kommune_table[i].name)));
	}
}

/* The code whose official name or alias has exactly this key, or 0. */
static int
code_by_key(const char *key)
{
	int			i;

	for (i = 0; i < KOMMUNE_COUNT; i++)
		if (strcmp(official_keys[i], key) == 0)
			return kommune_table[i].code;
	for (i = 0; i < lengthof(kommune_aliases); i++)
		if (strcmp(alias_keys[i], key) == 0)
			return kommune_aliases[i].code;
	return 0;
}

/*
 * The code of a municipality written as a code or a name (UTF-8), or 0 when
 * it names none.
 */
static int
code_by_text(const char *text, int len)
{
	int			start = 0;
	int			end = len;
	int			i;
	char	   *key;
	int			keylen;
	int			code;

	while (start < end && isspace((unsigned char) text[start]))
		start++;
	while (end > start && isspace((unsigned char) text[end - 1]))
		end--;
	if (end > start && end - start <= 4)
	{
		int			value = 0;

		for (i = start; i < end && isdigit((unsigned char) text[i]); i++)
			value = value * 10 + (text[i] - '0');
		if (i == end)
			return kommune_info_by_code(value) ? value : 0;
	}

	build_keys();
	key = loose_key(text + start, end - start);
	if (key[0] == '\0')
		return 0;
	code = code_by_key(key);
	keylen = strlen(key);
	if (code == 0 && keylen >= 2 && key[keylen - 1] == 's' && key[keylen - 2] != 's')
	{
		/* a genitive: "Københavns" for København, not "Nordfynss" for Nordfyns */
		key[keylen - 1] = '\0';
		code = code_by_key(key);
	}
	else if (code == 0 && key[keylen - 1] != 's')
		code = code_by_key(psprintf("%ss", key));
	return code;
}

/* The official name closest to what was written, by edit distance of loose keys. */
static const char *
closest_name(const char *text, int len)
{
	char	   *key;
	int			best = -1;
	int			best_distance = PG_INT32_MAX;
	int			i;

	build_keys();
	key = loose_key(text, len);
	for (i = 0; i < KOMMUNE_COUNT; i++)
	{
		char	   *with_kommune = psprintf("%skommune", official_keys[i]);
		int			distance = varstr_levenshtein(key, strlen(key),
												  official_keys[i], strlen(official_keys[i]),
												  1, 1, 1, true);

		/* "Kobenhavn Kommunne": a misspelt suffix is no reason to find nothing */
		distance = Min(distance, varstr_levenshtein(key, strlen(key),
													with_kommune, strlen(with_kommune),
													1, 1, 1, true));

		if (distance < best_distance)
		{
			best_distance = distance;
			best = i;
		}
	}
	if (best < 0 || best_distance > Max(2, (int) strlen(key) / 3))
		return NULL;
	return kommune_table[best].name;
}

/* Text in the server encoding as a NUL-terminated UTF-8 string. */
static char *
server_to_utf8(const char *text, int len)
{
	char	   *utf8 = pg_server_to_any(text, len, PG_UTF8);

	return utf8 == text ? pnstrdup(text, len) : utf8;
}

/* A UTF-8 text as a text datum in the server encoding. */
static text *
utf8_to_text(const char *utf8)
{
	return cstring_to_text(pg_any_to_server(utf8, strlen(utf8), PG_UTF8));
}

/* A UTF-8 string constant in the server encoding, for messages. */
static const char *
server_string(const char *utf8)
{
	return pg_any_to_server(utf8, strlen(utf8), PG_UTF8);
}

/* Whether a loose key is the key of one of the table's region or landsdel names. */
static bool
is_area_key(const char *key, bool region)
{
	int			i;

	build_keys();
	for (i = 0; i < KOMMUNE_COUNT; i++)
		if (strcmp(region ? region_keys[i] : landsdel_keys[i], key) == 0)
			return true;
	return false;
}

/*
 * Why a text that names no municipality is not one, when it is an area that
 * exports list next to the municipalities (the whole country, a region, a
 * landsdel, a RAR area), or NULL.  Only called for text that names no
 * municipality, so "Bornholm" (also a landsdel) never gets here.
 */
static const char *
area_detail(const char *text, int len, const char *key)
{
	if (strcmp(key, "helelandet") == 0 || strcmp(key, "danmark") == 0 ||
		strcmp(key, "ialt") == 0 || strcmp(key, "landstotal") == 0)
		return "That is the whole country, not a municipality.";
	if ((len > 7 && pg_strncasecmp(text, "region ", 7) == 0) || is_area_key(key, true))
		return "That is a region, not a municipality.";
	if (len > 4 && (pg_strncasecmp(text, "rar ", 4) == 0 || pg_strncasecmp(text, "rar-", 4) == 0))
		return "That is the area of a regional labour market council (RAR), not a municipality.";
	if ((len > 9 && pg_strncasecmp(text, "landsdel ", 9) == 0) || is_area_key(key, false))
		return "That is a landsdel (a group of municipalities), not a municipality.";
	return NULL;
}

/* Reports text that names no municipality, saying why and suggesting the likeliest correction. */
static void
unknown_kommune(const char *input, const char *utf8, int len)
{
	int			start = 0;
	int			end = len;
	int			i;
	char	   *key;
	const char *closest;
	const char *detail;

	while (start < end && isspace((unsigned char) utf8[start]))
		start++;
	while (end > start && isspace((unsigned char) utf8[end - 1]))
		end--;
	if (start == end)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type kommune: \"%s\"", input),
				 errdetail("The text is empty."),
				 errhint("Write the official name or the three-digit code, e.g. \"%s\" or 540.",
						 server_string("Sønderborg"))));

	/* U+FFFD, or "Ã" as in "SÃ¸nderborg": UTF-8 read as ISO-8859-1 or the reverse */
	if (strstr(utf8, "\xEF\xBF\xBD") != NULL || strstr(utf8, "\xC3\x83") != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type kommune: \"%s\"", input),
				 errdetail("The text looks garbled by a wrong character encoding."),
				 errhint("Read the source with its real encoding (ISO-8859-1 or UTF-8).")));

	for (i = start; i < end && isdigit((unsigned char) utf8[i]); i++)
		;
	build_keys();
	key = loose_key(utf8 + start, end - start);
	if (i == end || strcmp(key, "christianso") == 0)
	{
		bool		christianso = i != end || (end - start <= 4 && atoi(utf8 + start) == 411);

		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type kommune: \"%s\"", input),
				 christianso ?
				 errdetail("%s (411) is administered by the state and is not a municipality.",
						   server_string("Christiansø")) :
				 errdetail("No Danish municipality has that code."),
				 errhint("Codes run from 101 (%s) to 860 (%s); kommuner() lists them.",
						 server_string("København"), server_string("Hjørring"))));
	}

	detail = area_detail(utf8 + start, end - start, key);
	if (detail != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type kommune: \"%s\"", input),
				 errdetail_internal("%s", detail),
				 errhint("kommune_lookup(text) gives NULL instead of an error for text that names no municipality.")));

	closest = closest_name(utf8 + start, end - start);
	if (closest != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type kommune: \"%s\"", input),
				 errdetail("No Danish municipality has that name."),
				 errhint("Did you mean \"%s\"?", server_string(closest))));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type kommune: \"%s\"", input),
			 errdetail("No Danish municipality has that name."),
			 errhint("Write the official name or the three-digit code, e.g. \"%s\" or 540.",
						 server_string("Sønderborg"))));
}

/* The code a UTF-8 text names, or 0 (for readers of other formats). */
int
kommune_code_of_utf8(const char *utf8, int len)
{
	return code_by_text(utf8, len);
}

/* The RAR areas (regional labour market councils) since 2015, UTF-8. */
static const char *const rar_areas[] = {
	"Bornholm", "Fyn", "Hovedstaden", "Nordjylland", "Sj\xC3\xA6lland", "Sydjylland", "Vestjylland",
	"\xC3\x98stjylland",
};

/* Whether a loose key is a region's (region) or a landsdel's name, alone or after its word. */
static bool
is_named_area_key(const char *key, bool region)
{
	const char *word = region ? "region" : "landsdel";
	size_t		word_len = strlen(word);

	if (strncmp(key, word, word_len) == 0 && key[word_len] != '\0' && is_area_key(key + word_len, region))
		return true;
	return is_area_key(key, region);
}

/* Which kind of area a UTF-8 text that names no municipality is (see kommune.h). */
KommuneAreaKind
kommune_area_kind(const char *utf8, int len)
{
	int			start = 0;
	int			end = len;
	char	   *key;
	int			i;

	while (start < end && isspace((unsigned char) utf8[start]))
		start++;
	while (end > start && isspace((unsigned char) utf8[end - 1]))
		end--;
	build_keys();
	key = loose_key(utf8 + start, end - start);
	if (strcmp(key, "helelandet") == 0 || strcmp(key, "danmark") == 0 ||
		strcmp(key, "ialt") == 0 || strcmp(key, "landstotal") == 0)
		return KOMMUNE_AREA_COUNTRY;
	if (strcmp(key, "uoplystomrade") == 0)
		return KOMMUNE_AREA_UNKNOWN;
	if (is_named_area_key(key, true))
		return KOMMUNE_AREA_REGION;
	if (is_named_area_key(key, false))
		return KOMMUNE_AREA_LANDSDEL;
	if (strncmp(key, "rar", 3) == 0)
		for (i = 0; i < lengthof(rar_areas); i++)
			if (strcmp(key + 3, loose_key(rar_areas[i], strlen(rar_areas[i]))) == 0)
				return KOMMUNE_AREA_RAR;
	return KOMMUNE_AREA_NONE;
}

/* kommune input: an official code or a name as people and exports write it */
Datum
kommune_in(PG_FUNCTION_ARGS)
{
	char	   *input = PG_GETARG_CSTRING(0);
	char	   *utf8 = server_to_utf8(input, strlen(input));
	int			code = code_by_text(utf8, strlen(utf8));

	if (code == 0)
		unknown_kommune(input, utf8, strlen(utf8));
	PG_RETURN_KOMMUNE((int16) code);
}

/* kommune output: the official name */
Datum
kommune_out(PG_FUNCTION_ARGS)
{
	const KommuneInfo *info = info_of(PG_GETARG_KOMMUNE(0));

	char	   *name = pg_any_to_server(info->name, strlen(info->name), PG_UTF8);

	/* callers may pfree the result: never hand out the table's own string */
	PG_RETURN_CSTRING(name == info->name ? pstrdup(name) : name);
}

/* kommune binary input: the code as int2 (exactly two bytes), which must be a municipality's */
Datum
kommune_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int16		code;

	if (buf->len - buf->cursor != sizeof(int16))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external kommune value: expected 2 bytes, got %d",
						buf->len - buf->cursor),
				 errdetail("A kommune is sent as its code in two bytes.")));
	code = pq_getmsgint(buf, sizeof(int16));
	if (kommune_info_by_code(code) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external kommune value: no municipality has code %d", code)));
	PG_RETURN_KOMMUNE(code);
}

/* kommune binary output: the code as int2 */
Datum
kommune_send(PG_FUNCTION_ARGS)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PG_GETARG_KOMMUNE(0));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* kommune = kommune */
Datum
kommune_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) == PG_GETARG_KOMMUNE(1));
}

/* kommune <> kommune */
Datum
kommune_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) != PG_GETARG_KOMMUNE(1));
}

/* kommune < kommune, by code */
Datum
kommune_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) < PG_GETARG_KOMMUNE(1));
}

/* kommune <= kommune, by code */
Datum
kommune_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) <= PG_GETARG_KOMMUNE(1));
}

/* kommune > kommune, by code */
Datum
kommune_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) > PG_GETARG_KOMMUNE(1));
}

/* kommune >= kommune, by code */
Datum
kommune_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_KOMMUNE(0) >= PG_GETARG_KOMMUNE(1));
}

/* btree support: -1, 0 or 1 by code */
Datum
kommune_cmp(PG_FUNCTION_ARGS)
{
	int16		a = PG_GETARG_KOMMUNE(0);
	int16		b = PG_GETARG_KOMMUNE(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

/* hash support */
Datum
kommune_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_KOMMUNE(0));
}

/* extended hash support, for hash partitioning */
Datum
kommune_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_KOMMUNE(0), PG_GETARG_INT64(1));
}

/* kommune_code(kommune): the official code, also the cast to integer */
Datum
kommune_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_KOMMUNE(0));
}

/* kommune_from_code(integer): the cast from integer, which must be a municipality's code */
Datum
kommune_from_code(PG_FUNCTION_ARGS)
{
	int32		code = PG_GETARG_INT32(0);

	if (code < 0 || code > PG_INT16_MAX || kommune_info_by_code(code) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no Danish municipality has code %d", code),
				 code == 411 ? errdetail("%s (411) is administered by the state and is not a municipality.",
									server_string("Christiansø")) : 0,
				 errhint("Codes run from 101 (%s) to 860 (%s); kommuner() lists them.",
						 server_string("København"), server_string("Hjørring"))));
	PG_RETURN_KOMMUNE((int16) code);
}

/* kommune_lookup(text): the municipality a text names, or NULL when it names none */
Datum
kommune_lookup(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	char	   *utf8 = server_to_utf8(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input));
	int			code = code_by_text(utf8, strlen(utf8));

	if (code == 0)
		PG_RETURN_NULL();
	PG_RETURN_KOMMUNE((int16) code);
}

/* kommune_name(kommune): the official name */
Datum
kommune_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(utf8_to_text(info_of(PG_GETARG_KOMMUNE(0))->name));
}

/* kommune_region(kommune): the region, e.g. Syddanmark */
Datum
kommune_region(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(utf8_to_text(info_of(PG_GETARG_KOMMUNE(0))->region));
}

/* kommune_region_code(kommune): the region's code, 1081 .. 1085 */
Datum
kommune_region_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(info_of(PG_GETARG_KOMMUNE(0))->region_code);
}

/* kommune_landsdel(kommune): the landsdel, e.g. Sydjylland */
Datum
kommune_landsdel(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(utf8_to_text(info_of(PG_GETARG_KOMMUNE(0))->landsdel));
}

/* kommune_landsdel_code(kommune): the landsdel's code, "01" .. "11" */
Datum
kommune_landsdel_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(utf8_to_text(info_of(PG_GETARG_KOMMUNE(0))->landsdel_code));
}

/* kommuner(): every municipality with its code, name, region and landsdel */
Datum
kommune_list(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = KOMMUNE_COUNT;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const KommuneInfo *info = &kommune_table[funcctx->call_cntr];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = Int16GetDatum((int16) info->code);
		values[1] = Int32GetDatum(info->code);
		values[2] = PointerGetDatum(utf8_to_text(info->name));
		values[3] = PointerGetDatum(utf8_to_text(info->region));
		values[4] = Int32GetDatum(info->region_code);
		values[5] = PointerGetDatum(utf8_to_text(info->landsdel_code));
		values[6] = PointerGetDatum(utf8_to_text(info->landsdel));
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
																	values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
