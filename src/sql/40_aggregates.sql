-------------------------------------------------------------------------------
-- Aggregates that build and merge mixes
-------------------------------------------------------------------------------

-- Transition function: adds one row (producer, quantity) to the state. A NULL
-- producer adds to the unattributed remainder; a NULL quantity is ignored.
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision) IS
	'Transition function of supply_mix_agg: adds quantity to producer (NULL producer: the remainder; NULL quantity: ignored)';

-- The same, for aggregates that carry a top-n parameter (read by their final
-- function).  n is bigint so that drivers binding 64-bit integers (JDBC
-- setLong, Python ints) need no cast; smaller integers widen to it.
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision, bigint) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision, bigint) IS
	'Transition function of concentration_ratio(producer, quantity, n): as supply_mix_accum, the n is read by the final function';

CREATE FUNCTION supply_mix_combine(supply_mix, supply_mix) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_combine(supply_mix, supply_mix) IS
	'Combine function of the supply_mix aggregates: merges a partial mix into the state';

CREATE AGGREGATE supply_mix_agg(producer text, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(text, double precision) IS
	'Builds a supply_mix from rows (producer, quantity); NULL producer adds to the remainder, NULL quantity is ignored, no rows give an empty mix';

CREATE AGGREGATE supply_mix_agg(mix supply_mix) (
	SFUNC = supply_mix_combine,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(supply_mix) IS
	'Merges stored mixes (rollup); NULL mixes are ignored, no rows give an empty mix';

CREATE FUNCTION supply_mix_accum(supply_mix, country_code, double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, country_code, double precision) IS
	'Transition function of supply_mix_agg(country_code, quantity): keys are alpha-2 codes';

CREATE AGGREGATE supply_mix_agg(producer country_code, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(country_code, double precision) IS
	'Builds a supply_mix keyed by alpha-2 codes from rows (country, quantity); NULL country adds to the remainder';

-------------------------------------------------------------------------------
-- Aggregates straight from rows: the building aggregate plus a final function
-------------------------------------------------------------------------------

CREATE AGGREGATE hhi(producer text, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	FINALFUNC = hhi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(text, double precision) IS
	'HHI (0-10000) of the rows'' producers; rows with a NULL producer form the remainder (lower bound)';

CREATE FUNCTION concentration_ratio_final(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION concentration_ratio_final(supply_mix) IS
	'Final function of concentration_ratio(producer, quantity, n): reads n from the aggregate call, which must not vary by row';

CREATE AGGREGATE concentration_ratio(producer text, quantity double precision, n bigint) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	FINALFUNC = concentration_ratio_final,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE concentration_ratio(text, double precision, bigint) IS
	'CRn (0-1) of the rows'' producers; n must be the same for every row (a constant or a bind parameter)';
