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

-- Least privilege (README "Roles and privileges"): the reference tables are
-- readable by everyone who can use the extension, so that the CRMA and
-- criticality functions, which run as their caller, work for an ordinary
-- role; writing stays the owner's and whom a DBA grants INSERT, UPDATE,
-- DELETE; rows with seeded = true only the owner may write.
GRANT SELECT ON crma_benchmark TO PUBLIC;
GRANT SELECT ON criticality_threshold TO PUBLIC;
GRANT SELECT ON critical_material_list TO PUBLIC;
COMMENT ON TABLE crma_benchmark IS
	'CRMA benchmarks as shares of EU annual consumption; seeded with Art. 5(1) for 2030. Readable by everyone; editors (granted INSERT, UPDATE, DELETE) edit or add rows (a 2035 what-if): their rows take precedence over the seeded ones and pg_dump keeps them';
COMMENT ON TABLE criticality_threshold IS
	'Thresholds of criticality (SR >= supply_risk_min and EI >= economic_importance_min); seeded with the CRMA''s. Readable by everyone; editors (granted INSERT, UPDATE, DELETE) edit or add rows: their rows take precedence and pg_dump keeps them';

-- Seeded rows are the owner's (60_crma.sql says why; protect_seeded fires
-- first, by name, and turns an UPDATE of a shipped row into the user's row).
CREATE FUNCTION reference_row_seeded_by_owner() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	owner oid;
BEGIN
	SELECT c.relowner INTO owner FROM pg_class c WHERE c.oid = TG_RELID;
	IF NOT pg_has_role(current_user, owner, 'MEMBER') THEN
		RAISE EXCEPTION 'only the owner of %.% can write rows with seeded = true', TG_TABLE_SCHEMA, TG_TABLE_NAME
			USING ERRCODE = '42501',
			      DETAIL = 'Seeded rows are the ones mineral_supply ships.',
			      HINT = 'Write your own row, with seeded = false (the default): it takes precedence over the seeded one.';
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION reference_row_seeded_by_owner() IS
	'Trigger of the reference tables: only the table owner (a member of the owner role; superusers are) may write a row with seeded = true';
CREATE TRIGGER seeded_by_owner BEFORE INSERT OR UPDATE ON crma_benchmark
	FOR EACH ROW WHEN (NEW.seeded) EXECUTE FUNCTION reference_row_seeded_by_owner();
COMMENT ON TRIGGER seeded_by_owner ON crma_benchmark IS
	'Only the owner writes rows with seeded = true (the shipped benchmarks)';
CREATE TRIGGER seeded_by_owner BEFORE INSERT OR UPDATE ON criticality_threshold
	FOR EACH ROW WHEN (NEW.seeded) EXECUTE FUNCTION reference_row_seeded_by_owner();
COMMENT ON TRIGGER seeded_by_owner ON criticality_threshold IS
	'Only the owner writes rows with seeded = true (the shipped thresholds)';

-- The two SQL functions of the CRMA part pin their search_path too: called
-- directly with a schema of the caller's ahead of pg_catalog on the path, an
-- operator there (=) stood in for the built-in one in crma_benchmark_share.
ALTER FUNCTION crma_benchmark_share(text, integer) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION crma_assessment(double precision, double precision, double precision, double precision,
		supply_mix, date, integer) SET search_path = pg_catalog, pg_temp;

-- The protect_seeded triggers of 0.1.0 had no comment.
COMMENT ON TRIGGER protect_seeded ON crma_benchmark IS
	'Shipped benchmarks stay as shipped: an UPDATE writes the user''s own row for the same benchmark and year, a DELETE is refused';
COMMENT ON TRIGGER protect_seeded ON criticality_threshold IS
	'Shipped thresholds stay as shipped: an UPDATE writes the user''s own row for the same method, a DELETE is refused';

-- eu_share counts EU territory with its own code (the outermost regions,
-- Aland) as the EU (C change; the comment says so).
COMMENT ON FUNCTION eu_share(supply_mix, date) IS
	'Share (0-1) of the EU in the complete total of a mix keyed by country codes: member states and EU territory with its own code (outermost regions such as Reunion, Aland), not OCTs; the remainder is never assigned to a country';

-- comtrade_country: UN Comtrade / BACI codes.
-- UN Comtrade's (and CEPII BACI's) country codes are ISO 3166-1 numeric
-- codes with a few exceptions of their own: 842 USA, 251 France (with
-- Monaco), 381 Italy (with San Marino), 579 Norway (with Svalbard and Jan
-- Mayen), 699 India, 757 Switzerland (with Liechtenstein), and 490 "Other
-- Asia, nes", which is Taiwan in these data (BACI documents it so).  A code
-- that is no country (0 World, 97 the EU, 899 Areas nes, ...) is an error
-- naming it, never a silent NULL.
CREATE FUNCTION comtrade_country(code integer) RETURNS country_code
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	RETURN CASE code
		WHEN 842 THEN 'US' WHEN 251 THEN 'FR' WHEN 381 THEN 'IT' WHEN 579 THEN 'NO'
		WHEN 699 THEN 'IN' WHEN 757 THEN 'CH' WHEN 490 THEN 'TW'
		ELSE lpad(code::text, 3, '0') END::@extschema@.country_code;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE EXCEPTION 'UN Comtrade code % is not a country', code
		USING ERRCODE = '22023',
		      HINT = 'Aggregates such as 0 (World), 97 (EU-27) or 899 (Areas, nes) name no country: keep them apart.';
END $$;
COMMENT ON FUNCTION comtrade_country(integer) IS
	'The country of a UN Comtrade / CEPII BACI numeric code: ISO 3166-1 numeric, and the exceptions 842 US, 251 FR, 381 IT, 579 NO, 699 IN, 757 CH, 490 TW (Other Asia, nes); an aggregate code is ERROR 22023';

COMMENT ON FUNCTION numeric_code(country_code) IS 'ISO 3166-1 numeric code, three digits (UN Comtrade uses these but for a few countries: comtrade_country)';

-- producer_rank (measures).
CREATE FUNCTION producer_rank(supply_mix, producer text) RETURNS integer
	AS 'MODULE_PATHNAME', 'supply_mix_producer_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION producer_rank(supply_mix, text) IS
	'Rank (1 = largest) of a named producer by quantity descending, then producer ascending, as top_producers orders them; NULL when it is not in the mix';
