-- pgTAP: the shape of the country_code, EU, CRMA and summary API, and the
-- SQLSTATE of its errors.
--
-- What is checked, from the catalog: the country_code type (two bytes, by
-- value, binary I/O), every function of the country, EU, CRMA and summary
-- API with its exact signature (argument names, defaults, OUT parameters),
-- return type, volatility, strictness and language; the country overload of
-- supply_mix_agg; the six comparison operators with their commutators,
-- negators, selectivity estimators, hashing and merge joins; the btree and
-- hash operator classes and their support functions; the three casts; the
-- composite types hhi_range, country_supply and supply_mix_summary; the
-- crma_benchmark table (columns, key, checks, the trigger protecting its
-- seeded rows, the seeded rows themselves) and its registration with
-- pg_extension_config_dump (pg_extension.extconfig / extcondition).  Then
-- the decided errors: unknown codes (22P02, with the hint where there is
-- one), non-country producers in EU measures (22023), infinite dates
-- (22023), bad stages and quantities in the CRMA functions (22023), a
-- missing benchmark (22023), deleting a seeded benchmark (55000), the
-- table's constraints (23514, 23502), and who may write it (42501): readable
-- by PUBLIC, writable by the editors a DBA grants (README "Roles and
-- privileges"), seeded rows by the owner only.
--
-- Runs as an ordinary role, mineral_supply_analyst (test/prepare_db), and
-- as the editor role test/prepare_db grants what README says, where a check
-- writes the table (SET ROLE mineral_supply_editor).
--
-- (api_shape.sql already checks, generically over every member of the
-- extension, PARALLEL SAFE, no SECURITY DEFINER and a comment on every
-- object.)
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

SELECT plan(248);

CREATE TEMP VIEW ext_proc AS
SELECT p.*
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply';

-------------------------------------------------------------------------------
-- The country_code type
-------------------------------------------------------------------------------

SELECT has_type('country_code', 'type country_code exists');
SELECT is(
	(SELECT ROW(t.typtype, t.typlen, t.typbyval, t.typalign, t.typstorage,
				t.typinput::text, t.typoutput::text, t.typreceive::text, t.typsend::text)::text
	   FROM pg_catalog.pg_type t WHERE t.oid = 'country_code'::regtype),
	ROW('b', 2, true, 's', 'p', 'country_code_in', 'country_code_out', 'country_code_recv', 'country_code_send')::text,
	'country_code is a base type of two bytes passed by value, int2 alignment, plain storage, text and binary I/O'
);
SELECT is(pg_catalog.array_length(ARRAY(SELECT 1 FROM pg_catalog.pg_type WHERE typelem = 'country_code'::regtype AND typcategory = 'A'), 1),
	1, 'country_code has an array type (eu_members returns country_code[])');

-------------------------------------------------------------------------------
-- Functions: existence, then the exact shape of each
-------------------------------------------------------------------------------

CREATE TEMP TABLE fn_expected (ord serial, name text, args text[], signature text, arguments text, result text,
                               volatility text, strict boolean, lang text);
INSERT INTO fn_expected (name, args, signature, arguments, result, volatility, strict, lang) VALUES
	('country_code_in', '{cstring}', 'country_code_in(cstring)', 'cstring', 'country_code', 'i', true, 'c'),
	('country_code_out', '{country_code}', 'country_code_out(country_code)', 'country_code', 'cstring', 'i', true, 'c'),
	('country_code_recv', '{internal}', 'country_code_recv(internal)', 'internal', 'country_code', 'i', true, 'c'),
	('country_code_send', '{country_code}', 'country_code_send(country_code)', 'country_code', 'bytea', 'i', true, 'c'),
	('country_code_eq', '{country_code,country_code}', 'country_code_eq(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_ne', '{country_code,country_code}', 'country_code_ne(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_lt', '{country_code,country_code}', 'country_code_lt(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_le', '{country_code,country_code}', 'country_code_le(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_gt', '{country_code,country_code}', 'country_code_gt(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_ge', '{country_code,country_code}', 'country_code_ge(country_code,country_code)', 'country_code, country_code', 'boolean', 'i', true, 'internal'),
	('country_code_cmp', '{country_code,country_code}', 'country_code_cmp(country_code,country_code)', 'country_code, country_code', 'integer', 'i', true, 'internal'),
	('country_code_sortsupport', '{internal}', 'country_code_sortsupport(internal)', 'internal', 'void', 'i', true, 'internal'),
	('country_code_hash', '{country_code}', 'country_code_hash(country_code)', 'country_code', 'integer', 'i', true, 'internal'),
	('country_code_hash_extended', '{country_code,bigint}', 'country_code_hash_extended(country_code,bigint)', 'country_code, bigint', 'bigint', 'i', true, 'internal'),
	('country_name', '{country_code}', 'country_name(country_code)', 'country_code', 'text', 'i', true, 'c'),
	('alpha3', '{country_code}', 'alpha3(country_code)', 'country_code', 'text', 'i', true, 'c'),
	('numeric_code', '{country_code}', 'numeric_code(country_code)', 'country_code', 'text', 'i', true, 'c'),
	('country_code_source', '{}', 'country_code_source()', '', 'text', 'i', true, 'c'),
	('eu_member', '{country_code,date}', 'eu_member(country_code,date)', 'country_code, on_date date', 'boolean', 'i', true, 'c'),
	('eu_members', '{date}', 'eu_members(date)', 'on_date date', 'country_code[]', 'i', true, 'c'),
	('eu_oct', '{country_code,date}', 'eu_oct(country_code,date)', 'country_code, on_date date', 'boolean', 'i', true, 'c'),
	('third_country', '{country_code,date}', 'third_country(country_code,date)', 'country_code, on_date date', 'boolean', 'i', true, 'c'),
	('supply_mix_accum', '{supply_mix,country_code,"double precision"}', 'supply_mix_accum(supply_mix,country_code,double precision)',
	 'supply_mix, country_code, double precision', 'supply_mix', 'i', false, 'c'),
	('eu_share', '{supply_mix,date}', 'eu_share(supply_mix,date)', 'supply_mix, on_date date', 'double precision', 'i', true, 'c'),
	('top_third_country', '{supply_mix,date}', 'top_third_country(supply_mix,date)', 'supply_mix, on_date date', 'country_supply', 'i', true, 'c'),
	('crma_benchmark_share', '{text,integer}', 'crma_benchmark_share(text,integer)',
	 'benchmark text, target_year integer, OUT share double precision, OUT legal_reference text', 'record', 's', true, 'sql'),
	('crma_capacity_gap', '{text,"double precision","double precision",integer}', 'crma_capacity_gap(text,double precision,double precision,integer)',
	 'stage text, consumption_t double precision, capacity_t double precision, target_year integer DEFAULT 2030, '
	 'OUT benchmark_share double precision, OUT achieved_share double precision, OUT required_t double precision, '
	 'OUT gap_t double precision, OUT met boolean, OUT legal_reference text', 'record', 's', false, 'plpgsql'),
	('crma_third_country_gap', '{supply_mix,"double precision",date,integer}', 'crma_third_country_gap(supply_mix,double precision,date,integer)',
	 'sourcing supply_mix, consumption_t double precision, on_date date, target_year integer DEFAULT 2030, '
	 'OUT country country_code, OUT quantity_t double precision, OUT share_of_consumption double precision, '
	 'OUT limit_share double precision, OUT excess_t double precision, OUT met boolean, OUT unattributed_t double precision, '
	 'OUT legal_reference text', 'record', 's', false, 'plpgsql'),
	('crma_assessment', '{"double precision","double precision","double precision","double precision",supply_mix,date,integer}',
	 'crma_assessment(double precision,double precision,double precision,double precision,supply_mix,date,integer)',
	 'consumption_t double precision, extraction_capacity_t double precision, processing_capacity_t double precision, '
	 'recycling_capacity_t double precision, processing_sourcing supply_mix, on_date date, target_year integer DEFAULT 2030',
	 'TABLE(benchmark text, stage text, bound text, benchmark_share double precision, achieved_share double precision, '
	 'gap_t double precision, met boolean, country country_code, unattributed_t double precision, legal_reference text)',
	 's', false, 'sql'),
	('mix_summary', '{supply_mix}', 'mix_summary(supply_mix)', 'supply_mix', 'supply_mix_summary', 'i', true, 'c');

SELECT has_function(name, args, signature || ' exists') FROM fn_expected ORDER BY ord;

SELECT results_eq(
	$$SELECT x.signature, pg_catalog.pg_get_function_arguments(p.oid), pg_catalog.pg_get_function_result(p.oid),
	         p.provolatile::text, p.proisstrict, l.lanname::text COLLATE "default"
	    FROM fn_expected x
	    LEFT JOIN ext_proc p ON p.oid::regprocedure::text = x.signature
	    LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang
	   ORDER BY x.ord$$,
	$$SELECT signature, arguments, result, volatility, strict, lang FROM fn_expected ORDER BY ord$$,
	'country, EU, CRMA and summary functions: exact arguments (names, defaults, OUT parameters), result, volatility, strictness, language'
);

-- The same, one assertion per property, for readable failures.
SELECT function_returns(name, args, CASE WHEN result LIKE 'TABLE(%' THEN 'setof record' ELSE result END,
                        signature || ' returns ' || CASE WHEN result LIKE 'TABLE(%' THEN 'setof record' ELSE result END)
  FROM fn_expected ORDER BY ord;
SELECT volatility_is(name, args, CASE volatility WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
                     signature || ' is ' || CASE volatility WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END)
  FROM fn_expected ORDER BY ord;
SELECT CASE WHEN strict THEN is_strict(name, args, signature || ' is STRICT')
            ELSE isnt_strict(name, args, signature || ' is not STRICT (it decides about NULLs itself)') END
  FROM fn_expected ORDER BY ord;

-- SQL and PL/pgSQL bodies: schema-qualified references (@extschema@), and
-- every one pins its search_path (an operator of a caller's schema ahead of
-- pg_catalog on the caller's path could stand in for a built-in one in an
-- SQL body that did not).
SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
	       WHERE l.lanname IN ('sql', 'plpgsql')
	         AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false)
	       ORDER BY 1),
	'{}'::text[],
	'every SQL and PL/pgSQL function of the extension pins search_path = pg_catalog, pg_temp'
);

-------------------------------------------------------------------------------
-- supply_mix_agg(country_code, double precision)
-------------------------------------------------------------------------------

SELECT is_aggregate('supply_mix_agg', ARRAY['country_code', 'double precision'],
	'supply_mix_agg(country_code, double precision) is an aggregate');
SELECT is(
	(SELECT ROW(a.aggtransfn::regprocedure::text, a.aggcombinefn::regprocedure::text, a.aggtranstype::regtype::text,
	            a.agginitval, a.aggfinalfn = 0, a.aggkind)::text
	   FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = 'supply_mix_agg(country_code, double precision)'::regprocedure),
	ROW('supply_mix_accum(supply_mix,country_code,double precision)', 'supply_mix_combine(supply_mix,supply_mix)',
	    'supply_mix', '{}', true, 'n')::text,
	'supply_mix_agg(country_code, ...): supply_mix_accum, supply_mix_combine, state supply_mix, initcond {}, no final function'
);
SELECT is(
	(SELECT pg_catalog.pg_get_function_arguments(p.oid) FROM ext_proc p
	  WHERE p.oid = 'supply_mix_agg(country_code, double precision)'::regprocedure),
	'producer country_code, quantity double precision',
	'supply_mix_agg(country_code, ...) names its arguments producer and quantity'
);

-------------------------------------------------------------------------------
-- Operators, operator classes, casts
-------------------------------------------------------------------------------

SELECT has_operator('country_code', op, 'country_code', 'boolean', 'operator ' || op || ' (country_code, country_code) exists')
  FROM unnest(ARRAY['=', '<>', '<', '<=', '>', '>=']) op;
SELECT results_eq(
	$$SELECT o.oprname::text COLLATE "default", o.oprcode::text, o.oprcom::regoperator::text, o.oprnegate::regoperator::text,
	         o.oprcanhash, o.oprcanmerge, o.oprrest::text, o.oprjoin::text
	    FROM pg_catalog.pg_operator o
	   WHERE o.oprleft = 'country_code'::regtype AND o.oprright = 'country_code'::regtype
	   ORDER BY 1$$,
	$$VALUES ('<', 'country_code_lt', '>(country_code,country_code)', '>=(country_code,country_code)', false, false, 'scalarltsel', 'scalarltjoinsel'),
	         ('<=', 'country_code_le', '>=(country_code,country_code)', '>(country_code,country_code)', false, false, 'scalarlesel', 'scalarlejoinsel'),
	         ('<>', 'country_code_ne', '<>(country_code,country_code)', '=(country_code,country_code)', false, false, 'neqsel', 'neqjoinsel'),
	         ('=', 'country_code_eq', '=(country_code,country_code)', '<>(country_code,country_code)', true, true, 'eqsel', 'eqjoinsel'),
	         ('>', 'country_code_gt', '<(country_code,country_code)', '<=(country_code,country_code)', false, false, 'scalargtsel', 'scalargtjoinsel'),
	         ('>=', 'country_code_ge', '<=(country_code,country_code)', '<(country_code,country_code)', false, false, 'scalargesel', 'scalargejoinsel')$$,
	'the country_code operators: functions, commutators, negators, estimators; = hashes and merges'
);

SELECT has_opclass('country_code_ops', 'operator class country_code_ops exists');
SELECT has_opclass('country_code_hash_ops', 'operator class country_code_hash_ops exists');
SELECT results_eq(
	$$SELECT c.opcname::text COLLATE "default", am.amname::text COLLATE "default", c.opcdefault
	    FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
	   WHERE c.opcintype = 'country_code'::regtype ORDER BY 1$$,
	$$VALUES ('country_code_hash_ops', 'hash', true), ('country_code_ops', 'btree', true)$$,
	'country_code has default btree and hash operator classes'
);
SELECT results_eq(
	$$SELECT am.amname::text COLLATE "default", o.amopstrategy::int, o.amopopr::regoperator::text
	    FROM pg_catalog.pg_amop o JOIN pg_catalog.pg_am am ON am.oid = o.amopmethod
	   WHERE o.amoplefttype = 'country_code'::regtype ORDER BY 1, 2$$,
	$$VALUES ('btree', 1, '<(country_code,country_code)'), ('btree', 2, '<=(country_code,country_code)'),
	         ('btree', 3, '=(country_code,country_code)'), ('btree', 4, '>=(country_code,country_code)'),
	         ('btree', 5, '>(country_code,country_code)'), ('hash', 1, '=(country_code,country_code)')$$,
	'the operator classes hold the five btree strategies and hash equality'
);
SELECT results_eq(
	$$SELECT am.amname::text COLLATE "default", p.amprocnum::int, p.amproc::regprocedure::text
	    FROM pg_catalog.pg_amproc p JOIN pg_catalog.pg_opfamily f ON f.oid = p.amprocfamily
	    JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
	   WHERE p.amproclefttype = 'country_code'::regtype ORDER BY 1, 2$$,
	$$VALUES ('btree', 1, 'country_code_cmp(country_code,country_code)'), ('btree', 2, 'country_code_sortsupport(internal)'),
	         ('hash', 1, 'country_code_hash(country_code)'), ('hash', 2, 'country_code_hash_extended(country_code,bigint)')$$,
	'support functions: comparison and sort support (btree), 32- and 64-bit hashes (hash)'
);

SELECT has_cast('country_code', 'text', 'cast country_code -> text exists');
SELECT has_cast('text', 'country_code', 'cast text -> country_code exists');
SELECT has_cast('character varying', 'country_code', 'cast varchar -> country_code exists');
SELECT results_eq(
	$$SELECT c.castsource::regtype::text, c.casttarget::regtype::text, c.castcontext::text, c.castmethod::text
	    FROM pg_catalog.pg_cast c WHERE 'country_code'::regtype IN (c.castsource, c.casttarget) ORDER BY 1, 2$$,
	$$VALUES ('character varying', 'country_code', 'i', 'i'), ('country_code', 'text', 'a', 'i'), ('text', 'country_code', 'i', 'i')$$,
	'casts through the text form: country_code -> text on assignment, text and varchar -> country_code implicitly'
);

-------------------------------------------------------------------------------
-- Composite types
-------------------------------------------------------------------------------

SELECT has_type(t, 'type ' || t || ' exists') FROM unnest(ARRAY['hhi_range', 'country_supply', 'supply_mix_summary']) t;
SELECT results_eq(
	$$SELECT a.attrelid::regclass::text, a.attname::text COLLATE "default", pg_catalog.format_type(a.atttypid, a.atttypmod)
	    FROM pg_catalog.pg_attribute a
	   WHERE a.attrelid IN ('hhi_range'::regclass, 'country_supply'::regclass, 'supply_mix_summary'::regclass)
	     AND a.attnum > 0 AND NOT a.attisdropped
	   ORDER BY a.attrelid::regclass::text, a.attnum$$,
	$$VALUES ('country_supply', 'country', 'country_code'), ('country_supply', 'quantity', 'double precision'),
	         ('country_supply', 'share', 'double precision'),
	         ('hhi_range', 'lower', 'double precision'), ('hhi_range', 'upper', 'double precision'),
	         ('supply_mix_summary', 'total', 'double precision'), ('supply_mix_summary', 'remainder', 'double precision'),
	         ('supply_mix_summary', 'producer_count', 'integer'), ('supply_mix_summary', 'top_producer', 'text'),
	         ('supply_mix_summary', 'top_share', 'double precision'), ('supply_mix_summary', 'cr3', 'double precision'),
	         ('supply_mix_summary', 'hhi', 'double precision'), ('supply_mix_summary', 'hhi_upper', 'double precision'),
	         ('supply_mix_summary', 'hhi_normalized', 'double precision'), ('supply_mix_summary', 'shannon_entropy', 'double precision'),
	         ('supply_mix_summary', 'effective_suppliers', 'double precision'), ('supply_mix_summary', 'gini', 'double precision')$$,
	'hhi_range, country_supply and supply_mix_summary: columns and types, in order (standard types for BI tools)'
);
SELECT is((SELECT pg_catalog.count(*)::int FROM pg_catalog.pg_type t
            WHERE t.typname IN ('hhi_range', 'country_supply', 'supply_mix_summary') AND t.typtype = 'c'), 3,
	'the three are composite types');

-------------------------------------------------------------------------------
-- crma_benchmark: a reference table the extension seeds and pg_dump keeps
-------------------------------------------------------------------------------

SELECT has_table('crma_benchmark', 'table crma_benchmark exists');
SELECT columns_are('crma_benchmark', ARRAY['benchmark', 'bound', 'share', 'target_year', 'legal_reference', 'note', 'seeded'],
	'crma_benchmark has exactly its seven columns');
SELECT col_type_is('crma_benchmark', c, t, 'crma_benchmark.' || c || ' is ' || t)
  FROM (VALUES ('benchmark', 'text'), ('bound', 'text'), ('share', 'double precision'), ('target_year', 'integer'),
               ('legal_reference', 'text'), ('note', 'text'), ('seeded', 'boolean')) v(c, t);
SELECT col_not_null('crma_benchmark', c, 'crma_benchmark.' || c || ' is NOT NULL')
  FROM unnest(ARRAY['benchmark', 'bound', 'share', 'target_year', 'legal_reference', 'seeded']) c;
SELECT col_is_null('crma_benchmark', 'note', 'crma_benchmark.note may be NULL');
SELECT col_default_is('crma_benchmark', 'seeded', 'false', 'crma_benchmark.seeded defaults to false (a user row)');
SELECT col_is_pk('crma_benchmark', ARRAY['benchmark', 'target_year', 'seeded'],
	'primary key (benchmark, target_year, seeded): one user row and one seeded row per benchmark and year');
SELECT is(
	(SELECT pg_catalog.count(*)::int FROM pg_catalog.pg_constraint c
	  WHERE c.conrelid = 'crma_benchmark'::regclass AND c.contype = 'c'), 3,
	'crma_benchmark has three CHECK constraints (benchmark, bound, share in 0-1)');
SELECT has_trigger('crma_benchmark', 'protect_seeded', 'crma_benchmark has the trigger protect_seeded');
SELECT trigger_is('crma_benchmark', 'protect_seeded', 'reference_row_protect',
	'protect_seeded runs reference_row_protect()');
SELECT is(
	(SELECT ROW(t.tgenabled, (t.tgtype & 2) <> 0, (t.tgtype & 1) <> 0, (t.tgtype & 8) <> 0, (t.tgtype & 16) <> 0,
	            (t.tgtype & 4) <> 0, pg_catalog.pg_get_triggerdef(t.oid) LIKE '%WHEN (old.seeded)%')::text
	   FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'crma_benchmark'::regclass AND t.tgname = 'protect_seeded'),
	ROW('O', true, true, true, true, false, true)::text,
	'protect_seeded fires BEFORE UPDATE OR DELETE, FOR EACH ROW, only on seeded rows'
);
SELECT has_trigger('crma_benchmark', 'seeded_by_owner', 'crma_benchmark has the trigger seeded_by_owner');
SELECT trigger_is('crma_benchmark', 'seeded_by_owner', 'reference_row_seeded_by_owner',
	'seeded_by_owner runs reference_row_seeded_by_owner()');
SELECT is(
	(SELECT ROW(t.tgenabled, (t.tgtype & 2) <> 0, (t.tgtype & 1) <> 0, (t.tgtype & 8) <> 0, (t.tgtype & 16) <> 0,
	            (t.tgtype & 4) <> 0, pg_catalog.pg_get_triggerdef(t.oid) LIKE '%WHEN (new.seeded)%',
	            t.tgname > 'protect_seeded')::text
	   FROM pg_catalog.pg_trigger t WHERE t.tgrelid = 'crma_benchmark'::regclass AND t.tgname = 'seeded_by_owner'),
	ROW('O', true, true, false, true, true, true, true)::text,
	'seeded_by_owner fires BEFORE INSERT OR UPDATE, FOR EACH ROW, on seeded rows, after protect_seeded (name order)'
);
SELECT ok(pg_catalog.has_table_privilege('public', 'crma_benchmark', 'SELECT'), 'PUBLIC reads crma_benchmark');
SELECT ok(NOT pg_catalog.has_table_privilege('public', 'crma_benchmark', 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'),
	'PUBLIC writes nothing to crma_benchmark');
SELECT results_eq(
	$$SELECT benchmark, bound, share, target_year, legal_reference FROM crma_benchmark WHERE seeded ORDER BY benchmark$$,
	$$VALUES ('extraction', 'at least', 0.10::float8, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(i)'),
	         ('processing', 'at least', 0.40::float8, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(ii)'),
	         ('recycling', 'at least', 0.25::float8, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(iii)'),
	         ('third country', 'at most', 0.65::float8, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(b)')$$,
	'the seeded rows are Art. 5(1) for 2030: 10 %, 40 %, 25 % at least, 65 % at most'
);
SELECT is((SELECT pg_catalog.count(*)::int FROM crma_benchmark WHERE NOT seeded), 0, 'a fresh install has no user rows');
SELECT ok(
	(SELECT 'crma_benchmark'::regclass = ANY (e.extconfig) FROM pg_catalog.pg_extension e WHERE e.extname = 'mineral_supply'),
	'crma_benchmark is registered with pg_extension_config_dump (pg_extension.extconfig)'
);
SELECT is(
	(SELECT e.extcondition[pg_catalog.array_position(e.extconfig, 'crma_benchmark'::regclass)]
	   FROM pg_catalog.pg_extension e WHERE e.extname = 'mineral_supply'),
	'WHERE NOT seeded',
	'pg_dump dumps only the user rows of crma_benchmark (extcondition WHERE NOT seeded)'
);
SELECT is(
	(SELECT pg_catalog.cardinality(e.extconfig) = pg_catalog.cardinality(e.extcondition)
	   FROM pg_catalog.pg_extension e WHERE e.extname = 'mineral_supply'),
	true, 'every configuration table has its dump condition');

-------------------------------------------------------------------------------
-- Errors and their SQLSTATEs
-------------------------------------------------------------------------------

-- run_as: who runs the case; this suite's ordinary role, but the editor
-- where a case writes crma_benchmark (its checks are for those who may)
CREATE TEMP TABLE err_case (ord serial PRIMARY KEY, state char(5) NOT NULL, description text NOT NULL, sql text NOT NULL,
	run_as text NOT NULL DEFAULT 'analyst');

INSERT INTO err_case (state, description, sql) VALUES
	-- unknown country codes
	('22P02', 'country_code: XX',              $$SELECT 'XX'::country_code$$),
	('22P02', 'country_code: UK (not ISO)',    $$SELECT 'UK'::country_code$$),
	('22P02', 'country_code: EL (not ISO)',    $$SELECT 'EL'::country_code$$),
	('22P02', 'country_code: empty',           $$SELECT ''::country_code$$),
	('22P02', 'country_code: four letters',    $$SELECT 'KAZA'::country_code$$),
	('22P02', 'country_code: numeric 999',     $$SELECT '999'::country_code$$),
	('22P02', 'country_code: four digits',     $$SELECT '0156'::country_code$$),
	('22P02', 'country_code: letter and digit', $$SELECT 'K1'::country_code$$),
	('22P02', 'country_code: implicit cast of an unknown code in eu_member', $$SELECT eu_member('ZZ', '2024-01-01')$$),
	('22P02', 'country_code: unknown code in supply_mix_agg(country_code, ...)',
	          $$SELECT supply_mix_agg(c::country_code, 1) FROM (VALUES ('XX')) v(c)$$),
	-- producers that are not countries, in EU measures
	('22023', 'eu_share: a producer that is not a country code', $$SELECT eu_share('{"China": 1}', '2024-01-01')$$),
	('22023', 'eu_share: XX',                  $$SELECT eu_share('{"CN": 1, "XX": 1}', '2024-01-01')$$),
	('22023', 'eu_share: UK',                  $$SELECT eu_share('{"UK": 1}', '2024-01-01')$$),
	('22023', 'eu_share: a non-country key even with a zero total', $$SELECT eu_share('{"China": 0}', '2024-01-01')$$),
	('22023', 'top_third_country: a producer that is not a country code', $$SELECT top_third_country('{"China": 1}', '2024-01-01')$$),
	('22023', 'crma_third_country_gap: a producer that is not a country code',
	          $$SELECT crma_third_country_gap('{"China": 700}', 1000, '2030-01-01')$$),
	('22023', 'crma_assessment: a producer that is not a country code',
	          $$SELECT * FROM crma_assessment(1000, 60, 450, 100, '{"China": 700}', '2030-01-01')$$),
	-- infinite dates
	('22023', 'eu_member: infinity',           $$SELECT eu_member('DE', 'infinity')$$),
	('22023', 'eu_member: -infinity',          $$SELECT eu_member('DE', '-infinity')$$),
	('22023', 'eu_members: infinity',          $$SELECT eu_members('infinity')$$),
	('22023', 'eu_oct: infinity',              $$SELECT eu_oct('GL', 'infinity')$$),
	('22023', 'third_country: -infinity',      $$SELECT third_country('CN', '-infinity')$$),
	('22023', 'eu_share: infinity',            $$SELECT eu_share('{"DE": 1}', 'infinity')$$),
	('22023', 'top_third_country: infinity',   $$SELECT top_third_country('{"CN": 1}', 'infinity')$$),
	('22023', 'crma_third_country_gap: infinity', $$SELECT crma_third_country_gap('{"CN": 700}', 1000, 'infinity')$$),
	-- CRMA: stages, quantities, years
	('22023', 'crma_capacity_gap: stage mining', $$SELECT crma_capacity_gap('mining', 1000, 100)$$),
	('22023', 'crma_capacity_gap: stage in capitals', $$SELECT crma_capacity_gap('Extraction', 1000, 100)$$),
	('22023', 'crma_capacity_gap: stage third country (not a capacity)', $$SELECT crma_capacity_gap('third country', 1000, 100)$$),
	('22023', 'crma_capacity_gap: stage NULL', $$SELECT crma_capacity_gap(NULL, 1000, 100)$$),
	('22023', 'crma_capacity_gap: consumption NaN', $$SELECT crma_capacity_gap('extraction', 'NaN', 100)$$),
	('22023', 'crma_capacity_gap: consumption Infinity', $$SELECT crma_capacity_gap('extraction', 'Infinity', 100)$$),
	('22023', 'crma_capacity_gap: capacity negative', $$SELECT crma_capacity_gap('extraction', 1000, -1)$$),
	('22023', 'crma_capacity_gap: capacity NaN', $$SELECT crma_capacity_gap('extraction', 1000, 'NaN')$$),
	('22023', 'crma_capacity_gap: no benchmark for 1999', $$SELECT crma_capacity_gap('extraction', 1000, 100, 1999)$$),
	('22023', 'crma_third_country_gap: consumption NaN', $$SELECT crma_third_country_gap('{"CN": 700}', 'NaN', '2030-01-01')$$),
	('22023', 'crma_third_country_gap: no benchmark for 1999', $$SELECT crma_third_country_gap('{"CN": 700}', 1000, '2030-01-01', 1999)$$),
	('22023', 'crma_assessment: consumption Infinity',
	          $$SELECT * FROM crma_assessment('Infinity', 60, 450, 100, '{"CN": 700}', '2030-01-01')$$),
	('22023', 'crma_assessment: no benchmarks for 2100',
	          $$SELECT * FROM crma_assessment(1000, 60, 450, 100, '{"CN": 700}', '2030-01-01', 2100)$$),
	-- the country overload of supply_mix_agg checks quantities as the text one does
	('22023', 'supply_mix_agg(country_code, ...): negative quantity',
	          $$SELECT supply_mix_agg(c::country_code, q) FROM (VALUES ('CN', -1::float8)) v(c, q)$$),
	('22023', 'supply_mix_agg(country_code, ...): NaN quantity',
	          $$SELECT supply_mix_agg(c::country_code, q) FROM (VALUES ('CN', 'NaN'::float8)) v(c, q)$$),
	-- the reference table
	('55000', 'crma_benchmark: deleting a seeded row', $$DELETE FROM crma_benchmark WHERE seeded AND benchmark = 'recycling'$$),
	('55000', 'crma_benchmark: deleting every row', $$DELETE FROM crma_benchmark$$),
	('23514', 'crma_benchmark: share above 1',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 1.5, 2035, 'x')$$),
	('23514', 'crma_benchmark: share NaN',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 'NaN', 2035, 'x')$$),
	('23514', 'crma_benchmark: unknown benchmark',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('mining', 'at least', 0.5, 2035, 'x')$$),
	('23514', 'crma_benchmark: unknown bound',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'about', 0.5, 2035, 'x')$$),
	('23502', 'crma_benchmark: no legal reference',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year) VALUES ('recycling', 'at least', 0.5, 2035)$$);
UPDATE err_case SET run_as = 'editor' WHERE description LIKE 'crma_benchmark: %';
-- who may write the table
INSERT INTO err_case (state, description, sql, run_as) VALUES
	('42501', 'crma_benchmark: an ordinary role inserts a row',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 0.5, 2035, 'x')$$,
	          'analyst'),
	('42501', 'crma_benchmark: an ordinary role updates a row', $$UPDATE crma_benchmark SET share = 0.5$$, 'analyst'),
	('42501', 'crma_benchmark: an ordinary role deletes a row', $$DELETE FROM crma_benchmark WHERE NOT seeded$$, 'analyst'),
	('42501', 'crma_benchmark: an editor inserts a seeded row (only the owner writes those)',
	          $$INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, seeded) VALUES ('recycling', 'at least', 0.5, 2035, 'x', true)$$,
	          'editor');
GRANT SELECT ON err_case TO mineral_supply_editor;

SELECT throws_ok(sql, state, NULL, state || ' ' || description) FROM err_case WHERE run_as = 'analyst' ORDER BY ord;
SET ROLE mineral_supply_editor;
SELECT throws_ok(sql, state, NULL, state || ' ' || description) FROM err_case WHERE run_as = 'editor' ORDER BY ord;
SET ROLE mineral_supply_analyst;

-- Messages in PostgreSQL's style: lower case, no final period (each case
-- run as its role again).
CREATE FUNCTION pg_temp.error_fields(sql text, OUT message text, OUT hint text)
LANGUAGE plpgsql AS $fn$
BEGIN
	EXECUTE sql;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
END
$fn$;
SELECT is(
	ARRAY(SELECT description || ': ' || m.message
	        FROM err_case, pg_temp.error_fields(sql) m
	       WHERE state <> '23514' AND state <> '23502' AND run_as = 'analyst'
	         AND (m.message ~ '^[A-Z][a-z]*\M' OR m.message ~ '\.$')
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period'
);
SET ROLE mineral_supply_editor;
SELECT is(
	ARRAY(SELECT description || ': ' || m.message
	        FROM err_case, pg_temp.error_fields(sql) m
	       WHERE state <> '23514' AND state <> '23502' AND run_as = 'editor'
	         AND (m.message ~ '^[A-Z][a-z]*\M' OR m.message ~ '\.$')
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period (the cases the editor runs)'
);
SET ROLE mineral_supply_analyst;

-- Hints where one is obvious.
SELECT is((pg_temp.error_fields($$SELECT 'UK'::country_code$$)).hint, 'The United Kingdom''s ISO 3166-1 code is GB.',
	'UK: the hint names GB');
SELECT is((pg_temp.error_fields($$SELECT 'EL'::country_code$$)).hint,
	'Greece''s ISO 3166-1 code is GR (EL is the EU''s own abbreviation).', 'EL: the hint names GR');
SELECT ok((pg_temp.error_fields($$SELECT eu_share('{"UK": 1}', '2024-01-01')$$)).hint LIKE '%GB%',
	'eu_share with a UK key: the hint names GB');
SELECT is((pg_temp.error_fields($$SELECT 'XX'::country_code$$)).hint, '', 'XX: no hint (none is obvious)');

-------------------------------------------------------------------------------
-- Documented results at the edges (no error)
-------------------------------------------------------------------------------

SELECT is(top_third_country('{}', '2024-01-01')::text, '(,,)', 'top_third_country of an empty mix: NULLs');
SELECT is(top_third_country('{"": 5, "DE": 1}', '2024-01-01')::text, '(,,)',
	'top_third_country with only EU producers and a remainder: NULLs (the remainder is no country)');
SELECT is(eu_share('{"": 5}', '2024-01-01'), 0::float8, 'eu_share of a remainder-only mix: 0');
SELECT is(eu_share('{}', '2024-01-01'), NULL::float8, 'eu_share of an empty mix: NULL (zero total)');
SELECT is(eu_share('{"DE": 1, "DEU": 1, "276": 2, "CN": 4}', '2024-01-01'), 0.5::float8,
	'eu_share merges alpha-2, alpha-3 and numeric keys of one country');
SELECT is((mix_summary('{}')).total, 0::float8, 'mix_summary of an empty mix: total 0 ...');
SELECT is((mix_summary('{}')).hhi, NULL::float8, '... and NULL measures');
SET ROLE mineral_supply_editor;
SELECT lives_ok($$UPDATE crma_benchmark SET share = 0.5 WHERE seeded AND benchmark = 'processing'$$,
	'an UPDATE of a seeded row is allowed (to an editor) ...');
SELECT results_eq(
	$$SELECT share, seeded FROM crma_benchmark WHERE benchmark = 'processing' AND target_year = 2030 ORDER BY seeded$$,
	$$VALUES (0.5::float8, false), (0.4::float8, true)$$,
	'... and writes a user row, leaving the seeded one as shipped'
);
SET ROLE mineral_supply_analyst;
SELECT is((crma_benchmark_share('processing', 2030)).share, 0.5::float8, 'the user row takes precedence (for everyone)');

SELECT * FROM finish();
ROLLBACK;
