/*
 * period.c
 *		jobindsats period labels in SQL: the functions of
 *		src/sql/periods/periods.sql over the rules of period_core.c, and the
 *		errors of bad labels, kinds and forms.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#include "period.h"

PG_FUNCTION_INFO_V1(period_label_kind);
PG_FUNCTION_INFO_V1(period_label_start);
PG_FUNCTION_INFO_V1(period_label_end);
PG_FUNCTION_INFO_V1(period_label_index);
PG_FUNCTION_INFO_V1(period_label_from_index);
PG_FUNCTION_INFO_V1(period_label_previous);
PG_FUNCTION_INFO_V1(period_label_series);
PG_FUNCTION_INFO_V1(period_label_canonical);
PG_FUNCTION_INFO_V1(period_label_is_valid);
PG_FUNCTION_INFO_V1(period_label_is_canonical);
PG_FUNCTION_INFO_V1(period_label_rollup);

/* Parses a label or reports why it is none. */
void
period_parse_or_error(const char *s, int len, JobindsatsPeriod *out)
{
	const char *detail;
	PeriodStatus status = period_parse(s, len, out, &detail);

	if (status == PERIOD_MALFORMED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid jobindsats period label: \"%s\"", pnstrdup(s, len)),
				 errdetail_internal("%s", detail)));
	if (status == PERIOD_OUT_OF_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
				 errmsg("jobindsats period label out of range: \"%s\"", pnstrdup(s, len)),
				 errdetail_internal("%s", detail)));
}

/* Parses a text argument. */
static void
period_of_text(text *label, JobindsatsPeriod *out)
{
	period_parse_or_error(VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label), out);
}

/* The kind a period_kind name stands for, or an error. */
static PeriodKind
kind_of_name(text *name)
{
	PeriodKind	kind;

	if (period_kind_parse(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name), &kind))
		return kind;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown kind of jobindsats period: \"%s\"", text_to_cstring(name)),
			 errhint("The kinds are year, quarter, month and four quarters (as period_kind returns them).")));
	return PERIOD_YEAR;
}

/* The form a period form name stands for, or an error. */
static PeriodForm
form_of_name(text *name)
{
	PeriodForm	form;

	if (period_form_parse(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name), &form))
		return form;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown period form \"%s\"", text_to_cstring(name)),
			 errhint("Use year, year_to_date, rolling_year or as_loaded.")));
	return PERIOD_FORM_YEAR;
}

/* A date as a DateADT. */
static DateADT
make_dateadt(int year, int month, int day)
{
	while (month < 1)
	{
		month += 12;
		year--;
	}
	while (month > 12)
	{
		month -= 12;
		year++;
	}
	return date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
}

/* A canonical label as text. */
static text *
period_text(const JobindsatsPeriod *p)
{
	char		buf[PERIOD_LABEL_SIZE];
	int			len = period_format(p, buf);

	return cstring_to_text_with_len(buf, len);
}

/* period_kind(text): year, quarter, month or four quarters */
Datum
period_label_kind(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_TEXT_P(cstring_to_text(period_kind_name(p.kind)));
}

/* period_start(text): the first day */
Datum
period_label_start(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_DATEADT(make_dateadt(p.year, period_first_month(&p), 1));
}

/* period_end(text): the last day */
Datum
period_label_end(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_DATEADT(make_dateadt(p.year, period_month_after(&p), 1) - 1);
}

/* period_index(text): the running number within the kind */
Datum
period_label_index(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_INT32(period_index(&p));
}

/* period_from_index(kind, idx): the label, or NULL outside the years 0001-9999 */
Datum
period_label_from_index(PG_FUNCTION_ARGS)
{
	PeriodKind	kind = kind_of_name(PG_GETARG_TEXT_PP(0));
	JobindsatsPeriod p;

	if (!period_from_index(kind, PG_GETARG_INT32(1), &p))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(period_text(&p));
}

/* period_previous(text): the period before, of the same kind; NULL before 0001 */
Datum
period_label_previous(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	if (!period_from_index(p.kind, period_index(&p) - 1, &p))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(period_text(&p));
}

/* The state of period_series between calls. */
typedef struct PeriodSeriesState
{
	PeriodKind	kind;
	int			next;
	int			last;
} PeriodSeriesState;

/* period_series(first_period, last_period): every period from first to last */
Datum
period_label_series(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	PeriodSeriesState *state;
	JobindsatsPeriod p;

	if (SRF_IS_FIRSTCALL())
	{
		text	   *first_label = PG_GETARG_TEXT_PP(0);
		text	   *last_label = PG_GETARG_TEXT_PP(1);
		JobindsatsPeriod first;
		JobindsatsPeriod last;
		MemoryContext oldcontext;

		period_of_text(first_label, &first);
		period_of_text(last_label, &last);
		if (first.kind != last.kind)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("periods \"%s\" and \"%s\" are of different kinds",
							text_to_cstring(first_label), text_to_cstring(last_label)),
					 errdetail("\"%s\" is a %s, \"%s\" a %s.",
							   text_to_cstring(first_label), period_kind_name(first.kind),
							   text_to_cstring(last_label), period_kind_name(last.kind)),
					 errhint("Give two years, two quarters or two months.")));

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		state = palloc(sizeof(PeriodSeriesState));
		state->kind = first.kind;
		state->next = period_index(&first);
		state->last = period_index(&last);
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(oldcontext);
	}

	funcctx = SRF_PERCALL_SETUP();
	state = funcctx->user_fctx;
	if (state->next <= state->last)
	{
		period_from_index(state->kind, state->next++, &p);
		SRF_RETURN_NEXT(funcctx, PointerGetDatum(period_text(&p)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* period_canonical(text): 2024Y01 -> 2024, 2025Q04 -> 2025Q4, others as written */
Datum
period_label_canonical(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_TEXT_P(period_text(&p));
}

/* period_is_valid(text): whether a text is a period label, without an error */
Datum
period_label_is_valid(PG_FUNCTION_ARGS)
{
	text	   *label = PG_GETARG_TEXT_PP(0);
	JobindsatsPeriod p;

	PG_RETURN_BOOL(period_parse(VARDATA_ANY(label), VARSIZE_ANY_EXHDR(label), &p, NULL) == PERIOD_VALID);
}

/* period_is_canonical(text): whether a text is a period label written as period_canonical writes it */
Datum
period_label_is_canonical(PG_FUNCTION_ARGS)
{
	text	   *label = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(label);
	JobindsatsPeriod p;
	char		buf[PERIOD_LABEL_SIZE];

	if (period_parse(VARDATA_ANY(label), len, &p, NULL) != PERIOD_VALID)
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(period_format(&p, buf) == len && memcmp(buf, VARDATA_ANY(label), len) == 0);
}

/* The state of period_rollup between calls. */
typedef struct PeriodRollupState
{
	PeriodRollup rollups[PERIOD_ROLLUPS_MAX];
	int			count;
	int			next;
} PeriodRollupState;

/* Computes the roll-ups of period_rollup's arguments into state (none when one but latest is NULL). */
static void
rollups_of_arguments(FunctionCallInfo fcinfo, PeriodRollupState *state)
{
	JobindsatsPeriod p;
	JobindsatsPeriod latest;
	PeriodForm	form;
	int			months_required;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
		return;
	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	form = form_of_name(PG_GETARG_TEXT_PP(1));
	months_required = PG_GETARG_INT32(3);
	if (months_required < 1 || months_required > 12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("months_required must be 1 to 12, not %d", months_required),
				 errdetail("It is how many months of a year a mean needs, as in benchmark.jobindsats_term.")));
	if (!PG_ARGISNULL(2))
	{
		period_of_text(PG_GETARG_TEXT_PP(2), &latest);
		if (latest.kind != p.kind)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("latest period \"%s\" is not of the kind of period \"%s\"",
							text_to_cstring(PG_GETARG_TEXT_PP(2)), text_to_cstring(PG_GETARG_TEXT_PP(0))),
					 errdetail("\"%s\" is a %s, \"%s\" a %s.",
							   text_to_cstring(PG_GETARG_TEXT_PP(2)), period_kind_name(latest.kind),
							   text_to_cstring(PG_GETARG_TEXT_PP(0)), period_kind_name(p.kind)),
					 errhint("Give the latest period loaded of the same kind, or NULL.")));
	}
	state->count = period_rollups(&p, form, PG_ARGISNULL(2) ? NULL : &latest, months_required, state->rollups);
}

/*
 * period_rollup(label, period_form, latest, months_required): the periods of
 * a form a loaded period counts in, its part in each, the parts that make
 * one complete and the parts a mean needs
 */
Datum
period_label_rollup(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	PeriodRollupState *state;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("period_rollup must be called where a set of rows is expected")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		state = palloc0(sizeof(PeriodRollupState));
		funcctx->user_fctx = state;
		MemoryContextSwitchTo(oldcontext);
		rollups_of_arguments(fcinfo, state);
	}

	funcctx = SRF_PERCALL_SETUP();
	state = funcctx->user_fctx;
	if (state->next < state->count)
	{
		const PeriodRollup *r = &state->rollups[state->next++];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = PointerGetDatum(period_text(&r->period));
		values[1] = Int32GetDatum(r->part);
		values[2] = Int32GetDatum(r->parts);
		values[3] = Int32GetDatum(r->parts_required);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
