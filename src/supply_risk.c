/*
 * supply_risk.c — the C of the supply-risk topic (EU method, CRMA Annex II
 * section 2): the governance-weighted HHI of a weighted mix, the rows that
 * build one (the hhi_wgi aggregates' transition functions), and
 * with_weights for stored mixes.  The rest of the topic is SQL
 * (src/sql/70_supply_risk.sql).
 */
#include "supply_mix.h"

#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"

static inline bool
weight_ok(double x)
{
	return !isnan(x) && !isinf(x) && x >= 0.0;
}

/*
 * A governance score and trade factor, where given, must be finite and
 * >= 0 (a missing one is checked where it is needed, and printed as NaN).
 */
void
check_weight(double wgi, bool has_wgi, double trade_factor, bool has_tf,
			 const char *key, size_t len)
{
	if ((has_wgi && !weight_ok(wgi)) || (has_tf && !weight_ok(trade_factor)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("governance score and trade factor must be finite numbers of zero or more"),
				 errdetail("Producer \"%s\": score %g, trade factor %g.",
						   key ? key_for_message(key, len) : "(none)", wgi, trade_factor)));
}

/* supply_mix_accum_weighted(state, producer text, quantity, wgi [, trade_factor]) */
PG_FUNCTION_INFO_V1(supply_mix_accum_weighted);
Datum
supply_mix_accum_weighted(PG_FUNCTION_ARGS)
{
	return mix_accum(fcinfo, ROW_WEIGHTED);
}

/* supply_mix_accum_weighted(state, producer country_code, quantity, wgi [, trade_factor]) */
PG_FUNCTION_INFO_V1(supply_mix_accum_weighted_country);
Datum
supply_mix_accum_weighted_country(PG_FUNCTION_ARGS)
{
	return mix_accum(fcinfo, ROW_WEIGHTED | ROW_COUNTRY_KEY);
}

/*
 * hhi_wgi(m): the governance-weighted HHI of a weighted mix, sum of
 * share^2 x weight with shares as fractions (0-1) of the complete total;
 * the final function of the hhi_wgi aggregates.
 */
PG_FUNCTION_INFO_V1(supply_mix_hhi_wgi);
Datum
supply_mix_hhi_wgi(PG_FUNCTION_ARGS)
{
	MixView		v;
	MixShares	s;

	MIX_ARG_WITH_SHARES(v, s);
	if (v.count > 0 && v.weight == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("supply_mix has no weights"),
				 errhint("Build it with the aggregate hhi_wgi(producer, quantity, wgi[, trade_factor]), "
						 "or give a stored mix its weights: hhi_wgi(with_weights(mix, wgi_scaled jsonb)).")));
	PG_RETURN_FLOAT8(mix_hhi_weighted(&v, &s));
}

/* A number from a jsonb object by key; false when the key is absent. */
static bool
jsonb_number(Jsonb *jb, const char *key, uint32 len, const char *what, double *out)
{
	JsonbValue	v;

	if (jb == NULL || getKeyJsonValueFromContainer(&jb->root, key, len, &v) == NULL)
		return false;
	if (v.type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s of producer \"%s\" is not a number", what, key_for_message(key, len))));
	*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
	return true;
}

/*
 * with_weights(mix, wgi_scaled jsonb, trade_factors jsonb, default_wgi):
 * the mix with a weight per producer, WGI x trade factor, from jsonb
 * objects {"CN": 5.6, ...}.  A producer missing from wgi_scaled takes
 * default_wgi, or is an error when that is NULL; trade factors default to 1.
 */
typedef struct WeightsEdit
{
	Jsonb	   *wgi;
	Jsonb	   *tf;				/* NULL: every trade factor is 1 */
	bool		has_default;
	double		default_wgi;
} WeightsEdit;

static bool
weights_edit(void *arg, MixProducer *p)
{
	WeightsEdit *e = arg;
	double		w,
				f = 1.0;

	if (!jsonb_number(e->wgi, p->key, p->len, "governance score", &w))
	{
		if (!e->has_default)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("producer \"%s\" has no governance score in the weights",
							key_for_message(p->key, p->len)),
					 errhint("Add it, or pass default_wgi for the producers without one.")));
		w = e->default_wgi;
	}
	(void) jsonb_number(e->tf, p->key, p->len, "trade factor", &f);
	check_weight(w, true, f, true, p->key, p->len);
	p->weighted = true;
	p->weight = w * f;
	return true;
}

PG_FUNCTION_INFO_V1(supply_mix_with_weights);
Datum
supply_mix_with_weights(PG_FUNCTION_ARGS)
{
	MixView		v;
	WeightsEdit e;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	e.wgi = PG_GETARG_JSONB_P(1);
	e.tf = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	e.has_default = !PG_ARGISNULL(3);
	e.default_wgi = e.has_default ? PG_GETARG_FLOAT8(3) : 0.0;
	if (!JB_ROOT_IS_OBJECT(e.wgi) || (e.tf && !JB_ROOT_IS_OBJECT(e.tf)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weights must be jsonb objects of producer -> number")));
	PG_GETARG_MIX_VIEW(0, &v);
	return mix_rebuild(&v, weights_edit, &e, v.remainder);
}
