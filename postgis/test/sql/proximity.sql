--
-- proximity: mineral_supply_postgis, deposit proximity through PostGIS.
--
-- Real locations: data/deposits/ (USGS deposit compilations, public domain;
-- GSC world tin/tungsten deposits, Open Government Licence - Canada; 14
-- Kazakh processing facilities), loaded by demo/load_deposits.sql.
-- Distances are PostGIS' own (geography, metres, spheroid); expected values
-- that depend on them are compared with plain PostGIS queries and shown as
-- booleans, or rounded.  Plans are checked as booleans from EXPLAIN (FORMAT
-- JSON), never as plan text.
--

-- test/prepare_db made this database with mineral_supply and without
-- PostGIS: the core extension does not need it.  This test runs as an
-- ordinary role (mineral_supply_analyst); installing and removing the
-- extensions, which are not trusted, is the superuser's (SET ROLE NONE: the
-- session user).
SELECT count(*) AS postgis_installed FROM pg_extension WHERE extname = 'postgis';
-- mineral_supply_postgis does.
SET ROLE NONE;
CREATE EXTENSION mineral_supply_postgis;
SET client_min_messages = warning;
CREATE EXTENSION mineral_supply_postgis CASCADE;
RESET client_min_messages;
SET ROLE mineral_supply_analyst;
SELECT e.extname, r.extname AS requires
FROM pg_extension e
JOIN pg_depend d ON d.classid = 'pg_extension'::regclass AND d.objid = e.oid
                AND d.refclassid = 'pg_extension'::regclass
JOIN pg_extension r ON r.oid = d.refobjid
WHERE e.extname = 'mineral_supply_postgis'
ORDER BY 2;

\set ECHO none
\i demo/load_deposits.sql
\set ECHO all

SELECT count(*) AS deposits,
       count(*) FILTER (WHERE country = 'KZ') AS in_kazakhstan,
       count(*) FILTER (WHERE country = 'NA') AS in_namibia,
       count(wo3_t) AS with_wo3_tonnage
FROM deposits.deposit;

-- The four plants the news name, as hubs.
CREATE TABLE hub AS
SELECT split_part(id, ':', 2) AS hub, geog FROM deposits.facility WHERE id LIKE 'news_verified:%';
SELECT hub FROM hub ORDER BY hub;

-------------------------------------------------------------------------------
-- Known distances and the radius boundary
-------------------------------------------------------------------------------

-- The Ulba plant (Oskemen) to the Zhezkazgan smelter: the distance is
-- PostGIS' (spheroid), never typed in here; about 1 120 km.
SELECT round(ST_Distance(u.geog, z.geog) / 1000) AS ulba_zhezkazgan_km,
       within_radius(z.geog, u.geog, ST_Distance(u.geog, z.geog) + 1e-8) AS at_radius,
       within_radius(z.geog, u.geog, ST_Distance(u.geog, z.geog) - 1e-8) AS just_beyond
FROM hub u, hub z WHERE u.hub = 'ulba_ump' AND z.hub = 'zhezkazgan_smelter';
-- A point at the radius is inside: ST_DWithin compares with <=.  ST_Distance
-- reports the distance rounded to 1e-8 m, hence the 1e-8 m either side, for
-- every deposit and facility pair.
SELECT count(*) AS pairs,
       bool_and(within_radius(d.geog, f.geog, ST_Distance(d.geog, f.geog) + 1e-8)) AS all_at_radius_inside,
       bool_and(NOT within_radius(d.geog, f.geog, ST_Distance(d.geog, f.geog) - 1e-8))
         FILTER (WHERE ST_Distance(d.geog, f.geog) > 0) AS all_beyond_outside
FROM deposits.deposit d, deposits.facility f;
-- Radius 0: only the point itself.
SELECT within_radius(geog, geog, 0) AS same_point FROM hub WHERE hub = 'ulba_ump';

-------------------------------------------------------------------------------
-- Which deposits lie within 300 km of the Ulba Metallurgical Plant?
-------------------------------------------------------------------------------

-- Pattern A: within_radius() in WHERE (inlined to ST_DWithin, index-backed).
SELECT count(*) AS within_300_km,
       count(DISTINCT country) AS countries,
       count(*) FILTER (WHERE 'tantalum' = ANY (commodities)) AS with_tantalum
FROM deposits.deposit d, hub h
WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 300000);
SELECT d.country, count(*) AS deposits
FROM deposits.deposit d, hub h
WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 300000)
GROUP BY 1 ORDER BY 2 DESC, 1;
-- Those carrying the plant's feedstock (beryllium, tantalum, niobium).
SELECT d.name, d.country, array_to_string(d.commodities, ', ') AS commodities,
       round((ST_Distance(d.geog, h.geog) / 1000)::numeric, 1) AS km
FROM deposits.deposit d, hub h
WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 300000)
  AND d.commodities && ARRAY['beryllium', 'tantalum', 'niobium']
ORDER BY km, d.name;
-- The same set as a full scan with ST_Distance <= 300 km.
SELECT (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, hub h
         WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 300000))
     = (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, hub h
         WHERE h.hub = 'ulba_ump' AND ST_Distance(d.geog, h.geog) <= 300000) AS same_as_full_scan;
-- Pattern B: rows_within_radius() over the table, given by its row type.
SELECT (SELECT array_agg(r.id ORDER BY r.id)
          FROM hub h, rows_within_radius(NULL::deposits.deposit, 'geog', h.geog, 300000) r
         WHERE h.hub = 'ulba_ump')
     = (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, hub h
         WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 300000)) AS same_rows;
-- Every hub at once, in a join (the index is probed per hub).
SELECT h.hub, count(d.id) AS deposits_within_300_km
FROM hub h LEFT JOIN deposits.deposit d ON within_radius(d.geog, h.geog, 300000)
GROUP BY 1 ORDER BY 1;

-------------------------------------------------------------------------------
-- Supply within reach: supply_mix_agg() over what within_radius() selects
-------------------------------------------------------------------------------

-- Contained WO3 (GSC tonnages) within 1 000 km of the Boguty tungsten plant,
-- by country (country_code keys), and its share of all WO3 in the sample.
SELECT total(m) AS wo3_t_within_1000_km, producer_count(m) AS countries,
       round(hhi(m)::numeric, 1) AS hhi, round(share(m, 'KZ')::numeric, 4) AS kz_share
FROM (SELECT supply_mix_agg(d.country, d.wo3_t) AS m
      FROM deposits.deposit d, hub h
      WHERE h.hub = 'boguty_w_plant' AND within_radius(d.geog, h.geog, 1000000)) s;
SELECT p.* FROM (SELECT supply_mix_agg(d.country, d.wo3_t) AS m
                 FROM deposits.deposit d, hub h
                 WHERE h.hub = 'boguty_w_plant' AND within_radius(d.geog, h.geog, 1000000)) s,
               producers(s.m) p ORDER BY p.quantity DESC;
-- In one pass with FILTER: within reach against the whole sample.
SELECT round((total(near) / total(world))::numeric, 4) AS share_of_sample_within_reach,
       round(hhi(near)::numeric) AS hhi_within_reach, round(hhi(world)::numeric) AS hhi_sample
FROM (SELECT supply_mix_agg(d.country, d.wo3_t) FILTER (WHERE within_radius(d.geog, h.geog, 1000000)) AS near,
             supply_mix_agg(d.country, d.wo3_t) AS world
      FROM deposits.deposit d, hub h WHERE h.hub = 'boguty_w_plant') s;
-- Against plain SQL.
SELECT abs(total(m) - s.sum) <= 1e-12 * s.sum AS total_matches
FROM (SELECT sum(d.wo3_t) FROM deposits.deposit d, hub h
      WHERE h.hub = 'boguty_w_plant' AND ST_Distance(d.geog, h.geog) <= 1000000) s,
     (SELECT supply_mix_agg(d.country, d.wo3_t) AS m FROM deposits.deposit d, hub h
      WHERE h.hub = 'boguty_w_plant' AND within_radius(d.geog, h.geog, 1000000)) x;
-- Nothing within reach: the empty mix, total 0, HHI NULL.
SELECT supply_mix_agg(d.country, d.wo3_t) AS m, total(supply_mix_agg(d.country, d.wo3_t)),
       hhi(supply_mix_agg(d.country, d.wo3_t))
FROM deposits.deposit d, hub h WHERE h.hub = 'ulba_ump' AND within_radius(d.geog, h.geog, 1);

-------------------------------------------------------------------------------
-- Distance decay: accessible_supply(quantity, distance, half-distance)
-------------------------------------------------------------------------------

SELECT distance_decay(0, 250000) AS at_source, distance_decay(250000, 250000) AS at_half,
       distance_decay(500000, 250000) AS at_twice, distance_decay(1e9, 1) AS far;
-- WO3 accessible from Boguty with a 250 km half-distance, against
-- sum(q * 2^(-d/h)) in plain SQL.
SELECT round(a) AS accessible_wo3_t, abs(a - s) <= 1e-12 * s AS matches_plain_sql
FROM (SELECT accessible_supply(d.wo3_t, ST_Distance(d.geog, h.geog), 250000) AS a,
             sum(d.wo3_t * power(2, -ST_Distance(d.geog, h.geog) / 250000)) AS s
      FROM deposits.deposit d, hub h WHERE h.hub = 'boguty_w_plant') x;
-- Small cases: 10 t at 0, h and 2h give 10 + 5 + 2.5.
SELECT accessible_supply(q, d, 100000) FROM (VALUES (10.0, 0.0), (10, 100000), (10, 200000)) v(q, d);
-- NULL quantity or distance: the row is skipped; no rows: 0.
SELECT accessible_supply(q, d, 100000) FROM (VALUES (10.0, 0.0), (NULL, 0), (10, NULL)) v(q, d);
SELECT accessible_supply(q, d, 100000) FROM (VALUES (10.0, 0.0)) v(q, d) WHERE false;

-------------------------------------------------------------------------------
-- Supply-weighted mean distance
-------------------------------------------------------------------------------

-- Haul distance from the WO3 deposits within 1 000 km of Boguty to the plant.
SELECT round((m / 1000)::numeric, 1) AS mean_km, abs(m - s) <= 1e-12 * s AS matches_plain_sql
FROM (SELECT supply_mean_distance(d.wo3_t, ST_Distance(d.geog, h.geog)) AS m,
             sum(d.wo3_t * ST_Distance(d.geog, h.geog)) / sum(d.wo3_t) AS s
      FROM deposits.deposit d, hub h
      WHERE h.hub = 'boguty_w_plant' AND within_radius(d.geog, h.geog, 1000000)) x;
SELECT supply_mean_distance(q, d) FROM (VALUES (3.0, 100.0), (1, 500), (NULL, 1e6), (1, NULL)) v(q, d);
-- No rows, or only zero quantities: NULL.
SELECT supply_mean_distance(q, d) AS no_rows FROM (VALUES (1.0, 1.0)) v(q, d) WHERE false;
SELECT supply_mean_distance(q, d) AS zero_quantities FROM (VALUES (0.0, 10.0), (0, 20)) v(q, d);

-------------------------------------------------------------------------------
-- Supply-weighted centroid on the sphere
-------------------------------------------------------------------------------

-- Equal weights give PostGIS' own ST_Centroid(geography) of the multipoint
-- (the same 3-D vector mean, unweighted): within a millimetre.
SELECT ST_Distance(supply_centroid(geog, 1),
                   ST_Centroid(ST_Collect(geog::geometry)::geography)) < 1e-3 AS equals_st_centroid
FROM deposits.deposit WHERE country = 'KZ';
-- Weights 3 and 1 on the equator at 0 and 90 degrees east: atan2(1, 3).
SELECT round(ST_X(c::geometry)::numeric, 9) AS lon, round(ST_Y(c::geometry)::numeric, 9) AS lat,
       round(degrees(atan2(1, 3))::numeric, 9) AS expected_lon
FROM (SELECT supply_centroid(g, q) AS c
      FROM (VALUES ('POINT(0 0)'::geography, 3.0), ('POINT(90 0)', 1)) v(g, q)) s;
-- The WO3-weighted centroid of the GSC tungsten deposits, world-wide and
-- in Kazakhstan.
SELECT round(ST_X(c::geometry)::numeric, 3) AS lon, round(ST_Y(c::geometry)::numeric, 3) AS lat,
       ST_SRID(c) AS srid
FROM (SELECT supply_centroid(geog, wo3_t) AS c FROM deposits.deposit) s;
SELECT round(ST_X(c::geometry)::numeric, 3) AS lon, round(ST_Y(c::geometry)::numeric, 3) AS lat
FROM (SELECT supply_centroid(geog, wo3_t) AS c FROM deposits.deposit WHERE country = 'KZ') s;
-- A single point is its own centroid; weights only matter relatively.
SELECT ST_Distance(supply_centroid(geog, 7), geog) < 1e-6 AS own_centroid
FROM hub WHERE hub = 'ulba_ump' GROUP BY geog;
-- Across the antimeridian: 179 E and 179 W meet at 180, not at 0.
SELECT abs(round(ST_X(c::geometry)::numeric, 9)) AS abs_lon, round(ST_Y(c::geometry)::numeric, 6) AS lat
FROM (SELECT supply_centroid(g, 1) AS c
      FROM (VALUES ('POINT(179 10)'::geography), ('POINT(-179 10)')) v(g)) s;
-- Chukotka deposits on both sides of the antimeridian.
SELECT count(*) AS chukotka, round(abs(ST_X(supply_centroid(geog, 1)::geometry))::numeric) AS abs_lon
FROM deposits.deposit WHERE ST_Y(geog::geometry) > 60 AND abs(ST_X(geog::geometry)) >= 178;
-- Around the North Pole: four points at 80 N, 90 degrees apart.
SELECT ST_AsText(supply_centroid(g, 1)) AS centroid
FROM (VALUES ('POINT(0 80)'::geography), ('POINT(90 80)'), ('POINT(180 80)'), ('POINT(-90 80)')) v(g);
SELECT ST_AsText(supply_centroid(g, 1)) AS pole FROM (VALUES ('POINT(25 90)'::geography)) v(g);
-- Points that cancel out (antipodes, the two poles): NULL.
SELECT supply_centroid(g, 1) IS NULL AS antipodes_null
FROM (VALUES ('POINT(30 10)'::geography), ('POINT(-150 -10)')) v(g);
SELECT supply_centroid(g, 1) IS NULL AS poles_null
FROM (VALUES ('POINT(0 90)'::geography), ('POINT(0 -90)')) v(g);
-- No rows, only zero weights: NULL.  NULL locations or quantities and
-- POINT EMPTY are skipped.
SELECT supply_centroid(geog, 1) IS NULL AS no_rows FROM hub WHERE false;
SELECT supply_centroid(g, 0) IS NULL AS zero_weights
FROM (VALUES ('POINT(1 1)'::geography), ('POINT(2 2)')) v(g);
SELECT ST_AsText(supply_centroid(g, q)) AS skipping_nulls
FROM (VALUES ('POINT(10 20)'::geography, 1.0), (NULL, 5), ('POINT(50 50)', NULL),
             ('POINT EMPTY', 9)) v(g, q);
-- Not a point, or points of two SRIDs: ERROR.
SELECT supply_centroid(g, 1) FROM (VALUES ('LINESTRING(0 0, 1 1)'::geography)) v(g);
SELECT supply_centroid(g, 1) FROM (VALUES ('MULTIPOINT((0 0), (1 1))'::geography)) v(g);
SELECT supply_centroid(g, 1)
FROM (VALUES ('SRID=4326;POINT(0 0)'::geography), ('SRID=4269;POINT(1 1)')) v(g);
-- The SRID is kept.
SELECT ST_AsEWKT(supply_centroid(g, 1)) FROM (VALUES ('SRID=4269;POINT(-100 40)'::geography)) v(g);
-- How did the WO3 centroid move when Kazakh deposits are left out?
SELECT round((ST_Distance(a.c, b.c) / 1000)::numeric) AS shift_km
FROM (SELECT supply_centroid(geog, wo3_t) c FROM deposits.deposit) a,
     (SELECT supply_centroid(geog, wo3_t) c FROM deposits.deposit WHERE country <> 'KZ') b;

-------------------------------------------------------------------------------
-- Corridors: within a distance of a line
-------------------------------------------------------------------------------

-- The geodesic from the Ulba plant to the Boguty plant, 50 km either side.
CREATE TABLE route AS
SELECT ST_MakeLine(u.geog::geometry, b.geog::geometry)::geography AS line
FROM hub u, hub b WHERE u.hub = 'ulba_ump' AND b.hub = 'boguty_w_plant';
SELECT count(*) AS along_corridor, count(DISTINCT country) AS countries,
       bool_and(ST_Distance(d.geog, r.line) <= 50000) AS all_within_50_km
FROM deposits.deposit d, route r WHERE within_corridor(d.geog, r.line, 50000);
SELECT (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, route r
         WHERE within_corridor(d.geog, r.line, 50000))
     = (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, route r
         WHERE ST_Distance(d.geog, r.line) <= 50000) AS same_as_full_scan,
       (SELECT array_agg(x.id ORDER BY x.id)
          FROM route r, rows_within_corridor(NULL::deposits.deposit, 'geog', r.line, 50000) x)
     = (SELECT array_agg(d.id ORDER BY d.id) FROM deposits.deposit d, route r
         WHERE within_corridor(d.geog, r.line, 50000)) AS pattern_b_same;
-- Whose are they, by commodity (deposits along the corridor)?
SELECT c AS commodity, supply_mix_agg(d.country, 1) AS deposits_by_country
FROM deposits.deposit d, route r, unnest(d.commodities) c
WHERE within_corridor(d.geog, r.line, 50000)
GROUP BY c HAVING count(*) >= 8 ORDER BY c;
-- A corridor follows a line.
SELECT within_corridor(geog, geog, 1000) FROM hub WHERE hub = 'ulba_ump';
SELECT within_corridor('POINT(0 0)', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 1000);
SELECT within_corridor('POINT(0 0.1)', 'MULTILINESTRING((-1 0, 1 0), (5 5, 6 6))', 12000) AS multiline;

-------------------------------------------------------------------------------
-- k nearest
-------------------------------------------------------------------------------

-- The five deposits nearest to the Ulba plant, nearest first.
SELECT n.ordinality AS rank, n.name, n.country,
       round((ST_Distance(n.geog, h.geog) / 1000)::numeric, 1) AS km
FROM hub h, nearest_rows(NULL::deposits.deposit, 'geog', h.geog, 5) WITH ORDINALITY n
WHERE h.hub = 'ulba_ump' ORDER BY 1;
-- The same rows, in the same order, as the raw KNN query (deposits that
-- share a coordinate tie, so the order is compared by distance).
SELECT (SELECT array_agg(n.geog <-> h.geog ORDER BY n.ordinality)
          FROM hub h, nearest_rows(NULL::deposits.deposit, 'geog', h.geog, 25) WITH ORDINALITY n
         WHERE h.hub = 'zhezkazgan_smelter')
     = (SELECT array_agg(k.d ORDER BY k.d)
          FROM hub h CROSS JOIN LATERAL (SELECT d.geog <-> h.geog AS d FROM deposits.deposit d
                                         ORDER BY d.geog <-> h.geog LIMIT 25) k
         WHERE h.hub = 'zhezkazgan_smelter') AS same_distances_as_raw_knn,
       (SELECT array_agg(n.id ORDER BY n.id)
          FROM hub h, nearest_rows(NULL::deposits.deposit, 'geog', h.geog, 25) n
         WHERE h.hub = 'zhezkazgan_smelter')
     = (SELECT array_agg(k.id ORDER BY k.id)
          FROM hub h CROSS JOIN LATERAL (SELECT d.id FROM deposits.deposit d
                                         ORDER BY d.geog <-> h.geog LIMIT 25) k
         WHERE h.hub = 'zhezkazgan_smelter') AS same_rows_as_raw_knn;
-- <-> is PostGIS' KNN distance, on the sphere; ST_Distance is on the spheroid.
SELECT round((u.geog <-> z.geog)::numeric) AS knn_distance_m, round(ST_Distance(u.geog, z.geog)::numeric) AS st_distance_m,
       round(ST_Distance(u.geog, z.geog, false)::numeric) AS sphere_distance_m
FROM hub u, hub z WHERE u.hub = 'ulba_ump' AND z.hub = 'zhezkazgan_smelter';
-- k = 0, a NULL center or k: nothing.  k < 0: ERROR.
SELECT count(*) FROM nearest_rows(NULL::deposits.deposit, 'geog', 'POINT(0 0)', 0);
SELECT count(*) FROM nearest_rows(NULL::deposits.deposit, 'geog', NULL, 3);
SELECT count(*) FROM nearest_rows(NULL::deposits.deposit, 'geog', 'POINT(0 0)', NULL);
SELECT count(*) FROM nearest_rows(NULL::deposits.deposit, 'geog', 'POINT(0 0)', -1);
-- Across the antimeridian: the nearest deposits to 180 E, 67.8 N are on
-- both sides of it.
SELECT count(*) FILTER (WHERE ST_X(n.geog::geometry) > 0) AS east, count(*) FILTER (WHERE ST_X(n.geog::geometry) < 0) AS west,
       max(ST_Distance(n.geog, 'POINT(180 67.8)')) < 100000 AS all_within_100_km
FROM nearest_rows(NULL::deposits.deposit, 'geog', 'POINT(180 67.8)', 6) n;
-- Near the North Pole: the Citronen Fjord deposits (83 N).
SELECT count(*) AS within_1000_km_of_pole
FROM deposits.deposit d WHERE within_radius(d.geog, 'POINT(0 90)', 1000000);

-------------------------------------------------------------------------------
-- The queries pattern B runs, and its errors
-------------------------------------------------------------------------------

SELECT proximity_sql('radius', NULL::deposits.deposit, 'geog');
SELECT proximity_sql('corridor', NULL::deposits.deposit, 'geog');
SELECT proximity_sql('nearest', NULL::deposits.deposit, 'geog');
-- Names are quoted (and never concatenated unquoted).
CREATE TABLE "odd ""name"" table" ("loc; DROP TABLE hub; --" geography(Point, 4326), n int);
INSERT INTO "odd ""name"" table" VALUES ('POINT(1 1)', 1), ('POINT(50 50)', 2);
SELECT proximity_sql('radius', NULL::"odd ""name"" table", 'loc; DROP TABLE hub; --');
SELECT n FROM rows_within_radius(NULL::"odd ""name"" table", 'loc; DROP TABLE hub; --', 'POINT(1 1.5)', 100000);
SELECT count(*) AS hub_still_there FROM hub;
-- Errors: not a table's row, no such column, not geography, unknown selection.
SELECT count(*) FROM rows_within_radius(NULL::integer, 'geog', 'POINT(0 0)', 1);
SELECT count(*) FROM rows_within_radius(NULL::deposits.deposit, 'location', 'POINT(0 0)', 1);
SELECT count(*) FROM rows_within_radius(NULL::deposits.deposit, 'name', 'POINT(0 0)', 1);
SELECT proximity_sql('within', NULL::deposits.deposit, 'geog');
-- A view works (its base table's index serves it).
CREATE VIEW tungsten AS SELECT * FROM deposits.deposit WHERE 'tungsten' = ANY (commodities);
SELECT count(*) AS tungsten_within_300_km_of_boguty
FROM hub h, rows_within_radius(NULL::tungsten, 'geog', h.geog, 300000) t WHERE h.hub = 'boguty_w_plant';

-------------------------------------------------------------------------------
-- Bad input: ERROR 22023 (22004 for a NULL half-distance), never a wrong number
-------------------------------------------------------------------------------

\set VERBOSITY sqlstate
SELECT within_radius('POINT(0 0)', 'POINT(1 1)', -1);
SELECT within_radius('POINT(0 0)', 'POINT(1 1)', 'NaN');
SELECT within_radius('POINT(0 0)', 'POINT(1 1)', 'Infinity');
SELECT within_corridor('POINT(0 0)', 'LINESTRING(0 1, 1 1)', -5);
SELECT distance_decay(-1, 1000);
SELECT distance_decay(1, 0);
SELECT distance_decay(1, 'Infinity');
SELECT accessible_supply(q, 0, 1000) FROM (VALUES (-1.0)) v(q);
SELECT accessible_supply(q, 0, 1000) FROM (VALUES ('NaN'::float8)) v(q);
SELECT accessible_supply(1, d, 1000) FROM (VALUES ('Infinity'::float8)) v(d);
SELECT accessible_supply(1, 10, h) FROM (VALUES (-5.0)) v(h);
SELECT accessible_supply(1, 10, h) FROM (VALUES (0.0)) v(h);
SELECT accessible_supply(1, 10, h) FROM (VALUES (NULL::float8)) v(h);
SELECT supply_mean_distance(q, 10) FROM (VALUES ('-Infinity'::float8)) v(q);
SELECT supply_mean_distance(1, d) FROM (VALUES (-0.5)) v(d);
SELECT supply_centroid('POINT(0 0)', q) FROM (VALUES (-2.0)) v(q);
SELECT supply_mean_distance(q, 1e300) FROM (VALUES (1e300)) v(q);
\set VERBOSITY default
SELECT within_radius('POINT(0 0)', 'POINT(1 1)', -1);
SELECT accessible_supply(1, 10, h) FROM (VALUES (0.0)) v(h);
SELECT accessible_supply(1, 10, h) FROM (VALUES (NULL::float8)) v(h);
SELECT within_radius('POINT(0 0)', 'LINESTRING(0 0, 1 1)', 10);
-- -0 reads as 0.
SELECT checked_distance('-0') AS minus_zero;
-- Mixed SRIDs in a distance: PostGIS' own ERROR (SQLSTATE XX000; its
-- message varies between PostGIS versions, so only the SQLSTATE is shown).
CREATE FUNCTION sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT sqlstate_of($$SELECT within_radius('SRID=4326;POINT(0 0)', 'SRID=4269;POINT(1 1)', 1e6)$$) AS within_radius,
       sqlstate_of($$SELECT ST_Distance('SRID=4326;POINT(0 0)'::geography, 'SRID=4269;POINT(1 1)'::geography)$$) AS st_distance;
-- NULL geometries select nothing.
SELECT within_radius(NULL, 'POINT(0 0)', 1) AS null_location, within_radius('POINT(0 0)', NULL, 1) AS null_center,
       within_radius('POINT(0 0)', 'POINT(0 0)', NULL) AS null_radius,
       within_corridor('POINT(0 0)', NULL, 1) AS null_route;
SELECT count(*) FROM rows_within_radius(NULL::deposits.deposit, 'geog', NULL, 1000);

-------------------------------------------------------------------------------
-- States: float8[] with exact text round trips; bad states are errors
-------------------------------------------------------------------------------

SELECT accessible_supply_accum('{0,0}', 10, 100000, 100000) AS decay_state,
       supply_mean_distance_accum('{0,0,0,0}', 0.1, 3) AS mean_state,
       supply_centroid_accum('{0,0,0,0,0,0,0,0,0}', 'POINT(90 0)', 2) AS centroid_state;
SELECT supply_mean_distance_final(s::text::float8[]) = supply_mean_distance_final(s) AS round_trip
FROM (SELECT supply_mean_distance_accum(supply_mean_distance_accum('{0,0,0,0}', 0.1, 0.3), 0.7, 1e-5) s) x;
SELECT supply_mean_distance_final('{1,2}');
SELECT accessible_supply_final('{1,NULL}');
SELECT supply_centroid_final('{1,0,1,0,0,0,0,0,4326.5}');
SELECT proximity_sums_combine('{1,0}', '{1,0,1,0}');
SELECT accessible_supply_final('{-1,0}');

-------------------------------------------------------------------------------
-- Forced parallel plans give the same answers as serial ones
-------------------------------------------------------------------------------

SELECT setseed(0.5);
CREATE TABLE prox_points AS
SELECT g AS id,
       ST_SetSRID(ST_MakePoint(random() * 360 - 180, degrees(asin(2 * random() - 1))), 4326)::geography AS geog,
       (random() * 1000)::int::float8 AS q,
       CASE WHEN g % 3 = 0 THEN 'C' || g % 40 END AS producer
FROM generate_series(1, 200000) g;
CREATE INDEX prox_points_geog_idx ON prox_points USING gist (geog);
ALTER TABLE prox_points SET (parallel_workers = 2);
ANALYZE prox_points;

CREATE FUNCTION proximity_plan_is_parallel(query text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN plan::text LIKE '%"Workers Planned": 2%';
END $$;

-- Everything over one table scan, and per group.
CREATE VIEW prox_totals AS
SELECT accessible_supply(p.q, ST_Distance(p.geog, h.geog), 2000000) AS decay,
       supply_mean_distance(p.q, ST_Distance(p.geog, h.geog)) AS mean,
       supply_centroid(p.geog, p.q) AS centroid,
       supply_mix_agg(p.producer, p.q) FILTER (WHERE within_radius(p.geog, h.geog, 3000000)) AS within_reach
FROM prox_points p, hub h WHERE h.hub = 'ulba_ump';
CREATE VIEW prox_grouped AS
SELECT p.id % 7 AS k,
       accessible_supply(p.q, ST_Distance(p.geog, h.geog), 2000000) AS decay,
       supply_mean_distance(p.q, ST_Distance(p.geog, h.geog)) AS mean,
       supply_centroid(p.geog, p.q) AS centroid
FROM prox_points p, hub h WHERE h.hub = 'ulba_ump' GROUP BY 1;

SET max_parallel_workers_per_gather = 0;
SELECT proximity_plan_is_parallel('SELECT * FROM prox_totals') AS serial_plan_is_parallel;
CREATE TEMP TABLE serial AS SELECT * FROM prox_totals;
CREATE TEMP TABLE serial_grouped AS SELECT * FROM prox_grouped;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT proximity_plan_is_parallel('SELECT * FROM prox_totals') AS totals_plan_is_parallel,
       proximity_plan_is_parallel('SELECT * FROM prox_grouped') AS grouped_plan_is_parallel;
CREATE TEMP TABLE parallel AS SELECT * FROM prox_totals;
CREATE TEMP TABLE parallel_grouped AS SELECT * FROM prox_grouped;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
-- Compensated sums: equal up to the rounding of the last additions.  The
-- mixes hold whole numbers, so they are equal bit for bit.
SELECT abs(p.decay - s.decay) <= 1e-15 * s.decay AS decay_equal,
       abs(p.mean - s.mean) <= 1e-15 * s.mean AS mean_equal,
       ST_Distance(p.centroid, s.centroid) < 1e-6 AS centroid_equal,
       p.within_reach = s.within_reach AS within_reach_equal,
       s.decay > 0 AND s.mean > 0 AND s.centroid IS NOT NULL AND producer_count(s.within_reach) = 40 AS non_trivial
FROM serial s, parallel p;
SELECT count(*) AS groups,
       bool_and(abs(p.decay - s.decay) <= 1e-15 * s.decay) AS decay_equal,
       bool_and(abs(p.mean - s.mean) <= 1e-15 * s.mean) AS mean_equal,
       bool_and(ST_Distance(p.centroid, s.centroid) < 1e-6) AS centroid_equal
FROM serial_grouped s JOIN parallel_grouped p USING (k);

-------------------------------------------------------------------------------
-- The GiST index is used (booleans from EXPLAIN (FORMAT JSON))
-------------------------------------------------------------------------------

-- True when the plan of query (with $1 = center, $2 = arg) scans index_name
-- by an Index Scan, Index Only Scan or Bitmap Index Scan node.
CREATE FUNCTION plan_uses_index(query text, index_name text, center geography DEFAULT NULL, arg float8 DEFAULT NULL)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE plan jsonb;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan USING center, arg;
	RETURN jsonb_path_exists(plan,
		'$.** ? (@."Index Name" == $idx && (@."Node Type" == "Index Scan" || @."Node Type" == "Index Only Scan" || @."Node Type" == "Bitmap Index Scan"))',
		jsonb_build_object('idx', index_name));
END $$;
CREATE FUNCTION knn_plan_uses_index(query text, index_name text, center geography, k integer)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE plan jsonb;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan USING center, k;
	RETURN jsonb_path_exists(plan,
		'$.** ? (@."Index Name" == $idx && (@."Node Type" == "Index Scan" || @."Node Type" == "Index Only Scan"))',
		jsonb_build_object('idx', index_name));
END $$;

-- Pattern A, inlined in the caller's query.
SELECT plan_uses_index($$SELECT count(*) FROM prox_points WHERE within_radius(geog, 'POINT(82.6 50)', 300000)$$,
                       'prox_points_geog_idx') AS within_radius_uses_index,
       plan_uses_index($$SELECT count(*) FROM prox_points p, route r WHERE within_corridor(p.geog, r.line, 50000)$$,
                       'prox_points_geog_idx') AS within_corridor_uses_index,
       plan_uses_index($$SELECT id FROM prox_points ORDER BY geog <-> 'POINT(82.6 50)'::geography LIMIT 5$$,
                       'prox_points_geog_idx') AS raw_knn_uses_index,
       plan_uses_index($$SELECT count(*) FROM hub h JOIN prox_points p ON within_radius(p.geog, h.geog, 300000)$$,
                       'prox_points_geog_idx') AS join_uses_index;
-- The same with a search_path that does not see PostGIS or the extension:
-- the bodies are bound at creation, so they still inline to PostGIS.
SET search_path = pg_catalog, pg_temp;
SELECT public.plan_uses_index($$SELECT count(*) FROM public.prox_points WHERE public.within_radius(geog, 'POINT(82.6 50)', 300000)$$,
                       'prox_points_geog_idx') AS restricted_path_uses_index;
SELECT count(*) AS restricted_path_count FROM public.prox_points WHERE public.within_radius(geog, 'POINT(82.6 50)', 300000);
RESET search_path;
SELECT count(*) AS full_scan_count FROM prox_points WHERE ST_Distance(geog, 'POINT(82.6 50)') <= 300000;
-- Pattern B: the very query text the functions EXECUTE, with the same
-- parameters.
SELECT plan_uses_index(proximity_sql('radius', NULL::prox_points, 'geog'), 'prox_points_geog_idx',
                       'POINT(82.6 50)', 300000) AS rows_within_radius_uses_index,
       plan_uses_index(proximity_sql('corridor', NULL::prox_points, 'geog'), 'prox_points_geog_idx',
                       (SELECT line FROM route), 50000) AS rows_within_corridor_uses_index,
       knn_plan_uses_index(proximity_sql('nearest', NULL::prox_points, 'geog'), 'prox_points_geog_idx',
                           'POINT(82.6 50)', 5) AS nearest_rows_uses_index;
-- The check itself tells the difference: ST_Distance(...) <= r cannot use it.
SELECT plan_uses_index($$SELECT count(*) FROM prox_points WHERE ST_Distance(geog, 'POINT(82.6 50)') <= 300000$$,
                       'prox_points_geog_idx') AS st_distance_filter_uses_index;

-------------------------------------------------------------------------------
-- Leave the database as the tests after this one expect: without PostGIS
-------------------------------------------------------------------------------

SET client_min_messages = warning;
DROP SCHEMA deposits CASCADE;
DROP VIEW prox_totals, prox_grouped;
DROP TABLE hub, route, prox_points, "odd ""name"" table", serial, parallel, serial_grouped, parallel_grouped;
DROP FUNCTION sqlstate_of(text), proximity_plan_is_parallel(text),
              plan_uses_index(text, text, geography, float8), knn_plan_uses_index(text, text, geography, integer);
SET ROLE NONE;
DROP EXTENSION mineral_supply_postgis;
DROP EXTENSION postgis;
SET ROLE mineral_supply_analyst;
RESET client_min_messages;
SELECT count(*) AS postgis_installed FROM pg_extension WHERE extname = 'postgis';
SELECT hhi('{"CN": 3, "KZ": 1}'::supply_mix) AS core_still_works;
