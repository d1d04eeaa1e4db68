/*
 * period.h
 *		jobindsats period labels: the one parser of every caller.
 *
 * Labels are a year (2022), a quarter (2022Q1), a month (2022M03) or four
 * quarters ending with a quarter (2023QMAT01).  The API v3 writes years as
 * 2024Y01 and quarters with two digits (2025Q04); both are read as the
 * canonical 2024 and 2025Q4.
 */
#ifndef BENCHMARK_PERIOD_H
#define BENCHMARK_PERIOD_H

/* The kinds of periods, in the order of their SQL names below. */
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

/* Parses a label or reports an error (22P02 or 22008) naming it. */
extern void period_parse_or_error(const char *s, int len, JobindsatsPeriod *out);

/* Writes the canonical label into buf (PERIOD_LABEL_SIZE bytes); returns its length. */
extern int	period_format(const JobindsatsPeriod *p, char *buf);

/* The running number of a period within its kind (consecutive periods differ by 1). */
extern int	period_index(const JobindsatsPeriod *p);

/* The period of a kind with a running number; false outside the years 1 .. 9999. */
extern bool period_from_index(PeriodKind kind, int index, JobindsatsPeriod *out);

/* The SQL name of a kind: year, quarter, month, four quarters. */
extern const char *period_kind_name(PeriodKind kind);

#endif							/* BENCHMARK_PERIOD_H */
