/*
 * as_of.c
 *		The "as of a moment" forms of the runner, the explain functions and
 *		the report: one C function behind them all.
 *
 * Each form is declared with the arguments of the function of the same name
 * and schema, then as_of timestamptz.  It calls that function, found by its
 * argument types, with the other arguments while the setting benchmark.as_of
 * names the moment: as a function's SET clause would, the setting is put back
 * when the call returns and undone with the (sub)transaction when it fails.
 * With as_of NULL the setting is left as it is (by default: the store as it
 * is).  What the function returns, a set or a value, is passed on as it is.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "nodes/pg_list.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

PG_FUNCTION_INFO_V1(benchmark_as_of_call);

/* The setting the store is read as of (src/sql/vintages/vintages.sql). */
#define AS_OF_SETTING "benchmark.as_of"

/*
 * The function of the form's name and schema that takes the form's arguments
 * but as_of, looked up once per call site; an error when there is none.
 */
static FmgrInfo *
as_of_target(FunctionCallInfo fcinfo)
{
	FmgrInfo   *target = (FmgrInfo *) fcinfo->flinfo->fn_extra;
	HeapTuple	tuple;
	Form_pg_proc form;
	char	   *schema;
	char	   *name;
	Oid			target_oid;

	if (target != NULL)
		return target;
	tuple = SearchSysCache1(PROCOID, ObjectIdGetDatum(fcinfo->flinfo->fn_oid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for function %u", fcinfo->flinfo->fn_oid);
	form = (Form_pg_proc) GETSTRUCT(tuple);
	schema = get_namespace_name(form->pronamespace);
	name = pstrdup(NameStr(form->proname));
	if (form->pronargs < 1 || form->proargtypes.values[form->pronargs - 1] != TIMESTAMPTZOID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
				 errmsg("function %s.%s is no as-of form", schema, name),
				 errdetail("An as-of form takes as_of timestamptz as its last argument.")));
	target_oid = LookupFuncName(list_make2(makeString(schema), makeString(name)),
								form->pronargs - 1, form->proargtypes.values, true);
	if (!OidIsValid(target_oid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("function %s.%s has no form without as_of for these arguments", schema, name)));
	target = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
	fmgr_info_cxt(target_oid, target, fcinfo->flinfo->fn_mcxt);
	ReleaseSysCache(tuple);
	fcinfo->flinfo->fn_extra = target;
	return target;
}

/* Calls the function of the same name without as_of, reading the store as of the moment as_of names. */
Datum
benchmark_as_of_call(PG_FUNCTION_ARGS)
{
	FmgrInfo   *target = as_of_target(fcinfo);
	LOCAL_FCINFO(call, FUNC_MAX_ARGS);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ReturnSetInfo inner;
	int			nest_level;
	Datum		result;
	int			i;

	if (target->fn_retset &&
		(rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || (rsinfo->allowedModes & SFRM_Materialize) == 0))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	InitFunctionCallInfoData(*call, target, target->fn_nargs, fcinfo->fncollation, NULL, NULL);
	for (i = 0; i < target->fn_nargs; i++)
	{
		call->args[i] = fcinfo->args[i];
		if (fcinfo->args[i].isnull && target->fn_strict)
		{
			/* as the executor would: no call, no rows or NULL */
			if (target->fn_retset)
			{
				rsinfo->returnMode = SFRM_Materialize;
				rsinfo->setResult = NULL;
				rsinfo->setDesc = NULL;
				return (Datum) 0;
			}
			PG_RETURN_NULL();
		}
	}
	if (target->fn_retset)
	{
		/* a SQL function accepts the call only if it may return value per call: asked to materialize */
		inner = *rsinfo;
		inner.allowedModes = SFRM_ValuePerCall | SFRM_Materialize | SFRM_Materialize_Preferred;
		inner.returnMode = SFRM_ValuePerCall;
		inner.isDone = ExprSingleResult;
		inner.setResult = NULL;
		inner.setDesc = NULL;
		call->resultinfo = (Node *) &inner;
	}

	nest_level = NewGUCNestLevel();
	if (!PG_ARGISNULL(target->fn_nargs))
		(void) set_config_option(AS_OF_SETTING,
								 DatumGetCString(DirectFunctionCall1(timestamptz_out,
																	 PG_GETARG_DATUM(target->fn_nargs))),
								 superuser() ? PGC_SUSET : PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
								 true, 0, false);
	result = FunctionCallInvoke(call);
	AtEOXact_GUC(true, nest_level);

	if (target->fn_retset)
	{
		if (inner.returnMode != SFRM_Materialize)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("function %s does not return its set materialized", get_func_name(target->fn_oid))));
		rsinfo->returnMode = SFRM_Materialize;
		rsinfo->setResult = inner.setResult;
		rsinfo->setDesc = inner.setDesc;
		return (Datum) 0;
	}
	fcinfo->isnull = call->isnull;
	return result;
}
