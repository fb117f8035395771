-- Hostile input: malformed and extreme values for every type and function.
-- Each case ends in a clean ERROR with the SQLSTATE the README documents
-- (22P02 malformed text, 22P03 malformed binary, 22023 invalid parameter,
-- 22003 out of range, 22004 NULL not allowed, 54000 limits; 22021 from
-- PostgreSQL itself for invalid UTF-8) or in a documented result; never a
-- crash, never a silent wrong number.  The memory limit of 10 000 000
-- producers and the memory and concurrency tests are in test/limits,
-- test/cluster/memory and test/cluster/concurrency (run by test/cluster/run).
--
-- Where the message is not the point, errors show only their SQLSTATE
-- (\set VERBOSITY sqlstate).  Long series of cases go through
-- pg_temp.outcome(sql), which runs a statement and returns its result as
-- text or "ERROR <sqlstate>: <message>" (the error is raised and caught in
-- a subtransaction: a crash would still end this session).
--
-- Like the whole suite, it runs as an ordinary role (mineral_supply_analyst,
-- test/prepare_db): hostile input is what any user can send.  Where it
-- needs more, it says so: files on the server (the superuser) and the
-- reference table's own checks (the editor).

SET client_min_messages = warning;

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

-- ... with the error's DETAIL
CREATE FUNCTION pg_temp.outcome_detail(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r text;
	st text;
	msg text;
	det text;
BEGIN
	EXECUTE q INTO r;
	RETURN coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN 'ERROR ' || st || ': ' || msg || coalesce(' (' || nullif(det, '') || ')', '');
END $$;

CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	st text;
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
	RETURN st;
END $$;

-------------------------------------------------------------------------------
-- supply_mix text input: truncated literals
-------------------------------------------------------------------------------

-- Every proper prefix of a valid literal is malformed (22P02), whatever
-- token it cuts: a name, an escape, a surrogate pair, a number, an exponent.
SELECT n AS prefixes, states
FROM (SELECT count(*) AS n, array_agg(DISTINCT pg_temp.sqlstate_of(format('SELECT %L::supply_mix', left(lit, k)))) AS states
      FROM (VALUES ('{"CN": 2.5e+3, "M\u00e9xico": 1, "\ud83d\ude00": 0.125E-2, "q\"t": 0, "": 3}')) v(lit),
           generate_series(0, length(lit) - 1) k) s;
SELECT n AS prefixes, states
FROM (SELECT count(*) AS n, array_agg(DISTINCT pg_temp.sqlstate_of(format('SELECT %L::supply_mix', left(lit, k)))) AS states
      FROM (VALUES ('{"CN": [270000, 3.5], "US": [4.5e4, 1.25], "": 100}')) v(lit),
           generate_series(0, length(lit) - 1) k) s;
-- ... and the full literals are accepted.
SELECT '{"CN": 2.5e+3, "M\u00e9xico": 1, "\ud83d\ude00": 0.125E-2, "q\"t": 0, "": 3}'::supply_mix AS full_literal;
SELECT '{"CN": [270000, 3.5], "US": [4.5e4, 1.25], "": 100}'::supply_mix AS full_weighted_literal;

-- The error says where: byte offsets into the input.
SELECT '{"CN": 1'::supply_mix;
SELECT '{"CN": 1.'::supply_mix;
SELECT '{"CN": 1e'::supply_mix;
SELECT '{"C\u00'::supply_mix;
SELECT '{"\ud83d": 1}'::supply_mix;
SELECT '{"\ude00": 1}'::supply_mix;

-------------------------------------------------------------------------------
-- Oversized literals and numbers beyond float8
-------------------------------------------------------------------------------

\set VERBOSITY sqlstate
-- a 401-digit integer, a 100 000-digit fraction underflowing to 0, -1e309
SELECT ('{"a": 1' || repeat('0', 400) || '}')::supply_mix;
SELECT ('{"a": 0.' || repeat('0', 100000) || '1}')::supply_mix;
SELECT '{"a": -1e309}'::supply_mix;
SELECT '{"a": 1e309}'::supply_mix;
SELECT '{"a": 1e-400}'::supply_mix;
SELECT '{"": 1e309}'::supply_mix;
SELECT '{"a": [1, 1e309]}'::supply_mix;
\set VERBOSITY default
-- digits beyond float8's precision round as float8in rounds
SELECT ('{"a": 1.' || repeat('0', 100000) || '1}')::supply_mix AS long_fraction,
       ('{"a": 0.' || repeat('0', 300) || '1}')::supply_mix AS subnormal_range,
       ('{"a": 5e-324, "b": 2.4703282292062328e-324}')::supply_mix AS smallest_subnormals,
       '{"a": 1.7976931348623157e308}'::supply_mix AS largest;
-- a megabyte of white space, and 200 000 producers in one literal
SELECT ('{' || repeat(E' \t\r\n', 250000) || '}')::supply_mix AS blank_megabyte;
SELECT producer_count(m), total(m), quantity(m, 'p200000')
FROM (SELECT ('{' || string_agg(format('"p%s": %s', g, g), ', ') || '}')::supply_mix AS m
      FROM generate_series(1, 200000) g) s;
-- the message quotes at most 100 bytes of a long input
SELECT ('{"a": 1, "b": ' || repeat('x', 5000) || '}')::supply_mix;

-------------------------------------------------------------------------------
-- Duplicate and empty keys
-------------------------------------------------------------------------------

SELECT '{"a": 1, "a": 2}'::supply_mix AS duplicates_add,
       '{"": 1, "": 2}'::supply_mix AS remainders_add,
       '{"é": 1, "\u00e9": 2}'::supply_mix AS same_name_two_spellings,
       '{"a": 0, "a": 0}'::supply_mix AS zero_twice,
       '{"": 0}'::supply_mix AS zero_remainder_is_none;
\set VERBOSITY sqlstate
SELECT '{"a": 1, "a": -1}'::supply_mix;
SELECT '{"a": 1.7976931348623157e308, "a": 1.7976931348623157e308}'::supply_mix;
SELECT '{"": 1.7976931348623157e308, "": 1.7976931348623157e308}'::supply_mix;
\set VERBOSITY default
-- An empty producer name is an error everywhere but the text form (where
-- "" is the remainder).
SELECT f, pg_temp.outcome(q)
FROM (VALUES
	('supply_mix_agg', $$SELECT supply_mix_agg(p, 1) FROM (VALUES ('')) v(p)$$),
	('supply_mix_accum', $$SELECT supply_mix_accum('{}', '', 1)$$),
	('hhi aggregate', $$SELECT hhi(p, 1) FROM (VALUES ('')) v(p)$$),
	('concentration_ratio aggregate', $$SELECT concentration_ratio(p, 1, 1) FROM (VALUES ('')) v(p)$$),
	('quantity', $$SELECT quantity('{"a": 1}', '')$$),
	('share', $$SELECT share('{"a": 1}', '')$$),
	('adjust_producer', $$SELECT adjust_producer('{"a": 1}', '', 1)$$),
	('set_producer', $$SELECT set_producer('{"a": 1}', '', 1)$$),
	('keep_producers', $$SELECT keep_producers('{"a": 1}', ARRAY['a', ''])$$),
	('drop_producers', $$SELECT drop_producers('{"a": 1}', ARRAY[''])$$),
	('country_code', $$SELECT ''::country_code$$),
	('country_code of blanks', $$SELECT '   '::country_code$$)) v(f, q);

-------------------------------------------------------------------------------
-- Producer names of 10 000 bytes (the limit is 1 024 bytes: 54000)
-------------------------------------------------------------------------------

SELECT f, pg_temp.outcome(replace(q, 'LONG', quote_literal(repeat('k', 10000))))
FROM (VALUES
	('text input', $$SELECT ('{"' || LONG || '": 1}')::supply_mix$$),
	('text input, escaped', $$SELECT ('{"' || repeat('\u00e9', 513) || '": 1}')::supply_mix$$),
	('jsonb cast', $$SELECT jsonb_build_object(LONG, 1)::supply_mix$$),
	('supply_mix_agg', $$SELECT supply_mix_agg(LONG, 1)$$),
	('supply_mix_accum', $$SELECT supply_mix_accum('{}', LONG, 1)$$),
	('hhi aggregate', $$SELECT hhi(LONG, 1)$$),
	('adjust_producer', $$SELECT adjust_producer('{"a": 1}', LONG, 1)$$),
	('set_producer', $$SELECT set_producer('{"a": 1}', LONG, 1)$$),
	('keep_producers', $$SELECT keep_producers('{"a": 1}', ARRAY[LONG])$$),
	('drop_producers', $$SELECT drop_producers('{"a": 1}', ARRAY[LONG])$$),
	-- looking a name up is no limit: it is absent
	('quantity', $$SELECT quantity('{"a": 1}', LONG)$$),
	('share', $$SELECT share('{"a": 1}', LONG)$$),
	('country_code', $$SELECT length(pg_temp.outcome(format('SELECT %L::country_code', LONG)))$$)) v(f, q);
-- exactly 1 024 bytes is accepted, in every way in
SELECT producer_count(('{"' || repeat('k', 1024) || '": 1}')::supply_mix) AS text_1024,
       producer_count(supply_mix_agg(repeat('k', 1024), 1)) AS agg_1024,
       producer_count(set_producer('{}', repeat('é', 512), 1)) AS multibyte_1024;

-------------------------------------------------------------------------------
-- NaN, infinities, negative quantities and -0
-------------------------------------------------------------------------------

-- JSON has no NaN or Infinity; a negative quantity is malformed text.
SELECT lit, pg_temp.outcome(format('SELECT %L::supply_mix', lit))
FROM (VALUES ('{"a": NaN}'), ('{"a": Infinity}'), ('{"a": -Infinity}'), ('{"a": "NaN"}'),
             ('{"a": -1}'), ('{"a": -5e-324}'), ('{"": -1}'), ('{"a": [-1, 1]}'), ('{"a": [1, -1]}'),
             ('{"a": [1, NaN]}'), ('{"a": -0}'), ('{"a": -0.0e7}'), ('{"": -0}'), ('{"a": [-0, -0]}')) v(lit);
-- In aggregates and edits: 22023 for NaN, infinities and negatives; -0 is 0.
SELECT q, pg_temp.outcome(format('SELECT supply_mix_agg(p, %L::float8) FROM (VALUES (''a''), (NULL)) v(p)', q)) AS agg,
       pg_temp.outcome(format('SELECT supply_mix_agg(NULL::text, %L::float8)', q)) AS remainder_agg,
       pg_temp.outcome(format('SELECT set_producer(''{"a": 1}'', ''a'', %L)', q)) AS set_producer,
       pg_temp.outcome(format('SELECT adjust_producer(''{"a": 1}'', ''a'', %L)', q)) AS adjust_producer,
       pg_temp.outcome(format('SELECT scale_mix(''{"a": 1, "": 2}'', %L)', q)) AS scale_mix
FROM (VALUES ('NaN'), ('Infinity'), ('-Infinity'), ('-1'), ('-5e-324'), ('-0'), ('5e-324')) v(q);
SELECT m, quantity(m, 'a')::text AS quantity_text, float8send(quantity(m, 'a')) AS bits
FROM (SELECT supply_mix_agg('a', '-0'::float8) UNION ALL SELECT set_producer('{}', 'a', '-0')
      UNION ALL SELECT adjust_producer('{"a": 1}', 'a', -1) UNION ALL SELECT scale_mix('{"a": 1}', '-0')) v(m);
-- Sums beyond float8: 22003, never Infinity.
\set VERBOSITY sqlstate
SELECT supply_mix_agg(p, 1.7976931348623157e308) FROM (VALUES ('a'), ('a')) v(p);
SELECT supply_mix_agg(NULL::text, 1.7976931348623157e308) FROM generate_series(1, 2);
SELECT supply_mix_agg(m) FROM (VALUES ('{"a": 1e308}'::supply_mix), ('{"a": 1e308}')) v(m);
SELECT adjust_producer('{"a": 1.7976931348623157e308}', 'a', 1e308);
SELECT scale_mix('{"a": 1e308}', 2);
SELECT scale_mix('{"a": 1, "": 1e308}', 2);
SELECT supply_mix_agg('a', 1e400::numeric);
SELECT total('{"a": 1e308, "b": 1e308}');
\set VERBOSITY default
-- ... while shares and measures of such a mix stay exact
SELECT share(m, 'a'), hhi(m), hhi_bounds(m), concentration_ratio(m, 1), gini(m), effective_suppliers(m)
FROM (VALUES ('{"a": 1.5e308, "b": 1.5e308, "": 1.5e308}'::supply_mix)) v(m);
SELECT (mix_summary('{"a": 1.5e308, "b": 1.5e308}')).*;

-------------------------------------------------------------------------------
-- NULLs everywhere
-------------------------------------------------------------------------------

-- Every function of the extension, called with each argument NULL in turn
-- (the others valid) and with all arguments NULL.  A STRICT function
-- returns NULL (or no rows); any other must return a documented value or
-- raise a class-22 error.  Listed: what is not plain NULL.
CREATE TEMP TABLE sample_value (typ regtype PRIMARY KEY, val text);
INSERT INTO sample_value VALUES
	('supply_mix', $$'{"CN": 6, "US": 2, "": 2}'::supply_mix$$),
	('supply_mix_top_n', $$'2:{"CN": 6, "US": 2, "": 2}'::supply_mix_top_n$$),
	('text', $$'processing'::text$$),
	('double precision', '2::float8'),
	('integer', '2030'),
	('bigint', '2::bigint'),
	('date', $$'2024-06-30'::date$$),
	('country_code', $$'CN'::country_code$$),
	('text[]', $$ARRAY['CN']$$),
	('jsonb', $$'{"CN": 1, "US": 2}'::jsonb$$),
	('boolean', 'true'),
	('cstring', $$'{}'::cstring$$);
CREATE TEMP TABLE null_call AS
SELECT p.oid::regprocedure AS fn, p.proisstrict AS strict, p.proretset AS srf, k AS null_arg,
       format('SELECT count(*)::text || '' rows, '' || coalesce(string_agg(r::text, ''; ''), ''-'') FROM (SELECT %s(%s) AS r) s WHERE r::text IS NOT NULL',
              p.oid::regproc,
              (SELECT string_agg(CASE WHEN i = k OR k = 0 THEN 'NULL::' || format_type(t, NULL) ELSE s.val END, ', ' ORDER BY i)
                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, i)
                 JOIN sample_value s ON s.typ = a.t)) AS q
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply',
     generate_series(0, p.pronargs) k
WHERE p.prokind = 'f'
  AND p.prorettype <> 'trigger'::regtype
  AND p.pronargs > 0
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]))
  AND (SELECT bool_and(t IN (SELECT typ FROM sample_value)) FROM unnest(p.proargtypes::oid[]) t);
-- every function with arguments takes part (a function whose argument types
-- have no sample value would be listed here: add a value for its type to
-- sample_value above)
SELECT p.oid::regprocedure AS not_called
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
WHERE p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype AND p.pronargs > 0
  AND NOT ('internal'::regtype = ANY (p.proargtypes::oid[]))
  AND p.oid NOT IN (SELECT fn FROM null_call)
ORDER BY 1;
CREATE TEMP TABLE null_outcome AS
SELECT fn, strict, null_arg, pg_temp.outcome(q) AS outcome FROM null_call;
SELECT count(DISTINCT fn) >= 60 AS many_functions, count(*) >= 150 AS many_calls FROM null_outcome;
-- STRICT functions: NULL in, NULL out (no row is not NULL)
SELECT fn, null_arg, outcome FROM null_outcome
WHERE strict AND outcome <> '0 rows, -' ORDER BY fn::text, null_arg;
-- the others: errors are class 22 only
SELECT fn, null_arg, outcome FROM null_outcome
WHERE NOT strict AND outcome LIKE 'ERROR%' AND outcome NOT LIKE 'ERROR 22%' ORDER BY fn::text, null_arg;
-- and what they do with NULLs (the documented behaviours)
SELECT fn, null_arg, outcome FROM null_outcome
WHERE NOT strict AND fn::text SIMILAR TO '(supply_mix_accum\(|supply_mix_top_n_accum\(|crma_)%' ORDER BY fn::text, null_arg;

-- Aggregates over NULL rows: NULL quantities are ignored, a NULL producer is
-- the remainder, a NULL mix is skipped; no rows give an empty mix.
SELECT supply_mix_agg(p, q) AS text_agg, supply_mix_agg(c, q) AS country_agg,
       hhi(p, q) AS hhi_agg, concentration_ratio(p, q, 1) AS cr_agg
FROM (VALUES (NULL::text, NULL::float8, NULL::country_code), ('a', NULL, 'CN'), (NULL, 2, NULL)) v(p, q, c);
SELECT supply_mix_agg(m) AS merged, supply_mix_agg(m) FILTER (WHERE false) AS no_rows
FROM (VALUES (NULL::supply_mix), ('{"a": 1}'), (NULL)) v(m);
SELECT concentration_ratio(p, q, NULL) AS null_n FROM (VALUES ('a', 1::float8)) v(p, q);
SELECT NULL::supply_mix + '{"a": 1}' AS plus_null, NULL::supply_mix = NULL AS eq_null,
       NULL::supply_mix::jsonb AS null_jsonb, NULL::jsonb::supply_mix AS jsonb_null,
       'null'::jsonb::text AS json_null_text;
\set VERBOSITY sqlstate
SELECT 'null'::jsonb::supply_mix;
SELECT '[]'::jsonb::supply_mix;
SELECT '"{}"'::jsonb::supply_mix;
\set VERBOSITY default

-------------------------------------------------------------------------------
-- Arrays with NULL elements (22004), empty and odd arrays
-------------------------------------------------------------------------------

\set VERBOSITY sqlstate
SELECT keep_producers('{"a": 1}', ARRAY['a', NULL]);
SELECT drop_producers('{"a": 1}', ARRAY[NULL]::text[]);
SELECT keep_producers('{"a": 1}', '{NULL,NULL}');
\set VERBOSITY default
SELECT keep_producers(m, '{}') AS keep_none, drop_producers(m, '{}') AS drop_none,
       keep_producers(m, '{{a,b},{c,x}}') AS two_dimensional,
       drop_producers(m, ARRAY['a', 'a', 'zz']) AS repeated_and_absent,
       keep_producers(m, '[5:6]={a,b}') AS lower_bound_5
FROM (VALUES ('{"a": 1, "b": 2, "c": 3, "": 4}'::supply_mix)) v(m);

-------------------------------------------------------------------------------
-- n = 0, negative, huge
-------------------------------------------------------------------------------

SELECT n, pg_temp.outcome(format('SELECT concentration_ratio(%L::supply_mix, %s)', m, n)) AS cr,
       pg_temp.outcome(format('SELECT count(*) FROM top_producers(%L::supply_mix, %s)', m, n)) AS top_rows,
       pg_temp.outcome(format('SELECT concentration_ratio(p, q, %s) FROM (VALUES (''a'', 1::float8), (''b'', 3)) v(p, q)', n)) AS cr_agg
FROM (VALUES ('{"a": 1, "b": 3, "": 4}')) v(m),
     (VALUES ('0'), ('-1'), ('-2147483648'), ('-9223372036854775808'), ('1'), ('2147483647'),
             ('2147483648'), ('9223372036854775807')) w(n);
\set VERBOSITY sqlstate
SELECT * FROM top_producers('{}', 0);
SELECT * FROM top_producers('{"a": 1}', -1) LIMIT 0;
\set VERBOSITY default
SELECT * FROM top_producers('{"b": 1, "a": 1, "": 5}', 9223372036854775807);
SELECT concentration_ratio('{}', 2147483647) AS empty_mix, concentration_ratio('{"": 5}', 1) AS remainder_only;

-------------------------------------------------------------------------------
-- Invalid UTF-8 (the database is UTF8): PostgreSQL refuses it before any
-- function sees it (22021); valid conversions arrive as UTF-8
-------------------------------------------------------------------------------

\set VERBOSITY sqlstate
SELECT convert_from('\x7b2261ff223a317d', 'UTF8')::supply_mix;
SELECT convert_from('\x7b22c3223a317d', 'UTF8')::supply_mix;
SELECT supply_mix_agg(convert_from('\xedb080', 'UTF8'), 1);
SELECT set_producer('{}', convert_from('\xf4908080', 'UTF8'), 1);
SELECT quantity('{"a": 1}', convert_from('\xc0af', 'UTF8'));
SELECT convert_from('\xff', 'UTF8')::country_code;
SELECT E'{"\xff": 1}'::supply_mix;
\set VERBOSITY default
SELECT convert_from('\x7b22e9223a20317d', 'LATIN1')::supply_mix AS latin1_e_acute,
       convert_from('\x7b22efbfbf223a20317d', 'UTF8')::supply_mix AS noncharacter_ffff,
       '{"\uffff": 1}'::supply_mix = convert_from('\x7b22efbfbf223a20317d', 'UTF8')::supply_mix AS escape_equals_bytes,
       octet_length(producer) AS bytes
FROM producers('{"\ud83d\ude00": 1}');

-------------------------------------------------------------------------------
-- Binary input: crafted and corrupted COPY ... (FORMAT binary) files
-------------------------------------------------------------------------------

-- A file of PostgreSQL's binary COPY format with one row of one field,
-- written on the server with lo_export, then read with a server-side COPY:
-- every byte of the field reaches supply_mix_recv (or country_code_recv) as
-- it is, and each case is one statement, so that pg_temp.outcome can catch
-- its error.  Files on the server are not an ordinary role's (reading and
-- writing them takes a superuser, or pg_read_server_files and
-- pg_write_server_files): those statements run as the session user, the
-- superuser (SET ROLE NONE below).  At the end of this part an ordinary role
-- sends crafted files the way it can, from the client (psql's \copy, which
-- is COPY FROM STDIN), and meets the same checks.
CREATE FUNCTION pg_temp.write_file(contents bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	lo oid := lo_from_bytea(0, contents);
BEGIN
	PERFORM lo_export(lo, current_setting('data_directory') || '/hostile_copy.bin');
	PERFORM lo_unlink(lo);
END $$;
-- signature, flags, header extension length, one field per row, the
-- field's length and bytes, the end-of-data marker
CREATE FUNCTION pg_temp.copy_file(field bytea) RETURNS void
LANGUAGE sql AS $$
	SELECT pg_temp.write_file('\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
	                          || '\x0001'::bytea || coalesce(int4send(length(field)) || field, '\xffffffff')
	                          || '\xffff'::bytea)
$$;
-- The wire format: version, flags, count, remainder, then (length, name,
-- quantity [, weight]) per producer, big-endian.
CREATE FUNCTION pg_temp.wire(remainder float8, names text[], quantities float8[],
                             version int DEFAULT 1, flags int DEFAULT 0, weights float8[] DEFAULT NULL,
                             n int DEFAULT NULL) RETURNS bytea
LANGUAGE sql AS $$
	SELECT set_byte(set_byte('\x0000'::bytea, 0, version), 1, flags)
	       || int4send(coalesce(n, coalesce(cardinality(names), 0)))
	       || float8send(remainder)
	       || coalesce((SELECT string_agg(int4send(octet_length(convert_to(k, 'UTF8'))) || convert_to(k, 'UTF8')
	                                      || float8send(q) || coalesce(float8send(weights[i]), ''), '' ORDER BY i)
	                      FROM unnest(names, quantities) WITH ORDINALITY u(k, q, i)), '')
$$;
CREATE TABLE copy_mix (m supply_mix);
CREATE TABLE copy_country (c country_code);
-- the files on the server: as the superuser
SET ROLE NONE;
SELECT current_setting('data_directory') || '/hostile_copy.bin' AS copyfile \gset

-- A valid file first: the format is right.
SELECT pg_temp.copy_file(pg_temp.wire(4, ARRAY['US', 'CN', 'CN'], ARRAY[2, 5, 1]));
COPY copy_mix FROM :'copyfile' (FORMAT binary);
SELECT m AS unsorted_repeated_names_canonicalised FROM copy_mix;
TRUNCATE copy_mix;

-- Crafted values, one file each.
CREATE TEMP TABLE recv_case (ord serial, what text, field bytea);
INSERT INTO recv_case (what, field) VALUES
	('empty field',                 ''),
	('one byte',                    '\x01'),
	('header only',                 '\x0100'),
	('version 0',                   pg_temp.wire(0, '{}', '{}', version => 0)),
	('version 2',                   pg_temp.wire(0, '{}', '{}', version => 2)),
	('flags 0x02',                  pg_temp.wire(0, '{}', '{}', flags => 2)),
	('flags 0xff',                  pg_temp.wire(0, '{}', '{}', flags => 255)),
	('count -1',                    pg_temp.wire(0, '{}', '{}', n => -1)),
	('count 2147483647',            pg_temp.wire(0, '{}', '{}', n => 2147483647)),
	('count 10000001',              pg_temp.wire(0, '{}', '{}', n => 10000001)),
	('count 10000000, one record',  pg_temp.wire(0, '{a}', '{1}', n => 10000000)),
	('count 2, one record',         pg_temp.wire(0, '{a}', '{1}', n => 2)),
	('count 0, one record',         pg_temp.wire(0, '{a}', '{1}', n => 0)),
	('remainder cut short',         substr(pg_temp.wire(0, '{}', '{}'), 1, 10)),
	('remainder NaN',               pg_temp.wire('NaN', '{}', '{}')),
	('remainder Infinity',          pg_temp.wire('Infinity', '{}', '{}')),
	('remainder -1',                pg_temp.wire(-1, '{}', '{}')),
	('name length -1',              '\x0100' || int4send(1) || float8send(0) || int4send(-1) || '\x61' || float8send(1)),
	('name length 0',               '\x0100' || int4send(1) || float8send(0) || int4send(0) || float8send(1)),
	('name length beyond the end',  '\x0100' || int4send(1) || float8send(0) || int4send(100) || '\x61' || float8send(1)),
	('name length 2147483647',      '\x0100' || int4send(1) || float8send(0) || int4send(2147483647) || '\x61' || float8send(1)),
	('name of 1025 bytes',          pg_temp.wire(0, ARRAY[repeat('k', 1025)], '{1}')),
	('name of 10000 bytes',         pg_temp.wire(0, ARRAY[repeat('k', 10000)], '{1}')),
	('name with a NUL byte',        '\x0100' || int4send(1) || float8send(0) || int4send(3) || '\x610062' || float8send(1)),
	('name not UTF-8 (0xff)',       '\x0100' || int4send(1) || float8send(0) || int4send(1) || '\xff' || float8send(1)),
	('name a lone surrogate',       '\x0100' || int4send(1) || float8send(0) || int4send(3) || '\xedb080' || float8send(1)),
	('quantity cut short',          substr(pg_temp.wire(0, '{a}', '{1}'), 1, 22)),
	('quantity NaN',                pg_temp.wire(0, '{a}', '{NaN}')),
	('quantity -Infinity',          pg_temp.wire(0, '{a}', '{-Infinity}')),
	('quantity -1',                 pg_temp.wire(0, '{a}', '{-1}')),
	('quantity -0',                 pg_temp.wire(0, '{a}', '{-0}')),
	('quantity 5e-324',             pg_temp.wire(0, '{a}', '{5e-324}')),
	('repeated name overflows',     pg_temp.wire(0, '{a,a}', '{1.7976931348623157e308,1.7976931348623157e308}')),
	('a trailing byte',             pg_temp.wire(0, '{a}', '{1}') || '\x00'),
	('weighted',                    pg_temp.wire(1, '{b,a}', '{2,3}', flags => 1, weights => '{0.5,4}')),
	('weighted, weight NaN',        pg_temp.wire(0, '{a}', '{1}', flags => 1, weights => '{NaN}')),
	('weighted, weight -1',         pg_temp.wire(0, '{a}', '{1}', flags => 1, weights => '{-1}')),
	('weighted, two weights',       pg_temp.wire(0, '{a,a}', '{1,1}', flags => 1, weights => '{1,2}')),
	('weighted, weight cut short',  substr(pg_temp.wire(0, '{a}', '{1}', flags => 1, weights => '{1}'), 1, 27));
\set VERBOSITY sqlstate
SELECT ord, what, pg_temp.outcome_detail(format($q$SELECT pg_temp.copy_file(%L); TRUNCATE copy_mix; COPY copy_mix FROM %L (FORMAT binary); SELECT string_agg(m::text, ', ') FROM copy_mix$q$,
                                         field, :'copyfile')) AS outcome
FROM recv_case ORDER BY ord;
\set VERBOSITY default

-- Every byte of a valid file's field corrupted in turn (set to 0x00, 0x80
-- and 0xff): each copy reads a value or fails cleanly.
SELECT pg_temp.copy_file(pg_temp.wire(1.5, ARRAY['CN', 'Côte d''Ivoire'], ARRAY[270000, 0.25]));
COPY copy_mix FROM :'copyfile' (FORMAT binary);
SELECT m AS the_valid_value FROM copy_mix;
TRUNCATE copy_mix;
SELECT outcome, count(*)
FROM (SELECT CASE WHEN r LIKE 'ERROR%' THEN left(r, 11) ELSE 'a value' END AS outcome
      FROM (SELECT pg_temp.outcome(format($q$SELECT pg_temp.copy_file(%L); TRUNCATE copy_mix; COPY copy_mix FROM %L (FORMAT binary); SELECT string_agg(m::text, ', ') FROM copy_mix$q$,
                                          set_byte(f, i, b), :'copyfile')) AS r
            FROM (VALUES (pg_temp.wire(1.5, ARRAY['CN', 'Côte d''Ivoire'], ARRAY[270000, 0.25]))) v(f),
                 generate_series(0, length(f) - 1) i, (VALUES (0), (128), (255)) w(b)) s) t
GROUP BY outcome ORDER BY outcome;

-- The COPY file itself corrupted: PostgreSQL's own checks (22P04).
\set VERBOSITY sqlstate
SELECT pg_temp.write_file('\x5047434f50590aff0d0a01');
COPY copy_mix FROM :'copyfile' (FORMAT binary);
SELECT pg_temp.write_file('\x5047434f50590aff0d0a00' || '\x0000000000000000'::bytea || '\x0001'::bytea || int4send(100) || '\x0100'::bytea);
COPY copy_mix FROM :'copyfile' (FORMAT binary);
\set VERBOSITY default

-- country_code: the alpha-2 letters as two bytes.  (A field of one byte or
-- none fails in pq_getmsgint, PostgreSQL's reader, with 08P01 before
-- country_code_recv can check the length; supply_mix_recv says 22P03.)
SELECT what, pg_temp.outcome(format($q$SELECT pg_temp.copy_file(%L); TRUNCATE copy_country; COPY copy_country FROM %L (FORMAT binary); SELECT string_agg(c::text, ', ') FROM copy_country$q$,
                                    field, :'copyfile')) AS outcome
FROM (VALUES ('CN', '\x434e'::bytea), ('cn (lower case)', '\x636e'), ('ZZ', '\x5a5a'), ('two zero bytes', '\x0000'),
             ('0xffff', '\xffff'), ('one byte', '\x43'), ('three bytes', '\x434e00'), ('empty', '')) v(what, field);
SELECT c, country_name(c) FROM copy_country;
SET ROLE mineral_supply_analyst;

-- An ordinary role's binary COPY: psql writes the file on the client (a
-- bytea column in binary COPY format is its bytes as they are) and sends it
-- with \copy.  A valid file reads as above; crafted ones meet the same
-- checks.
TRUNCATE copy_mix, copy_country;
\copy (SELECT pg_temp.wire(4, ARRAY['US', 'CN', 'CN'], ARRAY[2, 5, 1])) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_mix FROM 'results/hostile_client.bin' (FORMAT binary)
SELECT m AS sent_by_the_client FROM copy_mix;
\copy (SELECT pg_temp.wire(0, '{}', '{}', version => 2)) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_mix FROM 'results/hostile_client.bin' (FORMAT binary)
\copy (SELECT pg_temp.wire(0, '{}', '{}', n => 10000001)) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_mix FROM 'results/hostile_client.bin' (FORMAT binary)
\copy (SELECT pg_temp.wire(0, '{a}', '{NaN}')) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_mix FROM 'results/hostile_client.bin' (FORMAT binary)
\copy (SELECT '\x0100'::bytea || int4send(1) || float8send(0) || int4send(1) || '\xff' || float8send(1)) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_mix FROM 'results/hostile_client.bin' (FORMAT binary)
\copy (SELECT '\x5a5a'::bytea) TO 'results/hostile_client.bin' (FORMAT binary)
\copy copy_country FROM 'results/hostile_client.bin' (FORMAT binary)
SELECT count(*) AS rows_after_the_crafted_files FROM copy_mix;

-------------------------------------------------------------------------------
-- country_code and the EU calendar
-------------------------------------------------------------------------------

SELECT lit, pg_temp.outcome(format('SELECT %L::country_code::text', lit))
FROM (VALUES ('C'), ('CNN'), ('CHNA'), ('C N'), ('C1'), ('1C'), ('-1'), ('0'), ('000'), ('0156'), ('156.0'),
             ('1e2'), ('ＣＮ'), (E'CN\u00a0'), (E'\tcn\n'), (' 036 '), ('uk'), ('Gb'), ('el')) v(lit);
SELECT d, pg_temp.outcome(format('SELECT eu_member(''DE'', %L::date)', d)) AS eu_member,
       pg_temp.outcome(format('SELECT cardinality(eu_members(%L::date))', d)) AS eu_members,
       pg_temp.outcome(format('SELECT third_country(''CN'', %L::date)', d)) AS third_country,
       pg_temp.outcome(format('SELECT eu_share(''{"DE": 1, "CN": 1}'', %L::date)', d)) AS eu_share
FROM (VALUES ('infinity'), ('-infinity'), ('4713-01-01 BC'), ('1957-12-31'), ('1958-01-01'),
             ('5874897-12-31')) v(d);
-- EU measures need country keys: 22023 for any other producer
SELECT m, pg_temp.outcome(format('SELECT eu_share(%L, ''2024-01-01'')', m)) AS eu_share,
       pg_temp.outcome(format('SELECT top_third_country(%L, ''2024-01-01'')', m)) AS top_third_country
FROM (VALUES ('{"CN": 1, "China": 2}'), ('{"CN": 1, "XX": 2}'), ('{"UK": 1}'), ('{"": 5}'), ('{}'),
             ('{"CN": 1, "CHN": 2, "156": 3, " cn ": 4}'), ('{"DE": 0, "CN": 0}')) v(m);

-------------------------------------------------------------------------------
-- CRMA functions: bad stages, years and quantities (a consumption of
-- -Infinity counts as "not positive": NULL results, where +Infinity is an
-- error)
-------------------------------------------------------------------------------

SELECT q, pg_temp.outcome(q)
FROM (VALUES
	($$SELECT crma_capacity_gap('Extraction', 1000, 100)::text$$),
	($$SELECT crma_capacity_gap('mining', 1000, 100)::text$$),
	($$SELECT crma_capacity_gap('third country', 1000, 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', 'NaN', 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', 'Infinity', 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', '-Infinity', 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', 1000, -1)::text$$),
	($$SELECT crma_capacity_gap('extraction', 1000, 'Infinity')::text$$),
	($$SELECT crma_capacity_gap('extraction', 0, 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', -1000, 100)::text$$),
	($$SELECT crma_capacity_gap('extraction', 1e308, 1e-308)::text$$),
	($$SELECT crma_capacity_gap('extraction', 1000, 100, 2147483647)::text$$),
	($$SELECT crma_capacity_gap('extraction', 1000, 100, -2147483648)::text$$),
	($$SELECT crma_third_country_gap('{"CN": 700, "": 50}', 'NaN', '2030-01-01')::text$$),
	($$SELECT crma_third_country_gap('{"CN": 700, "": 50}', 1000, 'infinity')::text$$),
	($$SELECT crma_third_country_gap('{"China": 700}', 1000, '2030-01-01')::text$$),
	($$SELECT crma_third_country_gap('{"CN": 700}', 0, '2030-01-01')::text$$),
	($$SELECT crma_third_country_gap('{"CN": 700}', 1000, '2030-01-01', 1999)::text$$),
	($$SELECT count(*)::text FROM crma_assessment('NaN', 1, 1, 1, '{}', '2030-01-01')$$),
	($$SELECT count(*)::text FROM crma_assessment(1000, 1, 1, 1, '{"XX": 1}', '2030-01-01')$$)) v(q);
-- the reference table's own checks, as the editor (an ordinary role may not
-- write it at all: 42501, sql/privileges.sql)
\set VERBOSITY sqlstate
SET ROLE mineral_supply_editor;
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 'NaN', 2040, 'x');
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 1.5, 2040, 'x');
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('mining', 'at least', 0.5, 2040, 'x');
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference) VALUES ('recycling', 'at least', 0.5, 2040, NULL);
DELETE FROM crma_benchmark WHERE seeded;
SET ROLE mineral_supply_analyst;
\set VERBOSITY default

-------------------------------------------------------------------------------
-- After all of the above: the server is up, this session too
-------------------------------------------------------------------------------

SELECT count(*) AS backends_alive FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT pg_postmaster_start_time() < now() - interval '0 s' AS postmaster_not_restarted;
