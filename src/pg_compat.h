/*
 * pg_compat.h — the places where PostgreSQL's C API differs between the
 * versions mineral_supply builds against (13 to 17).
 */
#ifndef PG_COMPAT_H
#define PG_COMPAT_H

#include "postgres.h"

#include "funcapi.h"

/*
 * Soft input errors (pg_input_is_valid, COPY ... ON_ERROR) exist from
 * PostgreSQL 16; before, an input error is an ordinary ERROR.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define mix_input_error(context, ...) errsave(context, __VA_ARGS__)
#else
#define mix_input_error(context, ...) ereport(ERROR, __VA_ARGS__)
#endif

/* InitMaterializedSRF arrived in PostgreSQL 15 (as SetSingleFuncCall in 15.0). */
#if PG_VERSION_NUM < 150000
#include "miscadmin.h"
#include "utils/tuplestore.h"

static inline void
InitMaterializedSRF(FunctionCallInfo fcinfo, bits32 flags)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext old;
	TupleDesc	tupdesc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap(true, false, work_mem);
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);
}
#endif

#endif							/* PG_COMPAT_H */
