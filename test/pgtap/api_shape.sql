-- pgTAP: the shape of the mineral_supply SQL API.
--
-- What is checked: the supply_mix type; every function with its exact
-- signature, return type, volatility and strictness; the aggregates (state
-- type supply_mix or supply_mix_top_n, not internal, with a combine function
-- and an initcond of an empty mix,
-- so that parallel query and Citus can combine partial states); the
-- operators, the hash operator class and the JSON casts.  Three checks are
-- generic over the extension's members in pg_depend (deptype 'e'), so that
-- functions added later are covered without editing this file: every
-- function and aggregate is PARALLEL SAFE, none is SECURITY DEFINER, and
-- every object carries a comment.
--
-- Runs standalone in a fresh database:  pg_prove -d <db> test/pgtap/api_shape.sql
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

SELECT plan(174);

-- The extension's members: every object that depends on it with deptype 'e'.
CREATE TEMP VIEW ext_member AS
SELECT d.classid, d.objid, d.objsubid
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
   AND d.deptype = 'e'
   AND e.extname = 'mineral_supply';

CREATE TEMP VIEW ext_proc AS
SELECT p.*
  FROM pg_catalog.pg_proc p
  JOIN ext_member m ON m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid;

-------------------------------------------------------------------------------
-- The extension and the type
-------------------------------------------------------------------------------

SELECT has_extension('mineral_supply', 'extension mineral_supply is installed');
SELECT has_type('supply_mix', 'type supply_mix exists');
SELECT is(
	(SELECT ROW(t.typtype, t.typlen, t.typalign, t.typstorage,
				t.typinput::text, t.typoutput::text, t.typreceive::text, t.typsend::text)::text
	   FROM pg_catalog.pg_type t WHERE t.oid = 'supply_mix'::regtype),
	ROW('b', -1, 'd', 'x', 'supply_mix_in', 'supply_mix_out', 'supply_mix_recv', 'supply_mix_send')::text,
	'supply_mix is a base type: variable length, double alignment, extended storage, text and binary I/O'
);

-------------------------------------------------------------------------------
-- Functions: existence, return type, volatility, strictness
-------------------------------------------------------------------------------

-- supply_mix_in(cstring)
SELECT has_function('supply_mix_in', ARRAY['cstring'], 'supply_mix_in(cstring) exists');
SELECT function_returns('supply_mix_in', ARRAY['cstring'], 'supply_mix', 'supply_mix_in(cstring) returns supply_mix');
SELECT volatility_is('supply_mix_in', ARRAY['cstring'], 'immutable', 'supply_mix_in(cstring) is IMMUTABLE');
SELECT is_strict('supply_mix_in', ARRAY['cstring'], 'supply_mix_in(cstring) is STRICT');

-- supply_mix_out(supply_mix)
SELECT has_function('supply_mix_out', ARRAY['supply_mix'], 'supply_mix_out(supply_mix) exists');
SELECT function_returns('supply_mix_out', ARRAY['supply_mix'], 'cstring', 'supply_mix_out(supply_mix) returns cstring');
SELECT volatility_is('supply_mix_out', ARRAY['supply_mix'], 'immutable', 'supply_mix_out(supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_out', ARRAY['supply_mix'], 'supply_mix_out(supply_mix) is STRICT');

-- supply_mix_recv(internal)
SELECT has_function('supply_mix_recv', ARRAY['internal'], 'supply_mix_recv(internal) exists');
SELECT function_returns('supply_mix_recv', ARRAY['internal'], 'supply_mix', 'supply_mix_recv(internal) returns supply_mix');
SELECT volatility_is('supply_mix_recv', ARRAY['internal'], 'immutable', 'supply_mix_recv(internal) is IMMUTABLE');
SELECT is_strict('supply_mix_recv', ARRAY['internal'], 'supply_mix_recv(internal) is STRICT');

-- supply_mix_send(supply_mix)
SELECT has_function('supply_mix_send', ARRAY['supply_mix'], 'supply_mix_send(supply_mix) exists');
SELECT function_returns('supply_mix_send', ARRAY['supply_mix'], 'bytea', 'supply_mix_send(supply_mix) returns bytea');
SELECT volatility_is('supply_mix_send', ARRAY['supply_mix'], 'immutable', 'supply_mix_send(supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_send', ARRAY['supply_mix'], 'supply_mix_send(supply_mix) is STRICT');

-- supply_mix_eq(supply_mix, supply_mix)
SELECT has_function('supply_mix_eq', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_eq(supply_mix, supply_mix) exists');
SELECT function_returns('supply_mix_eq', ARRAY['supply_mix', 'supply_mix'], 'boolean', 'supply_mix_eq(supply_mix, supply_mix) returns boolean');
SELECT volatility_is('supply_mix_eq', ARRAY['supply_mix', 'supply_mix'], 'immutable', 'supply_mix_eq(supply_mix, supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_eq', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_eq(supply_mix, supply_mix) is STRICT');

-- supply_mix_ne(supply_mix, supply_mix)
SELECT has_function('supply_mix_ne', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_ne(supply_mix, supply_mix) exists');
SELECT function_returns('supply_mix_ne', ARRAY['supply_mix', 'supply_mix'], 'boolean', 'supply_mix_ne(supply_mix, supply_mix) returns boolean');
SELECT volatility_is('supply_mix_ne', ARRAY['supply_mix', 'supply_mix'], 'immutable', 'supply_mix_ne(supply_mix, supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_ne', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_ne(supply_mix, supply_mix) is STRICT');

-- supply_mix_hash(supply_mix)
SELECT has_function('supply_mix_hash', ARRAY['supply_mix'], 'supply_mix_hash(supply_mix) exists');
SELECT function_returns('supply_mix_hash', ARRAY['supply_mix'], 'integer', 'supply_mix_hash(supply_mix) returns integer');
SELECT volatility_is('supply_mix_hash', ARRAY['supply_mix'], 'immutable', 'supply_mix_hash(supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_hash', ARRAY['supply_mix'], 'supply_mix_hash(supply_mix) is STRICT');

-- supply_mix_merge(supply_mix, supply_mix)
SELECT has_function('supply_mix_merge', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_merge(supply_mix, supply_mix) exists');
SELECT function_returns('supply_mix_merge', ARRAY['supply_mix', 'supply_mix'], 'supply_mix', 'supply_mix_merge(supply_mix, supply_mix) returns supply_mix');
SELECT volatility_is('supply_mix_merge', ARRAY['supply_mix', 'supply_mix'], 'immutable', 'supply_mix_merge(supply_mix, supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_merge', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_merge(supply_mix, supply_mix) is STRICT');

-- supply_mix_accum(supply_mix, text, double precision)
SELECT has_function('supply_mix_accum', ARRAY['supply_mix', 'text', 'double precision'], 'supply_mix_accum(supply_mix, text, double precision) exists');
SELECT function_returns('supply_mix_accum', ARRAY['supply_mix', 'text', 'double precision'], 'supply_mix', 'supply_mix_accum(supply_mix, text, double precision) returns supply_mix');
SELECT volatility_is('supply_mix_accum', ARRAY['supply_mix', 'text', 'double precision'], 'immutable', 'supply_mix_accum(supply_mix, text, double precision) is IMMUTABLE');
SELECT isnt_strict('supply_mix_accum', ARRAY['supply_mix', 'text', 'double precision'], 'supply_mix_accum(supply_mix, text, double precision) is not STRICT');

-- supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint)
SELECT has_function('supply_mix_top_n_accum', ARRAY['supply_mix_top_n', 'text', 'double precision', 'bigint'], 'supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) exists');
SELECT function_returns('supply_mix_top_n_accum', ARRAY['supply_mix_top_n', 'text', 'double precision', 'bigint'], 'supply_mix_top_n', 'supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) returns supply_mix_top_n');
SELECT volatility_is('supply_mix_top_n_accum', ARRAY['supply_mix_top_n', 'text', 'double precision', 'bigint'], 'immutable', 'supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) is IMMUTABLE');
SELECT isnt_strict('supply_mix_top_n_accum', ARRAY['supply_mix_top_n', 'text', 'double precision', 'bigint'], 'supply_mix_top_n_accum(supply_mix_top_n, text, double precision, bigint) is not STRICT');

-- supply_mix_combine(supply_mix, supply_mix)
SELECT has_function('supply_mix_combine', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_combine(supply_mix, supply_mix) exists');
SELECT function_returns('supply_mix_combine', ARRAY['supply_mix', 'supply_mix'], 'supply_mix', 'supply_mix_combine(supply_mix, supply_mix) returns supply_mix');
SELECT volatility_is('supply_mix_combine', ARRAY['supply_mix', 'supply_mix'], 'immutable', 'supply_mix_combine(supply_mix, supply_mix) is IMMUTABLE');
SELECT is_strict('supply_mix_combine', ARRAY['supply_mix', 'supply_mix'], 'supply_mix_combine(supply_mix, supply_mix) is STRICT');

-- total(supply_mix)
SELECT has_function('total', ARRAY['supply_mix'], 'total(supply_mix) exists');
SELECT function_returns('total', ARRAY['supply_mix'], 'double precision', 'total(supply_mix) returns double precision');
SELECT volatility_is('total', ARRAY['supply_mix'], 'immutable', 'total(supply_mix) is IMMUTABLE');
SELECT is_strict('total', ARRAY['supply_mix'], 'total(supply_mix) is STRICT');

-- remainder(supply_mix)
SELECT has_function('remainder', ARRAY['supply_mix'], 'remainder(supply_mix) exists');
SELECT function_returns('remainder', ARRAY['supply_mix'], 'double precision', 'remainder(supply_mix) returns double precision');
SELECT volatility_is('remainder', ARRAY['supply_mix'], 'immutable', 'remainder(supply_mix) is IMMUTABLE');
SELECT is_strict('remainder', ARRAY['supply_mix'], 'remainder(supply_mix) is STRICT');

-- producer_count(supply_mix)
SELECT has_function('producer_count', ARRAY['supply_mix'], 'producer_count(supply_mix) exists');
SELECT function_returns('producer_count', ARRAY['supply_mix'], 'integer', 'producer_count(supply_mix) returns integer');
SELECT volatility_is('producer_count', ARRAY['supply_mix'], 'immutable', 'producer_count(supply_mix) is IMMUTABLE');
SELECT is_strict('producer_count', ARRAY['supply_mix'], 'producer_count(supply_mix) is STRICT');

-- quantity(supply_mix, text)
SELECT has_function('quantity', ARRAY['supply_mix', 'text'], 'quantity(supply_mix, text) exists');
SELECT function_returns('quantity', ARRAY['supply_mix', 'text'], 'double precision', 'quantity(supply_mix, text) returns double precision');
SELECT volatility_is('quantity', ARRAY['supply_mix', 'text'], 'immutable', 'quantity(supply_mix, text) is IMMUTABLE');
SELECT is_strict('quantity', ARRAY['supply_mix', 'text'], 'quantity(supply_mix, text) is STRICT');

-- share(supply_mix, text)
SELECT has_function('share', ARRAY['supply_mix', 'text'], 'share(supply_mix, text) exists');
SELECT function_returns('share', ARRAY['supply_mix', 'text'], 'double precision', 'share(supply_mix, text) returns double precision');
SELECT volatility_is('share', ARRAY['supply_mix', 'text'], 'immutable', 'share(supply_mix, text) is IMMUTABLE');
SELECT is_strict('share', ARRAY['supply_mix', 'text'], 'share(supply_mix, text) is STRICT');

-- hhi(supply_mix)
SELECT has_function('hhi', ARRAY['supply_mix'], 'hhi(supply_mix) exists');
SELECT function_returns('hhi', ARRAY['supply_mix'], 'double precision', 'hhi(supply_mix) returns double precision');
SELECT volatility_is('hhi', ARRAY['supply_mix'], 'immutable', 'hhi(supply_mix) is IMMUTABLE');
SELECT is_strict('hhi', ARRAY['supply_mix'], 'hhi(supply_mix) is STRICT');

-- hhi_bounds(supply_mix)
SELECT has_function('hhi_bounds', ARRAY['supply_mix'], 'hhi_bounds(supply_mix) exists');
SELECT function_returns('hhi_bounds', ARRAY['supply_mix'], 'hhi_range', 'hhi_bounds(supply_mix) returns hhi_range');
SELECT volatility_is('hhi_bounds', ARRAY['supply_mix'], 'immutable', 'hhi_bounds(supply_mix) is IMMUTABLE');
SELECT is_strict('hhi_bounds', ARRAY['supply_mix'], 'hhi_bounds(supply_mix) is STRICT');

-- hhi_normalized(supply_mix)
SELECT has_function('hhi_normalized', ARRAY['supply_mix'], 'hhi_normalized(supply_mix) exists');
SELECT function_returns('hhi_normalized', ARRAY['supply_mix'], 'double precision', 'hhi_normalized(supply_mix) returns double precision');
SELECT volatility_is('hhi_normalized', ARRAY['supply_mix'], 'immutable', 'hhi_normalized(supply_mix) is IMMUTABLE');
SELECT is_strict('hhi_normalized', ARRAY['supply_mix'], 'hhi_normalized(supply_mix) is STRICT');

-- concentration_ratio(supply_mix, bigint)
SELECT has_function('concentration_ratio', ARRAY['supply_mix', 'bigint'], 'concentration_ratio(supply_mix, bigint) exists');
SELECT function_returns('concentration_ratio', ARRAY['supply_mix', 'bigint'], 'double precision', 'concentration_ratio(supply_mix, bigint) returns double precision');
SELECT volatility_is('concentration_ratio', ARRAY['supply_mix', 'bigint'], 'immutable', 'concentration_ratio(supply_mix, bigint) is IMMUTABLE');
SELECT is_strict('concentration_ratio', ARRAY['supply_mix', 'bigint'], 'concentration_ratio(supply_mix, bigint) is STRICT');

-- top_producers(supply_mix, bigint)
SELECT has_function('top_producers', ARRAY['supply_mix', 'bigint'], 'top_producers(supply_mix, bigint) exists');
SELECT function_returns('top_producers', ARRAY['supply_mix', 'bigint'], 'setof record', 'top_producers(supply_mix, bigint) returns setof record');
SELECT volatility_is('top_producers', ARRAY['supply_mix', 'bigint'], 'immutable', 'top_producers(supply_mix, bigint) is IMMUTABLE');
SELECT is_strict('top_producers', ARRAY['supply_mix', 'bigint'], 'top_producers(supply_mix, bigint) is STRICT');

-- producers(supply_mix)
SELECT has_function('producers', ARRAY['supply_mix'], 'producers(supply_mix) exists');
SELECT function_returns('producers', ARRAY['supply_mix'], 'setof record', 'producers(supply_mix) returns setof record');
SELECT volatility_is('producers', ARRAY['supply_mix'], 'immutable', 'producers(supply_mix) is IMMUTABLE');
SELECT is_strict('producers', ARRAY['supply_mix'], 'producers(supply_mix) is STRICT');

-- shannon_entropy(supply_mix)
SELECT has_function('shannon_entropy', ARRAY['supply_mix'], 'shannon_entropy(supply_mix) exists');
SELECT function_returns('shannon_entropy', ARRAY['supply_mix'], 'double precision', 'shannon_entropy(supply_mix) returns double precision');
SELECT volatility_is('shannon_entropy', ARRAY['supply_mix'], 'immutable', 'shannon_entropy(supply_mix) is IMMUTABLE');
SELECT is_strict('shannon_entropy', ARRAY['supply_mix'], 'shannon_entropy(supply_mix) is STRICT');

-- shannon_entropy_normalized(supply_mix)
SELECT has_function('shannon_entropy_normalized', ARRAY['supply_mix'], 'shannon_entropy_normalized(supply_mix) exists');
SELECT function_returns('shannon_entropy_normalized', ARRAY['supply_mix'], 'double precision', 'shannon_entropy_normalized(supply_mix) returns double precision');
SELECT volatility_is('shannon_entropy_normalized', ARRAY['supply_mix'], 'immutable', 'shannon_entropy_normalized(supply_mix) is IMMUTABLE');
SELECT is_strict('shannon_entropy_normalized', ARRAY['supply_mix'], 'shannon_entropy_normalized(supply_mix) is STRICT');

-- effective_suppliers(supply_mix)
SELECT has_function('effective_suppliers', ARRAY['supply_mix'], 'effective_suppliers(supply_mix) exists');
SELECT function_returns('effective_suppliers', ARRAY['supply_mix'], 'double precision', 'effective_suppliers(supply_mix) returns double precision');
SELECT volatility_is('effective_suppliers', ARRAY['supply_mix'], 'immutable', 'effective_suppliers(supply_mix) is IMMUTABLE');
SELECT is_strict('effective_suppliers', ARRAY['supply_mix'], 'effective_suppliers(supply_mix) is STRICT');

-- gini(supply_mix)
SELECT has_function('gini', ARRAY['supply_mix'], 'gini(supply_mix) exists');
SELECT function_returns('gini', ARRAY['supply_mix'], 'double precision', 'gini(supply_mix) returns double precision');
SELECT volatility_is('gini', ARRAY['supply_mix'], 'immutable', 'gini(supply_mix) is IMMUTABLE');
SELECT is_strict('gini', ARRAY['supply_mix'], 'gini(supply_mix) is STRICT');

-- concentration_ratio(supply_mix_top_n): the final function of concentration_ratio(producer, quantity, n)
SELECT has_function('concentration_ratio', ARRAY['supply_mix_top_n'], 'concentration_ratio(supply_mix_top_n) exists');
SELECT function_returns('concentration_ratio', ARRAY['supply_mix_top_n'], 'double precision', 'concentration_ratio(supply_mix_top_n) returns double precision');
SELECT volatility_is('concentration_ratio', ARRAY['supply_mix_top_n'], 'immutable', 'concentration_ratio(supply_mix_top_n) is IMMUTABLE');
SELECT is_strict('concentration_ratio', ARRAY['supply_mix_top_n'], 'concentration_ratio(supply_mix_top_n) is STRICT');

-- adjust_producer(supply_mix, text, double precision)
SELECT has_function('adjust_producer', ARRAY['supply_mix', 'text', 'double precision'], 'adjust_producer(supply_mix, text, double precision) exists');
SELECT function_returns('adjust_producer', ARRAY['supply_mix', 'text', 'double precision'], 'supply_mix', 'adjust_producer(supply_mix, text, double precision) returns supply_mix');
SELECT volatility_is('adjust_producer', ARRAY['supply_mix', 'text', 'double precision'], 'immutable', 'adjust_producer(supply_mix, text, double precision) is IMMUTABLE');
SELECT is_strict('adjust_producer', ARRAY['supply_mix', 'text', 'double precision'], 'adjust_producer(supply_mix, text, double precision) is STRICT');

-- set_producer(supply_mix, text, double precision)
SELECT has_function('set_producer', ARRAY['supply_mix', 'text', 'double precision'], 'set_producer(supply_mix, text, double precision) exists');
SELECT function_returns('set_producer', ARRAY['supply_mix', 'text', 'double precision'], 'supply_mix', 'set_producer(supply_mix, text, double precision) returns supply_mix');
SELECT volatility_is('set_producer', ARRAY['supply_mix', 'text', 'double precision'], 'immutable', 'set_producer(supply_mix, text, double precision) is IMMUTABLE');
SELECT is_strict('set_producer', ARRAY['supply_mix', 'text', 'double precision'], 'set_producer(supply_mix, text, double precision) is STRICT');

-- keep_producers(supply_mix, text[])
SELECT has_function('keep_producers', ARRAY['supply_mix', 'text[]'], 'keep_producers(supply_mix, text[]) exists');
SELECT function_returns('keep_producers', ARRAY['supply_mix', 'text[]'], 'supply_mix', 'keep_producers(supply_mix, text[]) returns supply_mix');
SELECT volatility_is('keep_producers', ARRAY['supply_mix', 'text[]'], 'immutable', 'keep_producers(supply_mix, text[]) is IMMUTABLE');
SELECT is_strict('keep_producers', ARRAY['supply_mix', 'text[]'], 'keep_producers(supply_mix, text[]) is STRICT');

-- drop_producers(supply_mix, text[])
SELECT has_function('drop_producers', ARRAY['supply_mix', 'text[]'], 'drop_producers(supply_mix, text[]) exists');
SELECT function_returns('drop_producers', ARRAY['supply_mix', 'text[]'], 'supply_mix', 'drop_producers(supply_mix, text[]) returns supply_mix');
SELECT volatility_is('drop_producers', ARRAY['supply_mix', 'text[]'], 'immutable', 'drop_producers(supply_mix, text[]) is IMMUTABLE');
SELECT is_strict('drop_producers', ARRAY['supply_mix', 'text[]'], 'drop_producers(supply_mix, text[]) is STRICT');

-- scale_mix(supply_mix, double precision)
SELECT has_function('scale_mix', ARRAY['supply_mix', 'double precision'], 'scale_mix(supply_mix, double precision) exists');
SELECT function_returns('scale_mix', ARRAY['supply_mix', 'double precision'], 'supply_mix', 'scale_mix(supply_mix, double precision) returns supply_mix');
SELECT volatility_is('scale_mix', ARRAY['supply_mix', 'double precision'], 'immutable', 'scale_mix(supply_mix, double precision) is IMMUTABLE');
SELECT is_strict('scale_mix', ARRAY['supply_mix', 'double precision'], 'scale_mix(supply_mix, double precision) is STRICT');

-- Exact signatures, argument names and OUT parameters included (named
-- notation such as quantity(m, producer => 'CN') is part of the API).
SELECT set_has(
	$$SELECT p.oid::regprocedure::text, pg_catalog.pg_get_function_arguments(p.oid),
	         pg_catalog.pg_get_function_result(p.oid)
	    FROM ext_proc p$$,
	$$VALUES
	('supply_mix_in(cstring)', 'cstring', 'supply_mix'),
	('supply_mix_out(supply_mix)', 'supply_mix', 'cstring'),
	('supply_mix_recv(internal)', 'internal', 'supply_mix'),
	('supply_mix_send(supply_mix)', 'supply_mix', 'bytea'),
	('supply_mix_eq(supply_mix,supply_mix)', 'supply_mix, supply_mix', 'boolean'),
	('supply_mix_ne(supply_mix,supply_mix)', 'supply_mix, supply_mix', 'boolean'),
	('supply_mix_hash(supply_mix)', 'supply_mix', 'integer'),
	('supply_mix_merge(supply_mix,supply_mix)', 'supply_mix, supply_mix', 'supply_mix'),
	('supply_mix_accum(supply_mix,text,double precision)', 'supply_mix, text, double precision', 'supply_mix'),
	('supply_mix_top_n_in(cstring)', 'cstring', 'supply_mix_top_n'),
	('supply_mix_top_n_out(supply_mix_top_n)', 'supply_mix_top_n', 'cstring'),
	('supply_mix_top_n_accum(supply_mix_top_n,text,double precision,bigint)', 'supply_mix_top_n, text, double precision, bigint', 'supply_mix_top_n'),
	('supply_mix_top_n_combine(supply_mix_top_n,supply_mix_top_n)', 'supply_mix_top_n, supply_mix_top_n', 'supply_mix_top_n'),
	('supply_mix_combine(supply_mix,supply_mix)', 'supply_mix, supply_mix', 'supply_mix'),
	('supply_mix_agg(text,double precision)', 'producer text, quantity double precision', 'supply_mix'),
	('supply_mix_agg(supply_mix)', 'mix supply_mix', 'supply_mix'),
	('total(supply_mix)', 'supply_mix', 'double precision'),
	('remainder(supply_mix)', 'supply_mix', 'double precision'),
	('producer_count(supply_mix)', 'supply_mix', 'integer'),
	('quantity(supply_mix,text)', 'supply_mix, producer text', 'double precision'),
	('share(supply_mix,text)', 'supply_mix, producer text', 'double precision'),
	('hhi(supply_mix)', 'supply_mix', 'double precision'),
	('hhi_bounds(supply_mix)', 'supply_mix', 'hhi_range'),
	('hhi_normalized(supply_mix)', 'supply_mix', 'double precision'),
	('concentration_ratio(supply_mix,bigint)', 'supply_mix, n bigint', 'double precision'),
	('top_producers(supply_mix,bigint)', 'supply_mix, n bigint, OUT rank integer, OUT producer text, OUT quantity double precision, OUT share double precision', 'SETOF record'),
	('producers(supply_mix)', 'supply_mix, OUT producer text, OUT quantity double precision, OUT share double precision', 'SETOF record'),
	('shannon_entropy(supply_mix)', 'supply_mix', 'double precision'),
	('shannon_entropy_normalized(supply_mix)', 'supply_mix', 'double precision'),
	('effective_suppliers(supply_mix)', 'supply_mix', 'double precision'),
	('gini(supply_mix)', 'supply_mix', 'double precision'),
	('hhi(text,double precision)', 'producer text, quantity double precision', 'double precision'),
	('concentration_ratio(supply_mix_top_n)', 'supply_mix_top_n', 'double precision'),
	('concentration_ratio(text,double precision,bigint)', 'producer text, quantity double precision, n bigint', 'double precision'),
	('adjust_producer(supply_mix,text,double precision)', 'supply_mix, producer text, delta double precision', 'supply_mix'),
	('set_producer(supply_mix,text,double precision)', 'supply_mix, producer text, quantity double precision', 'supply_mix'),
	('keep_producers(supply_mix,text[])', 'supply_mix, producers text[]', 'supply_mix'),
	('drop_producers(supply_mix,text[])', 'supply_mix, producers text[]', 'supply_mix'),
	('scale_mix(supply_mix,double precision)', 'supply_mix, factor double precision', 'supply_mix')$$,
	'every declared function and aggregate is an extension member with its exact arguments (names, OUT parameters) and result'
);

-------------------------------------------------------------------------------
-- Aggregates
-------------------------------------------------------------------------------

-- supply_mix_agg(text, double precision)
SELECT has_function('supply_mix_agg', ARRAY['text', 'double precision'], 'supply_mix_agg(text, double precision) exists');
SELECT is_aggregate('supply_mix_agg', ARRAY['text', 'double precision'], 'supply_mix_agg(text, double precision) is an aggregate');
SELECT function_returns('supply_mix_agg', ARRAY['text', 'double precision'], 'supply_mix', 'supply_mix_agg(text, double precision) returns supply_mix');

-- supply_mix_agg(supply_mix)
SELECT has_function('supply_mix_agg', ARRAY['supply_mix'], 'supply_mix_agg(supply_mix) exists');
SELECT is_aggregate('supply_mix_agg', ARRAY['supply_mix'], 'supply_mix_agg(supply_mix) is an aggregate');
SELECT function_returns('supply_mix_agg', ARRAY['supply_mix'], 'supply_mix', 'supply_mix_agg(supply_mix) returns supply_mix');

-- hhi(text, double precision)
SELECT has_function('hhi', ARRAY['text', 'double precision'], 'hhi(text, double precision) exists');
SELECT is_aggregate('hhi', ARRAY['text', 'double precision'], 'hhi(text, double precision) is an aggregate');
SELECT function_returns('hhi', ARRAY['text', 'double precision'], 'double precision', 'hhi(text, double precision) returns double precision');

-- concentration_ratio(text, double precision, bigint)
SELECT has_function('concentration_ratio', ARRAY['text', 'double precision', 'bigint'], 'concentration_ratio(text, double precision, bigint) exists');
SELECT is_aggregate('concentration_ratio', ARRAY['text', 'double precision', 'bigint'], 'concentration_ratio(text, double precision, bigint) is an aggregate');
SELECT function_returns('concentration_ratio', ARRAY['text', 'double precision', 'bigint'], 'double precision', 'concentration_ratio(text, double precision, bigint) returns double precision');

-- State type, combine function and initial condition, from pg_aggregate.
-- concentration_ratio's state is a supply_mix_top_n, which carries its n.
CREATE TEMP TABLE agg_expected (ord int, agg regprocedure, sfunc text, ffunc text, stype text, initcond text, combinefn text);
INSERT INTO agg_expected VALUES
	(1, 'supply_mix_agg(text, double precision)', 'supply_mix_accum(supply_mix,text,double precision)', '-',
	    'supply_mix', '{}', 'supply_mix_combine(supply_mix,supply_mix)'),
	(2, 'supply_mix_agg(supply_mix)', 'supply_mix_combine(supply_mix,supply_mix)', '-',
	    'supply_mix', '{}', 'supply_mix_combine(supply_mix,supply_mix)'),
	(3, 'hhi(text, double precision)', 'supply_mix_accum(supply_mix,text,double precision)', 'hhi(supply_mix)',
	    'supply_mix', '{}', 'supply_mix_combine(supply_mix,supply_mix)'),
	(4, 'concentration_ratio(text, double precision, bigint)', 'supply_mix_top_n_accum(supply_mix_top_n,text,double precision,bigint)', 'concentration_ratio(supply_mix_top_n)',
	    'supply_mix_top_n', '0:{}', 'supply_mix_top_n_combine(supply_mix_top_n,supply_mix_top_n)');

SELECT ok(a.aggcombinefn <> 0, x.agg::text || ' has a combine function')
  FROM agg_expected x JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = x.agg ORDER BY x.ord;
SELECT is(a.aggtranstype::regtype::text, x.stype, x.agg::text || ' has state type ' || x.stype || ' (not internal)')
  FROM agg_expected x JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = x.agg ORDER BY x.ord;
SELECT is(a.agginitval, x.initcond, x.agg::text || ' has initcond ' || quote_literal(x.initcond) || ' (no rows give an empty mix)')
  FROM agg_expected x JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = x.agg ORDER BY x.ord;
SELECT results_eq(
	$$SELECT x.agg::text, a.aggkind::text, a.aggtransfn::regprocedure::text,
	         CASE WHEN a.aggfinalfn = 0 THEN '-' ELSE a.aggfinalfn::regprocedure::text END,
	         a.aggcombinefn::regprocedure::text
	    FROM agg_expected x JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = x.agg ORDER BY x.ord$$,
	$$SELECT x.agg::text, 'n', x.sfunc, x.ffunc, x.combinefn
	    FROM agg_expected x ORDER BY x.ord$$,
	'the aggregates are built from their transition, final and combine functions as declared'
);

-- Generic: every aggregate of the extension can be combined from partial
-- states of a real (not pseudo) type, so parallel query and Citus push it down.
SELECT is(
	ARRAY(SELECT a.aggfnoid::regprocedure::text
	        FROM pg_catalog.pg_aggregate a
	        JOIN ext_proc p ON p.oid = a.aggfnoid
	        JOIN pg_catalog.pg_type t ON t.oid = a.aggtranstype
	       WHERE a.aggcombinefn = 0 OR t.typtype = 'p'
	       ORDER BY 1),
	'{}'::text[],
	'every aggregate of the extension has a combine function and a non-pseudo state type'
);

-------------------------------------------------------------------------------
-- Operators, operator class, casts
-------------------------------------------------------------------------------

SELECT has_operator('supply_mix', '=', 'supply_mix', 'boolean', 'operator = (supply_mix, supply_mix) exists');
SELECT has_operator('supply_mix', '<>', 'supply_mix', 'boolean', 'operator <> (supply_mix, supply_mix) exists');
SELECT has_operator('supply_mix', '+', 'supply_mix', 'supply_mix', 'operator + (supply_mix, supply_mix) exists');
SELECT is(
	(SELECT ROW(o.oprcanhash, o.oprcom::regoperator::text, o.oprnegate::regoperator::text)::text
	   FROM pg_catalog.pg_operator o WHERE o.oid = '=(supply_mix,supply_mix)'::regoperator),
	ROW(true, '=(supply_mix,supply_mix)', '<>(supply_mix,supply_mix)')::text,
	'= on supply_mix hashes, commutes with itself and negates to <>'
);

SELECT has_opclass('supply_mix_hash_ops', 'operator class supply_mix_hash_ops exists');
SELECT is(
	(SELECT ROW(am.amname, c.opcintype::regtype::text, c.opcdefault)::text
	   FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
	  WHERE c.opcname = 'supply_mix_hash_ops'),
	ROW('hash', 'supply_mix', true)::text,
	'supply_mix_hash_ops is the default hash operator class of supply_mix'
);

SELECT has_cast('supply_mix', 'jsonb', 'cast supply_mix -> jsonb exists');
SELECT has_cast('jsonb', 'supply_mix', 'cast jsonb -> supply_mix exists');
SELECT has_cast('supply_mix', 'json', 'cast supply_mix -> json exists');
SELECT has_cast('json', 'supply_mix', 'cast json -> supply_mix exists');
SELECT results_eq(
	$$SELECT c.castsource::regtype::text, c.casttarget::regtype::text, c.castcontext::text, c.castmethod::text
	    FROM pg_catalog.pg_cast c
	   WHERE 'supply_mix'::regtype IN (c.castsource, c.casttarget)
	   ORDER BY 1, 2$$,
	$$VALUES ('json', 'supply_mix', 'e', 'i'), ('jsonb', 'supply_mix', 'e', 'i'),
	         ('supply_mix', 'json', 'e', 'i'), ('supply_mix', 'jsonb', 'e', 'i')$$,
	'the supply_mix casts are exactly the four explicit JSON casts, through the text form (INOUT)'
);

-------------------------------------------------------------------------------
-- Generic checks over every member of the extension (pg_depend, deptype 'e')
-------------------------------------------------------------------------------

SELECT cmp_ok(
	(SELECT count(*)::int FROM ext_proc), '>=', 36,
	'the generic checks see the extension''s functions and aggregates'
);
SELECT ok(
	ARRAY(SELECT DISTINCT m.classid::regclass::text FROM ext_member m)
		@> ARRAY['pg_proc', 'pg_type', 'pg_operator', 'pg_opclass', 'pg_cast'],
	'the generic checks see functions, types, operators, operator classes and casts'
);

SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p
	       WHERE p.proparallel <> 's'
	         -- a trigger function writes and never runs in a parallel query
	         AND p.prorettype <> 'pg_catalog.trigger'::regtype
	       ORDER BY 1),
	'{}'::text[],
	'every function and aggregate of the extension (trigger functions aside) is PARALLEL SAFE'
);

SELECT is(
	ARRAY(SELECT p.oid::regprocedure::text FROM ext_proc p WHERE p.prosecdef ORDER BY 1),
	'{}'::text[],
	'no function of the extension is SECURITY DEFINER'
);

SELECT is(
	ARRAY(SELECT pg_catalog.pg_describe_object(m.classid, m.objid, m.objsubid)
	        FROM ext_member m
	       WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d
	                          WHERE d.classoid = m.classid AND d.objoid = m.objid
	                            AND d.objsubid = m.objsubid AND d.description <> '')
	         -- PostgreSQL 18 lists the implicit types too, which have no
	         -- comment of their own: a type's array type and a table's row type
	         AND NOT (m.classid = 'pg_catalog.pg_type'::regclass AND EXISTS (
	                  SELECT 1 FROM pg_catalog.pg_type t
	                   WHERE t.oid = m.objid
	                     AND (EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
	                          OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c
	                                      WHERE c.oid = t.typrelid AND c.relkind IN ('r', 'v', 'm')))))
	       ORDER BY 1),
	'{}'::text[],
	'every object of the extension (functions, aggregates, types, operators, operator classes and families, casts) has a comment'
);

SELECT * FROM finish();
ROLLBACK;
