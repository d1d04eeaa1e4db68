/*
 * jobindsats_store.c
 *		The area rule of the jobindsats readers for SQL: what the
 *		observation store and the reader of wide tables need.
 *
 * jobindsats_area_kommune(area text) reads an area as the readers do: a
 * municipality's name (as the kommune type reads it) gives its kommune; the
 * whole country ("Hele landet"), the regions, the landsdele, the RAR areas
 * and "Uoplyst område" give NULL (see kommune_area_kind); any other text is
 * an error (22P02) naming it.
 *
 * jobindsats_area_fits(area text, kommune kommune) is the store's check of
 * the same rule: an area and kommune as a load stores them, the
 * municipality's official name with its kommune, or one of the other areas
 * with kommune NULL.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "jobindsats.h"
#include "kommune.h"

PG_FUNCTION_INFO_V1(jobindsats_area_kommune);
PG_FUNCTION_INFO_V1(jobindsats_area_fits);

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
	if (kommune_area_kind(utf8, len) != KOMMUNE_AREA_NONE)
		PG_RETURN_NULL();
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("unknown jobindsats area: \"%s\"", ji_server_string(utf8, Min(len, JI_EXCERPT_MAX))),
			 errdetail_internal("%s", ji_area_rules())));
	PG_RETURN_NULL();			/* keep the compiler quiet */
}

/* jobindsats_area_fits(text, kommune): whether an area and kommune are as a load stores them */
Datum
jobindsats_area_fits(PG_FUNCTION_ARGS)
{
	text	   *area;
	char	   *utf8;
	int			len;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	area = PG_GETARG_TEXT_PP(0);
	utf8 = ji_utf8_from_server(VARDATA_ANY(area), VARSIZE_ANY_EXHDR(area));
	len = strlen(utf8);
	if (!PG_ARGISNULL(1))
	{
		const KommuneInfo *info = kommune_info_by_code(PG_GETARG_INT16(1));

		PG_RETURN_BOOL(info != NULL && strcmp(info->name, utf8) == 0);
	}
	PG_RETURN_BOOL(len > 0 && kommune_code_of_utf8(utf8, len) == 0 &&
				   kommune_area_kind(utf8, len) != KOMMUNE_AREA_NONE);
}
