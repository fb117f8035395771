-- supply_mix: text form, canonical form, exact round trips, binary COPY,
-- equality, hashing, JSON casts and malformed literals.
-- (pg_regress loads the extension with --load-extension.)

-- The text form is a JSON object: keys sorted, duplicates added up, the
-- unattributed remainder under the key "".
SELECT '{"US": 45000, "CN": 270000, "MM": 31000, "": 1100}'::supply_mix AS rare_earths_2024;
SELECT '{"CN": 1, "CN": 2, "": 3, "": 4}'::supply_mix AS duplicates_add_up;
SELECT '{}'::supply_mix AS empty, '  {  }  '::supply_mix AS spaces;
SELECT '{"": 5}'::supply_mix AS remainder_only, '{"": 0}'::supply_mix AS zero_remainder_is_none;
SELECT '{"a": 0}'::supply_mix AS zero_producer_kept, '{"a": -0}'::supply_mix AS minus_zero_reads_as_zero;
-- keys order by bytes: upper case before lower case, a prefix first
SELECT '{"b": 1, "a": 1, "B": 1, "ab": 1, "": 1}'::supply_mix AS canonical_order;
-- JSON escapes decode; output escapes what JSON requires
SELECT '{"C\u00f4te d''Ivoire": 1, "tab\there": 2, "quote\"": 3, "\ud83d\ude00": 4}'::supply_mix AS escapes;
SELECT '{"a":1e3,"b":2.5E-3,"c":0,"d":1e+2}'::supply_mix AS json_numbers;

-- Exact round trips: shortest digits that read back to the same float8.
SELECT m, m::text::supply_mix = m AS round_trip
FROM (VALUES ('{"a": 0.1}'::supply_mix),
             ('{"a": 5e-324}'),
             ('{"a": 1.7976931348623157e308}'),
             ('{"a": 2.2250738585072014e-308, "b": 0.30000000000000004}'),
             ('{"": 123456789.123456789}')) v(m);

-- Random mixes round-trip exactly through text: no mismatches.
SELECT setseed(0.42);
CREATE TABLE random_mixes AS
SELECT g AS id,
       supply_mix_agg(CASE WHEN random() < 0.1 THEN NULL ELSE 'p' || (random() * 50)::int END,
                      random() * power(10, (random() * 40 - 20)::int)) AS m
FROM generate_series(1, 200) g, generate_series(1, 20) r
GROUP BY g;
SELECT count(*) AS mixes, count(*) FILTER (WHERE m::text::supply_mix <> m) AS text_mismatches
FROM random_mixes;

-- ... and through binary COPY (supply_mix_send / supply_mix_recv).
\copy random_mixes TO 'results/random_mixes.bin' WITH (FORMAT binary)
CREATE TABLE random_mixes_back (LIKE random_mixes);
\copy random_mixes_back FROM 'results/random_mixes.bin' WITH (FORMAT binary)
SELECT count(*) AS rows_back,
       count(*) FILTER (WHERE a.m = b.m) AS identical
FROM random_mixes a JOIN random_mixes_back b USING (id);

-- Equality is exact; hashing agrees with equality.
SELECT '{"a": 1, "b": 2}'::supply_mix = '{"b": 2, "a": 1}' AS same_mix,
       '{"a": 1}'::supply_mix = '{"a": 1, "b": 0}' AS zero_producer_differs,
       '{"a": 1}'::supply_mix <> '{"a": 1.0000000000000002}' AS last_bit_differs;
SELECT supply_mix_hash('{"a": 1, "b": 2}') = supply_mix_hash('{"b": 2, "a": 1}') AS equal_hash;
SELECT m, count(*) FROM (VALUES ('{"a":1}'::supply_mix), ('{"a":1.0}'), ('{"b":1}')) v(m)
GROUP BY m ORDER BY m::text;

-- JSON casts.
SELECT '{"CN": 270000, "": 1100}'::supply_mix::jsonb AS to_jsonb,
       '{"CN": 270000, "": 1100}'::jsonb::supply_mix AS from_jsonb,
       '{"a": 0.1}'::supply_mix::json AS to_json;
SELECT m::jsonb::supply_mix = m AS jsonb_round_trip_exact
FROM (VALUES ('{"a": 0.1, "b": 5e-324, "c": 1.7976931348623157e308}'::supply_mix)) v(m);

-- Malformed literals: each an error with SQLSTATE 22P02 unless noted.
\set VERBOSITY sqlstate
SELECT ''::supply_mix;
SELECT '{'::supply_mix;
SELECT '{"a":}'::supply_mix;
SELECT '{"a":1,}'::supply_mix;
SELECT '{"a":1} x'::supply_mix;
SELECT '[1]'::supply_mix;
SELECT '{"a":"1"}'::supply_mix;
SELECT '{"a":null}'::supply_mix;
SELECT '{"a":NaN}'::supply_mix;
SELECT '{"a":Infinity}'::supply_mix;
SELECT '{a:1}'::supply_mix;
SELECT '{"a":-1}'::supply_mix;
SELECT '{"a":01}'::supply_mix;
SELECT '{"a":1.}'::supply_mix;
SELECT '{"a":1e}'::supply_mix;
SELECT '{"\u0000":1}'::supply_mix;
SELECT '{"\x":1}'::supply_mix;
SELECT '{"\ud83d":1}'::supply_mix;
SELECT '{"a":1 "b":2}'::supply_mix;
-- beyond float8: 22003
SELECT '{"a":1e309}'::supply_mix;
SELECT '{"a":1e-400}'::supply_mix;
SELECT '{"a":1.7976931348623157e308, "a":1.7976931348623157e308}'::supply_mix;
-- a name longer than 1024 bytes: 54000
SELECT format('{"%s": 1}', repeat('x', 1025))::supply_mix;
\set VERBOSITY default
-- the message says where and what
SELECT '{"CN": 270000, "US": -5}'::supply_mix;
SELECT '{"CN": 270000,}'::supply_mix;
-- 1024 bytes is the limit, not beyond
SELECT length(m::text) FROM (SELECT format('{"%s": 1}', repeat('x', 1024))::supply_mix m) s;
