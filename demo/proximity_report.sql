-- proximity_report.sql: what lies near the Kazakh processing plants, and
-- where the supply-weighted centres are (mineral_supply_postgis).  Run after
-- demo/load_deposits.sql and demo/load_world_production.sql; needs CREATE
-- EXTENSION mineral_supply_postgis CASCADE.  Distances are PostGIS'
-- (geography, WGS 84 spheroid); the rounding is for display only.

\echo
\echo 'Deposits near the Kazakh processing facilities'
\echo 'Data: deposit points of USGS compilations (public domain) and of the Geological Survey of'
\echo 'Canada world tin/tungsten deposits (doi:10.4095/295581, Open Government Licence - Canada);'
\echo '14 facilities (10 USGS MRDS records, 4 plants named in the news), see data/deposits/README.md.'
\echo 'A deposit is a point of a compilation: the same deposit can appear in several sources, and'
\echo 'many ex-USSR points are district-level.  Counts are of points, unweighted: by country'
\echo '(country_code keys) and by commodity (a point listing several commodities counts for each).'
\echo

-- 1. Points within 300 km of each facility (within_radius: ST_DWithin on the GiST index).
SELECT f.name AS facility,
	count(d.id) AS points_within_300_km,
	supply_mix_agg(d.country, 1) FILTER (WHERE d.id IS NOT NULL)::text AS points_by_country,
	(SELECT string_agg(c || ' ' || n, ', ' ORDER BY n DESC, c)
	   FROM (SELECT c, count(*) AS n
	           FROM deposits.deposit d2, unnest(d2.commodities) c
	          WHERE within_radius(d2.geog, f.geog, 300000)
	          GROUP BY c ORDER BY count(*) DESC, c LIMIT 5) t) AS top_commodities
FROM deposits.facility f
LEFT JOIN deposits.deposit d ON within_radius(d.geog, f.geog, 300000)
GROUP BY f.id, f.name, f.geog
ORDER BY f.name;

\echo
\echo 'Contained WO3 within reach of each facility (tonnage-weighted, where tonnage exists)'
\echo 'Weights: contained WO3 in tonnes of the GSC tin/tungsten points, read from the first "WO3:"'
\echo 'figure of each point (ore tonnes x grade, or the contained figure; one implausible figure,'
\echo 'Searles Lake 170 Mt, left out; points giving W only are not read).  These are resource or'
\echo 'reserve figures of various years and categories, not production.  within_reach = points within'
\echo '1000 km; share_of_sample = within_reach / all WO3 of the sample (171 points, world-wide);'
\echo 'accessible = sum of WO3 x 2^(-distance/250 km) over every point (distance decay, half-distance'
\echo '250 km); mean_haul_km = WO3-weighted mean distance of the points within 1000 km.'
\echo

SELECT f.name AS facility,
	round(total(s.near)::numeric) AS wo3_t_within_1000_km,
	round((total(s.near) / total(s.world))::numeric, 3) AS share_of_sample,
	round(hhi(s.near)::numeric) AS hhi_within_reach,
	s.near::text AS within_reach_by_country,
	round(s.accessible::numeric) AS accessible_wo3_t,
	round((s.mean_haul / 1000)::numeric) AS mean_haul_km
FROM deposits.facility f
CROSS JOIN LATERAL (
	SELECT supply_mix_agg(d.country, d.wo3_t) FILTER (WHERE within_radius(d.geog, f.geog, 1000000)) AS near,
		supply_mix_agg(d.country, d.wo3_t) AS world,
		accessible_supply(d.wo3_t, ST_Distance(d.geog, f.geog), 250000) AS accessible,
		supply_mean_distance(d.wo3_t, ST_Distance(d.geog, f.geog))
			FILTER (WHERE within_radius(d.geog, f.geog, 1000000)) AS mean_haul
	FROM deposits.deposit d
	WHERE d.wo3_t IS NOT NULL
) s
ORDER BY total(s.near) DESC, f.name;

\echo
\echo 'Supply-weighted centres (supply_centroid: weighted mean of 3-D unit vectors on the sphere)'
\echo 'WO3: the GSC tungsten points, weighted by contained WO3 (as above).'
\echo 'Rare earths: USGS mine production by country (REO equivalent) of 2020 (MCS 2022 edition) and'
\echo '2024 (MCS 2025 edition, estimated), each country''s production split equally among its'
\echo 'rare-earth points in the sample (points listing "ree"), since the data give no mine locations.'
\echo 'Production of countries without such a point, and "Other countries", is left out:'
\echo 'placed_share = placed production / production of all countries and "Other countries".'
\echo

SELECT 'WO3, all points' AS what,
	round(ST_Y(c::geometry)::numeric, 2) AS lat, round(ST_X(c::geometry)::numeric, 2) AS lon,
	NULL::numeric AS placed_share
FROM (SELECT supply_centroid(geog, wo3_t) AS c FROM deposits.deposit) s
UNION ALL
SELECT 'WO3, points outside Kazakhstan',
	round(ST_Y(c::geometry)::numeric, 2), round(ST_X(c::geometry)::numeric, 2), NULL
FROM (SELECT supply_centroid(geog, wo3_t) AS c FROM deposits.deposit WHERE country <> 'KZ') s
UNION ALL
SELECT format('rare earths, mine production %s', p.year),
	round(ST_Y(c::geometry)::numeric, 2), round(ST_X(c::geometry)::numeric, 2),
	round((placed / total)::numeric, 3)
FROM (
	SELECT w.year,
		supply_centroid(r.geog, w.quantity / r.n) AS c,
		sum(w.quantity / r.n) AS placed,
		(SELECT sum(quantity) FROM usgs.world_production t
		  WHERE t.edition = w.edition AND t.commodity = w.commodity AND t.stage = w.stage
		    AND t.year = w.year AND t.row_kind <> 'world total') AS total
	FROM usgs.world_production w
	JOIN (SELECT d.country, d.geog, count(*) OVER (PARTITION BY d.country) AS n
	        FROM deposits.deposit d WHERE 'ree' = ANY (d.commodities)) r ON r.country = w.iso2
	WHERE w.commodity = 'rare earths' AND w.stage = 'mine' AND w.row_kind = 'country'
	  AND (w.edition, w.year) IN ((2022, 2020), (2025, 2024))
	GROUP BY w.edition, w.commodity, w.stage, w.year
) p
ORDER BY 1;

SELECT round((ST_Distance(a.c, b.c) / 1000)::numeric) AS rare_earth_centre_moved_km_2020_to_2024
FROM (SELECT supply_centroid(r.geog, w.quantity / r.n) AS c, w.year
        FROM usgs.world_production w
        JOIN (SELECT d.country, d.geog, count(*) OVER (PARTITION BY d.country) AS n
                FROM deposits.deposit d WHERE 'ree' = ANY (d.commodities)) r ON r.country = w.iso2
       WHERE w.commodity = 'rare earths' AND w.stage = 'mine' AND w.row_kind = 'country'
         AND (w.edition, w.year) IN ((2022, 2020), (2025, 2024))
       GROUP BY w.year) a
JOIN (SELECT supply_centroid(r.geog, w.quantity / r.n) AS c, w.year
        FROM usgs.world_production w
        JOIN (SELECT d.country, d.geog, count(*) OVER (PARTITION BY d.country) AS n
                FROM deposits.deposit d WHERE 'ree' = ANY (d.commodities)) r ON r.country = w.iso2
       WHERE w.commodity = 'rare earths' AND w.stage = 'mine' AND w.row_kind = 'country'
         AND (w.edition, w.year) IN ((2022, 2020), (2025, 2024))
       GROUP BY w.year) b ON a.year = 2020 AND b.year = 2024;
