/*
 * period_core_test.c
 *		Unit tests of the period rules without PostgreSQL (src/period_core.c),
 *		run under AddressSanitizer and UBSan by `make unittest`: every label
 *		of every kind in the years 0001-9999 parsed, written and numbered,
 *		bad labels refused, and the roll-ups of every period form checked
 *		against an oracle that works with the months each period spans.
 */
#include "period_core.h"

#include <stdio.h>
#include <string.h>

static int	failures = 0;
static int	checks = 0;

#define CHECK(cond) \
	do { \
		checks++; \
		if (!(cond)) \
		{ \
			failures++; \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

static const PeriodKind kinds[] = {PERIOD_YEAR, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_FOUR_QUARTERS};
static const PeriodForm forms[] = {PERIOD_FORM_YEAR, PERIOD_FORM_YEAR_TO_DATE, PERIOD_FORM_ROLLING_YEAR,
PERIOD_FORM_AS_LOADED};

/* How many periods of a kind a year has. */
static int
numbers_of(PeriodKind kind)
{
	return kind == PERIOD_YEAR ? 1 : kind == PERIOD_MONTH ? 12 : 4;
}

/* Parses a NUL-terminated label. */
static PeriodStatus
parse(const char *s, JobindsatsPeriod *p)
{
	return period_parse(s, (int) strlen(s), p, NULL);
}

/* Every label of the years 1-9999: written, read back, numbered consecutively. */
static void
test_every_label(void)
{
	size_t		k;
	int			year;
	int			number;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
	{
		int			expected_index = -1;

		for (year = 1; year <= 9999; year++)
			for (number = 1; number <= numbers_of(kinds[k]); number++)
			{
				JobindsatsPeriod p = {kinds[k], year, number};
				JobindsatsPeriod back;
				JobindsatsPeriod from_index;
				char		buf[PERIOD_LABEL_SIZE];
				int			len = period_format(&p, buf);
				int			index = period_index(&p);

				CHECK(len > 0 && len < PERIOD_LABEL_SIZE && (int) strlen(buf) == len);
				CHECK(period_parse(buf, len, &back, NULL) == PERIOD_VALID);
				CHECK(back.kind == p.kind && back.year == p.year && back.number == p.number);
				CHECK(expected_index < 0 || index == expected_index);
				expected_index = index + 1;
				CHECK(period_from_index(kinds[k], index, &from_index));
				CHECK(from_index.kind == p.kind && from_index.year == year && from_index.number == number);
			}
		/* before 0001 and after 9999 there is no period */
		{
			JobindsatsPeriod first = {kinds[k], 1, 1};
			JobindsatsPeriod out;

			CHECK(!period_from_index(kinds[k], period_index(&first) - 1, &out));
			CHECK(!period_from_index(kinds[k], expected_index, &out));
		}
	}
}

/* Labels in the API v3's spelling, malformed labels and fields out of range. */
static void
test_bad_and_v3_labels(void)
{
	static const char *const malformed[] = {"", "202", "2022M3", "2022m03", "2022Q", "2022Q001", "2022QMAT1",
		"2022QMAT001", " 2022", "2022 ", "2022H1", "2022Y1", "20x2", "2022M0x", "2022QMATxx"};
	static const char *const out_of_range[] = {"0000", "2022M00", "2022M13", "2022Q0", "2022Q5", "2022Q05",
		"2022QMAT00", "2022QMAT05", "2022Y02", "2022Y00", "0000M01"};
	JobindsatsPeriod p;
	const char *detail = NULL;
	size_t		i;

	for (i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
	{
		detail = NULL;
		CHECK(period_parse(malformed[i], (int) strlen(malformed[i]), &p, &detail) == PERIOD_MALFORMED);
		CHECK(detail != NULL);
	}
	for (i = 0; i < sizeof(out_of_range) / sizeof(out_of_range[0]); i++)
	{
		detail = NULL;
		CHECK(period_parse(out_of_range[i], (int) strlen(out_of_range[i]), &p, &detail) == PERIOD_OUT_OF_RANGE);
		CHECK(detail != NULL);
	}
	CHECK(parse("2024Y01", &p) == PERIOD_VALID && p.kind == PERIOD_YEAR && p.year == 2024);
	CHECK(parse("2025Q04", &p) == PERIOD_VALID && p.kind == PERIOD_QUARTER && p.number == 4);
	/* a label is read to its length, not to a NUL */
	CHECK(period_parse("2022M031", 7, &p, NULL) == PERIOD_VALID && p.number == 3);
}

/* The names of kinds and forms, both ways. */
static void
test_names(void)
{
	size_t		i;
	PeriodKind	kind;
	PeriodForm	form;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
	{
		const char *name = period_kind_name(kinds[i]);

		CHECK(period_kind_parse(name, (int) strlen(name), &kind) && kind == kinds[i]);
	}
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		const char *name = period_form_name(forms[i]);

		CHECK(period_form_parse(name, (int) strlen(name), &form) && form == forms[i]);
	}
	CHECK(!period_kind_parse("Year", 4, &kind));
	CHECK(!period_kind_parse("years", 5, &kind));
	CHECK(!period_kind_parse("yea", 3, &kind));
	CHECK(!period_form_parse("year-to-date", 12, &form));
	CHECK(!period_form_parse("rolling", 7, &form));
	CHECK(!period_form_parse("", 0, &form));
}

/*
 * The oracle's months: the first month of a period and its length, as
 * running numbers of months (year * 12 + month - 1), from what the labels
 * mean: a year its twelve months, a quarter three, four quarters the twelve
 * months ending with the last month of their quarter.
 */
static void
span_of(const JobindsatsPeriod *p, int *first, int *months)
{
	switch (p->kind)
	{
		case PERIOD_YEAR:
			*first = p->year * 12;
			*months = 12;
			return;
		case PERIOD_QUARTER:
			*first = p->year * 12 + 3 * (p->number - 1);
			*months = 3;
			return;
		case PERIOD_MONTH:
			*first = p->year * 12 + p->number - 1;
			*months = 1;
			return;
		case PERIOD_FOUR_QUARTERS:
			*first = p->year * 12 + 3 * p->number - 12;
			*months = 12;
			return;
	}
}

/*
 * What period_rollups should give, by brute force over the candidate
 * periods of the form's kind around p: a month or quarter counts in every
 * one whose months hold its months (in a year to date only the months
 * through latest's month of the year), a year or four quarters in the one
 * with the same months; none ends after latest.
 */
static int
oracle_rollups(const JobindsatsPeriod *p, PeriodForm form, const JobindsatsPeriod *latest, int months_required,
			   PeriodRollup *out)
{
	PeriodKind	target_kind = form == PERIOD_FORM_ROLLING_YEAR ? PERIOD_FOUR_QUARTERS :
		form == PERIOD_FORM_AS_LOADED ? p->kind : PERIOD_YEAR;
	int			p_first;
	int			p_months;
	int			latest_first;
	int			latest_months;
	int			year;
	int			number;
	int			n = 0;

	span_of(p, &p_first, &p_months);
	if (latest != NULL)
		span_of(latest, &latest_first, &latest_months);
	for (year = p->year - 1; year <= p->year + 2; year++)
		for (number = 1; number <= numbers_of(target_kind); number++)
		{
			JobindsatsPeriod t = {target_kind, year, number};
			int			t_first;
			int			t_months;
			bool		counts;

			if (year < 1 || year > 9999)
				continue;
			span_of(&t, &t_first, &t_months);
			if (form == PERIOD_FORM_YEAR_TO_DATE && p->kind == PERIOD_MONTH && latest != NULL)
				t_months = latest->number;
			if (p_months == 12 || form == PERIOD_FORM_AS_LOADED)
				counts = t_first == p_first && t_months == p_months;
			else
				counts = t_first <= p_first && p_first + p_months <= t_first + t_months;
			if (!counts || (latest != NULL && t_first + t_months > latest_first + latest_months))
				continue;
			out[n].period = t;
			out[n].part = (p_first - t_first) / p_months + 1;
			out[n].parts = t_months / p_months;
			/* a mean: months_required months of a year, fewer by those a year to date lacks */
			if (p_months == 12 || form == PERIOD_FORM_AS_LOADED)
				out[n].parts_required = 1;
			else
			{
				int			months = months_required - (12 - t_months);
				int			required = (months + p_months - 1) / p_months;

				out[n].parts_required = required < 1 ? 1 : required;
			}
			n++;
		}
	return n;
}

/* True when two lists of roll-ups are the same. */
static bool
same_rollups(const PeriodRollup *a, int n_a, const PeriodRollup *b, int n_b)
{
	int			i;

	if (n_a != n_b)
		return false;
	for (i = 0; i < n_a; i++)
		if (a[i].period.kind != b[i].period.kind || a[i].period.year != b[i].period.year ||
			a[i].period.number != b[i].period.number || a[i].part != b[i].part || a[i].parts != b[i].parts ||
			a[i].parts_required != b[i].parts_required)
			return false;
	return true;
}

/* Compares period_rollups with the oracle for one period, form, latest and months_required. */
static void
check_rollups(const JobindsatsPeriod *p, PeriodForm form, const JobindsatsPeriod *latest, int months_required)
{
	PeriodRollup got[PERIOD_ROLLUPS_MAX + 1];
	PeriodRollup expected[16];
	int			n_got = period_rollups(p, form, latest, months_required, got);
	int			n_expected = oracle_rollups(p, form, latest, months_required, expected);

	CHECK(n_got >= 0 && n_got <= PERIOD_ROLLUPS_MAX);
	if (!same_rollups(got, n_got, expected, n_expected))
	{
		char		label[PERIOD_LABEL_SIZE];

		period_format(p, label);
		fprintf(stderr, "roll-ups of %s in %s (months_required %d) differ from the oracle: %d against %d\n",
				label, period_form_name(form), months_required, n_got, n_expected);
		CHECK(false);
	}
	else
		CHECK(true);
}

/* The roll-ups of every period of 2018-2024 and around 0001 and 9999, in every form. */
static void
test_rollups(void)
{
	static const int years[] = {1, 2, 3, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 9997, 9998, 9999};
	size_t		y;
	size_t		k;
	size_t		f;
	int			number;
	int			months_required;

	for (y = 0; y < sizeof(years) / sizeof(years[0]); y++)
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			for (number = 1; number <= numbers_of(kinds[k]); number++)
				for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
					for (months_required = 1; months_required <= 12; months_required++)
					{
						JobindsatsPeriod p = {kinds[k], years[y], number};
						int			latest_number;

						check_rollups(&p, forms[f], NULL, months_required);
						/* the latest period of p's kind: in p's year, or the year after */
						for (latest_number = 1; latest_number <= numbers_of(kinds[k]); latest_number++)
						{
							JobindsatsPeriod latest = {kinds[k], years[y], latest_number};

							check_rollups(&p, forms[f], &latest, months_required);
							if (years[y] < 9999)
							{
								latest.year = years[y] + 1;
								check_rollups(&p, forms[f], &latest, months_required);
							}
						}
					}
}

/* A few roll-ups written out, as the SQL reference documents them. */
static void
test_rollup_examples(void)
{
	PeriodRollup r[PERIOD_ROLLUPS_MAX];
	JobindsatsPeriod p;
	JobindsatsPeriod latest;
	char		label[PERIOD_LABEL_SIZE];

	/* 2022M03 counts in 2022QMAT01 (its last month) to 2022QMAT04 (its 3rd) */
	parse("2022M03", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_ROLLING_YEAR, NULL, 12, r) == 4);
	period_format(&r[0].period, label);
	CHECK(strcmp(label, "2022QMAT01") == 0 && r[0].part == 12 && r[0].parts == 12);
	period_format(&r[3].period, label);
	CHECK(strcmp(label, "2022QMAT04") == 0 && r[3].part == 3);
	/* a year to date through June: 2022M03 is the 3rd of 6 months; a mean of 10 months a year needs 4 */
	parse("2023M06", &latest);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR_TO_DATE, &latest, 10, r) == 1);
	period_format(&r[0].period, label);
	CHECK(strcmp(label, "2022") == 0 && r[0].part == 3 && r[0].parts == 6 && r[0].parts_required == 4);
	/* ... and July counts in none */
	parse("2022M07", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR_TO_DATE, &latest, 10, r) == 0);
	/* a year that ends after the latest month is not made */
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, &latest, 10, r) == 1);
	parse("2023M01", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, &latest, 10, r) == 0);
	/* four quarters are a calendar year only when they end with Q4 */
	parse("2022QMAT03", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, NULL, 12, r) == 0);
	parse("2022QMAT04", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, NULL, 12, r) == 1 && r[0].period.kind == PERIOD_YEAR);
	/* a year is four quarters ending with its Q4 */
	parse("2022", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_ROLLING_YEAR, NULL, 12, r) == 1);
	period_format(&r[0].period, label);
	CHECK(strcmp(label, "2022QMAT04") == 0);
	/* quarters: a mean of 10 months a year needs 4 quarters, of 6 months 2 */
	parse("2022Q2", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, NULL, 10, r) == 1 && r[0].part == 2 && r[0].parts == 4 &&
		  r[0].parts_required == 4);
	CHECK(period_rollups(&p, PERIOD_FORM_YEAR, NULL, 6, r) == 1 && r[0].parts_required == 2);
	/* nothing after 9999 */
	parse("9999M12", &p);
	CHECK(period_rollups(&p, PERIOD_FORM_ROLLING_YEAR, NULL, 12, r) == 1);
}

int
main(void)
{
	test_every_label();
	test_bad_and_v3_labels();
	test_names();
	test_rollups();
	test_rollup_examples();
	printf("period_core: %d checks, %d failed\n", checks, failures);
	return failures == 0 ? 0 : 1;
}
