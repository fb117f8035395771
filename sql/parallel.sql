-- Forced-parallel plans give the same results as serial ones, for every
-- aggregate: partial states cross from the workers as supply_mix values and
-- are merged by the combine function.  Booleans only; no plan text.

SELECT setseed(0.2024);
CREATE TABLE rows_by_country AS
SELECT (g % 15) AS commodity, 2020 + (g / 15 % 5) AS year,
       CASE WHEN g % 41 = 0 THEN NULL ELSE 'C' || (random() * 180)::int END AS producer,
       CASE WHEN g % 97 = 0 THEN NULL ELSE (random() * 1e6)::int::float8 END AS quantity,
       random() * 1e3 AS fractional
FROM generate_series(1, 200000) g;
ALTER TABLE rows_by_country SET (parallel_workers = 2);
ANALYZE rows_by_country;

CREATE FUNCTION results(OUT grouped supply_mix[], OUT hhis float8[], OUT crs float8[],
                        OUT whole supply_mix, OUT merged supply_mix)
LANGUAGE sql AS $$
	SELECT (SELECT array_agg(m ORDER BY commodity, year) FROM
	          (SELECT commodity, year, supply_mix_agg(producer, quantity) m FROM rows_by_country GROUP BY 1, 2) s),
	       (SELECT array_agg(h ORDER BY commodity, year) FROM
	          (SELECT commodity, year, hhi(producer, quantity) h FROM rows_by_country GROUP BY 1, 2) s),
	       (SELECT array_agg(c ORDER BY commodity) FROM
	          (SELECT commodity, concentration_ratio(producer, quantity, 3) c FROM rows_by_country GROUP BY 1) s),
	       (SELECT supply_mix_agg(producer, quantity) FROM rows_by_country),
	       (SELECT supply_mix_agg(m) FROM
	          (SELECT supply_mix_agg(producer, quantity) m FROM rows_by_country GROUP BY commodity, year) s)
$$;

-- Is the plan parallel?  Asked of EXPLAIN (FORMAT JSON), answered as a boolean.
CREATE FUNCTION uses_parallel_workers(query text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN plan::text LIKE '%"Workers Planned": 2%';
END $$;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT * FROM results();
SELECT uses_parallel_workers('SELECT commodity, year, hhi(producer, quantity) FROM rows_by_country GROUP BY 1, 2') AS serial_plan_is_parallel;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT uses_parallel_workers('SELECT commodity, year, hhi(producer, quantity) FROM rows_by_country GROUP BY 1, 2') AS hhi_plan_is_parallel,
       uses_parallel_workers('SELECT commodity, concentration_ratio(producer, quantity, 3) FROM rows_by_country GROUP BY 1') AS cr_plan_is_parallel,
       uses_parallel_workers('SELECT supply_mix_agg(producer, quantity) FROM rows_by_country') AS agg_plan_is_parallel;
CREATE TEMP TABLE parallel AS SELECT * FROM results();

-- Quantities are whole tonnes and sums stay below 2^53, so sums are exact
-- in any order: the mixes are equal bit for bit.
SELECT s.grouped = p.grouped AS mixes_equal,
       s.hhis = p.hhis AS hhi_equal,
       s.crs = p.crs AS cr3_equal,
       s.whole = p.whole AS whole_table_equal,
       s.merged = p.whole AS rollup_equals_whole,
       cardinality(s.grouped) AS groups,
       producer_count(s.whole) AS producers,
       remainder(s.whole) > 0 AS has_remainder
FROM serial s, parallel p;

-- Mixes stored in a table and merged in parallel.
CREATE TABLE stored AS
SELECT commodity, year, supply_mix_agg(producer, quantity) m FROM rows_by_country GROUP BY 1, 2;
INSERT INTO stored SELECT * FROM stored;   -- 150 rows, enough for workers
ALTER TABLE stored SET (parallel_workers = 2);
ANALYZE stored;
SELECT uses_parallel_workers('SELECT commodity, supply_mix_agg(m) FROM stored GROUP BY 1') AS merge_plan_is_parallel;
CREATE TEMP TABLE merged_parallel AS SELECT commodity, supply_mix_agg(m) m FROM stored GROUP BY 1;
SET max_parallel_workers_per_gather = 0;
SELECT bool_and(p.m = s.m) AS merge_equal, count(*) AS commodities
FROM merged_parallel p
JOIN (SELECT commodity, supply_mix_agg(m) m FROM stored GROUP BY 1) s USING (commodity);

-- Fractional quantities: serial and parallel agree to the last bits (the
-- compensated sums differ at most in rounding of the final addition).
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE frac_serial AS
SELECT commodity, year, supply_mix_agg(producer, fractional) m FROM rows_by_country GROUP BY 1, 2;
SET max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE frac_parallel AS
SELECT commodity, year, supply_mix_agg(producer, fractional) m FROM rows_by_country GROUP BY 1, 2;
SELECT count(*) AS groups,
       max(abs(hhi(p.m) - hhi(s.m)) / hhi(s.m)) <= 1e-14 AS hhi_within_1e_14,
       max(abs(total(p.m) - total(s.m)) / total(s.m)) <= 1e-15 AS total_within_1e_15
FROM frac_serial s JOIN frac_parallel p USING (commodity, year);
SELECT max(abs(a.quantity - b.quantity) / b.quantity) <= 1e-15 AS every_producer_within_1e_15
FROM frac_serial s JOIN frac_parallel p USING (commodity, year),
     producers(p.m) a JOIN producers(s.m) b ON a.producer IS NOT DISTINCT FROM b.producer;

-- The other aggregates of mineral_supply: supply_mix_agg over country_code
-- and the governance-weighted hhi_wgi (text and country_code producers, with
-- and without a trade factor).  (The proximity aggregates of
-- mineral_supply_postgis are checked the same way in proximity.sql.)
CREATE TABLE rows_by_country_code AS
SELECT commodity, year, (ARRAY['CN','KZ','AU','US','DE','CL','ZA','RU'])[i]::country_code AS country,
       quantity, i::float8 AS wgi, 1 + (i % 3) / 10.0 AS tf    -- one weight per country
FROM (SELECT commodity, year, quantity, 1 + (abs(hashtext(coalesce(producer, ''))) % 8) AS i
      FROM rows_by_country WHERE quantity IS NOT NULL) r;
ALTER TABLE rows_by_country_code SET (parallel_workers = 2);
ANALYZE rows_by_country_code;
CREATE FUNCTION country_results(OUT mixes supply_mix[], OUT wgi_text float8[], OUT wgi_country float8[],
                                OUT wgi_tf float8[])
LANGUAGE sql AS $$
	SELECT (SELECT array_agg(m ORDER BY commodity) FROM
	          (SELECT commodity, supply_mix_agg(country, quantity) m FROM rows_by_country_code GROUP BY 1) s),
	       (SELECT array_agg(h ORDER BY commodity) FROM
	          (SELECT commodity, hhi_wgi(country::text, quantity, wgi) h FROM rows_by_country_code GROUP BY 1) s),
	       (SELECT array_agg(h ORDER BY commodity) FROM
	          (SELECT commodity, hhi_wgi(country, quantity, wgi) h FROM rows_by_country_code GROUP BY 1) s),
	       (SELECT array_agg(h ORDER BY commodity) FROM
	          (SELECT commodity, hhi_wgi(country, quantity, wgi, tf) h FROM rows_by_country_code GROUP BY 1) s)
$$;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE country_serial AS SELECT * FROM country_results();
SET max_parallel_workers_per_gather = 2;
SELECT uses_parallel_workers('SELECT commodity, hhi_wgi(country, quantity, wgi, tf) FROM rows_by_country_code GROUP BY 1') AS wgi_plan_is_parallel,
       uses_parallel_workers('SELECT commodity, supply_mix_agg(country, quantity) FROM rows_by_country_code GROUP BY 1') AS country_plan_is_parallel;
CREATE TEMP TABLE country_parallel AS SELECT * FROM country_results();
SELECT s.mixes = p.mixes AS country_mixes_equal,
       s.wgi_text = p.wgi_text AS hhi_wgi_text_equal,
       s.wgi_country = p.wgi_country AS hhi_wgi_country_equal,
       s.wgi_tf = p.wgi_tf AS hhi_wgi_trade_factor_equal,
       s.wgi_text = s.wgi_country AS text_and_country_keys_agree,
       cardinality(s.mixes) AS commodities
FROM country_serial s, country_parallel p;
