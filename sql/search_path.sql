-- mineral_supply installed into its own schema and used under the
-- restricted search_path PostgreSQL uses for index builds, REFRESH
-- MATERIALIZED VIEW and other maintenance (pg_catalog, pg_temp; enforced
-- from PostgreSQL 17): every function must be callable schema-qualified,
-- and SQL bodies must find the extension's objects without the path.  In a
-- database of its own (test/prepare_db installed the extension into public
-- of the test database).  Making the database and installing the extension
-- are a superuser's (SET ROLE NONE: the session user); the rest runs as the
-- ordinary role of this suite, and edits the reference table as the editor.

SELECT current_database() AS regress_db \gset
SET ROLE NONE;
SET client_min_messages = warning;
DROP DATABASE IF EXISTS mineral_supply_search_path;
CREATE DATABASE mineral_supply_search_path;
\c mineral_supply_search_path
SET client_min_messages = warning;
CREATE SCHEMA ms;
CREATE EXTENSION mineral_supply SCHEMA ms;
-- what README "Roles and privileges" says: USAGE on the extension's schema
-- for its users, the editors' grant; and, as test/prepare_db does, CREATE
-- for the analyst's own objects
GRANT USAGE ON SCHEMA ms TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON ms.crma_benchmark, ms.criticality_threshold TO mineral_supply_editor;
GRANT CREATE ON DATABASE mineral_supply_search_path TO mineral_supply_analyst;
GRANT CREATE ON SCHEMA public TO mineral_supply_analyst;
SET ROLE mineral_supply_analyst;
SELECT e.extname, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'mineral_supply';
-- nothing of the extension went elsewhere
SELECT DISTINCT n.nspname
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE d.deptype = 'e';

SET search_path = pg_catalog, pg_temp;
SHOW search_path;

-------------------------------------------------------------------------------
-- Every function and aggregate, called schema-qualified with valid
-- arguments: none may fail for not finding an object (SQLSTATE class 42)
-------------------------------------------------------------------------------

CREATE TEMP TABLE sample_value (typ regtype PRIMARY KEY, val text);
INSERT INTO sample_value VALUES
	('ms.supply_mix', $$'{"CN": 6, "US": 2, "DE": 1, "": 1}'::ms.supply_mix$$),
	('ms.supply_mix_top_n', $$'2:{"CN": 6, "US": 2, "": 2}'::ms.supply_mix_top_n$$),
	('text', $$'processing'::text$$),
	('double precision', '0.5::float8'),
	('integer', '2030'),
	('bigint', '2::bigint'),
	('date', $$'2024-06-30'::date$$),
	('ms.country_code', $$'CN'::ms.country_code$$),
	('text[]', $$ARRAY['CN']$$),
	('jsonb', $$'{"CN": 1, "US": 2, "DE": 3}'::jsonb$$),
	('boolean', 'true'),
	('cstring', $$'{"a": 1}'::cstring$$);
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
	st text;
	msg text;
BEGIN
	EXECUTE q INTO r;
	RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	RETURN 'ERROR ' || st || ': ' || msg;
END $$;
CREATE TEMP TABLE qualified_call AS
SELECT p.oid::regprocedure AS fn, p.prokind,
       CASE WHEN p.prokind = 'a' THEN
            format('SELECT %s(%s)::text FROM (VALUES (1)) v', p.oid::regproc,
                   (SELECT string_agg(s.val, ', ' ORDER BY i) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, i)
                      JOIN sample_value s ON s.typ = a.t))
       ELSE format('SELECT count(*)::text FROM (SELECT %s(%s)) s', p.oid::regproc,
                   (SELECT string_agg(s.val, ', ' ORDER BY i) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, i)
                      JOIN sample_value s ON s.typ = a.t))
       END AS q
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
WHERE p.prorettype <> 'trigger'::regtype
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]))
  AND (SELECT coalesce(bool_and(t IN (SELECT typ FROM sample_value)), true) FROM unnest(p.proargtypes::oid[]) t);
-- the names are qualified: ms is not on the path
SELECT count(*) FILTER (WHERE q LIKE '%ms.%(%') = count(*) AS all_qualified, count(*) >= 70 AS many FROM qualified_call;
CREATE TEMP TABLE qualified_outcome AS SELECT fn, prokind, q, pg_temp.outcome(q) AS outcome FROM qualified_call;
-- errors other than a class-22 refusal of a sample value: none
SELECT fn, outcome FROM qualified_outcome
WHERE outcome LIKE 'ERROR%' AND outcome NOT LIKE 'ERROR 22%' ORDER BY fn::text;
SELECT count(*) AS calls, count(*) FILTER (WHERE outcome NOT LIKE 'ERROR%') AS succeeded FROM qualified_outcome
HAVING count(*) > 0;

-------------------------------------------------------------------------------
-- The API by hand, schema-qualified: types, casts, operators, aggregates
-------------------------------------------------------------------------------

SELECT '{"US": 45000, "CN": 270000, "": 1100}'::ms.supply_mix AS mix,
       '{"CN": 1}'::ms.supply_mix::jsonb AS to_jsonb,
       '{"CN": 1, "": 2}'::jsonb::ms.supply_mix AS from_jsonb,
       '{"a": 1}'::ms.supply_mix OPERATOR(ms.+) '{"a": 2, "b": 1}' AS merged,
       '{"a": 1, "b": 2}'::ms.supply_mix OPERATOR(ms.=) '{"b": 2, "a": 1}' AS equal;
SELECT ms.hhi(m), ms.hhi_bounds(m), ms.concentration_ratio(m, 2), ms.share(m, 'CN'), ms.gini(m),
       ms.shannon_entropy(m), ms.effective_suppliers(m), (ms.mix_summary(m)).top_producer
FROM (VALUES ('{"CN": 6, "US": 2, "AU": 1, "": 1}'::ms.supply_mix)) v(m);
SELECT * FROM ms.top_producers('{"CN": 6, "US": 2, "AU": 1}', 2);
SELECT ms.supply_mix_agg(p, q) AS mix, ms.hhi(p, q) AS hhi, ms.concentration_ratio(p, q, 1) AS cr1,
       ms.supply_mix_agg(c::ms.country_code, q) AS by_country
FROM (VALUES ('CN', 6::float8, 'CHN'), ('US', 3, 'USA'), (NULL, 1, NULL)) v(p, q, c);
SELECT ms.supply_mix_agg(m) FROM (VALUES ('{"a": 1}'::ms.supply_mix), ('{"a": 2, "": 1}')) v(m);
SELECT 'kaz'::ms.country_code AS country, ms.country_name('KZ'), ms.alpha3('KZ'), ms.numeric_code('KZ'),
       ms.eu_member('GB', '2020-01-31') AS gb_member_2020, ms.eu_member('GB', '2020-02-01') AS gb_member_after,
       ms.eu_oct('GL', '2024-01-01') AS greenland_oct, ms.third_country('NO', '2024-01-01') AS norway_third,
       cardinality(ms.eu_members('2024-01-01')) AS members_2024;
SELECT ms.eu_share('{"DE": 1, "FR": 1, "CN": 2}', '2024-01-01'), ms.top_third_country('{"DE": 1, "CN": 2, "US": 1}', '2024-01-01');

-- The SQL and PL/pgSQL functions reach the reference table and each other.
SELECT * FROM ms.crma_benchmark_share('processing', 2030);
SELECT * FROM ms.crma_capacity_gap('processing', 1000, 300);
SELECT * FROM ms.crma_third_country_gap('{"CN": 700, "MY": 150, "": 50}', 1000, '2030-12-31');
SELECT benchmark, achieved_share, gap_t, met, country
FROM ms.crma_assessment(1000, 60, 450, 100, '{"CN": 700, "MY": 150, "DE": 100, "": 50}', '2030-12-31');
SELECT ms.hhi_wgi(ms.with_weights('{"CN": 6, "US": 4}', '{"CN": 5, "US": 2}')) AS hhi_wgi_of_weighted,
       ms.hhi_wgi(p, q, w) AS hhi_wgi_agg
FROM (VALUES ('CN', 6::float8, 5::float8), ('US', 4, 2)) v(p, q, w);
SELECT ms.wgi_scaled(0.5), ms.eu_import_reliance(10, 80, 20), ms.is_critical(1.5, 3.0),
       ms.usgs_net_import_reliance(10, 80, 20);
-- The trigger on the reference table runs under the path too (as the
-- editor).
SET ROLE mineral_supply_editor;
UPDATE ms.crma_benchmark SET share = 0.45 WHERE benchmark = 'processing' AND target_year = 2030;
SELECT benchmark, share, seeded FROM ms.crma_benchmark WHERE benchmark = 'processing' ORDER BY seeded;
SELECT * FROM ms.crma_benchmark_share('processing', 2030);
\set VERBOSITY sqlstate
DELETE FROM ms.crma_benchmark WHERE seeded;
\set VERBOSITY default
SET ROLE mineral_supply_analyst;

-------------------------------------------------------------------------------
-- Expression indexes and materialized views built under that path
-------------------------------------------------------------------------------

CREATE TABLE public.yearly (id int PRIMARY KEY, country ms.country_code, year int, mix ms.supply_mix);
INSERT INTO public.yearly
SELECT g, (ARRAY['CN', 'KZ', 'AU', 'US', 'DE', 'CL'])[1 + g % 6]::ms.country_code, 2015 + g % 10,
       ('{"P' || g % 7 || '": ' || (1 + g % 5) || ', "P' || g % 3 || '": ' || (1 + g % 11) || ', "": ' || g % 2 || '}')::ms.supply_mix
FROM generate_series(1, 600) g;
CREATE INDEX yearly_hhi ON public.yearly (ms.hhi(mix));
CREATE INDEX yearly_cr ON public.yearly (ms.concentration_ratio(mix, 1));
CREATE INDEX yearly_eu ON public.yearly (ms.eu_member(country, make_date(year, 6, 30)));
CREATE INDEX yearly_summary ON public.yearly (((ms.mix_summary(mix)).gini));
CREATE INDEX yearly_country ON public.yearly (country);
CREATE INDEX yearly_mix_hash ON public.yearly USING hash (mix);
CREATE INDEX yearly_wgi ON public.yearly (ms.wgi_scaled(year / 1000.0));
ANALYZE public.yearly;
REINDEX TABLE public.yearly;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM public.yearly WHERE ms.hhi(mix) > 9000;
SELECT count(*) FROM public.yearly WHERE ms.hhi(mix) > 9000;
EXPLAIN (COSTS OFF) SELECT id FROM public.yearly WHERE country OPERATOR(ms.=) 'KZ';
SELECT count(*) FROM public.yearly WHERE country OPERATOR(ms.=) 'KZ';
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
-- the indexes agree with a sequential scan
SELECT count(*) FROM public.yearly WHERE ms.hhi(mix) > 9000;
RESET enable_indexscan;
RESET enable_bitmapscan;

CREATE MATERIALIZED VIEW public.yearly_measures AS
SELECT id, country, ms.country_name(country) AS name, ms.eu_member(country, make_date(year, 6, 30)) AS eu,
       ms.hhi(mix) AS hhi, ms.hhi_bounds(mix) AS bounds, ms.concentration_ratio(mix, 2) AS cr2,
       (ms.mix_summary(mix)).gini AS gini, mix::jsonb AS mix_json
FROM public.yearly;
CREATE UNIQUE INDEX ON public.yearly_measures (id);
CREATE MATERIALIZED VIEW public.country_rollup AS
SELECT country, ms.supply_mix_agg(mix) AS mix, ms.hhi(ms.supply_mix_agg(mix)) AS hhi,
       (ms.crma_capacity_gap('processing', 1000, count(*))).gap_t AS gap_t
FROM public.yearly GROUP BY country;
CREATE MATERIALIZED VIEW public.eu_view AS
SELECT ms.eu_share(ms.supply_mix_agg(country, 1), '2024-01-01') AS eu_share,
       (ms.top_third_country(ms.supply_mix_agg(country, 1), '2024-01-01')).country AS top_third
FROM public.yearly;
INSERT INTO public.yearly VALUES (601, 'FR', 2024, '{"P9": 5}');
REFRESH MATERIALIZED VIEW public.yearly_measures;
REFRESH MATERIALIZED VIEW CONCURRENTLY public.yearly_measures;
REFRESH MATERIALIZED VIEW public.country_rollup;
REFRESH MATERIALIZED VIEW public.eu_view;
SELECT count(*), round(sum(hhi)) AS hhi_sum, count(*) FILTER (WHERE eu) AS eu_rows FROM public.yearly_measures;
SELECT country, mix, hhi, gap_t FROM public.country_rollup ORDER BY country;
SELECT * FROM public.eu_view;

-------------------------------------------------------------------------------
-- Objects of the same names earlier on a user's path do not capture the
-- extension's own references
-------------------------------------------------------------------------------

CREATE SCHEMA decoy;
CREATE FUNCTION decoy.remainder(ms.supply_mix) RETURNS float8 LANGUAGE sql AS 'SELECT 666::float8';
CREATE FUNCTION decoy.top_third_country(ms.supply_mix, date) RETURNS ms.country_supply
	LANGUAGE sql AS $$SELECT ROW('ZW', 666, 1)::ms.country_supply$$;
CREATE FUNCTION decoy.crma_benchmark_share(text, integer, OUT share float8, OUT legal_reference text)
	LANGUAGE sql AS $$SELECT 0.999::float8, 'decoy'::text$$;
CREATE FUNCTION decoy.crma_capacity_gap(text, float8, float8, integer DEFAULT 2030, OUT benchmark_share float8,
	OUT achieved_share float8, OUT required_t float8, OUT gap_t float8, OUT met boolean, OUT legal_reference text)
	LANGUAGE sql AS $$SELECT 0.999::float8, 0::float8, 0::float8, 0::float8, true, 'decoy'::text$$;
CREATE TABLE decoy.crma_benchmark (LIKE ms.crma_benchmark);
INSERT INTO decoy.crma_benchmark SELECT * FROM ms.crma_benchmark;
UPDATE decoy.crma_benchmark SET share = 0.999, legal_reference = 'decoy';
SET search_path = decoy, ms, pg_catalog, pg_temp;
SELECT (ms.crma_third_country_gap('{"CN": 700, "": 50}', 1000, '2030-12-31')).* ;
SELECT benchmark, benchmark_share, legal_reference
FROM ms.crma_assessment(1000, 60, 450, 100, '{"CN": 700, "": 50}', '2030-12-31');
SELECT * FROM ms.crma_benchmark_share('extraction', 2030);
SET search_path = pg_catalog, pg_temp;

\c :regress_db
SET ROLE NONE;
SET client_min_messages = warning;
DROP DATABASE mineral_supply_search_path;
