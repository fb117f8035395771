-- pgTAP: the decided error cases of mineral_supply and their SQLSTATEs.
--
-- doc/design.md, "Errors": bad input raises an ERROR with the right SQLSTATE
-- (22P02 malformed text, 22023 invalid parameter, 22003 out of range,
-- 54000 too large; 22004 for a NULL where none is allowed) and a primary
-- message in PostgreSQL's style (lower case, no final period); it never
-- returns a silent wrong number.  Binary receive errors are tested elsewhere.
--
-- The error cases are one table: each row is checked with throws_ok (by
-- SQLSTATE), then all their messages are checked for style at once.
--
-- Runs standalone in a fresh database:  pg_prove -d <db> test/pgtap/errors.sql
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

SELECT plan(76);

CREATE TEMP TABLE err_case (
	ord         serial PRIMARY KEY,
	state       char(5) NOT NULL,
	description text NOT NULL,
	sql         text NOT NULL
);

-------------------------------------------------------------------------------
-- Text input
-------------------------------------------------------------------------------

INSERT INTO err_case (state, description, sql) VALUES
	('22P02', 'text input: empty string',                  $$SELECT ''::supply_mix$$),
	('22P02', 'text input: {  (unclosed object)',          $$SELECT '{'::supply_mix$$),
	('22P02', 'text input: {"a":}  (missing value)',       $$SELECT '{"a":}'::supply_mix$$),
	('22P02', 'text input: {"a":1,}  (trailing comma)',    $$SELECT '{"a":1,}'::supply_mix$$),
	('22P02', 'text input: {"a":1} x  (trailing garbage)', $$SELECT '{"a":1} x'::supply_mix$$),
	('22P02', 'text input: [1]  (not an object)',          $$SELECT '[1]'::supply_mix$$),
	('22P02', 'text input: {"a":"1"}  (string value)',     $$SELECT '{"a":"1"}'::supply_mix$$),
	('22P02', 'text input: {"a":null}  (null value)',      $$SELECT '{"a":null}'::supply_mix$$),
	('22P02', 'text input: {"a":NaN}',                     $$SELECT '{"a":NaN}'::supply_mix$$),
	('22P02', 'text input: {"a":Infinity}',                $$SELECT '{"a":Infinity}'::supply_mix$$),
	('22P02', 'text input: {a:1}  (unquoted key)',         $$SELECT '{a:1}'::supply_mix$$),
	('22P02', 'text input: {"a":-1}  (negative quantity)', $$SELECT '{"a":-1}'::supply_mix$$),
	('22P02', 'text input: {"a":01}  (leading zero)',      $$SELECT '{"a":01}'::supply_mix$$),
	('22P02', 'text input: {"\u0000":1}  (NUL escape)',    $$SELECT '{"\u0000":1}'::supply_mix$$),
	('22P02', 'text input: {"\x":1}  (invalid escape)',    $$SELECT '{"\x":1}'::supply_mix$$),
	('22P02', 'jsonb cast: {"a": -1}  (negative quantity, through the text input)',
	                                                       $$SELECT '{"a": -1}'::jsonb::supply_mix$$),
	('22P02', 'json cast: {"a":"1"}  (string value, through the text input)',
	                                                       $$SELECT '{"a":"1"}'::json::supply_mix$$),
	('22003', 'text input: {"a":1e309}  (beyond float8)',  $$SELECT '{"a":1e309}'::supply_mix$$),
	('22003', 'text input: {"a":1e-400}  (underflows float8)', $$SELECT '{"a":1e-400}'::supply_mix$$),
	('22003', 'text input: duplicate keys whose sum overflows float8',
	                                                       $$SELECT '{"a":1.7e308,"a":1.7e308}'::supply_mix$$),
	('54000', 'text input: a key of 1025 bytes',
	          format('SELECT %L::supply_mix', '{"' || repeat('k', 1025) || '":1}'));

-------------------------------------------------------------------------------
-- Aggregates
-------------------------------------------------------------------------------

INSERT INTO err_case (state, description, sql) VALUES
	('22023', 'supply_mix_agg: negative quantity',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', -1::float8)) v(p, q)$$),
	('22023', 'supply_mix_agg: negative quantity after valid rows',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 5::float8), ('US', 3), ('AU', -1)) v(p, q)$$),
	('22023', 'supply_mix_agg: NaN quantity',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 'NaN'::float8)) v(p, q)$$),
	('22023', 'supply_mix_agg: Infinity quantity',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 'Infinity'::float8)) v(p, q)$$),
	('22023', 'supply_mix_agg: -Infinity quantity',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', '-Infinity'::float8)) v(p, q)$$),
	('22023', 'supply_mix_agg: NaN quantity for the remainder (NULL producer)',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES (NULL::text, 'NaN'::float8)) v(p, q)$$),
	('22023', 'supply_mix_agg: empty-string producer',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('', 1::float8)) v(p, q)$$),
	('22003', 'supply_mix_agg: two rows of 1.7e308 for one producer (sum overflows)',
	          $$SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 1.7e308::float8), ('CN', 1.7e308::float8)) v(p, q)$$),
	('22023', 'hhi(producer, quantity): negative quantity',
	          $$SELECT hhi(p, q) FROM (VALUES ('CN', 5::float8), ('US', -1)) v(p, q)$$),
	('22023', 'concentration_ratio(producer, quantity, n): NaN quantity',
	          $$SELECT concentration_ratio(p, q, 1) FROM (VALUES ('CN', 'NaN'::float8)) v(p, q)$$),
	('22003', 'supply_mix_agg(mix): merged quantities overflow',
	          $$SELECT supply_mix_agg(m) FROM (VALUES ('{"CN":1.7e308}'::supply_mix), ('{"CN":1.7e308}')) v(m)$$),
	('22003', 'operator +: merged quantities overflow',
	          $$SELECT '{"CN":1.7e308}'::supply_mix + '{"CN":1.7e308}'::supply_mix$$);

-------------------------------------------------------------------------------
-- Top-n parameters
-------------------------------------------------------------------------------

INSERT INTO err_case (state, description, sql) VALUES
	('22023', 'concentration_ratio(m, 0)',
	          $$SELECT concentration_ratio('{"CN":5,"US":3}'::supply_mix, 0)$$),
	('22023', 'concentration_ratio(m, -1)',
	          $$SELECT concentration_ratio('{"CN":5,"US":3}'::supply_mix, -1)$$),
	('22023', 'top_producers(m, 0)',
	          $$SELECT * FROM top_producers('{"CN":5,"US":3}'::supply_mix, 0)$$),
	('22023', 'top_producers(m, -1)',
	          $$SELECT * FROM top_producers('{"CN":5,"US":3}'::supply_mix, -1)$$),
	('22023', 'top_producers(empty mix, 0)',
	          $$SELECT * FROM top_producers('{}'::supply_mix, 0)$$),
	('22023', 'concentration_ratio(producer, quantity, n) aggregate: n varies per row',
	          $$SELECT concentration_ratio(p, q, n) FROM (VALUES ('CN', 5::float8, 1), ('US', 3::float8, 2)) v(p, q, n)$$),
	('22023', 'concentration_ratio(producer, quantity, n) aggregate: n = 0',
	          $$SELECT concentration_ratio(p, q, 0) FROM (VALUES ('CN', 5::float8), ('US', 3::float8)) v(p, q)$$);

-------------------------------------------------------------------------------
-- Scenario edits
-------------------------------------------------------------------------------

INSERT INTO err_case (state, description, sql) VALUES
	('22023', 'adjust_producer: result below zero',
	          $$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, 'CN', -6)$$),
	('22023', 'adjust_producer: negative delta for an absent producer',
	          $$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, 'AU', -1)$$),
	('22023', 'adjust_producer: delta NaN',
	          $$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, 'CN', 'NaN')$$),
	('22023', 'adjust_producer: delta -Infinity (result below zero)',
	          $$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, 'CN', '-Infinity')$$),
	('22023', 'set_producer: negative quantity',
	          $$SELECT set_producer('{"CN":5,"US":3}'::supply_mix, 'CN', -1)$$),
	('22023', 'set_producer: NaN quantity',
	          $$SELECT set_producer('{"CN":5,"US":3}'::supply_mix, 'CN', 'NaN')$$),
	('22023', 'set_producer: Infinity quantity',
	          $$SELECT set_producer('{"CN":5,"US":3}'::supply_mix, 'AU', 'Infinity')$$),
	('22023', 'scale_mix: factor -1',
	          $$SELECT scale_mix('{"CN":5,"US":3}'::supply_mix, -1)$$),
	('22023', 'scale_mix: factor NaN',
	          $$SELECT scale_mix('{"CN":5,"US":3}'::supply_mix, 'NaN')$$),
	('22023', 'scale_mix: factor Infinity',
	          $$SELECT scale_mix('{"CN":5,"US":3}'::supply_mix, 'Infinity')$$),
	('22023', 'scale_mix: factor -1 on an empty mix',
	          $$SELECT scale_mix('{}'::supply_mix, -1)$$),
	('22003', 'scale_mix({"a":1e308}, 10) overflows',
	          $$SELECT scale_mix('{"a":1e308}'::supply_mix, 10)$$),
	('22003', 'scale_mix: the remainder overflows',
	          $$SELECT scale_mix('{"a":1,"":1e308}'::supply_mix, 10)$$),
	('22004', 'keep_producers: NULL array element',
	          $$SELECT keep_producers('{"CN":5,"US":3}'::supply_mix, ARRAY['CN', NULL])$$),
	('22004', 'drop_producers: NULL array element',
	          $$SELECT drop_producers('{"CN":5,"US":3}'::supply_mix, ARRAY['CN', NULL])$$),
	('22023', 'share: empty-string producer',
	          $$SELECT share('{"CN":5,"US":3}'::supply_mix, '')$$),
	('22023', 'quantity: empty-string producer',
	          $$SELECT quantity('{"CN":5,"US":3}'::supply_mix, '')$$),
	('22023', 'adjust_producer: empty-string producer',
	          $$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, '', 1)$$),
	('22023', 'set_producer: empty-string producer',
	          $$SELECT set_producer('{"CN":5,"US":3}'::supply_mix, '', 1)$$);

-------------------------------------------------------------------------------
-- Measures
-------------------------------------------------------------------------------

INSERT INTO err_case (state, description, sql) VALUES
	('22003', 'total: named producers overflow float8',
	          $$SELECT total('{"a":1.7e308,"b":1.7e308}'::supply_mix)$$),
	('22003', 'total: named producers plus remainder overflow float8',
	          $$SELECT total('{"a":1.7e308,"":1.7e308}'::supply_mix)$$);

-- Every case raises its SQLSTATE.
SELECT throws_ok(sql, state, NULL, state || ' ' || description)
  FROM err_case ORDER BY ord;

-- The primary message of every case is in PostgreSQL's style: it does not
-- start with a capitalised word (acronyms such as NaN are fine) and has no
-- final period.
CREATE FUNCTION pg_temp.error_message(sql text) RETURNS text
LANGUAGE plpgsql AS $fn$
BEGIN
	EXECUTE sql;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLERRM;
END
$fn$;

SELECT is(
	ARRAY(SELECT description || ': ' || msg
	        FROM (SELECT ord, description, pg_temp.error_message(sql) AS msg FROM err_case) e
	       WHERE msg ~ '^[A-Z][a-z]*\M' OR msg ~ '\.$'
	       ORDER BY ord),
	'{}'::text[],
	'error messages are lower case and have no final period'
);

-- A key is limited in bytes, not characters: 600 two-byte characters.
SELECT CASE WHEN octet_length('é') = 2
	THEN throws_ok(format('SELECT %L::supply_mix', '{"' || repeat('é', 600) || '":1}'),
	               '54000', NULL, '54000 text input: a key of 600 characters, 1200 bytes')
	ELSE skip('the database encoding stores é in one byte', 1)
	END;

-------------------------------------------------------------------------------
-- Boundary values that must be accepted
-------------------------------------------------------------------------------

SELECT lives_ok($$SELECT '{"a":5e-324}'::supply_mix$$, 'text input: {"a":5e-324} (smallest subnormal) is accepted');
SELECT is(quantity('{"a":5e-324}', 'a'), 5e-324::float8, '{"a":5e-324} keeps its quantity (not flushed to 0)');
SELECT lives_ok($$SELECT '{"a":1.7976931348623157e308}'::supply_mix$$, 'text input: {"a":1.7976931348623157e308} (largest float8) is accepted');
SELECT is(quantity('{"a":1.7976931348623157e308}', 'a'), 1.7976931348623157e308::float8, '{"a":1.7976931348623157e308} keeps its quantity');
SELECT lives_ok($$SELECT '{}'::supply_mix$$, 'text input: {} (empty mix) is accepted');
SELECT lives_ok($$SELECT '{"":5}'::supply_mix$$, 'text input: {"":5} (remainder only) is accepted');
SELECT is(ARRAY[remainder('{"":5}'), producer_count('{"":5}')::float8], ARRAY[5, 0]::float8[], '{"":5} is a remainder of 5 and no named producer');
SELECT lives_ok($$SELECT '{"a":-0}'::supply_mix$$, 'text input: {"a":-0} is accepted');
SELECT is(quantity('{"a":-0}', 'a')::text, '0', '{"a":-0} reads as 0, not -0');
SELECT lives_ok(format('SELECT %L::supply_mix', '{"' || repeat('k', 1024) || '":1}'), 'text input: a key of exactly 1024 bytes is accepted');
SELECT lives_ok($$SELECT adjust_producer('{"CN":5,"US":3}'::supply_mix, 'CN', -5)$$, 'adjust_producer to exactly zero is accepted');
SELECT lives_ok($$SELECT set_producer('{"CN":5,"US":3}'::supply_mix, 'CN', 0)$$, 'set_producer with quantity 0 is accepted');
SELECT lives_ok($$SELECT scale_mix('{"CN":5,"US":3}'::supply_mix, 0)$$, 'scale_mix with factor 0 is accepted');

SELECT * FROM finish();
ROLLBACK;
