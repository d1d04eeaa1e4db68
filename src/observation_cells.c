/*
 * observation_cells.c
 *		The cells of a series of the observation store, kept in its row as
 *		four arrays of one length: periods, cell_values, cell_stored_at and
 *		cell_load_ids (src/sql/store/store_tables.sql).
 *
 * The store's checks of those arrays (aligned, canonical periods, each
 * period once) and the merge a load does: a document's cells of a series
 * against the stored ones, a new period appended, a changed value replaced
 * in place with the load and the moment that brought it, an equal value
 * (as numeric equality has it: 1.0 = 1.00) left as it was stored; and the
 * cells an update of a series replaced or removed, which the vintages keep.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "period.h"

PG_FUNCTION_INFO_V1(jobindsats_cells_aligned);
PG_FUNCTION_INFO_V1(jobindsats_periods_canonical);
PG_FUNCTION_INFO_V1(jobindsats_periods_once);
PG_FUNCTION_INFO_V1(jobindsats_values_finite);
PG_FUNCTION_INFO_V1(jobindsats_cells_merge);
PG_FUNCTION_INFO_V1(jobindsats_cells_replaced);

/* One array of a series' cells, taken apart. */
typedef struct CellArray
{
	ArrayType  *array;
	Oid			type;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
} CellArray;

/* Takes an array of a series' cells apart; false when it has more than one dimension or does not start at 1. */
static bool
cell_array_read(ArrayType *array, CellArray *out)
{
	out->array = array;
	out->type = ARR_ELEMTYPE(array);
	get_typlenbyvalalign(out->type, &out->typlen, &out->typbyval, &out->typalign);
	if (ARR_NDIM(array) > 1 || (ARR_NDIM(array) == 1 && ARR_LBOUND(array)[0] != 1))
		return false;
	deconstruct_array(array, out->type, out->typlen, out->typbyval, out->typalign,
					  &out->elems, &out->nulls, &out->n);
	return true;
}

/* An array of n elements of a cell array's type (empty for none). */
static Datum
cell_array_build(const CellArray *like, Datum *elems, bool *nulls, int n)
{
	int			dims[1];
	int			lbs[1] = {1};

	if (n == 0)
		return PointerGetDatum(construct_empty_array(like->type));
	dims[0] = n;
	return PointerGetDatum(construct_md_array(elems, nulls, 1, dims, lbs, like->type,
											  like->typlen, like->typbyval, like->typalign));
}

/* Whether an array holds a NULL element. */
static bool
cell_array_has_null(const CellArray *a)
{
	int			i;

	for (i = 0; i < a->n; i++)
		if (a->nulls[i])
			return true;
	return false;
}

/* Takes apart n arrays of a series' cells, the arguments from first on; an error names the caller when they are not aligned. */
static void
cell_arrays_read(FunctionCallInfo fcinfo, int first, int n, CellArray **out, const char *caller)
{
	int			i;

	for (i = 0; i < n; i++)
		if (!cell_array_read(PG_GETARG_ARRAYTYPE_P(first + i), out[i]) || out[i]->n != out[0]->n)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: the cells' arrays are not aligned", caller)));
}

/*
 * jobindsats_cells_aligned(periods, cell_values, cell_stored_at,
 * cell_load_ids): the four arrays are one-dimensional from 1 (or empty) and
 * of one length, and no period or moment stored is NULL.
 */
Datum
jobindsats_cells_aligned(PG_FUNCTION_ARGS)
{
	int			n = -1;
	int			i;

	for (i = 0; i < 4; i++)
	{
		ArrayType  *array = PG_GETARG_ARRAYTYPE_P(i);
		int			len = ARR_NDIM(array) == 0 ? 0 : ARR_DIMS(array)[0];

		if (ARR_NDIM(array) > 1 || (ARR_NDIM(array) == 1 && ARR_LBOUND(array)[0] != 1) || (n >= 0 && len != n))
			PG_RETURN_BOOL(false);
		/* no period (0) or moment (2) is NULL */
		if ((i == 0 || i == 2) && array_contains_nulls(array))
			PG_RETURN_BOOL(false);
		n = len;
	}
	PG_RETURN_BOOL(true);
}

/*
 * Whether an array is the one a check last found good, byte for byte (the
 * series of a document mostly share their periods); remembered for the
 * call site (a statement's check) in fn_extra.
 */
static bool
periods_checked_before(FunctionCallInfo fcinfo, ArrayType *periods)
{
	bytea	   *last = (bytea *) fcinfo->flinfo->fn_extra;

	return last != NULL && VARSIZE(last) == VARSIZE(periods) && memcmp(last, periods, VARSIZE(periods)) == 0;
}

/* Remembers an array a check found good (see periods_checked_before). */
static void
periods_checked(FunctionCallInfo fcinfo, ArrayType *periods)
{
	if (fcinfo->flinfo->fn_extra != NULL)
		pfree(fcinfo->flinfo->fn_extra);
	fcinfo->flinfo->fn_extra = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, VARSIZE(periods));
	memcpy(fcinfo->flinfo->fn_extra, periods, VARSIZE(periods));
}

/* jobindsats_periods_canonical(periods): every period is a canonical label (a NULL is left to jobindsats_cells_aligned). */
Datum
jobindsats_periods_canonical(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	CellArray	periods;
	int			i;

	if (periods_checked_before(fcinfo, array))
		PG_RETURN_BOOL(true);
	if (!cell_array_read(array, &periods))
		PG_RETURN_BOOL(false);
	for (i = 0; i < periods.n; i++)
	{
		text	   *label = DatumGetTextPP(periods.elems[i]);
		int			len = VARSIZE_ANY_EXHDR(label);
		JobindsatsPeriod p;
		char		buf[PERIOD_LABEL_SIZE];

		if (periods.nulls[i])
			continue;
		if (period_parse(VARDATA_ANY(label), len, &p, NULL) != PERIOD_VALID ||
			period_format(&p, buf) != len || memcmp(buf, VARDATA_ANY(label), len) != 0)
			PG_RETURN_BOOL(false);
	}
	periods_checked(fcinfo, array);
	PG_RETURN_BOOL(true);
}

/* Orders two period labels (text datums) by their bytes: qsort_arg's comparator over indexes into them. */
static int
period_order(const void *a, const void *b, void *arg)
{
	const Datum *labels = (const Datum *) arg;
	text	   *x = DatumGetTextPP(labels[*(const int *) a]);
	text	   *y = DatumGetTextPP(labels[*(const int *) b]);
	int			xlen = VARSIZE_ANY_EXHDR(x);
	int			ylen = VARSIZE_ANY_EXHDR(y);
	int			c = memcmp(VARDATA_ANY(x), VARDATA_ANY(y), Min(xlen, ylen));

	return c != 0 ? c : (xlen > ylen) - (xlen < ylen);
}

/* The indexes of an array's periods in the order of their bytes (NULLs left out); *n their number. */
static int *
periods_sorted(const CellArray *periods, int *n)
{
	int		   *order = palloc(sizeof(int) * Max(periods->n, 1));
	int			i;

	*n = 0;
	for (i = 0; i < periods->n; i++)
		if (!periods->nulls[i])
			order[(*n)++] = i;
	qsort_arg(order, *n, sizeof(int), period_order, periods->elems);
	return order;
}

/* jobindsats_periods_once(periods): no period is in the array twice. */
Datum
jobindsats_periods_once(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	CellArray	periods;
	int		   *order;
	int			n;
	int			i;

	if (periods_checked_before(fcinfo, array))
		PG_RETURN_BOOL(true);
	if (!cell_array_read(array, &periods))
		PG_RETURN_BOOL(false);
	order = periods_sorted(&periods, &n);
	for (i = 1; i < n; i++)
		if (period_order(&order[i - 1], &order[i], periods.elems) == 0)
			PG_RETURN_BOOL(false);
	periods_checked(fcinfo, array);
	PG_RETURN_BOOL(true);
}

/* jobindsats_values_finite(cell_values): no value is NaN or infinite (NULLs are suppressed cells). */
Datum
jobindsats_values_finite(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	ArrayIterator it = array_create_iterator(array, 0, NULL);
	Datum		value;
	bool		isnull;

	while (array_iterate(it, &value, &isnull))
		if (!isnull && (numeric_is_nan(DatumGetNumeric(value)) || numeric_is_inf(DatumGetNumeric(value))))
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(true);
}

/* The position in the stored periods of a period, by binary search over their order; -1 when not stored. */
static int
period_position(const CellArray *stored, const int *order, int n, Datum period)
{
	text	   *wanted = DatumGetTextPP(period);
	int			len = VARSIZE_ANY_EXHDR(wanted);
	int			lo = 0;
	int			hi = n - 1;

	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		text	   *label = DatumGetTextPP(stored->elems[order[mid]]);
		int			mlen = VARSIZE_ANY_EXHDR(label);
		int			c = memcmp(VARDATA_ANY(label), VARDATA_ANY(wanted), Min(len, mlen));

		if (c == 0)
			c = (mlen > len) - (mlen < len);
		if (c == 0)
			return order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Whether two cell values differ: NULL (suppressed) against a number, or two numbers unequal. */
static bool
values_differ(Datum a, bool a_null, Datum b, bool b_null)
{
	if (a_null || b_null)
		return a_null != b_null;
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, a, b)) != 0;
}

/*
 * jobindsats_cells_merge(periods, cell_values, cell_stored_at,
 * cell_load_ids, new_periods, new_values, load_id, stored_at): a series'
 * stored cells with a document's cells of it merged in, and how many were
 * added and replaced.  A stored period keeps its place; a new one is
 * appended in the document's order.  The document's periods are each once
 * (the loader checks it before).
 */
Datum
jobindsats_cells_merge(PG_FUNCTION_ARGS)
{
	CellArray	periods;
	CellArray	values;
	CellArray	stored_at;
	CellArray	load_ids;
	CellArray	new_periods;
	CellArray	new_values;
	Datum		load_id = PG_GETARG_DATUM(6);
	Datum		now = PG_GETARG_DATUM(7);
	TupleDesc	desc;
	Datum		result[6];
	bool		result_nulls[6] = {false};
	int		   *order;
	int			nsorted;
	int			n;
	int			added = 0;
	int			replaced = 0;
	int			i;
	Datum	   *out_periods;
	Datum	   *out_values;
	bool	   *out_value_nulls;
	Datum	   *out_stored_at;
	Datum	   *out_load_ids;
	bool	   *out_load_id_nulls;
	bool	   *out_no_nulls;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "jobindsats_cells_merge must return a record");
	cell_arrays_read(fcinfo, 0, 4, (CellArray *[]) {&periods, &values, &stored_at, &load_ids}, "jobindsats_cells_merge");
	cell_arrays_read(fcinfo, 4, 2, (CellArray *[]) {&new_periods, &new_values}, "jobindsats_cells_merge");
	if (cell_array_has_null(&new_periods))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("jobindsats_cells_merge: a period of the document's cells is NULL")));
	CHECK_FOR_INTERRUPTS();

	n = periods.n + new_periods.n;
	out_periods = palloc(sizeof(Datum) * Max(n, 1));
	out_values = palloc(sizeof(Datum) * Max(n, 1));
	out_value_nulls = palloc(sizeof(bool) * Max(n, 1));
	out_stored_at = palloc(sizeof(Datum) * Max(n, 1));
	out_load_ids = palloc(sizeof(Datum) * Max(n, 1));
	out_load_id_nulls = palloc(sizeof(bool) * Max(n, 1));
	out_no_nulls = palloc0(sizeof(bool) * Max(n, 1));
	for (i = 0; i < periods.n; i++)
	{
		out_periods[i] = periods.elems[i];
		out_values[i] = values.elems[i];
		out_value_nulls[i] = values.nulls[i];
		out_stored_at[i] = stored_at.elems[i];
		out_load_ids[i] = load_ids.elems[i];
		out_load_id_nulls[i] = load_ids.nulls[i];
	}
	n = periods.n;
	order = periods_sorted(&periods, &nsorted);
	for (i = 0; i < new_periods.n; i++)
	{
		int			at = period_position(&periods, order, nsorted, new_periods.elems[i]);

		if (at < 0)
		{
			at = n++;
			added++;
			out_periods[at] = new_periods.elems[i];
		}
		else if (values_differ(out_values[at], out_value_nulls[at], new_values.elems[i], new_values.nulls[i]))
			replaced++;
		else
			continue;
		out_values[at] = new_values.elems[i];
		out_value_nulls[at] = new_values.nulls[i];
		out_stored_at[at] = now;
		out_load_ids[at] = load_id;
		out_load_id_nulls[at] = false;
	}

	if (added + replaced == 0)
	{
		/* the stored arrays as they are (most series of a reload) */
		result[0] = PointerGetDatum(periods.array);
		result[1] = PointerGetDatum(values.array);
		result[2] = PointerGetDatum(stored_at.array);
		result[3] = PointerGetDatum(load_ids.array);
	}
	else
	{
		result[0] = cell_array_build(&periods, out_periods, out_no_nulls, n);
		result[1] = cell_array_build(&values, out_values, out_value_nulls, n);
		result[2] = cell_array_build(&stored_at, out_stored_at, out_no_nulls, n);
		result[3] = cell_array_build(&load_ids, out_load_ids, out_load_id_nulls, n);
	}
	result[4] = Int32GetDatum(added);
	result[5] = Int32GetDatum(replaced);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), result, result_nulls)));
}

/*
 * jobindsats_cells_replaced(periods, cell_values, cell_stored_at,
 * cell_load_ids, new_periods, new_values, new_load_ids): the cells of a
 * series' old row that its new row replaced (another value) or removed (no
 * such period), each with its old value, when that was stored and the load
 * that brought it, and the load that replaced it when another (NULL for a
 * removal or a write of the same load).
 */
Datum
jobindsats_cells_replaced(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CellArray	periods;
	CellArray	values;
	CellArray	stored_at;
	CellArray	load_ids;
	CellArray	new_periods;
	CellArray	new_values;
	CellArray	new_load_ids;
	int		   *order;
	int			nsorted;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	cell_arrays_read(fcinfo, 0, 4, (CellArray *[]) {&periods, &values, &stored_at, &load_ids}, "jobindsats_cells_replaced");
	cell_arrays_read(fcinfo, 4, 3, (CellArray *[]) {&new_periods, &new_values, &new_load_ids}, "jobindsats_cells_replaced");
	CHECK_FOR_INTERRUPTS();

	order = periods_sorted(&new_periods, &nsorted);
	for (i = 0; i < periods.n; i++)
	{
		Datum		row[5];
		bool		nulls[5];
		int			at;

		if (periods.nulls[i])
			continue;
		at = period_position(&new_periods, order, nsorted, periods.elems[i]);
		if (at >= 0 && !values_differ(values.elems[i], values.nulls[i], new_values.elems[at], new_values.nulls[at]))
			continue;
		row[0] = periods.elems[i];
		nulls[0] = false;
		row[1] = values.elems[i];
		nulls[1] = values.nulls[i];
		row[2] = stored_at.elems[i];
		nulls[2] = stored_at.nulls[i];
		row[3] = load_ids.elems[i];
		nulls[3] = load_ids.nulls[i];
		/* the load that replaced it, when another than the one that brought it */
		nulls[4] = at < 0 || new_load_ids.nulls[at] ||
			(!load_ids.nulls[i] && DatumGetInt64(load_ids.elems[i]) == DatumGetInt64(new_load_ids.elems[at]));
		row[4] = nulls[4] ? (Datum) 0 : new_load_ids.elems[at];
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, row, nulls);
	}
	return (Datum) 0;
}
