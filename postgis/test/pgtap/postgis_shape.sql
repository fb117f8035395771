-- pgTAP: the shape of the mineral_supply_postgis SQL API, and the SQLSTATE
-- of its errors.
--
-- What is checked: the extension and what it requires; every function with
-- its exact signature, return type, language, volatility, strictness and
-- parallel safety (and that the list is complete); the three aggregates
-- (state type float8[], not internal, a combine function, an initcond,
-- PARALLEL SAFE); that the pattern-A selection helpers stay inlinable
-- (LANGUAGE sql with a SQL-standard body, no SET clause, not STRICT, not
-- SECURITY DEFINER) and that the pattern-B ones pin their search_path; a
-- comment on every object of the extension; the SQLSTATE of every error.
--
-- Creates PostGIS (CASCADE) inside its transaction and rolls back.
-- Runs standalone in a fresh database:  pg_prove -d <db> test/pgtap/*.sql
\unset ECHO
\set QUIET 1
\set ON_ERROR_STOP 1
\pset format unaligned
\pset tuples_only true
\pset pager off

BEGIN;
SET LOCAL client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS mineral_supply_postgis CASCADE;

SELECT plan(172);

CREATE TEMP VIEW ext_member AS
SELECT d.classid, d.objid, d.objsubid
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
   AND d.deptype = 'e'
   AND e.extname = 'mineral_supply_postgis';

CREATE TEMP VIEW ext_proc AS
SELECT p.*
  FROM pg_catalog.pg_proc p
  JOIN ext_member m ON m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid;

-------------------------------------------------------------------------------
-- The extension
-------------------------------------------------------------------------------

SELECT has_extension('mineral_supply_postgis', 'extension mineral_supply_postgis is installed');
SELECT is(
	ARRAY(SELECT r.extname::text
	        FROM pg_catalog.pg_extension e
	        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_extension'::regclass
	                                   AND d.objid = e.oid
	                                   AND d.refclassid = 'pg_catalog.pg_extension'::regclass
	        JOIN pg_catalog.pg_extension r ON r.oid = d.refobjid
	       WHERE e.extname = 'mineral_supply_postgis'
	       ORDER BY 1),
	ARRAY['mineral_supply', 'postgis'],
	'mineral_supply_postgis requires mineral_supply and postgis'
);
SELECT is(
	(SELECT e.extrelocatable FROM pg_catalog.pg_extension e WHERE e.extname = 'mineral_supply_postgis'),
	false,
	'mineral_supply_postgis is not relocatable'
);
SELECT is(
	ARRAY(SELECT DISTINCT m.classid::regclass::text FROM ext_member m),
	ARRAY['pg_proc'],
	'the extension holds functions and aggregates only (no types, operators or tables)'
);

-------------------------------------------------------------------------------
-- Functions: signature, return type, language, volatility, strictness,
-- parallel safety
-------------------------------------------------------------------------------

CREATE TEMP TABLE expected_function (
	name      name,
	args      text[],
	returns   text,
	lang      name,
	vol       text,
	strict    boolean,
	parallel  "char"
);
INSERT INTO expected_function VALUES
	-- checks the selection helpers wrap around their arguments
	('checked_point',      '{geography}',                       'geography',        'c',       'immutable', true,  's'),
	('checked_line',       '{geography}',                       'geography',        'c',       'immutable', true,  's'),
	('checked_distance',   '{"double precision"}',              'double precision', 'c',       'immutable', true,  's'),
	-- pattern A: inlinable predicates
	('within_radius',      '{geography,geography,"double precision"}', 'boolean',   'sql',     'immutable', false, 's'),
	('within_corridor',    '{geography,geography,"double precision"}', 'boolean',   'sql',     'immutable', false, 's'),
	-- pattern B: dynamic SQL over a table given by its row type
	('proximity_sql',      '{text,anyelement,name}',            'text',             'plpgsql', 'stable',    false, 's'),
	('rows_within_radius', '{anyelement,name,geography,"double precision"}', 'setof anyelement', 'plpgsql', 'stable', false, 'r'),
	('rows_within_corridor', '{anyelement,name,geography,"double precision"}', 'setof anyelement', 'plpgsql', 'stable', false, 'r'),
	('nearest_rows',       '{anyelement,name,geography,integer}', 'setof anyelement', 'plpgsql', 'stable',   false, 'r'),
	-- decay and the aggregates' support functions
	('distance_decay',     '{"double precision","double precision"}', 'double precision', 'c', 'immutable', true, 's'),
	('accessible_supply_accum', '{"double precision[]","double precision","double precision","double precision"}', 'double precision[]', 'c', 'immutable', false, 's'),
	('proximity_sums_combine', '{"double precision[]","double precision[]"}', 'double precision[]', 'c', 'immutable', true, 's'),
	('accessible_supply_final', '{"double precision[]"}',       'double precision', 'c',       'immutable', true,  's'),
	('supply_mean_distance_accum', '{"double precision[]","double precision","double precision"}', 'double precision[]', 'c', 'immutable', false, 's'),
	('supply_mean_distance_final', '{"double precision[]"}',    'double precision', 'c',       'immutable', true,  's'),
	('supply_centroid_accum', '{"double precision[]",geography,"double precision"}', 'double precision[]', 'c', 'immutable', false, 's'),
	('supply_centroid_combine', '{"double precision[]","double precision[]"}', 'double precision[]', 'c', 'immutable', true, 's'),
	('supply_centroid_final', '{"double precision[]"}',         'geography',        'c',       'immutable', true,  's');

-- 18 functions x 6 tests
SELECT has_function(name, args, format('%s(%s) exists', name, array_to_string(args, ', ')))
  FROM expected_function ORDER BY name;
SELECT function_returns(name, args, returns, format('%s(%s) returns %s', name, array_to_string(args, ', '), returns))
  FROM expected_function ORDER BY name;
SELECT function_lang_is(name, args, lang, format('%s(%s) is LANGUAGE %s', name, array_to_string(args, ', '), lang))
  FROM expected_function ORDER BY name;
SELECT volatility_is(name, args, vol, format('%s(%s) is %s', name, array_to_string(args, ', '), upper(vol)))
  FROM expected_function ORDER BY name;
SELECT CASE WHEN strict THEN is_strict(name, args, format('%s(%s) is STRICT', name, array_to_string(args, ', ')))
            ELSE isnt_strict(name, args, format('%s(%s) is not STRICT', name, array_to_string(args, ', '))) END
  FROM expected_function ORDER BY name;
SELECT is(
	(SELECT p.proparallel FROM ext_proc p
	  WHERE p.oid = format('%s(%s)', f.name, array_to_string(f.args, ','))::regprocedure),
	f.parallel,
	format('%s(%s) is PARALLEL %s', f.name, array_to_string(f.args, ', '),
	       CASE f.parallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' ELSE 'UNSAFE' END))
  FROM expected_function f ORDER BY f.name;

-- ... and there are no others.
SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p WHERE p.prokind = 'f'
	      EXCEPT
	      SELECT format('%s(%s)', name, array_to_string(args, ','))::regprocedure::text FROM expected_function
	      ORDER BY 1),
	'{}'::text[],
	'the extension has no function beyond those listed here'
);

-------------------------------------------------------------------------------
-- Aggregates: state float8[] (not internal), combine function, initcond,
-- PARALLEL SAFE
-------------------------------------------------------------------------------

CREATE TEMP TABLE expected_aggregate (
	name      name,
	args      text[],
	returns   text,
	sfunc     text,
	combine   text,
	final     text,
	initcond  text
);
INSERT INTO expected_aggregate VALUES
	('accessible_supply', '{"double precision","double precision","double precision"}', 'double precision',
	 'accessible_supply_accum', 'proximity_sums_combine', 'accessible_supply_final', '{0,0}'),
	('supply_mean_distance', '{"double precision","double precision"}', 'double precision',
	 'supply_mean_distance_accum', 'proximity_sums_combine', 'supply_mean_distance_final', '{0,0,0,0}'),
	('supply_centroid', '{geography,"double precision"}', 'geography',
	 'supply_centroid_accum', 'supply_centroid_combine', 'supply_centroid_final', '{0,0,0,0,0,0,0,0,0}');

-- 3 aggregates x 5 tests
SELECT is_aggregate(name, args, format('%s(%s) is an aggregate', name, array_to_string(args, ', ')))
  FROM expected_aggregate ORDER BY name;
SELECT function_returns(name, args, returns, format('%s(%s) returns %s', name, array_to_string(args, ', '), returns))
  FROM expected_aggregate ORDER BY name;
SELECT is(
	(SELECT ROW(a.aggtransfn::text, a.aggcombinefn::text, a.aggfinalfn::text, a.agginitval,
	            a.aggtranstype::regtype::text, a.aggkind, a.aggfinalmodify)::text
	   FROM pg_catalog.pg_aggregate a JOIN ext_proc p ON p.oid = a.aggfnoid
	  WHERE p.oid = format('%s(%s)', e.name, array_to_string(e.args, ','))::regprocedure),
	ROW(e.sfunc, e.combine, e.final, e.initcond, 'double precision[]', 'n', 'r')::text,
	format('%s: state double precision[] from %s, initcond %s, combined by %s, finished (read-only) by %s',
	       e.name, e.sfunc, e.initcond, e.combine, e.final))
  FROM expected_aggregate e ORDER BY e.name;
SELECT is(
	(SELECT p.proparallel FROM ext_proc p WHERE p.oid = format('%s(%s)', e.name, array_to_string(e.args, ','))::regprocedure),
	's'::"char",
	format('%s(%s) is PARALLEL SAFE', e.name, array_to_string(e.args, ', ')))
  FROM expected_aggregate e ORDER BY e.name;
SELECT is(
	(SELECT pg_catalog.obj_description(p.oid, 'pg_proc') IS NOT NULL
	   FROM ext_proc p WHERE p.oid = format('%s(%s)', e.name, array_to_string(e.args, ','))::regprocedure),
	true,
	format('%s(%s) has a comment', e.name, array_to_string(e.args, ', ')))
  FROM expected_aggregate e ORDER BY e.name;

SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p WHERE p.prokind = 'a'
	      EXCEPT
	      SELECT format('%s(%s)', name, array_to_string(args, ','))::regprocedure::text FROM expected_aggregate
	      ORDER BY 1),
	'{}'::text[],
	'the extension has no aggregate beyond those listed here'
);
SELECT is(
	ARRAY(SELECT a.aggfnoid::regprocedure::text FROM pg_catalog.pg_aggregate a JOIN ext_proc p ON p.oid = a.aggfnoid
	       WHERE a.aggtranstype = 'pg_catalog.internal'::regtype OR a.aggcombinefn = 0 ORDER BY 1),
	'{}'::text[],
	'no aggregate has an internal state or lacks a combine function'
);

-------------------------------------------------------------------------------
-- Pattern A stays inlinable; pattern B pins its search_path
-------------------------------------------------------------------------------

SELECT is(
	ARRAY(SELECT p.proname::text FROM ext_proc p
	       WHERE p.proname IN ('within_radius', 'within_corridor')
	         AND p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'sql')
	         AND p.prosqlbody IS NOT NULL          -- BEGIN ATOMIC: bound at creation
	         AND p.proconfig IS NULL               -- a SET clause would stop inlining
	         AND NOT p.proisstrict AND NOT p.prosecdef AND NOT p.proretset
	         AND p.provolatile IN ('i', 's')
	       ORDER BY 1),
	ARRAY['within_corridor', 'within_radius'],
	'within_radius and within_corridor are inlinable: LANGUAGE sql with a SQL-standard body, no SET, not STRICT, not SECURITY DEFINER'
);
SELECT is(
	ARRAY(SELECT p.proname::text FROM ext_proc p
	       WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'plpgsql')
	         AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')
	       ORDER BY 1),
	ARRAY['nearest_rows', 'proximity_sql', 'rows_within_corridor', 'rows_within_radius'],
	'every PL/pgSQL function pins its search_path'
);
SELECT ok(
	(SELECT bool_and(pg_catalog.pg_get_functiondef(p.oid) LIKE '%ST_DWithin%'
	                 OR pg_catalog.pg_get_functiondef(p.oid) LIKE '%st_dwithin%')
	   FROM ext_proc p WHERE p.proname IN ('within_radius', 'within_corridor')),
	'the pattern-A helpers are ST_DWithin (which PostGIS turns into an index condition)'
);

-------------------------------------------------------------------------------
-- Generic checks over every member of the extension
-------------------------------------------------------------------------------

SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p WHERE p.prosecdef ORDER BY 1),
	'{}'::text[],
	'no function of the extension is SECURITY DEFINER'
);
SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p
	       WHERE p.proparallel <> 's'
	         AND p.proname NOT IN ('rows_within_radius', 'rows_within_corridor', 'nearest_rows')
	       ORDER BY 1),
	'{}'::text[],
	'every function and aggregate is PARALLEL SAFE but the three that run queries on a user''s table (RESTRICTED: it may be a temporary table)'
);
SELECT is(
	ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, m.objsubid)
	        FROM ext_member m
	       WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d
	                          WHERE d.classoid = m.classid AND d.objoid = m.objid
	                            AND d.objsubid = m.objsubid AND d.description <> '')
	       ORDER BY 1),
	'{}'::text[],
	'every object of mineral_supply_postgis has a comment'
);
SELECT cmp_ok(
	(SELECT count(*)::int FROM ext_member), '=', 21,
	'the extension has 21 members (18 functions, 3 aggregates)'
);

-------------------------------------------------------------------------------
-- Errors and their SQLSTATEs
-------------------------------------------------------------------------------

CREATE TEMP TABLE place (id int, loc geography(Point, 4326), name text);
INSERT INTO place VALUES (1, 'POINT(82.6 50)', 'a'), (2, 'POINT(76.9 43.2)', 'b');

CREATE TEMP TABLE err_case (
	ord         serial PRIMARY KEY,
	state       char(5) NOT NULL,
	description text NOT NULL,
	sql         text NOT NULL
);
INSERT INTO err_case (state, description, sql) VALUES
	('22023', 'within_radius: negative radius',            $$SELECT within_radius('POINT(0 0)', 'POINT(1 1)', -1)$$),
	('22023', 'within_radius: NaN radius',                 $$SELECT within_radius('POINT(0 0)', 'POINT(1 1)', 'NaN')$$),
	('22023', 'within_radius: infinite radius',            $$SELECT within_radius('POINT(0 0)', 'POINT(1 1)', 'Infinity')$$),
	('22023', 'within_radius: center not a point',         $$SELECT within_radius('POINT(0 0)', 'LINESTRING(0 0, 1 1)', 10)$$),
	('22023', 'within_corridor: route not a line',         $$SELECT within_corridor('POINT(0 0)', 'POINT(1 1)', 10)$$),
	('22023', 'within_corridor: negative half-width',      $$SELECT within_corridor('POINT(0 0)', 'LINESTRING(0 1, 1 1)', -5)$$),
	('22023', 'distance_decay: negative distance',         $$SELECT distance_decay(-1, 1000)$$),
	('22023', 'distance_decay: zero half-distance',        $$SELECT distance_decay(1, 0)$$),
	('22023', 'distance_decay: infinite half-distance',    $$SELECT distance_decay(1, 'Infinity')$$),
	('22023', 'accessible_supply: negative quantity',      $$SELECT accessible_supply(-1, 0, 1000)$$),
	('22023', 'accessible_supply: NaN distance',           $$SELECT accessible_supply(1, 'NaN', 1000)$$),
	('22023', 'accessible_supply: negative half-distance', $$SELECT accessible_supply(1, 0, -1000)$$),
	('22004', 'accessible_supply: NULL half-distance',     $$SELECT accessible_supply(1, 0, NULL)$$),
	('22023', 'supply_mean_distance: infinite quantity',   $$SELECT supply_mean_distance('Infinity', 10)$$),
	('22023', 'supply_mean_distance: negative distance',   $$SELECT supply_mean_distance(1, -10)$$),
	('22003', 'supply_mean_distance: sum overflows',       $$SELECT supply_mean_distance(1e300, 1e300)$$),
	('22023', 'supply_centroid: negative quantity',        $$SELECT supply_centroid('POINT(0 0)', -1)$$),
	('22023', 'supply_centroid: location not a point',     $$SELECT supply_centroid('POLYGON((0 0, 1 0, 1 1, 0 0))', 1)$$),
	('22023', 'supply_centroid: mixed SRIDs',              $$SELECT supply_centroid(g, 1) FROM (VALUES ('SRID=4326;POINT(0 0)'::geography), ('SRID=4269;POINT(1 1)')) v(g)$$),
	('22023', 'final function: state of the wrong length', $$SELECT supply_mean_distance_final('{1,2}')$$),
	('22023', 'final function: state with a NULL',         $$SELECT accessible_supply_final('{1,NULL}')$$),
	('22023', 'final function: non-integer SRID in state', $$SELECT supply_centroid_final('{1,0,1,0,0,0,0,0,0.5}')$$),
	('22023', 'combine function: states of two lengths',   $$SELECT proximity_sums_combine('{1,0}', '{1,0,1,0}')$$),
	('22023', 'nearest_rows: negative k',                  $$SELECT * FROM nearest_rows(NULL::place, 'loc', 'POINT(0 0)', -1)$$),
	('22023', 'rows_within_radius: not a table row',       $$SELECT * FROM rows_within_radius(NULL::integer, 'loc', 'POINT(0 0)', 1)$$),
	('42703', 'rows_within_radius: no such column',        $$SELECT * FROM rows_within_radius(NULL::place, 'geog', 'POINT(0 0)', 1)$$),
	('42804', 'rows_within_radius: column not geography',  $$SELECT * FROM rows_within_radius(NULL::place, 'name', 'POINT(0 0)', 1)$$),
	('22023', 'proximity_sql: unknown selection',          $$SELECT proximity_sql('within', NULL::place, 'loc')$$);

-- 28 cases
SELECT throws_ok(sql, state, NULL, format('%s: SQLSTATE %s', description, state)) FROM err_case ORDER BY ord;

-- The messages are in PostgreSQL's style: lower case, no final period.
CREATE FUNCTION pg_temp.message_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLERRM;
END $$;
SELECT is(
	ARRAY(SELECT e.description || ': ' || pg_temp.message_of(e.sql) FROM err_case e
	       WHERE pg_temp.message_of(e.sql) !~ '^[a-z_]' OR pg_temp.message_of(e.sql) ~ '\.$'
	       ORDER BY e.ord),
	'{}'::text[],
	'every error message starts in lower case and has no final period'
);

-- NULL arguments and empty input are not errors.
SELECT lives_ok($$SELECT within_radius(NULL, 'POINT(0 0)', 1), within_corridor('POINT(0 0)', NULL, 1),
                         within_radius('POINT(0 0)', 'POINT(0 0)', NULL)$$,
                'NULL geographies or distances make the predicates NULL, not an error');
SELECT is((SELECT count(*)::int FROM nearest_rows(NULL::place, 'loc', NULL, 3)), 0,
          'nearest_rows with a NULL center returns nothing');
SELECT is((SELECT count(*)::int FROM nearest_rows(NULL::place, 'loc', 'POINT(80 45)', 5)), 2,
          'nearest_rows with k beyond the table returns every row');
SELECT is((SELECT accessible_supply(q, d, 1000) FROM (VALUES (1.0, 1.0)) v(q, d) WHERE false), 0::float8,
          'accessible_supply of no rows is 0');
SELECT is((SELECT supply_mean_distance(q, d) FROM (VALUES (1.0, 1.0)) v(q, d) WHERE false), NULL::float8,
          'supply_mean_distance of no rows is NULL');
SELECT is((SELECT supply_centroid(loc, 1) FROM place WHERE false) IS NULL, true,
          'supply_centroid of no rows is NULL');

SELECT * FROM finish();
ROLLBACK;
