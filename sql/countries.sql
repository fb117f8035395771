-- country_code: ISO 3166-1 from Debian's iso-codes, EU membership by date,
-- OCTs and third countries, and the country overload of supply_mix_agg.

-- Alpha-2, alpha-3 or numeric, any case, spaces ignored; output alpha-2.
SELECT 'KAZ'::country_code = 'kz' AS alpha3_equals_alpha2,
       '398'::country_code = 'KZ' AS numeric_equals_alpha2,
       ' de '::country_code AS spaces, 'zaf'::country_code AS lower_alpha3,
       '8'::country_code AS numeric_without_zeros, '008'::country_code AS numeric_with_zeros;
SELECT c, country_name(c), alpha3(c), numeric_code(c)
FROM (VALUES ('KZ'::country_code), ('CN'), ('CI'), ('AX'), ('BO'), ('NA'), ('GB')) v(c) ORDER BY c;

-- Every entry of the iso-codes file this build was generated from is
-- accepted in all three forms, and gives back its alpha-2 and names.  psql
-- (the client) reads the file: reading the server's files is not for an
-- ordinary role, which this suite runs as.
\set iso_3166_json `cat /usr/share/iso-codes/json/iso_3166-1.json`
SELECT count(*) AS entries,
       count(*) FILTER (WHERE e->>'alpha_2' = (e->>'alpha_2')::country_code::text
                          AND e->>'alpha_2' = (e->>'alpha_3')::country_code::text
                          AND e->>'alpha_2' = (e->>'numeric')::country_code::text
                          AND alpha3((e->>'alpha_2')::country_code) = e->>'alpha_3'
                          AND numeric_code((e->>'alpha_2')::country_code) = e->>'numeric'
                          AND country_name((e->>'alpha_2')::country_code) = coalesce(e->>'common_name', e->>'name')) AS round_trip
FROM jsonb_array_elements(:'iso_3166_json'::jsonb -> '3166-1') e;
SELECT country_code_source() LIKE 'iso-codes %' AS states_its_source;

-- Unknown codes: 22P02, with a hint where one is obvious.
SELECT 'UK'::country_code;
SELECT 'EL'::country_code;
SELECT 'EU'::country_code;
\set VERBOSITY sqlstate
SELECT 'XX'::country_code;
SELECT ''::country_code;
SELECT 'KAZA'::country_code;
SELECT '999'::country_code;
SELECT 'K1'::country_code;
\set VERBOSITY default

-- Ordering (alpha-2), btree and hash indexes, text casts.
SELECT array_agg(c ORDER BY c) FROM (VALUES ('US'::country_code), ('KZ'), ('CN'), ('AU')) v(c);
CREATE TABLE sites (country country_code, tonnes float8);
INSERT INTO sites VALUES ('KZ', 1), ('KAZ', 2), ('CN', 3), ('156', 4), (NULL, 5);
INSERT INTO sites SELECT 'DE', 1;             -- text is assigned without a cast
CREATE INDEX ON sites (country);
CREATE INDEX ON sites USING hash (country);
SELECT country, sum(tonnes) FROM sites GROUP BY country ORDER BY country;
SELECT 'KZ'::country_code || ' is ' || country_name('KZ') AS as_text;

-- EU membership with its history.
SELECT eu_member('GB', '2020-01-31') AS gb_last_day, eu_member('GB', '2020-02-01') AS gb_after,
       eu_member('GB', '1972-12-31') AS gb_before_1973, eu_member('GB', '1973-01-01') AS gb_1973,
       eu_member('HR', '2013-06-30') AS hr_day_before, eu_member('HR', '2013-07-01') AS hr_accession,
       eu_member('PL', '2004-04-30') AS pl_day_before, eu_member('PL', '2004-05-01') AS pl_accession,
       eu_member('DE', '1958-01-01') AS founder, eu_member('NO', '2024-01-01') AS norway;
SELECT d, cardinality(eu_members(d)) AS members
FROM unnest('{1958-01-01,1973-01-01,1981-01-01,1986-01-01,1995-01-01,2004-05-01,2007-01-01,2013-07-01,2020-01-31,2020-02-01}'::date[]) d;
SELECT eu_members('2024-06-30') AS eu27;

-- Third countries: not a member, not an OCT, not EU territory with its own code.
SELECT c, eu_member(c, '2024-01-01') AS member, eu_oct(c, '2024-01-01') AS oct,
       third_country(c, '2024-01-01') AS third
FROM (VALUES ('CN'::country_code), ('KZ'), ('NO'), ('GB'), ('FR'), ('GL'), ('NC'), ('PF'), ('AW'), ('CW'),
             ('RE'), ('GF'), ('AX'), ('FO')) v(c) ORDER BY c;
-- history: the UK and its OCTs before and after withdrawal; Greenland left
-- the Community in 1985 and became an OCT; Mayotte became EU territory in 2014
SELECT third_country('GB', '2019-12-31') AS gb_2019, third_country('GB', '2020-02-01') AS gb_2020,
       eu_oct('FK', '2019-12-31') AS falklands_oct_2019, third_country('FK', '2021-01-01') AS falklands_third_2021,
       eu_oct('GL', '1985-01-31') AS gl_oct_before, eu_oct('GL', '1985-02-01') AS gl_oct_after,
       third_country('YT', '2013-12-31') AS mayotte_2013, eu_oct('YT', '2013-12-31') AS mayotte_oct_2013,
       third_country('YT', '2014-01-01') AS mayotte_2014;
-- before it left, Greenland was Danish EU territory (1973-01-01 to
-- 1985-01-31): not a third country then, not an OCT either
SELECT third_country('GL', '1980-06-30') AS gl_third_1980, eu_oct('GL', '1980-06-30') AS gl_oct_1980,
       third_country('GL', '1972-12-31') AS gl_third_1972, third_country('GL', '1985-02-01') AS gl_third_1985;
SELECT eu_member('DE', 'infinity');

-- UN Comtrade / BACI codes: ISO numeric but for seven countries; a join on
-- numeric_code(country) = reporter would drop those.
SELECT code, comtrade_country(code), numeric_code(comtrade_country(code)) AS iso_numeric
FROM unnest(ARRAY[842, 251, 381, 579, 699, 757, 490, 398, 156, 8]) AS code;
SELECT count(*) AS iso_codes_that_read_back
FROM unnest(ARRAY['840', '250', '380', '578', '356', '756', '158']) AS iso
WHERE comtrade_country(iso::integer) = iso::country_code;
-- aggregates are no country: 22023, naming the code
SELECT comtrade_country(0);
SELECT comtrade_country(97);
SELECT comtrade_country(899);
SELECT comtrade_country(-1);
SELECT comtrade_country(NULL) IS NULL AS null_in_null_out;

-- supply_mix_agg over a country_code column: keys are alpha-2 codes.
SELECT supply_mix_agg(country, tonnes) FROM sites;

-- EU share and the largest third country of a mix keyed by country codes
-- (alpha-3 and numeric keys count as their country; the remainder apart).
-- {"DE": 20, "CHN": 70, "156": 5, "MY": 15, "": 5}: total 115; EU 20/115;
-- China 70 + 5 = 75, 75/115 = 0.65217.
SELECT round(eu_share(m, '2024-01-01')::numeric, 6) AS eu_share,
       (top_third_country(m, '2024-01-01')).*
FROM (VALUES ('{"DE": 20, "CHN": 70, "156": 5, "MY": 15, "": 5}'::supply_mix)) v(m);
-- EU territory with its own code is EU production: the outermost regions
-- (Reunion, French Guiana, Guadeloupe, Martinique, Saint-Martin; Mayotte
-- from 2014) and Aland; OCTs are not: {"FR": 1, "RE": 1, "GF": 1, "GP": 1,
-- "MQ": 1, "MF": 1, "YT": 1, "AX": 1, "NC": 2}: 8 of 10 in 2024, 7 in 2013.
SELECT round(eu_share(m, '2024-01-01')::numeric, 12) AS eu_2024, round(eu_share(m, '2013-12-31')::numeric, 12) AS eu_2013,
       eu_share('{"FR": 1, "RE": 1, "NC": 2}', '2024-01-01') AS readme_example
FROM (VALUES ('{"FR": 1, "RE": 1, "GF": 1, "GP": 1, "MQ": 1, "MF": 1, "YT": 1, "AX": 1, "NC": 2}'::supply_mix)) v(m);
-- the United Kingdom counts as EU before 2020-02-01
SELECT eu_share('{"GB": 1, "CN": 1}', '2015-06-30') AS gb_2015, eu_share('{"GB": 1, "CN": 1}', '2024-06-30') AS gb_2024;
-- only EU members, only the remainder, nothing
SELECT (top_third_country('{"DE": 5, "FR": 5}', '2024-01-01')).*;
SELECT eu_share('{"": 5}', '2024-01-01') AS remainder_only, eu_share('{}', '2024-01-01') AS empty;
-- a key that is not a country: 22023, naming it
SELECT eu_share('{"Germany": 20}', '2024-01-01');
