--
-- aggregate_callers: every aggregate of mineral_supply under every caller
-- PostgreSQL has — GROUP BY, a window with a running frame and with a
-- sliding one (PARTITION BY), FILTER (a group left with no rows included),
-- GROUPING SETS, and a parallel plan — each result compared with the same
-- aggregate over exactly the rows it should have seen, computed apart in a
-- correlated subquery.  Quantities are multiples of 1/8, so sums are exact
-- and equal results are equal to the bit.  The list of aggregates is checked
-- against the catalog: an aggregate added later fails this test until it is
-- added here.  (Citus' worker_partial_agg and coord_combine_agg: test/citus.)
--
CREATE TABLE caller_rows AS
SELECT g, row_number() OVER (PARTITION BY g ORDER BY k) AS i, producer,
       producer::country_code AS c, q,
       CASE WHEN producer IS NOT NULL AND q IS NOT NULL
            THEN jsonb_build_object(producer, q)::supply_mix END AS m,
       (ascii(producer) % 5 + 1)::float8 AS wgi,
       1 + (ascii(producer) % 2) / 4.0 AS tf
FROM (SELECT k, k % 7 AS g,
             (ARRAY['CN', 'US', 'AU', 'KZ', 'CL', 'ZA', NULL])[1 + (k * 5) % 7] AS producer,
             CASE WHEN k % 11 = 0 THEN NULL ELSE ((k * 37) % 400) / 8.0 END AS q
      FROM generate_series(1, 3000) k) s
UNION ALL
SELECT 7, 1, 'KZ', 'KZ', 2.5, NULL, ascii('KZ') % 5 + 1, 1 + (ascii('KZ') % 2) / 4.0;   -- one row, odd i: FILTER leaves none
ANALYZE caller_rows;

CREATE TABLE caller_aggregate (call text PRIMARY KEY, agg regprocedure NOT NULL);
INSERT INTO caller_aggregate VALUES
	('supply_mix_agg(producer, q)', 'supply_mix_agg(text, double precision)'),
	('supply_mix_agg(c, q)', 'supply_mix_agg(country_code, double precision)'),
	('supply_mix_agg(m)', 'supply_mix_agg(supply_mix)'),
	('hhi(producer, q)', 'hhi(text, double precision)'),
	('concentration_ratio(producer, q, 2)', 'concentration_ratio(text, double precision, bigint)'),
	('hhi_wgi(producer, q, wgi)', 'hhi_wgi(text, double precision, double precision)'),
	('hhi_wgi(producer, q, wgi, tf)', 'hhi_wgi(text, double precision, double precision, double precision)'),
	('hhi_wgi(c, q, wgi)', 'hhi_wgi(country_code, double precision, double precision)'),
	('hhi_wgi(c, q, wgi, tf)', 'hhi_wgi(country_code, double precision, double precision, double precision)');

-- every aggregate of the extension is listed (none missing: no rows)
SELECT p.oid::regprocedure AS not_covered
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply'
WHERE p.prokind = 'a' AND p.oid NOT IN (SELECT agg FROM caller_aggregate)
ORDER BY 1;

-- The query of each caller, and the reference that recomputes each of its
-- results from the rows it should have seen.  %1$s is the call.
CREATE TABLE caller_mode (mode text PRIMARY KEY, query text, reference text);
INSERT INTO caller_mode VALUES
	('group by',
	 'SELECT g, %1$s AS r FROM caller_rows GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_rows) o'),
	('window, running frame',
	 'SELECT g, i, %1$s OVER (PARTITION BY g ORDER BY i ROWS UNBOUNDED PRECEDING) AS r FROM caller_rows',
	 'SELECT g, i, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g AND caller_rows.i <= o.i) AS r FROM caller_rows o'),
	('window, sliding frame',
	 'SELECT g, i, %1$s OVER (PARTITION BY g ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS r FROM caller_rows',
	 'SELECT g, i, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g AND caller_rows.i BETWEEN o.i - 4 AND o.i) AS r FROM caller_rows o'),
	('filter',
	 'SELECT g, %1$s FILTER (WHERE i %% 2 = 0) AS r FROM caller_rows GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g AND caller_rows.i %% 2 = 0) AS r FROM (SELECT DISTINCT g FROM caller_rows) o'),
	('grouping sets',
	 'SELECT g, %1$s AS r FROM caller_rows GROUP BY GROUPING SETS ((g), ())',
	 'SELECT g, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_rows) o
	  UNION ALL SELECT NULL, (SELECT %1$s FROM caller_rows)'),
	('parallel',
	 'SELECT g, %1$s AS r FROM caller_rows GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_rows WHERE caller_rows.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_rows) o');

-- The results of a query as one text, rows in a fixed order.
CREATE FUNCTION pg_temp.result_text(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	result text;
BEGIN
	EXECUTE format('SELECT string_agg(x::text, E''\n'' ORDER BY x::text) FROM (%s) x', q) INTO result;
	RETURN result;
END $$;

-- Whether a plan runs the aggregate in parallel workers (Partial Aggregate).
CREATE FUNCTION pg_temp.partial_in_workers(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan ~ 'Partial (Hash|Group)?Aggregate' AND plan ~ 'Gather';
END $$;

CREATE TEMP TABLE caller_result AS
SELECT a.call, m.mode, pg_temp.result_text(format(m.reference, a.call)) AS expected
FROM caller_aggregate a, caller_mode m;

-- every reference has rows and some non-empty result
SELECT count(*) AS checks, bool_and(expected IS NOT NULL) AS references_computed FROM caller_result;

ALTER TABLE caller_result ADD COLUMN got text, ADD COLUMN parallel_plan boolean;
UPDATE caller_result r SET got = pg_temp.result_text(format(m.query, r.call))
FROM caller_mode m WHERE m.mode = r.mode AND m.mode <> 'parallel';

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
UPDATE caller_result r
SET got = pg_temp.result_text(format(m.query, r.call)),
    parallel_plan = pg_temp.partial_in_workers(format(m.query, r.call))
FROM caller_mode m WHERE m.mode = r.mode AND m.mode = 'parallel';
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;

-- each aggregate under each caller: equal to its reference
SELECT call, mode, got = expected AS equal, parallel_plan
FROM caller_result
ORDER BY call, mode;

-- the filtered group with no rows left gives what no rows give
SELECT supply_mix_agg(producer, q) FILTER (WHERE i % 2 = 0) AS mix,
       hhi(producer, q) FILTER (WHERE i % 2 = 0) AS hhi,
       concentration_ratio(producer, q, 2) FILTER (WHERE i % 2 = 0) AS cr2
FROM caller_rows WHERE g = 7;

DROP TABLE caller_rows, caller_aggregate, caller_mode;
