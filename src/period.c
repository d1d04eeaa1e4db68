/*
 * period.c
 *		jobindsats period labels: parsing, dates, running numbers.
 *
 * The grammar (no white space, upper-case letters):
 *
 *		YYYY			a year				2022
 *		YYYYQn			a quarter			2022Q1
 *		YYYYMnn			a month				2022M03
 *		YYYYQMATnn		four quarters		2023QMAT01 (2022Q2 to 2023Q1)
 *		YYYYYnn			a year (API v3)		2024Y01, read as 2024
 *		YYYYQnn			a quarter (API v3)	2025Q04, read as 2025Q4
 *
 * Text that does not follow the grammar is malformed (22P02); a year 0000, a
 * month outside 01-12, a quarter outside 1-4 or a v3 year other than Y01 is
 * out of range (22008).  A running number ("index") counts the periods of
 * one kind: year * 12 + month - 1 for months, year * 4 + quarter - 1 for
 * quarters and four quarters, the year itself for years.
 */
#include "postgres.h"

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

static const char *const kind_names[] = {"year", "quarter", "month", "four quarters"};
static const int periods_per_year[] = {1, 4, 12, 4};

/* The value of n ASCII digits at s, or -1 when one of them is not a digit. */
static int
digits_value(const char *s, int n)
{
	int			value = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return -1;
		value = value * 10 + (s[i] - '0');
	}
	return value;
}

/* Sets *detail when detail is not NULL and returns status. */
static PeriodStatus
parse_failure(PeriodStatus status, const char **detail, const char *why)
{
	if (detail != NULL)
		*detail = why;
	return status;
}

/* Parses a label (see the file header). */
PeriodStatus
period_parse(const char *s, int len, JobindsatsPeriod *out, const char **detail)
{
	int			year;
	int			number = 1;
	int			low = 1;
	int			high = 1;
	PeriodKind	kind;
	const char *range_detail = NULL;

	if (len < 4 || (year = digits_value(s, 4)) < 0)
		goto malformed;
	if (len == 4)
		kind = PERIOD_YEAR;
	else if (len == 7 && s[4] == 'M' && (number = digits_value(s + 5, 2)) >= 0)
	{
		kind = PERIOD_MONTH;
		high = 12;
		range_detail = "The month must be 01 to 12.";
	}
	else if ((len == 6 || len == 7) && s[4] == 'Q' &&
			 (number = digits_value(s + 5, len - 5)) >= 0)
	{
		kind = PERIOD_QUARTER;
		high = 4;
		range_detail = "The quarter must be 1 to 4.";
	}
	else if (len == 10 && memcmp(s + 4, "QMAT", 4) == 0 &&
			 (number = digits_value(s + 8, 2)) >= 0)
	{
		kind = PERIOD_FOUR_QUARTERS;
		high = 4;
		range_detail = "The last quarter of a QMAT period must be 01 to 04.";
	}
	else if (len == 7 && s[4] == 'Y' && (number = digits_value(s + 5, 2)) >= 0)
	{
		kind = PERIOD_YEAR;
		range_detail = "A year in the form of the API v3 is written with Y01, as in 2024Y01.";
	}
	else
		goto malformed;

	if (year < 1)
		return parse_failure(PERIOD_OUT_OF_RANGE, detail, "The year must be 0001 or later.");
	if (number < low || number > high)
		return parse_failure(PERIOD_OUT_OF_RANGE, detail, range_detail);
	out->kind = kind;
	out->year = year;
	out->number = number;
	return PERIOD_VALID;

malformed:
	return parse_failure(PERIOD_MALFORMED, detail,
						 "A period label is a year (2022), a month (2022M03), a quarter (2022Q1) or "
						 "four quarters ending with a quarter (2023QMAT01); the API v3 also writes "
						 "years as 2024Y01 and quarters as 2025Q04.");
}

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

/* Writes the canonical label. */
int
period_format(const JobindsatsPeriod *p, char *buf)
{
	switch (p->kind)
	{
		case PERIOD_YEAR:
			return snprintf(buf, PERIOD_LABEL_SIZE, "%04d", p->year);
		case PERIOD_QUARTER:
			return snprintf(buf, PERIOD_LABEL_SIZE, "%04dQ%d", p->year, p->number);
		case PERIOD_MONTH:
			return snprintf(buf, PERIOD_LABEL_SIZE, "%04dM%02d", p->year, p->number);
		case PERIOD_FOUR_QUARTERS:
			return snprintf(buf, PERIOD_LABEL_SIZE, "%04dQMAT%02d", p->year, p->number);
	}
	elog(ERROR, "unknown period kind %d", (int) p->kind);
	return 0;
}

/* The running number of a period within its kind. */
int
period_index(const JobindsatsPeriod *p)
{
	return p->year * periods_per_year[p->kind] + p->number - 1;
}

/* The period of a kind with a running number, if its year is 1 .. 9999. */
bool
period_from_index(PeriodKind kind, int index, JobindsatsPeriod *out)
{
	int			per_year = periods_per_year[kind];

	if (index < per_year || index >= 10000 * per_year)
		return false;
	out->kind = kind;
	out->year = index / per_year;
	out->number = kind == PERIOD_YEAR ? 1 : index % per_year + 1;
	return true;
}

/* The SQL name of a kind. */
const char *
period_kind_name(PeriodKind kind)
{
	return kind_names[kind];
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
	char	   *s = text_to_cstring(name);
	int			i;

	for (i = 0; i < lengthof(kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0)
			return (PeriodKind) i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown kind of jobindsats period: \"%s\"", s),
			 errhint("The kinds are year, quarter, month and four quarters (as period_kind returns them).")));
	return PERIOD_YEAR;
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

/* The first month of a period, counted from January of its year (may be 0 or less). */
static int
first_month(const JobindsatsPeriod *p)
{
	switch (p->kind)
	{
		case PERIOD_YEAR:
			return 1;
		case PERIOD_MONTH:
			return p->number;
		case PERIOD_QUARTER:
			return 3 * p->number - 2;
		case PERIOD_FOUR_QUARTERS:
			return 3 * p->number - 2 - 9;
	}
	return 1;
}

/* The month after the last month of a period, counted like first_month. */
static int
month_after(const JobindsatsPeriod *p)
{
	switch (p->kind)
	{
		case PERIOD_YEAR:
			return 13;
		case PERIOD_MONTH:
			return p->number + 1;
		case PERIOD_QUARTER:
		case PERIOD_FOUR_QUARTERS:
			return 3 * p->number + 1;
	}
	return 13;
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
	PG_RETURN_DATEADT(make_dateadt(p.year, first_month(&p), 1));
}

/* period_end(text): the last day */
Datum
period_label_end(PG_FUNCTION_ARGS)
{
	JobindsatsPeriod p;

	period_of_text(PG_GETARG_TEXT_PP(0), &p);
	PG_RETURN_DATEADT(make_dateadt(p.year, month_after(&p), 1) - 1);
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
