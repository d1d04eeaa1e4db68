/*
 * jobindsats_store.c
 *		The area rule of the jobindsats readers for SQL: what the
 *		observation store and the reader of wide tables need.
 *
 * jobindsats_area_kommune(area text) reads an area as the readers do: a
 * municipality's name (as the kommune type reads it) gives its kommune; the
 * whole country ("Hele landet"), regions, landsdele, RAR areas and "Uoplyst
 * område" give NULL; any other text is an error (22P02) naming it.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "jobindsats.h"
#include "kommune.h"

PG_FUNCTION_INFO_V1(jobindsats_area_kommune);

/* Whether an area is the unknown area ("Uoplyst område" and the like). */
static bool
is_unknown_area(const char *utf8, int len)
{
	return len >= 7 && pg_strncasecmp(utf8, "uoplyst", 7) == 0;
}

/* jobindsats_area_kommune(text): the kommune of an area, NULL for the others */
Datum
jobindsats_area_kommune(PG_FUNCTION_ARGS)
{
	text	   *area = PG_GETARG_TEXT_PP(0);
	char	   *utf8 = ji_utf8_from_server(VARDATA_ANY(area), VARSIZE_ANY_EXHDR(area));
	int			len = strlen(utf8);
	int			code;

	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("missing area: the area is empty")));
	code = kommune_code_of_utf8(utf8, len);
	if (code != 0)
		PG_RETURN_INT16((int16) code);
	if (is_unknown_area(utf8, len) || kommune_other_area(utf8, len) != NULL)
		PG_RETURN_NULL();
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("unknown jobindsats area: \"%s\"", ji_server_string(utf8, len)),
			 errdetail("An area is one of the 98 municipalities, the whole country (\"Hele landet\"), "
					   "a region, a landsdel, a RAR area or \"%s\".",
					   ji_server_string("Uoplyst omr\xC3\xA5" "de", 15))));
	PG_RETURN_NULL();			/* keep the compiler quiet */
}
