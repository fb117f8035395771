-- Roles and privileges (README "Roles and privileges"): every function works
-- for an ordinary role, reading the reference tables is open to everyone,
-- changing the answers is for the editors a DBA grants, and the seeded rows
-- are the owner's alone.  No function is SECURITY DEFINER, and a role's own
-- objects ahead on its search_path cannot change what the functions read.
--
-- Like every test of this suite, it runs as an ordinary role,
-- mineral_supply_analyst: test/prepare_db makes the superuser's sessions in
-- the test database start as it.  Creating roles is a superuser's, so this
-- test does that as the session user (SET ROLE NONE), then acts as each
-- role with SET ROLE.

-- This session: an ordinary role, a member of no role, with no privilege
-- on the extension's tables beyond PUBLIC's.
SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
       (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) AS member_of
FROM pg_roles r WHERE r.rolname = current_user;

CREATE FUNCTION pg_temp.outcome(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
	st text;
	msg text;
BEGIN
	EXECUTE q;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN 'ok, ' || n || ' rows';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	RETURN 'ERROR ' || st || ': ' || msg;
END $$;

-------------------------------------------------------------------------------
-- 1. The roles of this test, made by the superuser: a fresh ordinary role,
--    granted nothing at all, and an editor granted what README tells a DBA
--    to grant one
-------------------------------------------------------------------------------
SET ROLE NONE;
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_ms_reader, regress_ms_editor;
RESET client_min_messages;
CREATE ROLE regress_ms_reader;
CREATE ROLE regress_ms_editor;
GRANT INSERT, UPDATE, DELETE ON crma_benchmark, criticality_threshold TO regress_ms_editor;

-------------------------------------------------------------------------------
-- 2. Reading is for everyone: the queries of issue 20, and every CRMA and
--    criticality function, as the fresh role
-------------------------------------------------------------------------------
SET ROLE regress_ms_reader;
SELECT * FROM crma_capacity_gap('extraction', 1000, 50);
SELECT is_critical(1.2, 3.0);
SELECT * FROM crma_third_country_gap('{"CN": 700, "DE": 300}', 1000, '2030-12-31');
SELECT count(*) FROM critical_material_list;
SELECT * FROM crma_benchmark_share('processing', 2030);
SELECT benchmark, benchmark_share, achieved_share, gap_t, met, country
FROM crma_assessment(1000, 60, 450, 100, '{"CN": 700, "MY": 150, "DE": 100, "": 50}', '2030-12-31');
SELECT count(*) FILTER (WHERE seeded) AS seeded_benchmarks FROM crma_benchmark;
SELECT method, supply_risk_min, economic_importance_min FROM criticality_threshold WHERE seeded;

-- Every table of the extension (the reference tables, and any added later)
-- is readable by PUBLIC, and writable by no one but its owner and whom a
-- DBA grants.
SELECT c.oid::regclass AS extension_table,
       has_table_privilege('public', c.oid, 'SELECT') AS public_reads,
       has_table_privilege('public', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') AS public_writes,
       has_table_privilege(current_user, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') AS this_role_writes
FROM pg_class c
JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
ORDER BY 1::text;

-------------------------------------------------------------------------------
-- 3. Changing the answers is not for everyone: the fresh role can insert,
--    update, delete or truncate no reference row (42501), nor switch off the
--    triggers that guard them
-------------------------------------------------------------------------------
SELECT statement, pg_temp.outcome(statement) AS outcome
FROM (VALUES
	($$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('extraction', 'at least', 0.01, 2030, 'not an editor')$$),
	($$UPDATE crma_benchmark SET share = 0.01$$),
	($$DELETE FROM crma_benchmark WHERE NOT seeded$$),
	($$TRUNCATE crma_benchmark$$),
	($$ALTER TABLE crma_benchmark DISABLE TRIGGER protect_seeded$$),
	($$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference) VALUES ('EU CRMA', 0, 0, 'not an editor')$$),
	($$UPDATE criticality_threshold SET supply_risk_min = 0$$),
	($$DELETE FROM criticality_threshold WHERE NOT seeded$$),
	($$TRUNCATE criticality_threshold$$),
	($$INSERT INTO critical_material_list (list, material, source) VALUES ('eu_crma_strategic', 'sand', 'not the owner')$$),
	($$UPDATE critical_material_list SET material = 'sand'$$),
	($$DELETE FROM critical_material_list$$),
	($$TRUNCATE critical_material_list$$)) AS v(statement);
-- so the answers are as before
SELECT * FROM crma_capacity_gap('extraction', 1000, 50);
SELECT is_critical(1.2, 3.0);

-------------------------------------------------------------------------------
-- 4. An editor (INSERT, UPDATE, DELETE granted, as README says): their rows
--    are everyone's answers; but a seeded row, the shipped figure, only the
--    owner writes
-------------------------------------------------------------------------------
SET ROLE regress_ms_editor;
-- a user row of the editor's takes precedence over the seeded one, for everyone
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference)
VALUES ('extraction', 'at least', 0.15, 2030, 'editor: a stricter extraction benchmark');
SET ROLE regress_ms_reader;
SELECT * FROM crma_capacity_gap('extraction', 1000, 50);
SET ROLE regress_ms_editor;
-- an UPDATE of a shipped row writes the editor's own row with the same key
UPDATE criticality_threshold SET supply_risk_min = 1.5, legal_reference = 'editor: SR >= 1.5'
WHERE method = 'EU CRMA';
SELECT method, supply_risk_min, economic_importance_min, legal_reference, seeded
FROM criticality_threshold ORDER BY method, seeded;
SET ROLE regress_ms_reader;
SELECT is_critical(1.2, 3.0) AS critical_under_the_editors_threshold;
SET ROLE regress_ms_editor;
-- Forging a shipped figure is refused (42501): an INSERT of a seeded row, an
-- UPDATE that makes the editor's row seeded, an upsert that does.  A shipped
-- row stays undeletable (55000), the guards stay on and the lists stay the
-- owner's (42501: only the owner alters the table or writes the lists).
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference)
VALUES ('recycling', 'at least', 0.30, 2035, 'editor: a 2035 what-if');
SELECT statement, pg_temp.outcome(statement) AS outcome
FROM (VALUES
	($$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, seeded) VALUES ('recycling', 'at least', 0.05, 2040, 'editor: passed off as shipped', true)$$),
	($$UPDATE crma_benchmark SET seeded = true WHERE legal_reference = 'editor: a 2035 what-if'$$),
	($$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 0.05, 2035, 'editor: upsert') ON CONFLICT (benchmark, target_year, seeded) DO UPDATE SET seeded = true, share = excluded.share$$),
	($$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference, seeded) VALUES ('my method', 0, 0, 'editor: passed off as shipped', true)$$),
	($$UPDATE criticality_threshold SET seeded = true WHERE legal_reference = 'editor: SR >= 1.5'$$),
	($$DELETE FROM crma_benchmark WHERE seeded$$),
	($$DELETE FROM criticality_threshold WHERE seeded$$),
	($$TRUNCATE crma_benchmark$$),
	($$ALTER TABLE crma_benchmark DISABLE TRIGGER seeded_by_owner$$),
	($$ALTER TABLE criticality_threshold DISABLE TRIGGER USER$$),
	($$INSERT INTO critical_material_list (list, material, source) VALUES ('eu_crma_strategic', 'sand', 'editor')$$)) AS v(statement);
-- the refusal in full
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, seeded)
VALUES ('recycling', 'at least', 0.05, 2040, 'editor: passed off as shipped', true);
-- what the editor wrote, and the seeded rows as shipped
SELECT benchmark, share, target_year, legal_reference, seeded FROM crma_benchmark
WHERE seeded OR legal_reference LIKE 'editor:%' ORDER BY seeded, benchmark, target_year;
SELECT method, supply_risk_min, legal_reference, seeded FROM criticality_threshold ORDER BY method, seeded;
-- the editor takes their rows back: the shipped figures are in force again
DELETE FROM crma_benchmark WHERE legal_reference LIKE 'editor:%';
DELETE FROM criticality_threshold WHERE legal_reference LIKE 'editor:%';
SELECT benchmark_share FROM crma_capacity_gap('extraction', 1000, 50);
SELECT is_critical(1.2, 3.0);

-- The owner (who ran CREATE EXTENSION; here the superuser) writes seeded
-- rows, as the extension script does.  In a transaction that is rolled
-- back: no one can delete a seeded row.
SET ROLE NONE;
BEGIN;
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, seeded)
VALUES ('recycling', 'at least', 0.30, 2040, 'the owner', true);
SELECT benchmark, share, target_year, legal_reference, seeded FROM crma_benchmark WHERE target_year = 2040;
ROLLBACK;

-------------------------------------------------------------------------------
-- 5. A role's own objects ahead on its search_path, ahead of pg_catalog
--    even, do not change what the extension's functions read: a table
--    crma_benchmark and criticality_threshold of its own with other figures,
--    functions named like those the extension's call, and operators (=, -,
--    *, /, >=, and + on supply_mix) that answer otherwise
-------------------------------------------------------------------------------
SET ROLE mineral_supply_analyst;
CREATE TEMP TABLE answer (what text, path text, answer text);
INSERT INTO answer
SELECT what, 'default', answer FROM (VALUES
	('crma_capacity_gap', (SELECT crma_capacity_gap('extraction', 1000, 50)::text)),
	('crma_third_country_gap', (SELECT crma_third_country_gap('{"CN": 700, "DE": 300, "": 10}', 1000, '2030-12-31')::text)),
	('crma_assessment', (SELECT string_agg(a::text, '; ' ORDER BY a.benchmark)
	                     FROM crma_assessment(1000, 60, 450, 100, '{"CN": 700, "MY": 150, "DE": 100, "": 50}', '2030-12-31') a)),
	('crma_benchmark_share', (SELECT crma_benchmark_share('processing', 2030)::text)),
	('is_critical', (SELECT is_critical(1.2, 3.0)::text || ', ' || is_critical(0.5, 1.0)::text)),
	('eu_import_reliance', (SELECT eu_import_reliance(10, 80, 20)::text)),
	('usgs_net_import_reliance', (SELECT usgs_net_import_reliance(20, 100, 20, 10)::text)),
	('eu_supply_risk', (SELECT eu_supply_risk(5, 3, 0.8, 0.01, 0.95)::text))) AS v(what, answer);

CREATE SCHEMA mine;
CREATE TABLE mine.crma_benchmark (LIKE public.crma_benchmark);
INSERT INTO mine.crma_benchmark SELECT * FROM public.crma_benchmark;
UPDATE mine.crma_benchmark SET share = 0.999, legal_reference = 'mine';
CREATE TABLE mine.criticality_threshold (LIKE public.criticality_threshold);
INSERT INTO mine.criticality_threshold VALUES ('EU CRMA', 0, 0, 'mine', false), ('EU CRMA', 0, 0, 'mine', true);
CREATE FUNCTION mine.crma_benchmark_share(text, integer, OUT share float8, OUT legal_reference text)
	LANGUAGE sql AS $$SELECT 0.999::float8, 'mine'::text$$;
CREATE FUNCTION mine.remainder(public.supply_mix) RETURNS float8 LANGUAGE sql AS 'SELECT 666::float8';
CREATE FUNCTION mine.top_third_country(public.supply_mix, date) RETURNS public.country_supply
	LANGUAGE sql AS $$SELECT ROW('ZW', 666, 1)::public.country_supply$$;
CREATE FUNCTION mine.text_eq(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 IS NOT NULL';
CREATE OPERATOR mine.= (LEFTARG = text, RIGHTARG = text, FUNCTION = mine.text_eq);
CREATE FUNCTION mine.int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT true';
CREATE OPERATOR mine.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = mine.int_eq);
CREATE FUNCTION mine.f8(float8, float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT 666::float8';
CREATE OPERATOR mine.- (LEFTARG = float8, RIGHTARG = float8, FUNCTION = mine.f8);
CREATE OPERATOR mine.* (LEFTARG = float8, RIGHTARG = float8, FUNCTION = mine.f8);
CREATE OPERATOR mine./ (LEFTARG = float8, RIGHTARG = float8, FUNCTION = mine.f8);
CREATE FUNCTION mine.f8_ge(float8, float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT true';
CREATE OPERATOR mine.>= (LEFTARG = float8, RIGHTARG = float8, FUNCTION = mine.f8_ge);
CREATE FUNCTION mine.mix_plus(public.supply_mix, public.supply_mix) RETURNS public.supply_mix
	LANGUAGE sql IMMUTABLE AS $$SELECT '{"ZW": 666}'::public.supply_mix$$;
CREATE OPERATOR mine.+ (LEFTARG = public.supply_mix, RIGHTARG = public.supply_mix, FUNCTION = mine.mix_plus);

SET search_path = mine, public, pg_catalog;
-- the role's own objects do answer its own queries ...
SELECT 1::float8 / 2 AS own_division, 'a'::text = 'b'::text AS own_text_equality,
       '{"CN": 1}'::supply_mix + '{"CN": 2}'::supply_mix AS own_merge,
       (SELECT max(share) FROM crma_benchmark) AS own_table;
-- ... but not the extension's functions
INSERT INTO answer
SELECT what, 'mine first', answer FROM (VALUES
	('crma_capacity_gap', (SELECT crma_capacity_gap('extraction', 1000, 50)::text)),
	('crma_third_country_gap', (SELECT crma_third_country_gap('{"CN": 700, "DE": 300, "": 10}', 1000, '2030-12-31')::text)),
	('crma_assessment', (SELECT string_agg(a::text, '; ' ORDER BY a.benchmark)
	                     FROM crma_assessment(1000, 60, 450, 100, '{"CN": 700, "MY": 150, "DE": 100, "": 50}', '2030-12-31') a)),
	('crma_benchmark_share', (SELECT public.crma_benchmark_share('processing', 2030)::text)),
	('is_critical', (SELECT is_critical(1.2, 3.0)::text || ', ' || is_critical(0.5, 1.0)::text)),
	('eu_import_reliance', (SELECT eu_import_reliance(10, 80, 20)::text)),
	('usgs_net_import_reliance', (SELECT usgs_net_import_reliance(20, 100, 20, 10)::text)),
	('eu_supply_risk', (SELECT eu_supply_risk(5, 3, 0.8, 0.01, 0.95)::text))) AS v(what, answer);
RESET search_path;
SELECT d.what, d.answer, m.answer IS NOT DISTINCT FROM d.answer AS unchanged_with_mine_first
FROM answer d JOIN answer m ON m.what = d.what AND m.path = 'mine first'
WHERE d.path = 'default' ORDER BY d.what;
SET client_min_messages = warning;
DROP SCHEMA mine CASCADE;
RESET client_min_messages;

-------------------------------------------------------------------------------
-- 6. From the catalog: no function of the extension is SECURITY DEFINER,
--    every SQL and PL/pgSQL function pins search_path = pg_catalog, pg_temp,
--    and neither extension is trusted (README "Trusted?")
-------------------------------------------------------------------------------
SELECT count(*) FILTER (WHERE p.prosecdef) AS security_definer,
       count(*) > 80 AS many_functions,
       count(*) FILTER (WHERE l.lanname IN ('sql', 'plpgsql')) >= 12 AS many_in_sql_or_plpgsql
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply';
SELECT p.oid::regprocedure AS sql_function_without_pinned_search_path
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
WHERE l.lanname IN ('sql', 'plpgsql')
  AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
ORDER BY 1::text;
SELECT DISTINCT name, superuser, trusted FROM pg_available_extension_versions
WHERE name IN ('mineral_supply', 'mineral_supply_postgis') ORDER BY name;

-------------------------------------------------------------------------------
-- The roles of this test go again
-------------------------------------------------------------------------------
SET ROLE NONE;
REVOKE ALL ON crma_benchmark, criticality_threshold FROM regress_ms_editor;
DROP ROLE regress_ms_reader, regress_ms_editor;
SET ROLE mineral_supply_analyst;
