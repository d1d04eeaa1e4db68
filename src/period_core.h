/*
 * period_core.h
 *		jobindsats period labels without PostgreSQL: the one parser, the
 *		running numbers, the months a period spans, and the roll-ups of the
 *		period forms (calendar years, years to date, rolling years).
 *
 * Labels are a year (2022), a quarter (2022Q1), a month (2022M03) or four
 * quarters ending with a quarter (2023QMAT01).  The API v3 writes years as
 * 2024Y01 and quarters with two digits (2025Q04); both are read as the
 * canonical 2024 and 2025Q4.
 *
 * This part knows nothing of PostgreSQL, so that it can be unit-tested on its
 * own (test/unit/period_core_test.c); the glue (period.c) raises its errors
 * and serves it to SQL.
 */
#ifndef BENCHMARK_PERIOD_CORE_H
#define BENCHMARK_PERIOD_CORE_H

#include <stdbool.h>

/* The kinds of periods, in the order of their SQL names (period_kind_name). */
typedef enum PeriodKind
{
	PERIOD_YEAR,
	PERIOD_QUARTER,
	PERIOD_MONTH,
	PERIOD_FOUR_QUARTERS
} PeriodKind;

/* A parsed label. */
typedef struct JobindsatsPeriod
{
	PeriodKind	kind;
	int			year;			/* 1 .. 9999 */
	int			number;			/* month 1..12, quarter 1..4 (the last one of
								 * four quarters), 1 for a year */
} JobindsatsPeriod;

/* What period_parse found. */
typedef enum PeriodStatus
{
	PERIOD_VALID,
	PERIOD_MALFORMED,			/* not a label at all: 22P02 */
	PERIOD_OUT_OF_RANGE			/* a field out of range: 22008 */
} PeriodStatus;

/* Longest canonical label ("2023QMAT01") and its NUL. */
#define PERIOD_LABEL_SIZE 11

/*
 * Parses len bytes; on PERIOD_VALID fills *out.  Otherwise *detail (when not
 * NULL) says what is wrong, in a sentence fit for errdetail.
 */
extern PeriodStatus period_parse(const char *s, int len, JobindsatsPeriod *out,
								 const char **detail);

/* Writes the canonical label into buf (PERIOD_LABEL_SIZE bytes); returns its length. */
extern int	period_format(const JobindsatsPeriod *p, char *buf);

/* The running number of a period within its kind (consecutive periods differ by 1). */
extern int	period_index(const JobindsatsPeriod *p);

/* The period of a kind with a running number; false outside the years 1 .. 9999. */
extern bool period_from_index(PeriodKind kind, int index, JobindsatsPeriod *out);

/* The SQL name of a kind: year, quarter, month, four quarters. */
extern const char *period_kind_name(PeriodKind kind);

/* The kind a name (as period_kind_name writes it) of len bytes stands for; false for none. */
extern bool period_kind_parse(const char *s, int len, PeriodKind *out);

/* The first month of a period, counted from January of its year (0 or less: the year before). */
extern int	period_first_month(const JobindsatsPeriod *p);

/* The month after the last month of a period, counted like period_first_month (13: January after). */
extern int	period_month_after(const JobindsatsPeriod *p);

/*
 * The period forms a term's values are read in (jobindsats_term_values):
 * calendar years, years to date, rolling years (four quarters ending with
 * each quarter), and the periods as loaded.
 */
typedef enum PeriodForm
{
	PERIOD_FORM_YEAR,
	PERIOD_FORM_YEAR_TO_DATE,
	PERIOD_FORM_ROLLING_YEAR,
	PERIOD_FORM_AS_LOADED
} PeriodForm;

/* The form a name (year, year_to_date, rolling_year, as_loaded) of len bytes stands for; false for none. */
extern bool period_form_parse(const char *s, int len, PeriodForm *out);

/* The SQL name of a form. */
extern const char *period_form_name(PeriodForm form);

/* One period of a form that a loaded period counts in. */
typedef struct PeriodRollup
{
	JobindsatsPeriod period;	/* the period of the form */
	int			part;			/* the loaded period's place in it, 1 .. parts */
	int			parts;			/* the periods of the loaded kind that make it
								 * complete (a sum needs them all) */
	int			parts_required; /* of those, the ones a mean needs */
} PeriodRollup;

/* The most periods of a form one loaded period counts in (a month in rolling years). */
#define PERIOD_ROLLUPS_MAX 4

/*
 * The periods of a form that a loaded period p counts in, in order, into
 * out[PERIOD_ROLLUPS_MAX]; returns how many.
 *
 *	year			a month or quarter counts in its calendar year; a year as
 *					itself; four quarters ending with Q4 as their year, other
 *					four quarters in none
 *	year_to_date	as year, but a month counts only up to the month of the
 *					year of latest, and its year needs only those months
 *	rolling_year	a month or quarter counts in the four quarters ending with
 *					its quarter and with each of the next three quarters; four
 *					quarters as themselves; a year as the four quarters ending
 *					with its Q4
 *	as_loaded		the period itself
 *
 * latest (NULL: none) is the latest period loaded of p's kind: a period of
 * the form that ends after it is left out, as one that cannot be complete.
 * A mean needs months_required (1..12) months of a year: parts_required is
 * that many months in parts of p's kind, rounded up, fewer by the parts a
 * year to date leaves out, and at least one.  Periods after the year 9999
 * are left out.  The caller checks that latest is of p's kind.
 */
extern int	period_rollups(const JobindsatsPeriod *p, PeriodForm form,
						   const JobindsatsPeriod *latest, int months_required,
						   PeriodRollup *out);

#endif							/* BENCHMARK_PERIOD_CORE_H */
