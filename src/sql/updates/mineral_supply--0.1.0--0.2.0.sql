-- mineral_supply 0.1.0 -> 0.2.0
--
-- concentration_ratio(producer, quantity, n) keeps n in its state (a new
-- type, supply_mix_top_n) instead of reading it from the plan, so it runs on
-- Citus, as a window aggregate and in any plan.  The aggregate's state type
-- changes, which ALTER AGGREGATE cannot do: it is dropped and created again,
-- so a view that calls the row form concentration_ratio(producer, quantity, n)
-- must be dropped before this update and created again after it (the update
-- stops with an error naming the view otherwise).  Stored supply_mix and
-- country_code values are not touched.

\echo Use "ALTER EXTENSION mineral_supply UPDATE TO '0.2.0'" to load this file. \quit

DROP AGGREGATE concentration_ratio(text, double precision, bigint);
DROP FUNCTION concentration_ratio_final(supply_mix);
DROP FUNCTION supply_mix_accum(supply_mix, text, double precision, bigint);

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
