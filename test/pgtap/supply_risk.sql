-- pgTAP: the supply-risk API of issue 4 (src/sql/70_supply_risk.sql, 80_lists.sql).
--
-- What is checked: every function with its exact signature, argument names
-- and defaults, return type, volatility and strictness; the two hhi_wgi
-- aggregates (state type supply_mix, combine function, initcond '{}',
-- parallel safe, final function hhi_wgi(supply_mix)); the composite type
-- net_import_reliance; the reference tables criticality_threshold (columns,
-- key, the shipped row, dumped by pg_dump, the trigger that protects shipped
-- rows) and critical_material_list (columns, key, counts per list); and the
-- SQLSTATE of every error of these functions, and who may write the tables
-- (42501): both readable by PUBLIC, criticality_threshold writable by the
-- editors a DBA grants (README "Roles and privileges") and its seeded rows
-- by the owner only, critical_material_list by the owner only.  The generic
-- checks of api_shape.sql (parallel safety, no SECURITY DEFINER, a comment
-- on every object) cover these objects too.
--
-- Runs as an ordinary role, mineral_supply_analyst (test/prepare_db); a
-- check that writes criticality_threshold runs as the editor role
-- test/prepare_db grants what README says (SET ROLE mineral_supply_editor),
-- and one that writes critical_material_list as its owner, the superuser
-- who installed the extension (SET ROLE NONE: the session user).
--
-- Runs in a database test/prepare_db made (it needs the test roles):
--     test/prepare_db <db> pgtap mineral_supply && pg_prove -d <db> test/pgtap/*.sql
\unset ECHO
\set QUIET 1
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
SET LOCAL client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS mineral_supply;

SELECT plan(169);

-------------------------------------------------------------------------------
-- Functions: signature, return type, volatility, strictness
-------------------------------------------------------------------------------

CREATE TEMP TABLE fn_expected (
	ord       serial,
	name      text,
	args      text[],
	returns   text,
	volatility text,
	strict    boolean
);
INSERT INTO fn_expected (name, args, returns, volatility, strict) VALUES
	('wgi_scaled', '{double precision}', 'double precision', 'immutable', true),
	('supply_mix_accum_weighted', '{supply_mix,text,double precision,double precision}', 'supply_mix', 'immutable', false),
	('supply_mix_accum_weighted', '{supply_mix,text,double precision,double precision,double precision}', 'supply_mix', 'immutable', false),
	('hhi_wgi', '{supply_mix}', 'double precision', 'immutable', true),
	('with_weights', '{supply_mix,jsonb,jsonb,double precision}', 'supply_mix', 'immutable', false),
	('eu_import_reliance', '{double precision,double precision,double precision}', 'double precision', 'immutable', true),
	('eu_supply_risk', '{double precision,double precision,double precision,double precision,double precision}', 'double precision', 'immutable', false),
	('eu_supply_risk_material', '{double precision,double precision}', 'double precision', 'immutable', false),
	('is_critical', '{double precision,double precision,text}', 'boolean', 'stable', false),
	('usgs_net_import_reliance', '{double precision,double precision,double precision,double precision}', 'net_import_reliance', 'immutable', true);

SELECT has_function(name, args, format('%s(%s) exists', name, array_to_string(args, ', ')))
  FROM fn_expected ORDER BY ord;
SELECT function_returns(name, args, returns, format('%s(%s) returns %s', name, array_to_string(args, ', '), returns))
  FROM fn_expected ORDER BY ord;
SELECT volatility_is(name, args, volatility, format('%s(%s) is %s', name, array_to_string(args, ', '), upper(volatility)))
  FROM fn_expected ORDER BY ord;
SELECT CASE WHEN strict
	THEN is_strict(name, args, format('%s(%s) is STRICT', name, array_to_string(args, ', ')))
	ELSE isnt_strict(name, args, format('%s(%s) is not STRICT (NULL arguments have a meaning)', name, array_to_string(args, ', ')))
	END
  FROM fn_expected ORDER BY ord;

-- Argument names and defaults: named notation (default_wgi => 5) is part of
-- the API.
SELECT is(
	(SELECT ROW(p.proargnames, p.pronargdefaults, pg_catalog.pg_get_expr(p.proargdefaults, 0))::text
	   FROM pg_catalog.pg_proc p WHERE p.oid = 'with_weights(supply_mix, jsonb, jsonb, double precision)'::regprocedure),
	ROW('{mix,wgi_scaled,trade_factors,default_wgi}'::text[], 2::int2, 'NULL::jsonb, NULL::double precision')::text,
	'with_weights(mix, wgi_scaled, trade_factors DEFAULT NULL, default_wgi DEFAULT NULL)'
);
SELECT is(
	(SELECT ROW(p.proargnames, p.pronargdefaults, pg_catalog.pg_get_expr(p.proargdefaults, 0))::text
	   FROM pg_catalog.pg_proc p WHERE p.oid = 'is_critical(double precision, double precision, text)'::regprocedure),
	ROW('{supply_risk,economic_importance,method}'::text[], 1::int2, '''EU CRMA''::text')::text,
	'is_critical(supply_risk, economic_importance, method DEFAULT ''EU CRMA'')'
);
SELECT is(
	(SELECT ROW(p.proargnames, p.pronargdefaults, pg_catalog.pg_get_expr(p.proargdefaults, 0))::text
	   FROM pg_catalog.pg_proc p
	  WHERE p.oid = 'usgs_net_import_reliance(double precision, double precision, double precision, double precision)'::regprocedure),
	ROW('{production,imports,exports,stock_change}'::text[], 1::int2, '0')::text,
	'usgs_net_import_reliance(production, imports, exports, stock_change DEFAULT 0)'
);
SELECT is(
	(SELECT p.proargnames::text FROM pg_catalog.pg_proc p
	  WHERE p.oid = 'eu_supply_risk(double precision, double precision, double precision, double precision, double precision)'::regprocedure),
	'{hhi_wgi_global,hhi_wgi_eu_sourcing,import_reliance,eol_rir,si_sr}',
	'eu_supply_risk(hhi_wgi_global, hhi_wgi_eu_sourcing, import_reliance, eol_rir, si_sr)'
);
SELECT is(
	(SELECT p.proargnames::text FROM pg_catalog.pg_proc p
	  WHERE p.oid = 'eu_import_reliance(double precision, double precision, double precision)'::regprocedure),
	'{production,imports,exports}',
	'eu_import_reliance(production, imports, exports)'
);
SELECT is(
	(SELECT p.proargnames::text FROM pg_catalog.pg_proc p
	  WHERE p.oid = 'eu_supply_risk_material(double precision, double precision)'::regprocedure),
	'{sr_extraction,sr_processing}',
	'eu_supply_risk_material(sr_extraction, sr_processing)'
);
SELECT is(
	(SELECT p.proargnames::text FROM pg_catalog.pg_proc p
	  WHERE p.oid = 'wgi_scaled(double precision)'::regprocedure),
	'{mean_estimate}',
	'wgi_scaled(mean_estimate)'
);

-- No SQL function of this API runs with the caller's search_path: each pins
-- it (or is C / a one-line SQL body over pg_catalog only).
SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text
	        FROM pg_catalog.pg_proc p
	        JOIN pg_catalog.pg_language l ON l.oid = p.prolang
	       WHERE p.oid IN ('wgi_scaled(double precision)'::regprocedure,
	                       'eu_import_reliance(double precision, double precision, double precision)'::regprocedure,
	                       'eu_supply_risk(double precision, double precision, double precision, double precision, double precision)'::regprocedure,
	                       'is_critical(double precision, double precision, text)'::regprocedure,
	                       'usgs_net_import_reliance(double precision, double precision, double precision, double precision)'::regprocedure)
	         AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, pg_temp']
	       ORDER BY 1),
	'{}'::text[],
	'the PL/pgSQL functions pin search_path to pg_catalog, pg_temp'
);

-------------------------------------------------------------------------------
-- The aggregates hhi_wgi(text, float8, float8[, float8])
-------------------------------------------------------------------------------

SELECT has_function('hhi_wgi', ARRAY['text', 'double precision', 'double precision'],
	'hhi_wgi(text, double precision, double precision) exists');
SELECT is_aggregate('hhi_wgi', ARRAY['text', 'double precision', 'double precision'],
	'hhi_wgi(text, double precision, double precision) is an aggregate');
SELECT function_returns('hhi_wgi', ARRAY['text', 'double precision', 'double precision'], 'double precision',
	'hhi_wgi(text, double precision, double precision) returns double precision');
SELECT has_function('hhi_wgi', ARRAY['text', 'double precision', 'double precision', 'double precision'],
	'hhi_wgi(text, double precision, double precision, double precision) exists');
SELECT is_aggregate('hhi_wgi', ARRAY['text', 'double precision', 'double precision', 'double precision'],
	'hhi_wgi(text, double precision, double precision, double precision) is an aggregate');
SELECT function_returns('hhi_wgi', ARRAY['text', 'double precision', 'double precision', 'double precision'], 'double precision',
	'hhi_wgi(text, double precision, double precision, double precision) returns double precision');

SELECT results_eq(
	$$SELECT a.aggfnoid::regprocedure::text, a.aggkind::text, a.aggtransfn::regprocedure::text,
	         a.aggfinalfn::regprocedure::text, a.aggcombinefn::regprocedure::text,
	         a.aggtranstype::regtype::text, a.agginitval COLLATE "default", p.proparallel::text
	    FROM pg_catalog.pg_aggregate a JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
	   WHERE a.aggfnoid IN ('hhi_wgi(text, double precision, double precision)'::regprocedure,
	                        'hhi_wgi(text, double precision, double precision, double precision)'::regprocedure)
	   ORDER BY p.pronargs$$,
	$$VALUES
	  ('hhi_wgi(text,double precision,double precision)', 'n',
	   'supply_mix_accum_weighted(supply_mix,text,double precision,double precision)',
	   'hhi_wgi(supply_mix)', 'supply_mix_combine(supply_mix,supply_mix)', 'supply_mix', '{}', 's'),
	  ('hhi_wgi(text,double precision,double precision,double precision)', 'n',
	   'supply_mix_accum_weighted(supply_mix,text,double precision,double precision,double precision)',
	   'hhi_wgi(supply_mix)', 'supply_mix_combine(supply_mix,supply_mix)', 'supply_mix', '{}', 's')$$,
	'hhi_wgi aggregates: weighted transition, final hhi_wgi(supply_mix), combine supply_mix_combine, state supply_mix with initcond {}, PARALLEL SAFE'
);

-------------------------------------------------------------------------------
-- The composite type net_import_reliance
-------------------------------------------------------------------------------

SELECT has_type('net_import_reliance', 'type net_import_reliance exists');
SELECT has_composite('net_import_reliance', 'net_import_reliance is a composite type');
SELECT results_eq(
	$$SELECT a.attname::text COLLATE "default", a.atttypid::regtype::text
	    FROM pg_catalog.pg_attribute a
	   WHERE a.attrelid = (SELECT typrelid FROM pg_catalog.pg_type WHERE oid = 'net_import_reliance'::regtype)
	     AND a.attnum > 0 AND NOT a.attisdropped
	   ORDER BY a.attnum$$,
	$$VALUES ('share', 'double precision'), ('net_exporter', 'boolean'), ('label', 'text')$$,
	'net_import_reliance is (share double precision, net_exporter boolean, label text)'
);

-------------------------------------------------------------------------------
-- The reference tables
-------------------------------------------------------------------------------

SELECT has_table('criticality_threshold', 'table criticality_threshold exists');
SELECT columns_are('criticality_threshold',
	ARRAY['method', 'supply_risk_min', 'economic_importance_min', 'legal_reference', 'seeded'],
	'criticality_threshold has the documented columns');
SELECT col_type_is('criticality_threshold', 'method', 'text', 'criticality_threshold.method is text');
SELECT col_type_is('criticality_threshold', 'supply_risk_min', 'double precision', 'criticality_threshold.supply_risk_min is double precision');
SELECT col_type_is('criticality_threshold', 'economic_importance_min', 'double precision', 'criticality_threshold.economic_importance_min is double precision');
SELECT col_type_is('criticality_threshold', 'legal_reference', 'text', 'criticality_threshold.legal_reference is text');
SELECT col_type_is('criticality_threshold', 'seeded', 'boolean', 'criticality_threshold.seeded is boolean');
SELECT col_default_is('criticality_threshold', 'seeded', 'false', 'a row a user inserts is not seeded');
SELECT col_is_pk('criticality_threshold', ARRAY['method', 'seeded'], 'criticality_threshold key: (method, seeded)');
SELECT results_eq(
	$$SELECT method, supply_risk_min, economic_importance_min, seeded FROM criticality_threshold WHERE seeded$$,
	$$VALUES ('EU CRMA'::text, 1.0::float8, 2.8::float8, true)$$,
	'the shipped thresholds: EU CRMA, SR >= 1, EI >= 2.8'
);
SELECT is(
	(SELECT e.extcondition[array_position(e.extconfig, 'criticality_threshold'::regclass)]
	   FROM pg_catalog.pg_extension e WHERE e.extname = 'mineral_supply'),
	'WHERE NOT seeded',
	'pg_dump dumps the user rows of criticality_threshold (pg_extension_config_dump)'
);
SELECT has_trigger('criticality_threshold', 'protect_seeded', 'criticality_threshold has the trigger protect_seeded');
SELECT trigger_is('criticality_threshold', 'protect_seeded', 'reference_row_protect',
	'protect_seeded runs reference_row_protect()');
SELECT has_trigger('criticality_threshold', 'seeded_by_owner', 'criticality_threshold has the trigger seeded_by_owner');
SELECT trigger_is('criticality_threshold', 'seeded_by_owner', 'reference_row_seeded_by_owner',
	'seeded_by_owner runs reference_row_seeded_by_owner()');
SELECT ok(has_table_privilege('public', t, 'SELECT'), 'PUBLIC reads ' || t)
  FROM unnest(ARRAY['criticality_threshold', 'critical_material_list']) t;
SELECT ok(NOT has_table_privilege('public', t, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'),
          'PUBLIC writes nothing to ' || t)
  FROM unnest(ARRAY['criticality_threshold', 'critical_material_list']) t;

SELECT has_table('critical_material_list', 'table critical_material_list exists');
SELECT columns_are('critical_material_list', ARRAY['list', 'material', 'grade_form', 'source'],
	'critical_material_list has the documented columns');
SELECT col_type_is('critical_material_list', 'list', 'text', 'critical_material_list.list is text');
SELECT col_type_is('critical_material_list', 'material', 'text', 'critical_material_list.material is text');
SELECT col_type_is('critical_material_list', 'grade_form', 'text', 'critical_material_list.grade_form is text');
SELECT col_type_is('critical_material_list', 'source', 'text', 'critical_material_list.source is text');
SELECT col_not_null('critical_material_list', 'source', 'every list entry has a source');
SELECT col_is_pk('critical_material_list', ARRAY['list', 'material'], 'critical_material_list key: (list, material)');
SELECT results_eq(
	$$SELECT list, count(*) FROM critical_material_list GROUP BY list ORDER BY list$$,
	$$VALUES ('eu_crma_critical'::text, 34::bigint), ('eu_crma_strategic', 17), ('usgs_2022', 50),
	         ('usgs_2025_draft', 54), ('usgs_2025_final', 60)$$,
	'the lists: EU CRMA strategic 17, critical 34; USGS 2022 50, 2025 draft 54, 2025 final 60'
);

-------------------------------------------------------------------------------
-- Errors and their SQLSTATEs
-------------------------------------------------------------------------------

-- run_as: who runs the case; this suite's ordinary role, but the editor
-- where a case writes criticality_threshold and the owner where it writes
-- critical_material_list (the tables' own checks are for those who may)
CREATE TEMP TABLE err_case (
	ord         serial PRIMARY KEY,
	state       char(5) NOT NULL,
	description text NOT NULL,
	sql         text NOT NULL,
	run_as      text NOT NULL DEFAULT 'analyst'
);
INSERT INTO err_case (state, description, sql) VALUES
	('22023', 'wgi_scaled(NaN)', $$SELECT wgi_scaled('NaN')$$),
	('22023', 'wgi_scaled(Infinity)', $$SELECT wgi_scaled('Infinity')$$),
	('22023', 'wgi_scaled(-Infinity)', $$SELECT wgi_scaled('-Infinity')$$),
	('22004', 'hhi_wgi: a named producer with a NULL WGI', $$SELECT hhi_wgi(p, 1, w) FROM (VALUES ('CN', NULL::float8)) v(p, w)$$),
	('22004', 'hhi_wgi: a named producer with a NULL trade factor', $$SELECT hhi_wgi('CN', 1, 5, NULL)$$),
	('22023', 'hhi_wgi: negative WGI', $$SELECT hhi_wgi('CN', 1, -0.1)$$),
	('22023', 'hhi_wgi: NaN WGI', $$SELECT hhi_wgi('CN', 1, 'NaN')$$),
	('22023', 'hhi_wgi: infinite WGI', $$SELECT hhi_wgi('CN', 1, 'Infinity')$$),
	('22023', 'hhi_wgi: negative trade factor', $$SELECT hhi_wgi('CN', 1, 5, -1)$$),
	('22023', 'hhi_wgi: NaN trade factor', $$SELECT hhi_wgi('CN', 1, 5, 'NaN')$$),
	('22023', 'hhi_wgi: infinite trade factor', $$SELECT hhi_wgi('CN', 1, 5, 'Infinity')$$),
	('22023', 'hhi_wgi: negative quantity', $$SELECT hhi_wgi('CN', -1, 5)$$),
	('22023', 'hhi_wgi: NaN quantity', $$SELECT hhi_wgi('CN', 'NaN', 5)$$),
	('22023', 'hhi_wgi: negative quantity of the remainder', $$SELECT hhi_wgi(NULL, -1, 5)$$),
	('22023', 'hhi_wgi: empty producer name', $$SELECT hhi_wgi('', 1, 5)$$),
	('22023', 'hhi_wgi: one producer, two WGI values',
	          $$SELECT hhi_wgi(p, 1, w) FROM (VALUES ('CN', 5.6::float8), ('CN', 5.5)) v(p, w)$$),
	('22023', 'hhi_wgi: one producer, two trade factors',
	          $$SELECT hhi_wgi(p, 1, 5.6, t) FROM (VALUES ('CN', 1.1::float8), ('CN', 1.0)) v(p, t)$$),
	('22003', 'hhi_wgi: quantities of a producer overflow float8',
	          $$SELECT hhi_wgi(p, q, 5) FROM (VALUES ('CN', 1.7e308::float8), ('CN', 1.7e308)) v(p, q)$$),
	('22023', 'hhi_wgi(mix) of a mix without weights', $$SELECT hhi_wgi('{"CN": 1}'::supply_mix)$$),
	('22P02', 'text input: weighted and unweighted producers', $$SELECT '{"CN": [1, 5], "AU": 2}'::supply_mix$$),
	('22P02', 'text input: negative weight', $$SELECT '{"CN": [1, -5]}'::supply_mix$$),
	('22P02', 'text input: one producer, two weights', $$SELECT '{"CN": [1, 5], "CN": [2, 6]}'::supply_mix$$),
	('22P02', 'text input: a weight on the remainder', $$SELECT '{"": [1, 5]}'::supply_mix$$),
	('22P02', 'text input: [quantity] without weight', $$SELECT '{"CN": [1]}'::supply_mix$$),
	('22023', 'merge: one producer, two weights', $$SELECT '{"CN": [1, 5]}'::supply_mix + '{"CN": [1, 6]}'$$),
	('22023', 'merge: weighted and unweighted producers', $$SELECT '{"CN": [1, 5]}'::supply_mix + '{"AU": 1}'$$),
	('22023', 'rollup: one producer, two weights',
	          $$SELECT supply_mix_agg(m) FROM (VALUES ('{"CN": [1, 5]}'::supply_mix), ('{"CN": [1, 6]}')) v(m)$$),
	('22023', 'adjust_producer: a new producer in a weighted mix', $$SELECT adjust_producer('{"CN": [1, 5]}', 'KZ', 1)$$),
	('22023', 'with_weights: a producer without WGI and no default', $$SELECT with_weights('{"CN": 1, "NC": 1}', '{"CN": 5}')$$),
	('22023', 'with_weights: WGI not a jsonb object', $$SELECT with_weights('{"CN": 1}', '[5]')$$),
	('22023', 'with_weights: trade factors not a jsonb object', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '1.1')$$),
	('22023', 'with_weights: WGI a string', $$SELECT with_weights('{"CN": 1}', '{"CN": "5.6"}')$$),
	('22023', 'with_weights: WGI null', $$SELECT with_weights('{"CN": 1}', '{"CN": null}')$$),
	('22023', 'with_weights: trade factor a boolean', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '{"CN": true}')$$),
	('22023', 'with_weights: negative WGI', $$SELECT with_weights('{"CN": 1}', '{"CN": -5}')$$),
	('22023', 'with_weights: negative trade factor', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '{"CN": -1}')$$),
	('22023', 'with_weights: NaN default_wgi', $$SELECT with_weights('{"CN": 1}', '{}', NULL, 'NaN')$$),
	('22023', 'with_weights: negative default_wgi', $$SELECT with_weights('{"CN": 1}', '{}', NULL, -1)$$),
	('22003', 'with_weights: WGI beyond float8', $$SELECT with_weights('{"CN": 1}', '{"CN": 1e400}')$$),
	('22023', 'eu_import_reliance: negative production', $$SELECT eu_import_reliance(-1, 1, 1)$$),
	('22023', 'eu_import_reliance: negative exports', $$SELECT eu_import_reliance(1, 1, -1)$$),
	('22023', 'eu_import_reliance: infinite imports', $$SELECT eu_import_reliance(1, 'Infinity', 1)$$),
	('22023', 'eu_import_reliance: NaN exports', $$SELECT eu_import_reliance(1, 1, 'NaN')$$),
	('22023', 'eu_supply_risk: IR above 1', $$SELECT eu_supply_risk(5, 3, 1.1, 0, 1)$$),
	('22023', 'eu_supply_risk: IR below 0', $$SELECT eu_supply_risk(5, 3, -0.1, 0, 1)$$),
	('22023', 'eu_supply_risk: IR NaN', $$SELECT eu_supply_risk(5, 3, 'NaN', 0, 1)$$),
	('22023', 'eu_supply_risk: IR out of range with one scope', $$SELECT eu_supply_risk(5, NULL, 2, 0, 1)$$),
	('22023', 'eu_supply_risk: EoL_RIR above 1', $$SELECT eu_supply_risk(5, 3, 0.5, 1.5, 1)$$),
	('22023', 'eu_supply_risk: EoL_RIR below 0', $$SELECT eu_supply_risk(5, 3, 0.5, -0.01, 1)$$),
	('22023', 'eu_supply_risk: EoL_RIR NaN', $$SELECT eu_supply_risk(5, 3, 0.5, 'NaN', 1)$$),
	('22023', 'eu_supply_risk: SI_SR above 1', $$SELECT eu_supply_risk(5, 3, 0.5, 0, 1.01)$$),
	('22023', 'eu_supply_risk: SI_SR below 0', $$SELECT eu_supply_risk(5, 3, 0.5, 0, -1)$$),
	('22023', 'eu_supply_risk: SI_SR NaN', $$SELECT eu_supply_risk(5, 3, 0.5, 0, 'NaN')$$),
	('22023', 'eu_supply_risk: negative global HHI', $$SELECT eu_supply_risk(-5, 3, 0.5, 0, 1)$$),
	('22023', 'eu_supply_risk: infinite EU HHI', $$SELECT eu_supply_risk(5, 'Infinity', 0.5, 0, 1)$$),
	('22023', 'eu_supply_risk: NaN global HHI', $$SELECT eu_supply_risk('NaN', 3, 0.5, 0, 1)$$),
	('22023', 'is_critical: a method without thresholds', $$SELECT is_critical(2, 3, 'no such method')$$),
	('22023', 'is_critical: NULL method', $$SELECT is_critical(2, 3, NULL)$$),
	('23514', 'criticality_threshold: negative supply_risk_min',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
	            VALUES ('x', -1, 2.8, 'x')$$),
	('23514', 'criticality_threshold: negative economic_importance_min',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
	            VALUES ('x', 1, -2.8, 'x')$$),
	('23502', 'criticality_threshold: no legal reference',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min) VALUES ('x', 1, 2.8)$$),
	('23505', 'criticality_threshold: a second user row for a method',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
	            VALUES ('x', 1, 2.8, 'x'), ('x', 2, 2.8, 'x')$$),
	('55000', 'criticality_threshold: delete a shipped row', $$DELETE FROM criticality_threshold WHERE seeded$$),
	('23505', 'critical_material_list: a material twice on a list',
	          $$INSERT INTO critical_material_list (list, material, source) VALUES ('eu_crma_critical', 'gallium', 'x')$$),
	('23502', 'critical_material_list: an entry without source',
	          $$INSERT INTO critical_material_list (list, material) VALUES ('mine', 'sand')$$),
	('22023', 'usgs_net_import_reliance: negative production', $$SELECT usgs_net_import_reliance(-1, 1, 0)$$),
	('22023', 'usgs_net_import_reliance: negative imports', $$SELECT usgs_net_import_reliance(1, -1, 0)$$),
	('22023', 'usgs_net_import_reliance: negative exports', $$SELECT usgs_net_import_reliance(1, 1, -1)$$),
	('22023', 'usgs_net_import_reliance: infinite production', $$SELECT usgs_net_import_reliance('Infinity', 1, 0)$$),
	('22023', 'usgs_net_import_reliance: -Infinity stock change', $$SELECT usgs_net_import_reliance(1, 1, 0, '-Infinity')$$),
	('22023', 'usgs_net_import_reliance: NaN stock change', $$SELECT usgs_net_import_reliance(1, 1, 0, 'NaN')$$),
	('22023', 'usgs_net_import_reliance: NaN exports', $$SELECT usgs_net_import_reliance(1, 1, 'NaN')$$);

UPDATE err_case SET run_as = 'editor' WHERE description LIKE 'criticality_threshold: %';
UPDATE err_case SET run_as = 'owner' WHERE description LIKE 'critical_material_list: %';
-- who may write the tables
INSERT INTO err_case (state, description, sql, run_as) VALUES
	('42501', 'criticality_threshold: an ordinary role inserts a row',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
	            VALUES ('x', 1, 2.8, 'x')$$, 'analyst'),
	('42501', 'critical_material_list: an ordinary role inserts a row',
	          $$INSERT INTO critical_material_list (list, material, source) VALUES ('mine', 'sand', 'x')$$, 'analyst'),
	('42501', 'criticality_threshold: an editor inserts a seeded row (only the owner writes those)',
	          $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference, seeded)
	            VALUES ('x', 1, 2.8, 'x', true)$$, 'editor'),
	('42501', 'critical_material_list: an editor inserts a row (only the owner writes the lists)',
	          $$INSERT INTO critical_material_list (list, material, source) VALUES ('mine', 'sand', 'x')$$, 'editor');
GRANT SELECT ON err_case TO mineral_supply_editor;

SELECT throws_ok(sql, state, NULL, state || ' ' || description)
  FROM err_case WHERE run_as = 'analyst' ORDER BY ord;
SET ROLE mineral_supply_editor;
SELECT throws_ok(sql, state, NULL, state || ' ' || description)
  FROM err_case WHERE run_as = 'editor' ORDER BY ord;
SET ROLE NONE;
SELECT throws_ok(sql, state, NULL, state || ' ' || description)
  FROM err_case WHERE run_as = 'owner' ORDER BY ord;
SET ROLE mineral_supply_analyst;

-- The primary messages of the extension's own errors are in PostgreSQL's
-- style: not capitalised (acronyms such as WGI are fine), no final period.
CREATE FUNCTION pg_temp.error_message(sql text) RETURNS text
LANGUAGE plpgsql AS $fn$
BEGIN
	EXECUTE sql;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLERRM;
END
$fn$;
-- Each case runs as its role again.
SELECT is(
	ARRAY(SELECT description || ': ' || msg
	        FROM (SELECT ord, description, pg_temp.error_message(sql) AS msg FROM err_case WHERE run_as = 'analyst') e
	       WHERE msg ~ '^[A-Z][a-z]*\M' OR msg ~ '\.$'
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period'
);
SET ROLE mineral_supply_editor;
SELECT is(
	ARRAY(SELECT description || ': ' || msg
	        FROM (SELECT ord, description, pg_temp.error_message(sql) AS msg FROM err_case WHERE run_as = 'editor') e
	       WHERE msg ~ '^[A-Z][a-z]*\M' OR msg ~ '\.$'
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period (the cases the editor runs)'
);
SET ROLE NONE;
SELECT is(
	ARRAY(SELECT description || ': ' || msg
	        FROM (SELECT ord, description, pg_temp.error_message(sql) AS msg FROM err_case WHERE run_as = 'owner') e
	       WHERE msg ~ '^[A-Z][a-z]*\M' OR msg ~ '\.$'
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period (the cases the owner runs)'
);
SET ROLE mineral_supply_analyst;

-- Boundary values that must be accepted.
SELECT lives_ok($$SELECT eu_supply_risk(5, 3, 0, 0, 0), eu_supply_risk(5, 3, 1, 1, 1)$$,
	'eu_supply_risk accepts IR, EoL_RIR and SI_SR of exactly 0 and 1');
SELECT lives_ok($$SELECT hhi_wgi(p, 1, w) FROM (VALUES (NULL::text, NULL::float8)) v(p, w)$$,
	'hhi_wgi: rows without a producer need no WGI');
SELECT lives_ok($$SELECT hhi_wgi('CN', 1, 0, 0)$$, 'hhi_wgi accepts a WGI and a trade factor of 0');
SELECT lives_ok($$SELECT wgi_scaled(-1e300), wgi_scaled(1e300)$$, 'wgi_scaled clamps finite values far outside -2.5..2.5');

SELECT * FROM finish();
ROLLBACK;
