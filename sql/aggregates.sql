-- Building mixes from rows: supply_mix_agg(producer, quantity), the merge
-- aggregate supply_mix_agg(supply_mix), hhi(producer, quantity) and
-- concentration_ratio(producer, quantity, n).

CREATE TABLE production (commodity text, year int, country text, tonnes float8);
INSERT INTO production VALUES
	('rare earths', 2024, 'CN', 270000), ('rare earths', 2024, 'US', 45000),
	('rare earths', 2024, 'MM', 31000), ('rare earths', 2024, NULL, 1100),
	('rare earths', 2023, 'CN', 255000), ('rare earths', 2023, 'US', 41600),
	('rare earths', 2023, 'MM', 43000), ('rare earths', 2023, NULL, 1440),
	('gallium', 2024, 'CN', 750), ('gallium', 2024, 'RU', 5), ('gallium', 2024, 'JP', 3),
	('gallium', 2024, 'KR', 2), ('gallium', 2024, 'KZ', NULL);

-- NULL producer: the remainder; NULL quantity: ignored (KZ has no gallium figure).
SELECT commodity, year, supply_mix_agg(country, tonnes)
FROM production GROUP BY 1, 2 ORDER BY 1, 2;

-- Duplicate producers add up; rows in any order give the same mix.
SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 1.0), ('US', 2.0), ('CN', 4.0)) v(p, q);
SELECT (SELECT supply_mix_agg(p, q ORDER BY q) FROM (VALUES ('a', 0.1), ('a', 0.2), ('a', 0.3), ('b', 1e16), ('b', 1.0), ('b', -0.0)) v(p, q))
     = (SELECT supply_mix_agg(p, q ORDER BY q DESC) FROM (VALUES ('a', 0.1), ('a', 0.2), ('a', 0.3), ('b', 1e16), ('b', 1.0), ('b', -0.0)) v(p, q))
       AS order_independent;
-- compensated sums: 0.1 added ten times is 1, and 1e16 + 1 + 1 keeps its ones
SELECT supply_mix_agg('a', 0.1) FROM generate_series(1, 10);
SELECT supply_mix_agg(p, q) FROM (VALUES ('b', 1e16), ('b', 1.0), ('b', 1.0)) v(p, q);

-- Zero rows (also under FILTER): an empty mix, not NULL, from both aggregates.
SELECT supply_mix_agg(country, tonnes) AS no_rows FROM production WHERE false;
SELECT supply_mix_agg(country, tonnes) FILTER (WHERE tonnes > 1e9) AS filtered_out,
       supply_mix_agg(m) FILTER (WHERE false) AS merged_nothing
FROM production, (VALUES ('{"a":1}'::supply_mix)) v(m);
SELECT supply_mix_agg(m) AS merge_of_no_rows FROM (SELECT '{"a":1}'::supply_mix m WHERE false) s;
SELECT hhi(country, tonnes) AS hhi_of_no_rows FROM production WHERE false;

-- Rows of only NULL quantities, only the remainder.
SELECT supply_mix_agg('CN', NULL::float8) AS only_null_quantities;
SELECT supply_mix_agg(NULL, 5.0) AS only_remainder;

-- Rollup: merging stored mixes equals building from all the rows.
CREATE TABLE mixes AS
SELECT commodity, year, supply_mix_agg(country, tonnes) AS m FROM production GROUP BY 1, 2;
SELECT commodity, supply_mix_agg(m) AS merged FROM mixes GROUP BY 1 ORDER BY 1;
SELECT (SELECT supply_mix_agg(m) FROM mixes WHERE commodity = 'rare earths')
     = (SELECT supply_mix_agg(country, tonnes) FROM production WHERE commodity = 'rare earths')
       AS rollup_equals_rebuild;
-- NULL mixes are ignored by the merge aggregate
SELECT supply_mix_agg(m) FROM (VALUES ('{"a": 1}'::supply_mix), (NULL), ('{"": 2}')) v(m);
-- the + operator
SELECT '{"CN": 1, "": 1}'::supply_mix + '{"CN": 2, "US": 3}' AS plus;

-- Convenience aggregates: the building aggregate plus a final function.
SELECT commodity, year,
       hhi(country, tonnes),
       hhi(country, tonnes) = hhi(supply_mix_agg(country, tonnes)) AS same_as_on_mix,
       round(concentration_ratio(country, tonnes, 1)::numeric, 6) AS cr1,
       round(concentration_ratio(country, tonnes, 3)::numeric, 6) AS cr3
FROM production GROUP BY 1, 2 ORDER BY 1, 2;
-- n may be a bind parameter (generic plan too) ...
PREPARE cr(int) AS
SELECT round(concentration_ratio(country, tonnes, $1)::numeric, 6) FROM production WHERE commodity = 'gallium';
EXECUTE cr(1);
SET plan_cache_mode = force_generic_plan;
EXECUTE cr(2);
RESET plan_cache_mode;
-- ... a NULL n gives NULL, but n must not vary by row
SELECT concentration_ratio(country, tonnes, NULL) FROM production;
SELECT concentration_ratio(country, tonnes, year - 2022) FROM production;
SELECT concentration_ratio(country, tonnes, 0) FROM production;

-- The transition function called directly returns a new mix.
SELECT supply_mix_accum('{"CN": 1}', 'CN', 2), supply_mix_accum('{"CN": 1}', NULL, 2),
       supply_mix_accum('{"CN": 1}', 'US', NULL);
SELECT supply_mix_combine('{"CN": 1}', '{"CN": 2, "": 1}');

-- As a window aggregate: a running mix.
SELECT year, country, supply_mix_agg(country, tonnes) OVER (ORDER BY country NULLS FIRST)
FROM production WHERE commodity = 'rare earths' AND year = 2024 ORDER BY country NULLS FIRST;

-- Bad rows are errors, not silently dropped.
SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 1.0), ('US', -1.0)) v(p, q);
SELECT supply_mix_agg('CN', 'NaN'::float8);
SELECT supply_mix_agg('CN', '-Infinity'::float8);
SELECT supply_mix_agg('', 1.0);
SELECT supply_mix_agg(p, q) FROM (VALUES ('CN', 1.7e308), ('CN', 1.7e308)) v(p, q);
SELECT supply_mix_agg(repeat('x', 1025), 1.0);
