/*
 * period_core.c
 *		jobindsats period labels without PostgreSQL: parsing, running numbers,
 *		months, and the roll-ups of the period forms.
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
 *
 * The period forms roll loaded periods up into calendar years, years to
 * date and rolling years (period_rollups): the rules of which period of a
 * form a loaded period counts in, and how many loaded periods make one
 * complete, are written here and nowhere else.
 */
#include "period_core.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[] = {"year", "quarter", "month", "four quarters"};
static const int periods_per_year[] = {1, 4, 12, 4};
static const int months_per_period[] = {12, 3, 1, 12};
static const char *const form_names[] = {"year", "year_to_date", "rolling_year", "as_loaded"};

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
	buf[0] = '\0';
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

/* The kind a name stands for. */
bool
period_kind_parse(const char *s, int len, PeriodKind *out)
{
	int			i;

	for (i = 0; i < (int) (sizeof(kind_names) / sizeof(kind_names[0])); i++)
		if ((int) strlen(kind_names[i]) == len && memcmp(s, kind_names[i], len) == 0)
		{
			*out = (PeriodKind) i;
			return true;
		}
	return false;
}

/* The first month of a period, counted from January of its year (may be 0 or less). */
int
period_first_month(const JobindsatsPeriod *p)
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

/* The month after the last month of a period, counted like period_first_month. */
int
period_month_after(const JobindsatsPeriod *p)
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

/* The form a name stands for. */
bool
period_form_parse(const char *s, int len, PeriodForm *out)
{
	int			i;

	for (i = 0; i < (int) (sizeof(form_names) / sizeof(form_names[0])); i++)
		if ((int) strlen(form_names[i]) == len && memcmp(s, form_names[i], len) == 0)
		{
			*out = (PeriodForm) i;
			return true;
		}
	return false;
}

/* The SQL name of a form. */
const char *
period_form_name(PeriodForm form)
{
	return form_names[form];
}

/* The last month of a period as a running number of months (year * 12 + month - 1). */
static int
last_month_index(const JobindsatsPeriod *p)
{
	return p->year * 12 + period_month_after(p) - 2;
}

/*
 * Appends the roll-up of a period of kind loaded_kind into target at out[n],
 * unless the target's last month (as last_month_index) comes after
 * latest_end; returns the new count.
 */
static int
append_rollup(PeriodRollup *out, int n, const JobindsatsPeriod *target, int target_end, int latest_end,
			  PeriodKind loaded_kind, int part, int parts, int months_required)
{
	int			per_part = months_per_period[loaded_kind];
	int			whole_year_parts = 12 / per_part;
	int			required = (months_required + per_part - 1) / per_part - (whole_year_parts - parts);

	if (target_end > latest_end)
		return n;
	out[n].period = *target;
	out[n].part = part;
	out[n].parts = parts;
	out[n].parts_required = required < 1 ? 1 : required;
	return n + 1;
}

/* The periods of a form that a loaded period counts in (see period_core.h). */
int
period_rollups(const JobindsatsPeriod *p, PeriodForm form, const JobindsatsPeriod *latest, int months_required,
			   PeriodRollup *out)
{
	int			latest_end = latest != NULL ? last_month_index(latest) : 10000 * 12;
	bool		whole_year = months_per_period[p->kind] == 12;
	JobindsatsPeriod target;
	int			n = 0;
	int			i;

	switch (form)
	{
		case PERIOD_FORM_AS_LOADED:
			return append_rollup(out, 0, p, last_month_index(p), latest_end, p->kind, 1, 1, months_required);

		case PERIOD_FORM_YEAR:
		case PERIOD_FORM_YEAR_TO_DATE:
			{
				int			part = whole_year ? 1 : p->number;
				int			parts = 12 / months_per_period[p->kind];
				int			last_month = 12;

				/* four quarters are a calendar year only when they end with Q4 */
				if (p->kind == PERIOD_FOUR_QUARTERS && p->number != 4)
					return 0;
				if (form == PERIOD_FORM_YEAR_TO_DATE && p->kind == PERIOD_MONTH && latest != NULL)
				{
					last_month = latest->number;
					parts = last_month;
					if (part > parts)
						return 0;
				}
				target.kind = PERIOD_YEAR;
				target.year = p->year;
				target.number = 1;
				return append_rollup(out, 0, &target, p->year * 12 + last_month - 1, latest_end,
									 p->kind, part, parts, months_required);
			}

		case PERIOD_FORM_ROLLING_YEAR:
			if (whole_year)
			{
				target.kind = PERIOD_FOUR_QUARTERS;
				target.year = p->year;
				target.number = p->kind == PERIOD_YEAR ? 4 : p->number;
				return append_rollup(out, 0, &target, last_month_index(&target), latest_end,
									 p->kind, 1, 1, months_required);
			}
			else
			{
				int			parts = 12 / months_per_period[p->kind];
				int			loaded_end = last_month_index(p);

				/* the four quarters ending with p's quarter and the next three */
				for (i = 0; i < 4; i++)
				{
					int			target_end;

					if (!period_from_index(PERIOD_FOUR_QUARTERS, loaded_end / 3 + i, &target))
						break;
					target_end = last_month_index(&target);
					n = append_rollup(out, n, &target, target_end, latest_end, p->kind,
									  parts - (target_end - loaded_end) / months_per_period[p->kind], parts,
									  months_required);
				}
				return n;
			}
	}
	return 0;
}
