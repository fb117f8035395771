--
-- aggregate_callers: every aggregate of mineral_supply_postgis under every
-- caller PostgreSQL has — GROUP BY, a window with a running frame and with
-- a sliding one (PARTITION BY), FILTER (a group left with no rows
-- included), GROUPING SETS, and a parallel plan — each result compared with
-- the same aggregate over exactly the rows it should have seen, computed
-- apart in a correlated subquery.  Quantities are multiples of 1/8 and
-- distances whole multiples of the half-distance, so the decayed and
-- distance-weighted sums are exact and equal to the bit; the centroid,
-- whose unit vectors are not, is compared to 1e-9 degrees.  The list of
-- aggregates is checked against the catalog.  (Citus: test/citus; the
-- aggregates of mineral_supply: sql/aggregate_callers.sql.)
--
-- Runs as mineral_supply_analyst (test/prepare_db); installing and
-- removing the extensions, which are not trusted, is the superuser's (SET
-- ROLE NONE: the session user).  It leaves the database without them, as
-- it found it, for proximity.sql.
SET client_min_messages = warning;
SET ROLE NONE;
CREATE EXTENSION mineral_supply_postgis CASCADE;
SET ROLE mineral_supply_analyst;
RESET client_min_messages;

CREATE TABLE caller_sites AS
SELECT g, row_number() OVER (PARTITION BY g ORDER BY k) AS i,
       CASE WHEN k % 13 = 0 THEN NULL ELSE ((k * 37) % 400) / 8.0 END AS q,
       ((k * 7) % 5) * 250000.0 AS d,
       CASE WHEN k % 17 = 0 THEN NULL
            ELSE ST_SetSRID(ST_MakePoint(-60 + (k * 11) % 120 + 0.25, -40 + (k * 7) % 80 + 0.5), 4326)::geography END AS p
FROM (SELECT k, k % 7 AS g FROM generate_series(1, 2000) k) s
UNION ALL
SELECT 7, 1, 2.5, 250000, 'SRID=4326;POINT(66.9 48.0)'::geography;   -- one row, odd i: FILTER leaves none
ANALYZE caller_sites;

CREATE TABLE caller_aggregate (call text PRIMARY KEY, agg regprocedure NOT NULL, shown text NOT NULL);
INSERT INTO caller_aggregate VALUES
	('accessible_supply(q, d, 250000)', 'accessible_supply(float8, float8, float8)', '(%s)::text'),
	('supply_mean_distance(q, d)', 'supply_mean_distance(float8, float8)', '(%s)::text'),
	('supply_centroid(p, q)', 'supply_centroid(geography, float8)',
	 'round(ST_X((%1$s)::geometry)::numeric, 9) || '' '' || round(ST_Y((%1$s)::geometry)::numeric, 9)');

-- every aggregate of the extension is listed (none missing: no rows)
SELECT p.oid::regprocedure AS not_covered
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'mineral_supply_postgis'
WHERE p.prokind = 'a' AND p.oid NOT IN (SELECT agg FROM caller_aggregate)
ORDER BY 1;

-- Each caller's query and its reference: %1$s is the aggregate's result as
-- shown, %2$s the same with the window's OVER clause on the call.
CREATE TABLE caller_mode (mode text PRIMARY KEY, over text, query text, reference text);
INSERT INTO caller_mode VALUES
	('group by', NULL,
	 'SELECT g, %1$s AS r FROM caller_sites GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_sites) o'),
	('window, running frame', ' OVER (PARTITION BY g ORDER BY i ROWS UNBOUNDED PRECEDING)',
	 'SELECT g, i, %2$s AS r FROM caller_sites',
	 'SELECT g, i, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g AND caller_sites.i <= o.i) AS r FROM caller_sites o'),
	('window, sliding frame', ' OVER (PARTITION BY g ORDER BY i ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)',
	 'SELECT g, i, %2$s AS r FROM caller_sites',
	 'SELECT g, i, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g AND caller_sites.i BETWEEN o.i - 4 AND o.i) AS r FROM caller_sites o'),
	('filter', ' FILTER (WHERE i % 2 = 0)',
	 'SELECT g, %2$s AS r FROM caller_sites GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g AND caller_sites.i %% 2 = 0) AS r FROM (SELECT DISTINCT g FROM caller_sites) o'),
	('grouping sets', NULL,
	 'SELECT g, %1$s AS r FROM caller_sites GROUP BY GROUPING SETS ((g), ())',
	 'SELECT g, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_sites) o
	  UNION ALL SELECT NULL, (SELECT %1$s FROM caller_sites)'),
	('parallel', NULL,
	 'SELECT g, %1$s AS r FROM caller_sites GROUP BY g',
	 'SELECT g, (SELECT %1$s FROM caller_sites WHERE caller_sites.g = o.g) AS r FROM (SELECT DISTINCT g FROM caller_sites) o');

-- The query text of a mode for an aggregate: plain, and with the OVER or
-- FILTER clause attached to the call.
CREATE FUNCTION pg_temp.caller_query(template text, shown text, call text, over text) RETURNS text
LANGUAGE sql AS $$
	SELECT format(template, format(shown, call), format(shown, call || coalesce(over, '')))
$$;
CREATE FUNCTION pg_temp.result_text(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	result text;
BEGIN
	EXECUTE format('SELECT string_agg(x::text, E''\n'' ORDER BY x::text) FROM (%s) x', q) INTO result;
	RETURN result;
END $$;
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
SELECT a.call, m.mode,
       pg_temp.result_text(pg_temp.caller_query(m.reference, a.shown, a.call, NULL)) AS expected,
       pg_temp.caller_query(m.query, a.shown, a.call, m.over) AS q
FROM caller_aggregate a, caller_mode m;
SELECT count(*) AS checks, bool_and(expected IS NOT NULL) AS references_computed FROM caller_result;

ALTER TABLE caller_result ADD COLUMN got text, ADD COLUMN parallel_plan boolean;
UPDATE caller_result SET got = pg_temp.result_text(q) WHERE mode <> 'parallel';
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
UPDATE caller_result SET got = pg_temp.result_text(q), parallel_plan = pg_temp.partial_in_workers(q)
WHERE mode = 'parallel';
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET enable_hashagg;

-- each aggregate under each caller: equal to its reference
SELECT call, mode, got = expected AS equal, parallel_plan FROM caller_result ORDER BY call, mode;

-- the filtered group with no rows left gives what no rows give
SELECT accessible_supply(q, d, 250000) FILTER (WHERE i % 2 = 0) AS accessible,
       supply_mean_distance(q, d) FILTER (WHERE i % 2 = 0) AS mean_distance,
       supply_centroid(p, q) FILTER (WHERE i % 2 = 0) AS centroid
FROM caller_sites WHERE g = 7;

DROP TABLE caller_sites, caller_aggregate, caller_mode;
SET ROLE NONE;
DROP EXTENSION mineral_supply_postgis;
DROP EXTENSION postgis;
SET ROLE mineral_supply_analyst;
