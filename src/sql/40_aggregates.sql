-------------------------------------------------------------------------------
-- Aggregates that build and merge mixes
-------------------------------------------------------------------------------

-- Transition function: adds one row (producer, quantity) to the state. A NULL
-- producer adds to the unattributed remainder; a NULL quantity is ignored.
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision) IS
	'Transition function of supply_mix_agg: adds quantity to producer (NULL producer: the remainder; NULL quantity: ignored)';

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

-- concentration_ratio(producer, quantity, n) keeps its n in its state, a
-- supply_mix with the n it was called with, so that the state carries all a
-- final function needs wherever it is combined (parallel workers, Citus'
-- coordinator).  n is bigint so that drivers binding 64-bit integers (JDBC
-- setLong, Python ints) need no cast; smaller integers widen to it.
CREATE TYPE supply_mix_top_n;
CREATE FUNCTION supply_mix_top_n_in(cstring) RETURNS supply_mix_top_n
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION supply_mix_top_n_out(supply_mix_top_n) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE supply_mix_top_n (
	INPUT = supply_mix_top_n_in,
	OUTPUT = supply_mix_top_n_out,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE supply_mix_top_n IS
	'State of concentration_ratio(producer, quantity, n): a supply_mix and the n of the call; text form n:{mix}, e.g. 3:{"CN": 270000}';
COMMENT ON FUNCTION supply_mix_top_n_in(cstring) IS 'Reads a supply_mix_top_n from its text form n:{mix}';
COMMENT ON FUNCTION supply_mix_top_n_out(supply_mix_top_n) IS 'Writes a supply_mix_top_n as n:{mix} (n is 0 while no row gave one)';

CREATE FUNCTION supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) RETURNS supply_mix_top_n
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) IS
	'Transition function of concentration_ratio(producer, quantity, n): adds the row and keeps n, the same on every row that gives one';

CREATE FUNCTION supply_mix_top_n_combine(supply_mix_top_n, supply_mix_top_n) RETURNS supply_mix_top_n
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_top_n_combine(supply_mix_top_n, supply_mix_top_n) IS
	'Combine function of concentration_ratio(producer, quantity, n): merges partial states, whose n must agree';

CREATE FUNCTION concentration_ratio(supply_mix_top_n) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_top_n_concentration_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION concentration_ratio(supply_mix_top_n) IS
	'Final function of concentration_ratio(producer, quantity, n): CRn of the state with its own n; NULL when no row gave n or the total is zero';

CREATE AGGREGATE concentration_ratio(producer text, quantity double precision, n bigint) (
	SFUNC = supply_mix_top_n_accum,
	STYPE = supply_mix_top_n,
	FINALFUNC = concentration_ratio,
	COMBINEFUNC = supply_mix_top_n_combine,
	INITCOND = '0:{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE concentration_ratio(text, double precision, bigint) IS
	'CRn (0-1) of the rows'' producers; n must be the same on every row that gives one (NULL n: no n); works in any plan, as a window aggregate and on Citus';
