/*
 * aggregate_support.c
 *		What the aggregates share: memory for the ranking core, the aggregate
 *		context check, and reading the entity argument.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "ranking.h"

/* palloc for the ranking core, in a given memory context. */
static void *
rk_palloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

/* repalloc for the ranking core. */
static void *
rk_repalloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	return repalloc_huge(ptr, new_size);
}

/* pfree for the ranking core's scratch memory. */
static void
rk_pfree(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* The ranking core's interrupt hook: query cancel and statement_timeout. */
void
rk_check_for_interrupts(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* An allocator for the ranking core that takes memory from context. */
RkAllocator
rk_allocator(MemoryContext context)
{
	RkAllocator mem;

	mem.alloc = rk_palloc;
	mem.grow = rk_repalloc;
	mem.ctx = context;
	mem.release = rk_pfree;
	return mem;
}

/* The aggregate memory context, or an error outside an aggregate. */
MemoryContext
aggregate_memory_context(FunctionCallInfo fcinfo, const char *function)
{
	MemoryContext context;

	if (!AggCheckCallContext(fcinfo, &context))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context", function)));
	return context;
}

/* How an entity argument is read, found once per call site and kept in fn_extra. */
typedef struct EntityReader
{
	bool		is_text;		/* text or varchar: the bytes as they are */
	FmgrInfo	output;			/* otherwise the type's output function */
} EntityReader;

/*
 * The bytes of an entity argument: text as it is, any other type (such as
 * kommune) as its output function prints it.  The argument must not be NULL.
 */
const char *
entity_argument(FunctionCallInfo fcinfo, int argno, int *len)
{
	EntityReader *reader = (EntityReader *) fcinfo->flinfo->fn_extra;
	char	   *printed;

	if (reader == NULL)
	{
		Oid			type = get_fn_expr_argtype(fcinfo->flinfo, argno);

		if (!OidIsValid(type))
			elog(ERROR, "could not determine the type of the entity argument");
		reader = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(EntityReader));
		reader->is_text = (type == TEXTOID || type == VARCHAROID);
		if (!reader->is_text)
		{
			Oid			output;
			bool		varlena;

			getTypeOutputInfo(type, &output, &varlena);
			fmgr_info_cxt(output, &reader->output, fcinfo->flinfo->fn_mcxt);
		}
		fcinfo->flinfo->fn_extra = reader;
	}
	if (reader->is_text)
	{
		text	   *entity = PG_GETARG_TEXT_PP(argno);

		*len = VARSIZE_ANY_EXHDR(entity);
		return VARDATA_ANY(entity);
	}
	printed = OutputFunctionCall(&reader->output, PG_GETARG_DATUM(argno));
	*len = strlen(printed);
	return printed;
}

/* A bytea of size payload bytes for a serialized state, or an error when too large. */
bytea *
state_bytea(size_t size, const char *aggregate)
{
	bytea	   *result;

	if (size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s state is too large to pass between parallel workers", aggregate)));
	result = palloc(VARHDRSZ + size);
	SET_VARSIZE(result, VARHDRSZ + size);
	return result;
}
