--
-- mineral_supply and mineral_supply_postgis on Citus: test/citus/run runs
-- this on the coordinator of a cluster of three nodes (the coordinator holds
-- no shards of these tables, two workers hold them) and compares the output
-- with expected/citus.out.
--
-- The aggregates of both extensions have combine functions, so Citus splits
-- them: worker_partial_agg() on the workers sends each shard's partial
-- state (a mix; a float8[] for the proximity aggregates), coord_combine_agg()
-- on the coordinator merges them and runs the final function.  Every check
-- compares a distributed query with the same query on an undistributed copy
-- of the table: mixes with =, which holds exactly because every quantity is
-- a multiple of 1/8 (sums of them are exact in float8 in any order),
-- measures within 1e-12 relative, centroids (geography points) within 1e-9
-- degrees of longitude and of latitude.
--
SET citus.shard_count = 8;
SET citus.next_shard_id = 4200000;
--
-- The cluster: one coordinator, two workers, mineral_supply on each
-- (test/citus/cluster.sh created it).  PostGIS and mineral_supply_postgis
-- are created here, on the coordinator: Citus propagates CREATE EXTENSION
-- to every worker (the libraries must be installed there: here every node
-- is the same PostgreSQL), and each worker then has each extension at the
-- coordinator's version.
--
SELECT count(*) FILTER (WHERE groupid = 0) AS coordinators,
       count(*) FILTER (WHERE groupid > 0 AND shouldhaveshards) AS workers,
       bool_and(isactive) AS all_active
FROM pg_dist_node;
\if :postgis
CREATE EXTENSION postgis;
CREATE EXTENSION mineral_supply_postgis;
\endif
SELECT e.extname AS extension, count(*) AS workers,
       bool_and(w.success AND w.result = e.extversion) AS same_version_as_coordinator
FROM pg_extension e,
     LATERAL run_command_on_workers(format('SELECT extversion FROM pg_extension WHERE extname = %L', e.extname)) w
WHERE e.extname IN ('mineral_supply', 'postgis', 'mineral_supply_postgis')
GROUP BY e.extname ORDER BY e.extname;
--
-- The aggregates of mineral_supply and of mineral_supply_postgis, from the
-- catalog.  A new aggregate changes this list: add a case for it to
-- agg_case below.
--
CREATE VIEW ms_aggregates AS
SELECT e.extname AS extension, p.oid::regprocedure AS aggregate
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname IN ('mineral_supply', 'mineral_supply_postgis');
SELECT extension, aggregate FROM ms_aggregates ORDER BY extension, aggregate::text;
--
-- The data: 20 000 rows, 12 groups (grp), 997 values of the distribution
-- column id, 40 producers (and the same rows keyed by 12 country codes),
-- some NULL producers (the remainder), NULL quantities (ignored), NULL
-- country codes and NULL stored mixes; one WGI and trade factor per
-- producer and per country.  rows_local is the undistributed copy.
--
CREATE TABLE rows_local (
	rn bigint, id bigint, grp int, producer text, cc country_code, qty float8,
	wgi float8, tf float8, m supply_mix);
INSERT INTO rows_local
SELECT i, i % 997, (i * 7) % 12,
       CASE WHEN i % 53 <> 0 THEN 'producer_' || p END,
       CASE WHEN i % 47 <> 0
            THEN (ARRAY['CN','AU','US','CL','AR','ZA','CD','ID','DE','FR','BR','RU'])[1 + p % 12]::country_code END,
       CASE WHEN i % 61 <> 0 THEN ((i * 7919) % 8001) / 8.0 END,
       0.5 + p % 12, 1 + (p % 12 % 3) / 4.0,
       CASE WHEN i % 59 <> 0
            THEN jsonb_build_object(CASE WHEN i % 53 <> 0 THEN 'producer_' || p ELSE '' END,
                                    ((i * 7919) % 8001) / 8.0)::supply_mix END
FROM generate_series(1, 20000) i, LATERAL (SELECT (i * 31) % 40 AS p) p;
CREATE TABLE rows_dist (LIKE rows_local);
SELECT create_distributed_table('rows_dist', 'id');
INSERT INTO rows_dist SELECT * FROM rows_local;
SELECT count(*) AS rows, count(DISTINCT grp) AS groups, count(DISTINCT id) AS ids,
       count(*) FILTER (WHERE producer IS NULL) AS null_producers,
       count(*) FILTER (WHERE qty IS NULL) AS null_quantities,
       count(*) FILTER (WHERE cc IS NULL) AS null_countries,
       count(*) FILTER (WHERE m IS NULL) AS null_mixes,
       bool_and(qty * 8 = floor(qty * 8)) AS eighths
FROM rows_dist;
SELECT count(DISTINCT (s.nodename, s.nodeport)) AS nodes_with_shards, count(*) AS shards,
       count(*) FILTER (WHERE n.groupid = 0) AS shards_on_coordinator
FROM citus_shards s JOIN pg_dist_node n ON n.nodename = s.nodename AND n.nodeport = s.nodeport
WHERE s.table_name = 'rows_dist'::regclass;
-- The same rows, stored as one mix per (id, grp).
CREATE TABLE mixes_local AS
SELECT id, grp, supply_mix_agg(producer, qty) AS m FROM rows_local GROUP BY id, grp;
CREATE TABLE mixes_dist (id bigint, grp int, m supply_mix);
SELECT create_distributed_table('mixes_dist', 'id', colocate_with => 'rows_dist');
INSERT INTO mixes_dist SELECT id, grp, supply_mix_agg(producer, qty) FROM rows_dist GROUP BY id, grp;
SELECT (SELECT count(*) FROM mixes_dist) AS mixes_dist, (SELECT count(*) FROM mixes_local) AS mixes_local;
\if :postgis
--
-- The data of the proximity aggregates of mineral_supply_postgis: 600
-- sites (rn), 12 groups (grp), 97 values of the distribution column id, 9
-- producers, a geography point each (SRID 4326) within 8 degrees of
-- longitude and 6 of latitude of one of six regional centres (grp % 6:
-- Atacama, Western Australia, Copperbelt, central China, Lapland, the
-- Canadian Prairies; far from the poles and the antimeridian, so a centroid
-- and its coordinates are well defined), quantities that are multiples of
-- 1/8, some NULL locations, NULL and zero quantities, NULL producers.
-- sites_local is the undistributed copy.  Distances are PostGIS'
-- (ST_Distance on the spheroid, metres), to a hub at 13.4 E 52.5 N.
--
CREATE TABLE sites_local (rn bigint, id bigint, grp int, producer text, location geography, qty float8);
INSERT INTO sites_local
SELECT i, i % 97, i % 12,
       CASE WHEN i % 37 <> 0 THEN 'producer_' || (i * 13) % 9 END,
       CASE WHEN i % 43 <> 0
            THEN ST_SetSRID(ST_MakePoint(c.lon + ((i * 37) % 161 - 80) / 10.0,
                                         c.lat + ((i * 53) % 121 - 60) / 10.0), 4326)::geography END,
       CASE WHEN i % 41 = 0 THEN NULL WHEN i % 29 = 0 THEN 0 ELSE ((i * 7919) % 4001) / 8.0 END
FROM generate_series(1, 600) i,
     LATERAL (SELECT (ARRAY[-69.0, 121.0, 27.0, 110.0, 25.0, -105.0])[1 + i % 6] AS lon,
                     (ARRAY[-23.0, -26.0, -12.0, 35.0, 67.0, 52.0])[1 + i % 6] AS lat) c;
CREATE TABLE sites_dist (LIKE sites_local);
SELECT create_distributed_table('sites_dist', 'id');
INSERT INTO sites_dist SELECT * FROM sites_local;
SELECT count(*) AS rows, count(DISTINCT grp) AS groups, count(DISTINCT id) AS ids,
       count(*) FILTER (WHERE producer IS NULL) AS null_producers,
       count(*) FILTER (WHERE location IS NULL) AS null_locations,
       count(*) FILTER (WHERE qty IS NULL) AS null_quantities,
       count(*) FILTER (WHERE qty = 0) AS zero_quantities,
       bool_and(qty * 8 = floor(qty * 8)) AS eighths,
       bool_and(ST_SRID(location) = 4326 AND ST_GeometryType(location::geometry) = 'ST_Point') AS points_4326,
       min(ST_Y(location::geometry)) AS min_lat, max(ST_Y(location::geometry)) AS max_lat,
       min(ST_X(location::geometry)) AS min_lon, max(ST_X(location::geometry)) AS max_lon
FROM sites_dist;
SELECT count(DISTINCT (s.nodename, s.nodeport)) AS nodes_with_shards, count(*) AS shards,
       count(*) FILTER (WHERE n.groupid = 0) AS shards_on_coordinator
FROM citus_shards s JOIN pg_dist_node n ON n.nodename = s.nodename AND n.nodeport = s.nodeport
WHERE s.table_name = 'sites_dist'::regclass;
\endif
--
-- Helpers.
--
-- The plan of a query, EXPLAIN (VERBOSE, COSTS OFF), as one text.
CREATE FUNCTION plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END $$;
-- The aggregate is split: partial aggregation on the workers, the combine
-- and final functions on the coordinator.  Citus 14 moves the state in
-- binary (worker_binary_partial_agg, coord_binary_combine_agg: the type's
-- send and receive functions) when its type has them, as supply_mix does;
-- Citus 13, and Citus 14 for supply_mix_top_n, in text.
CREATE FUNCTION partial_pushdown(q text) RETURNS boolean LANGUAGE sql AS $$
	SELECT p ~ 'worker_(binary_)?partial_agg' AND p ~ 'coord_(binary_)?combine_agg' FROM plan_of(q) p
$$;
-- The whole query runs on the workers: the plan is only the Citus scan,
-- the coordinator aggregates nothing.
CREATE FUNCTION whole_pushdown(q text) RETURNS boolean LANGUAGE sql AS $$
	SELECT split_part(p, E'\n', 1) LIKE 'Custom Scan (Citus %'
	       AND p !~ 'coord_(binary_)?combine_agg' AND p !~ 'worker_(binary_)?partial_agg'
	FROM plan_of(q) p
$$;
-- The rows are sent to the coordinator and aggregated there.
CREATE FUNCTION row_gather(q text) RETURNS boolean LANGUAGE sql AS $$
	SELECT split_part(p, E'\n', 1) NOT LIKE 'Custom Scan (Citus %'
	       AND p !~ 'coord_(binary_)?combine_agg' AND p !~ 'worker_(binary_)?partial_agg'
	FROM plan_of(q) p
$$;
-- The workers' query text (what Citus sends them) contains pattern.
CREATE FUNCTION worker_query_has(q text, pattern text) RETURNS boolean LANGUAGE sql AS $$
	SELECT bool_or(line LIKE '%Query: %' AND line LIKE '%' || pattern || '%')
	FROM regexp_split_to_table(plan_of(q), E'\n') line
$$;
-- Equal within 1e-12 relative; two NULLs are equal, a NULL and a number not.
CREATE FUNCTION approx_eq(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
	            ELSE a = b OR abs(a - b) <= 1e-12 * greatest(abs(a), abs(b)) END
$$;
\if :postgis
-- Two geography points of the same SRID whose longitudes and latitudes
-- differ by at most 1e-9 degrees (about 0.1 mm; no point here is near the
-- antimeridian, where -180 and 180 are one longitude); two NULLs are
-- near, a NULL and a point or anything but two points not.
CREATE FUNCTION points_near(a geography, b geography) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN a IS NULL AND b IS NULL
	            ELSE coalesce(ST_SRID(a) = ST_SRID(b)
	                          AND ST_GeometryType(a::geometry) = 'ST_Point' AND ST_GeometryType(b::geometry) = 'ST_Point'
	                          AND abs(ST_X(a::geometry) - ST_X(b::geometry)) <= 1e-9
	                          AND abs(ST_Y(a::geometry) - ST_Y(b::geometry)) <= 1e-9, false) END
$$;
\endif
-- Runs q (on the distributed tables, *_dist) and q_local (by default q on
-- the undistributed copies, *_local) and compares their results row by
-- row, matched on the first column, column by column in order: float8
-- columns within 1e-12 relative, geography columns (centroids) with
-- points_near (1e-9 degrees), every other column (supply_mix,
-- country_code, text, boolean) with = (IS NOT DISTINCT FROM).
-- Says 'same, N rows, M without NULL' (M: rows with no NULL column), or
-- what differs, or the errors.
CREATE FUNCTION same(q text, q_local text DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	err_d text;
	err_l text;
	keycol text;
	cond text;
	nonnull text;
	n_d bigint;
	n_l bigint;
	n_nonnull bigint;
	n_bad bigint;
BEGIN
	-- (table names end in _dist; supply_mean_distance does not)
	q_local := coalesce(q_local, regexp_replace(q, '_dist\M', '_local', 'g'));
	BEGIN
		EXECUTE 'CREATE TEMP TABLE res_d AS ' || q;
	EXCEPTION WHEN others THEN
		err_d := SQLERRM;
	END;
	BEGIN
		EXECUTE 'CREATE TEMP TABLE res_l AS ' || q_local;
	EXCEPTION WHEN others THEN
		err_l := SQLERRM;
	END;
	IF err_d IS NOT NULL OR err_l IS NOT NULL THEN
		IF to_regclass('pg_temp.res_d') IS NOT NULL THEN DROP TABLE res_d; END IF;
		IF to_regclass('pg_temp.res_l') IS NOT NULL THEN DROP TABLE res_l; END IF;
		IF err_d IS NOT DISTINCT FROM err_l THEN
			RETURN 'both fail: ' || err_d;
		END IF;
		RETURN format('DIFFERENT: distributed %s, local %s',
			coalesce('fails: ' || err_d, 'works'), coalesce('fails: ' || err_l, 'works'));
	END IF;
	IF (SELECT array_agg(atttypid ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'res_d'::regclass AND attnum > 0)
	   IS DISTINCT FROM
	   (SELECT array_agg(atttypid ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'res_l'::regclass AND attnum > 0) THEN
		DROP TABLE res_d, res_l;
		RETURN 'DIFFERENT: the columns differ';
	END IF;
	SELECT format('d.%I = l.%I', a.attname, b.attname) INTO keycol
	FROM pg_attribute a JOIN pg_attribute b ON b.attrelid = 'res_l'::regclass AND b.attnum = a.attnum
	WHERE a.attrelid = 'res_d'::regclass AND a.attnum = 1;
	SELECT string_agg(CASE WHEN a.atttypid = 'float8'::regtype
	                       THEN format('approx_eq(d.%I, l.%I)', a.attname, b.attname)
	                       WHEN a.atttypid = to_regtype('geography')
	                       THEN format('points_near(d.%I, l.%I)', a.attname, b.attname)
	                       ELSE format('d.%I IS NOT DISTINCT FROM l.%I', a.attname, b.attname) END, ' AND '),
	       string_agg(format('d.%I IS NOT NULL', a.attname), ' AND ')
	INTO cond, nonnull
	FROM pg_attribute a JOIN pg_attribute b ON b.attrelid = 'res_l'::regclass AND b.attnum = a.attnum
	WHERE a.attrelid = 'res_d'::regclass AND a.attnum > 1;
	EXECUTE 'SELECT count(*) FROM res_d' INTO n_d;
	EXECUTE 'SELECT count(*) FROM res_l' INTO n_l;
	EXECUTE 'SELECT count(*) FROM res_d d WHERE ' || nonnull INTO n_nonnull;
	EXECUTE format('SELECT count(*) FROM res_d d FULL JOIN res_l l ON %s
	                WHERE d IS NULL OR l IS NULL OR NOT (%s)', keycol, cond) INTO n_bad;
	DROP TABLE res_d, res_l;
	IF n_bad > 0 OR n_d <> n_l THEN
		RETURN format('DIFFERENT: %s of %s rows differ (%s rows on the local copy)', n_bad, n_d, n_l);
	END IF;
	RETURN format('same, %s rows, %s without NULL', n_d, n_nonnull);
END $$;
-- The error a query raises, or 'no error'.
CREATE FUNCTION error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'EXPLAIN ' || q;
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN others THEN
	RETURN SQLERRM;
END $$;
--
-- One case per aggregate: a call of it on from_table, rows_dist for the
-- aggregates of mineral_supply, sites_dist for those of
-- mineral_supply_postgis (whose distances PostGIS computes in the call, on
-- the workers when the aggregate is pushed down).
--
CREATE TABLE agg_case (aggregate regprocedure PRIMARY KEY, call text NOT NULL,
                       from_table text NOT NULL DEFAULT 'rows_dist');
INSERT INTO agg_case VALUES
	('supply_mix_agg(text, float8)', 'supply_mix_agg(producer, qty)'),
	('supply_mix_agg(supply_mix)', 'supply_mix_agg(m)'),
	('supply_mix_agg(country_code, float8)', 'supply_mix_agg(cc, qty)'),
	('hhi(text, float8)', 'hhi(producer, qty)'),
	('concentration_ratio(text, float8, bigint)', 'concentration_ratio(producer, qty, 3)'),
	('hhi_wgi(text, float8, float8)', 'hhi_wgi(producer, qty, wgi)'),
	('hhi_wgi(text, float8, float8, float8)', 'hhi_wgi(producer, qty, wgi, tf)'),
	('hhi_wgi(country_code, float8, float8)', 'hhi_wgi(cc, qty, wgi)'),
	('hhi_wgi(country_code, float8, float8, float8)', 'hhi_wgi(cc, qty, wgi, tf)');
\if :postgis
INSERT INTO agg_case (aggregate, call, from_table) VALUES
	('accessible_supply(float8, float8, float8)',
	 $$accessible_supply(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography), 5e6)$$, 'sites_dist'),
	('supply_mean_distance(float8, float8)',
	 $$supply_mean_distance(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography))$$, 'sites_dist'),
	('supply_centroid(geography, float8)', 'supply_centroid(location, qty)', 'sites_dist');
\endif
-- Aggregates of either extension without a case: none may be listed.
SELECT aggregate AS "aggregate without a case" FROM ms_aggregates
WHERE aggregate NOT IN (SELECT aggregate FROM agg_case);
-- Each case calls the aggregate it names (the aggregate a view of the call
-- depends on).
-- (A temporary view, which Citus need not propagate to the workers.)
CREATE FUNCTION aggregates_called(call text, from_table text) RETURNS text LANGUAGE plpgsql
SET citus.enable_ddl_propagation = off AS $$
DECLARE
	r text;
BEGIN
	EXECUTE format('CREATE TEMP VIEW case_view AS SELECT %s FROM %I', call, replace(from_table, '_dist', '_local'));
	SELECT string_agg(d.refobjid::regprocedure::text, ', ') INTO r
	FROM pg_depend d JOIN pg_rewrite w ON d.classid = 'pg_rewrite'::regclass AND d.objid = w.oid
	WHERE w.ev_class = 'case_view'::regclass AND d.refclassid = 'pg_proc'::regclass
	  AND d.refobjid IN (SELECT aggfnoid FROM pg_aggregate);
	DROP VIEW case_view;
	RETURN r;
END $$;
SELECT aggregate, aggregates_called(call, from_table) = aggregate::text AS calls_it
FROM agg_case ORDER BY aggregate::text;
--
-- Grouped by a column that is not the distribution column, with either
-- strategy for aggregates Citus cannot push down: every aggregate is split
-- between workers and coordinator, and the results are those of the local
-- copy; also with FILTER leaving groups 6 to 11 without rows (an empty mix,
-- a NULL measure; an accessible supply of 0, a NULL mean distance and
-- centroid).
--
SET citus.coordinator_aggregation_strategy = 'row-gather';
SELECT aggregate,
       partial_pushdown(format('SELECT grp, %s FROM %s GROUP BY grp', call, from_table)) AS pushed,
       same(format('SELECT grp, %s FROM %s GROUP BY grp', call, from_table)) AS by_grp,
       same(format('SELECT grp, %s FILTER (WHERE grp < 6) FROM %s GROUP BY grp', call, from_table)) AS filtered
FROM agg_case ORDER BY aggregate::text;
SET citus.coordinator_aggregation_strategy = 'disabled';
SELECT aggregate,
       partial_pushdown(format('SELECT grp, %s FROM %s GROUP BY grp', call, from_table)) AS pushed,
       same(format('SELECT grp, %s FROM %s GROUP BY grp', call, from_table)) AS by_grp,
       same(format('SELECT grp, %s FILTER (WHERE grp < 6) FROM %s GROUP BY grp', call, from_table)) AS filtered
FROM agg_case ORDER BY aggregate::text;
-- No grouping at all: one row, combined from every shard.
SELECT aggregate,
       partial_pushdown(format('SELECT %s FROM %s', call, from_table)) AS pushed,
       same(format('SELECT 1 AS k, %s FROM %s', call, from_table)) AS whole_table
FROM agg_case ORDER BY aggregate::text;
RESET citus.coordinator_aggregation_strategy;
-- A FILTER that leaves no row at all in a group, on a group that has rows.
SELECT grp, supply_mix_agg(producer, qty) FILTER (WHERE qty < 0) AS mix,
       hhi(producer, qty) FILTER (WHERE qty < 0) AS hhi,
       concentration_ratio(producer, qty, 3) FILTER (WHERE qty < 0) AS cr3,
       hhi_wgi(cc, qty, wgi, tf) FILTER (WHERE qty < 0) AS hhi_wgi
FROM rows_dist WHERE grp IN (0, 11) GROUP BY grp ORDER BY grp;
\if :postgis
SELECT grp, accessible_supply(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography), 5e6)
              FILTER (WHERE qty < 0) AS accessible,
       supply_mean_distance(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography))
              FILTER (WHERE qty < 0) AS mean_distance,
       supply_centroid(location, qty) FILTER (WHERE qty < 0) AS centroid
FROM sites_dist WHERE grp IN (0, 11) GROUP BY grp ORDER BY grp;
\endif
--
-- Grouped by the distribution column: the whole query runs on the workers.
-- Window use, partitioned by the distribution column: pushed down too
-- (each value over its partition, and the running value of each row).
--
SELECT aggregate,
       whole_pushdown(format('SELECT id, %s FROM %s GROUP BY id', call, from_table)) AS pushed,
       same(format('SELECT id, %s FROM %s GROUP BY id', call, from_table)) AS by_id
FROM agg_case ORDER BY aggregate::text;
SELECT aggregate,
       whole_pushdown(format('SELECT rn, %s OVER (PARTITION BY id) FROM %s', call, from_table)) AS pushed,
       same(format('SELECT rn, %s OVER (PARTITION BY id) FROM %s', call, from_table)) AS window,
       same(format('SELECT rn, %s OVER (PARTITION BY id ORDER BY rn) FROM %s', call, from_table)) AS running
FROM agg_case ORDER BY aggregate::text;
--
-- A small table whose results are worked out by hand: group 1 has A 3,
-- B 1, a row without producer of 4 (the remainder), a row of A without
-- quantity (ignored) and C 0, spread over both workers; total 8, so
-- HHI = 10000 x ((3/8)^2 + (1/8)^2) = 1562.5, CR1 = 3/8, HHI_WGI with
-- WGI A 2, B 4 = 2 x 9/64 + 4 x 1/64 = 0.34375, with trade factors A 1,
-- B 0.5: 0.3125.  Group 2 has rows only on one shard; FILTER empties it.
--
CREATE TABLE tiny_dist (id bigint, grp int, producer text, cc country_code, qty float8, wgi float8, tf float8);
SELECT create_distributed_table('tiny_dist', 'id');
INSERT INTO tiny_dist VALUES
	(1, 1, 'A', 'CN', 3, 2, 1), (2, 1, 'B', 'AU', 1, 4, 0.5), (3, 1, NULL, NULL, 4, NULL, NULL),
	(4, 1, 'A', 'CN', NULL, 2, 1), (5, 1, 'C', 'DE', 0, 1, 1), (6, 2, 'A', 'CN', 5, 2, 1);
SELECT count(DISTINCT p.nodeport) AS nodes_holding_group_1
FROM tiny_dist t JOIN pg_dist_shard_placement p ON p.shardid = get_shard_id_for_distribution_column('tiny_dist', t.id)
WHERE t.grp = 1;
SELECT grp, supply_mix_agg(producer, qty), supply_mix_agg(cc, qty) AS by_country,
       hhi(producer, qty), concentration_ratio(producer, qty, 1) AS cr1
FROM tiny_dist GROUP BY grp ORDER BY grp;
SELECT grp, hhi_wgi(producer, qty, wgi), hhi_wgi(producer, qty, wgi, tf) AS hhi_wgi_t,
       hhi_wgi(cc, qty, wgi) AS hhi_wgi_cc, hhi_wgi(cc, qty, wgi, tf) AS hhi_wgi_cc_t
FROM tiny_dist GROUP BY grp ORDER BY grp;
SELECT grp, supply_mix_agg(producer, qty) FILTER (WHERE grp = 1) AS mix,
       hhi(producer, qty) FILTER (WHERE grp = 1),
       concentration_ratio(producer, qty, 1) FILTER (WHERE grp = 1) AS cr1
FROM tiny_dist GROUP BY grp ORDER BY grp;
\if :postgis
--
-- The proximity aggregates on a small table worked out by hand, with the
-- distances given (not computed): group 1 has quantity 2 at (0 0) and 0 m,
-- 2 at (90 0) and 1 000 m, 4 without a location at 2 000 m, one row
-- without quantity (ignored) and 0 at (-120 -30) and 500 m (no weight),
-- spread over both workers.  With a half-distance of 1 000 m the
-- accessible supply is 2 x 1 + 2 x 1/2 + 4 x 1/4 = 4; the mean distance
-- (2 x 0 + 2 x 1000 + 4 x 2000) / 8 = 1250 m; the centroid of the unit
-- vectors (2, 0, 0) + (0, 2, 0) is at 45 E on the equator.  Group 2 is one
-- row, 1 at (10 20) and 0 m, on one shard: its own point.
--
CREATE TABLE tiny_sites_dist (id bigint, grp int, location geography, qty float8, dist float8);
SELECT create_distributed_table('tiny_sites_dist', 'id');
INSERT INTO tiny_sites_dist VALUES
	(1, 1, 'POINT(0 0)', 2, 0), (2, 1, 'POINT(90 0)', 2, 1000), (3, 1, NULL, 4, 2000),
	(4, 1, 'POINT(45 45)', NULL, 5), (5, 1, 'POINT(-120 -30)', 0, 500), (6, 2, 'POINT(10 20)', 1, 0);
SELECT count(DISTINCT p.nodeport) AS nodes_holding_group_1
FROM tiny_sites_dist t JOIN pg_dist_shard_placement p ON p.shardid = get_shard_id_for_distribution_column('tiny_sites_dist', t.id)
WHERE t.grp = 1;
SELECT partial_pushdown('SELECT grp, accessible_supply(qty, dist, 1000), supply_mean_distance(qty, dist),
                                supply_centroid(location, qty) FROM tiny_sites_dist GROUP BY grp') AS pushed;
SELECT grp, accessible, mean_distance_m,
       round(ST_X(c::geometry)::numeric, 9) AS centroid_lon, round(ST_Y(c::geometry)::numeric, 9) AS centroid_lat,
       ST_SRID(c) AS srid
FROM (SELECT grp, accessible_supply(qty, dist, 1000) AS accessible, supply_mean_distance(qty, dist) AS mean_distance_m,
             supply_centroid(location, qty) AS c
      FROM tiny_sites_dist GROUP BY grp) s
ORDER BY grp;
--
-- The proximity aggregates per group of sites_dist against plain SQL on
-- the local copy, from PostGIS' distances and coordinates: the decayed sum
-- and the weighted mean distance within 1e-12 relative; the centroid as
-- the weighted sum of the unit vectors (x, y, z) of the points turned back
-- into longitude and latitude, within 1e-9 degrees.
--
WITH agg AS (
	SELECT grp, accessible_supply(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography), 5e6) AS a,
	       supply_mean_distance(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography)) AS m,
	       supply_centroid(location, qty)::geometry AS c
	FROM sites_dist GROUP BY grp),
v AS (
	SELECT grp, qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography) AS d,
	       radians(ST_X(location::geometry)) AS lon, radians(ST_Y(location::geometry)) AS lat
	FROM sites_local WHERE qty IS NOT NULL AND location IS NOT NULL),
plain AS (
	SELECT grp, sum(qty * 2 ^ (-d / 5e6)) AS a, sum(qty * d) / sum(qty) AS m,
	       sum(qty * cos(lat) * cos(lon)) AS x, sum(qty * cos(lat) * sin(lon)) AS y, sum(qty * sin(lat)) AS z
	FROM v GROUP BY grp)
SELECT count(*) AS groups,
       bool_and(approx_eq(agg.a, plain.a)) AS accessible_supply,
       bool_and(approx_eq(agg.m, plain.m)) AS mean_distance,
       bool_and(abs(ST_X(agg.c) - degrees(atan2(plain.y, plain.x))) <= 1e-9
                AND abs(ST_Y(agg.c) - degrees(atan2(plain.z, sqrt(plain.x ^ 2 + plain.y ^ 2)))) <= 1e-9) AS centroid
FROM agg JOIN plain USING (grp);
--
-- Supply within reach is supply_mix_agg() over the sites within_radius()
-- selects, in WHERE or in FILTER: here within 500 km of 27 E 12 S (the
-- Copperbelt sites, groups 2 and 8).  within_radius() is inlined into
-- ST_DWithin before Citus writes the workers' query, so the workers select
-- the sites, and the aggregate is split as always.
--
SELECT worker_query_has($q$SELECT grp, supply_mix_agg(producer, qty), hhi(producer, qty) FROM sites_dist
                          WHERE within_radius(location, 'SRID=4326;POINT(27 -12)'::geography, 5e5) GROUP BY grp$q$,
                        'st_dwithin(location') AS selected_on_workers,
       partial_pushdown($q$SELECT grp, supply_mix_agg(producer, qty), hhi(producer, qty) FROM sites_dist
                          WHERE within_radius(location, 'SRID=4326;POINT(27 -12)'::geography, 5e5) GROUP BY grp$q$) AS pushed,
       same($q$SELECT grp, supply_mix_agg(producer, qty), hhi(producer, qty) FROM sites_dist
              WHERE within_radius(location, 'SRID=4326;POINT(27 -12)'::geography, 5e5) GROUP BY grp$q$) AS in_where,
       same($q$SELECT grp, supply_mix_agg(producer, qty) FILTER (WHERE within_radius(location, 'SRID=4326;POINT(27 -12)'::geography, 5e5)),
                     hhi(producer, qty) FILTER (WHERE within_radius(location, 'SRID=4326;POINT(27 -12)'::geography, 5e5))
              FROM sites_dist GROUP BY grp$q$) AS in_filter;
\endif
--
-- The case of the bug report: 200 000 rows, 10 groups of 20 producers with
-- 1 000 rows each.  The HHI of each group, checked against the plain-SQL
-- HHI (sum of squared shares) on the same table.
--
CREATE TABLE t (id bigint, grp int, producer text, qty float8);
SELECT create_distributed_table('t', 'id');
INSERT INTO t SELECT i, i % 10, 'producer_' || (i % 200), (i % 97 + 1) / 8.0 FROM generate_series(1, 200000) i;
SELECT count(*) AS groups, count(h) AS with_hhi FROM (SELECT grp, hhi(producer, qty) AS h FROM t GROUP BY grp) s;
WITH plain AS (
	SELECT grp, 10000 * sum((q / total) ^ 2) AS hhi
	FROM (SELECT grp, q, sum(q) OVER (PARTITION BY grp) AS total
	      FROM (SELECT grp, producer, sum(qty) AS q FROM t GROUP BY grp, producer) p) s
	GROUP BY grp)
SELECT a.grp, round(a.hhi::numeric, 6) AS hhi, approx_eq(a.hhi, plain.hhi) AS equals_plain_sql
FROM (SELECT grp, hhi(producer, qty) FROM t GROUP BY grp) a JOIN plain USING (grp)
ORDER BY a.grp;
--
-- A prepared statement with an untyped parameter (n is bigint), executed
-- eight times: Citus plans every execution with the value of $1 (a custom
-- plan, each time; it cannot build a generic plan for a distributed query
-- with parameters, whatever the aggregate), while PostgreSQL switches the
-- local copy's statement to its generic plan after five.
--
PREPARE q AS SELECT grp, concentration_ratio(producer, qty, $1) FROM t GROUP BY grp;
SELECT parameter_types FROM pg_prepared_statements WHERE name = 'q';
CREATE TABLE t_local AS SELECT * FROM t;
PREPARE q_local AS SELECT grp, concentration_ratio(producer, qty, $1) FROM t_local GROUP BY grp;
SELECT n, same(format('EXECUTE q(%s)', n), format('EXECUTE q_local(%s)', n)) AS cr
FROM generate_series(1, 8) n;
SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name IN ('q', 'q_local') ORDER BY name;
-- CR20 of 20 producers is 1; CR1 is the largest producer's share.
SELECT count(*) AS groups, bool_and(cr20 = 1) AS cr20_is_1,
       bool_and(approx_eq(cr1, top / total)) AS cr1_is_top_share
FROM (SELECT grp, concentration_ratio(producer, qty, 20) AS cr20, concentration_ratio(producer, qty, 1) AS cr1
      FROM t GROUP BY grp) c
JOIN (SELECT grp, max(q) AS top, sum(q) AS total
      FROM (SELECT grp, producer, sum(qty) AS q FROM t GROUP BY grp, producer) p GROUP BY grp) s USING (grp);
PREPARE cr AS SELECT grp, concentration_ratio(producer, qty, $1) FROM rows_dist GROUP BY grp;
PREPARE cr_local AS SELECT grp, concentration_ratio(producer, qty, $1) FROM rows_local GROUP BY grp;
SELECT n, same(format('EXECUTE cr(%s)', n), format('EXECUTE cr_local(%s)', n)) AS cr
FROM generate_series(1, 7) n;
--
-- Stored mixes rolled up: supply_mix_agg(supply_mix) over the per-(id, grp)
-- mixes gives the mix of the rows, and hhi() of it their HHI.
--
-- mixes_dist was filled by INSERT ... SELECT between colocated tables,
-- which runs on the workers, shard to shard (the mixes never leave them).
SELECT worker_query_has('INSERT INTO mixes_dist SELECT id, grp, supply_mix_agg(producer, qty) FROM rows_dist GROUP BY id, grp',
                        'INSERT INTO public.mixes_dist_') AS insert_select_on_workers;
SELECT partial_pushdown('SELECT grp, hhi(supply_mix_agg(m)) FROM mixes_dist GROUP BY grp') AS pushed;
SELECT same('SELECT grp, supply_mix_agg(m), hhi(supply_mix_agg(m)) FROM mixes_dist GROUP BY grp') AS rollup;
SELECT same('SELECT grp, supply_mix_agg(m), hhi(supply_mix_agg(m)) FROM mixes_dist GROUP BY grp',
            'SELECT grp, supply_mix_agg(producer, qty), hhi(producer, qty) FROM rows_local GROUP BY grp')
         AS rollup_equals_rows;
SELECT same('SELECT id, supply_mix_agg(m), hhi(supply_mix_agg(m)) FROM mixes_dist GROUP BY id',
            'SELECT id, supply_mix_agg(producer, qty), hhi(producer, qty) FROM rows_local GROUP BY id')
         AS rollup_by_id_equals_rows;
--
-- Reference tables read inside distributed queries: crma_third_country_gap
-- and crma_benchmark_share read crma_benchmark, per group.  Grouped by grp
-- they run on the coordinator; grouped by id, on the workers (each has the
-- extension's own crma_benchmark).
--
SELECT worker_query_has($q$SELECT grp, (crma_third_country_gap(supply_mix_agg(cc, qty), 493000, '2030-12-31')).*
                          FROM rows_dist GROUP BY grp$q$, 'crma_third_country_gap') AS on_workers,
       same($q$SELECT grp, (crma_third_country_gap(supply_mix_agg(cc, qty), 493000, '2030-12-31')).*
              FROM rows_dist GROUP BY grp$q$) AS by_grp;
SELECT worker_query_has($q$SELECT id, (crma_third_country_gap(supply_mix_agg(cc, qty), 1000, '2030-12-31')).*
                          FROM rows_dist GROUP BY id$q$, 'crma_third_country_gap') AS on_workers,
       same($q$SELECT id, (crma_third_country_gap(supply_mix_agg(cc, qty), 1000, '2030-12-31')).*
              FROM rows_dist GROUP BY id$q$) AS by_id;
SELECT worker_query_has($q$SELECT id, total(supply_mix_agg(cc, qty)) * (crma_benchmark_share('third country', 2030)).share
                          FROM rows_dist GROUP BY id$q$, 'crma_benchmark_share') AS on_workers,
       same($q$SELECT id, total(supply_mix_agg(cc, qty)) * (crma_benchmark_share('third country', 2030)).share
              FROM rows_dist GROUP BY id$q$) AS benchmark_share_by_id;
-- Every column of crma_third_country_gap per group, against plain SQL on
-- the local copy: the largest third country (DE and FR are member states)
-- and its tonnes, its share of 493 000 t of consumption, the seeded 2030
-- limit of 65 % (320 450 t: some groups are above it), the tonnes above it,
-- and the tonnes without a country.
WITH g AS (
	SELECT grp, (crma_third_country_gap(supply_mix_agg(cc, qty), 493000, '2030-12-31')).*
	FROM rows_dist GROUP BY grp),
plain AS (
	SELECT DISTINCT ON (grp) grp, cc, q
	FROM (SELECT grp, cc, sum(qty) AS q FROM rows_local
	      WHERE cc IS NOT NULL AND cc::text NOT IN ('DE', 'FR') GROUP BY grp, cc) s
	ORDER BY grp, q DESC),
unattributed AS (SELECT grp, sum(qty) AS u FROM rows_local WHERE cc IS NULL GROUP BY grp)
SELECT count(*) AS groups, count(*) FILTER (WHERE g.met) AS met,
       bool_and(g.country = plain.cc) AS country,
       bool_and(g.quantity_t = plain.q) AS quantity,
       bool_and(approx_eq(g.share_of_consumption, plain.q / 493000)) AS share,
       bool_and(g.limit_share = 0.65) AS limit_share,
       bool_and(approx_eq(g.excess_t, greatest(plain.q - 0.65::float8 * 493000, 0))) AS excess,
       bool_and(g.met = (plain.q <= 0.65::float8 * 493000)) AS met_right,
       bool_and(g.unattributed_t = unattributed.u) AS unattributed,
       bool_and(g.legal_reference = 'Regulation (EU) 2024/1252, Art. 5(1)(b)') AS legal_reference
FROM g JOIN plain USING (grp) JOIN unattributed USING (grp);
--
-- An aggregate Citus cannot split (an ORDER BY in the call): with
-- 'row-gather' the rows go to the coordinator, which aggregates them (same
-- results); with 'disabled' Citus refuses the query.
--
SET citus.coordinator_aggregation_strategy = 'row-gather';
SELECT row_gather('SELECT grp, hhi(producer, qty ORDER BY rn) FROM rows_dist GROUP BY grp') AS rows_gathered,
       same('SELECT grp, hhi(producer, qty ORDER BY rn), supply_mix_agg(cc, qty ORDER BY rn) FROM rows_dist GROUP BY grp')
         AS row_gathered;
SET citus.coordinator_aggregation_strategy = 'disabled';
SELECT error_of('SELECT grp, hhi(producer, qty ORDER BY rn) FROM rows_dist GROUP BY grp') AS disabled;
\if :postgis
-- The same for the proximity aggregates.
SET citus.coordinator_aggregation_strategy = 'row-gather';
SELECT row_gather('SELECT grp, supply_centroid(location, qty ORDER BY rn) FROM sites_dist GROUP BY grp') AS rows_gathered,
       same($q$SELECT grp, supply_centroid(location, qty ORDER BY rn),
                   accessible_supply(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography), 5e6 ORDER BY rn),
                   supply_mean_distance(qty, ST_Distance(location, 'SRID=4326;POINT(13.4 52.5)'::geography) ORDER BY rn)
            FROM sites_dist GROUP BY grp$q$) AS row_gathered;
SET citus.coordinator_aggregation_strategy = 'disabled';
SELECT error_of('SELECT grp, supply_centroid(location, qty ORDER BY rn) FROM sites_dist GROUP BY grp') AS disabled;
\endif
RESET citus.coordinator_aggregation_strategy;
