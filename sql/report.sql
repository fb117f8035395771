--
-- report: the analyst report (demo/report_tables.sql) on the shipped data,
-- its figures checked against computations made here straight from the
-- loaded files, without supply_mix: plain sums, counts and comparisons
-- over usgs.world_production and usgs.mcs2025_raw (the MCS 2025 file's text
-- cells).  Nothing below is a pasted figure: each check compares the
-- report's number with one derived here, and prints both or the comparison.
--
-- pg_regress runs psql in the project root, so the loaders' default datadir
-- "data" works.
--
\set ECHO none
\i demo/load_usgs.sql
\i demo/load_world_production.sql
\i demo/series_map.sql
\i demo/report_tables.sql
\set ECHO all

-- Every production figure of both files, as this test reads them: the
-- normalised file's rows (world totals and reserves out), and the MCS 2025
-- file's numeric production cells of the series demo.mcs2025_series maps.
CREATE TEMP TABLE raw AS
SELECT 'wp' AS file, edition, commodity, stage, year,
	CASE WHEN row_kind = 'country' THEN country END AS country, quantity
FROM usgs.world_production
WHERE stage <> 'reserves' AND row_kind <> 'world total'
UNION ALL
SELECT 'mcs', 2025, m.commodity, m.stage, c.year,
	CASE WHEN c.row_kind = 'country' THEN c.country_as_published END,
	replace(btrim(c.cell), ',', '')::float8
FROM usgs.mcs2025_cells AS c
JOIN demo.mcs2025_series AS m ON m.mcs_commodity = c.commodity AND m.mcs_type = c.stage
WHERE m.production_series AND c.row_kind <> 'world total'
  AND btrim(c.cell) ~ '^[0-9][0-9,]*(\.[0-9]+)?$';
-- Each series and data year from its latest edition; the normalised file
-- where both files have that edition.
CREATE TEMP TABLE raw_latest AS
WITH l AS (
	SELECT commodity, stage, year, max(edition) AS edition FROM raw GROUP BY 1, 2, 3
), f AS (
	SELECT l.*,
		CASE WHEN EXISTS (SELECT FROM raw AS r WHERE r.file = 'wp'
		                  AND (r.commodity, r.stage, r.year, r.edition) = (l.commodity, l.stage, l.year, l.edition))
		     THEN 'wp' ELSE 'mcs' END AS file
	FROM l
)
SELECT r.* FROM raw AS r JOIN f USING (commodity, stage, year, edition, file);
ANALYZE raw, raw_latest;

-- One edition per figure: every series and data year of the report comes
-- from one edition, the latest that reports it.
SELECT count(*) AS series_years,
	count(*) FILTER (WHERE s.edition = l.latest) AS from_latest_edition
FROM report.series_year AS s
JOIN (SELECT commodity, stage, year, max(edition) AS latest FROM raw GROUP BY 1, 2, 3) AS l
	USING (commodity, stage, year);
SELECT year, string_agg(DISTINCT edition::text, ', ') AS editions_used
FROM report.series_year GROUP BY year ORDER BY year;

-- The measures of every series and year, against sums over the rows:
-- total, the HHI lower bound (named shares squared) and upper bound (plus
-- the remainder as one producer), top share, producer count.
WITH t AS (
	SELECT commodity, stage, year, sum(quantity) AS total,
		sum(quantity) FILTER (WHERE country IS NULL) AS rest
	FROM raw_latest GROUP BY 1, 2, 3
), c AS (
	SELECT r.commodity, r.stage, r.year, r.country, sum(r.quantity) AS q
	FROM raw_latest AS r WHERE r.country IS NOT NULL GROUP BY 1, 2, 3, 4
), m AS (
	SELECT c.commodity, c.stage, c.year,
		10000 * sum((c.q / t.total) ^ 2) AS hhi_lower,
		10000 * (sum((c.q / t.total) ^ 2) + (coalesce(t.rest, 0) / t.total) ^ 2) AS hhi_upper,
		max(c.q) / t.total AS top_share,
		count(*) FILTER (WHERE c.q > 0) AS producers,
		t.total
	FROM c JOIN t USING (commodity, stage, year)
	WHERE t.total > 0
	GROUP BY c.commodity, c.stage, c.year, t.total, t.rest
)
SELECT count(*) AS series_years,
	count(*) FILTER (WHERE abs(s.total - m.total) <= 1e-9 * m.total) AS total_ok,
	count(*) FILTER (WHERE abs(s.hhi_lower - m.hhi_lower) <= 1e-9 * 10000) AS hhi_lower_ok,
	count(*) FILTER (WHERE abs(s.hhi_upper - m.hhi_upper) <= 1e-9 * 10000) AS hhi_upper_ok,
	count(*) FILTER (WHERE abs(s.top_share - m.top_share) <= 1e-12) AS top_share_ok,
	count(*) FILTER (WHERE s.producers = m.producers) AS producers_ok
FROM report.series_year AS s
FULL JOIN m USING (commodity, stage, year);

-- Kazakhstan: rank (1 + listed countries with more) and share of the
-- complete total, in every series and year it is listed in.
CREATE TEMP TABLE kz_derived AS
SELECT k.commodity, k.stage, k.year, k.q,
	1 + (SELECT count(*) FROM (SELECT country FROM raw_latest AS o
	                           WHERE (o.commodity, o.stage, o.year) = (k.commodity, k.stage, k.year)
	                             AND o.country IS NOT NULL
	                           GROUP BY country HAVING sum(o.quantity) > k.q) AS above) AS rank,
	k.q / (SELECT sum(quantity) FROM raw_latest AS a
	       WHERE (a.commodity, a.stage, a.year) = (k.commodity, k.stage, k.year)) AS share
FROM (SELECT commodity, stage, year, sum(quantity) AS q FROM raw_latest
      WHERE country = 'Kazakhstan' GROUP BY 1, 2, 3 HAVING sum(quantity) > 0) AS k;
SELECT count(*) AS kz_series_years,
	count(*) FILTER (WHERE s.kz_rank = d.rank) AS rank_ok,
	count(*) FILTER (WHERE abs(s.kz_share - d.share) <= 1e-12) AS share_ok
FROM kz_derived AS d
FULL JOIN (SELECT * FROM report.series_year WHERE kz_quantity > 0) AS s USING (commodity, stage, year);
-- The view the report prints: one row per series Kazakhstan appears in, at
-- the latest year it is listed.
SELECT count(*) AS rows,
	count(*) = (SELECT count(DISTINCT (commodity, stage)) FROM kz_derived) AS one_per_series,
	bool_and(v.rank = d.rank AND v.share_pct = round((100 * d.share)::numeric, 1)) AS ranks_and_shares_ok
FROM report.v_kazakhstan AS v
JOIN kz_derived AS d USING (commodity, stage, year);

-- The claims about chromium and copper: Kazakhstan's rank in every data
-- year, derived here, and the report's.
SELECT d.commodity, d.stage, d.year, s.edition, d.rank, s.kz_rank AS report_rank,
	round((100 * d.share)::numeric, 1) AS share_pct
FROM kz_derived AS d
JOIN report.series_year AS s USING (commodity, stage, year)
WHERE d.commodity IN ('chromium', 'copper')
ORDER BY d.commodity, d.stage, d.year;
SELECT n, verdict FROM report.v_claims ORDER BY n;
-- The verdicts follow from the ranks derived here: chromium 2nd and copper
-- 11th in the latest data year of any stage.
SELECT c.n, c.verdict LIKE 'agree%' = bool_or(d.rank = c.claimed) AS verdict_follows
FROM (SELECT r.n, r.verdict, v.commodity, v.claimed FROM report.claims AS r
      JOIN (VALUES (1, 'chromium', 2), (2, 'copper', 11)) AS v(n, commodity, claimed) ON v.n = r.n) AS c
JOIN kz_derived AS d ON d.commodity = c.commodity
 AND d.year = (SELECT max(year) FROM raw_latest AS x WHERE (x.commodity, x.stage) = (d.commodity, d.stage))
GROUP BY c.n, c.verdict
ORDER BY c.n;

-- The US lists: materials with Kazakh production, capacity or reserves.
-- Derived here from the MCS 2025 file's text cells (PROD_2023, PROD_EST_
-- 2024, CAP_2023, CAP_EST_ 2024, RESERVES_2024, or reserves stated as
-- "Large"/"Moderate") and, for the earlier editions, from the normalised
-- file (production and reserves), through the two shipped mapping tables.
CREATE TEMP VIEW kz_commodity AS
SELECT m.commodity, 2025 AS edition
FROM usgs.mcs2025_raw AS r
JOIN demo.mcs2025_series AS m ON m.mcs_commodity = usgs.clean_name(r.commodity) AND m.mcs_type = usgs.clean_name(r.type)
CROSS JOIN LATERAL unnest(ARRAY[r.prod_2023, r.prod_est_2024, r.cap_2023, r.cap_est_2024, r.reserves_2024]) AS cell
WHERE usgs.clean_name(r.country) = 'Kazakhstan'
  AND ((btrim(cell) ~ '^[0-9][0-9,]*(\.[0-9]+)?$' AND replace(btrim(cell), ',', '')::numeric > 0)
       OR (coalesce(btrim(r.reserves_2024), '') = '' AND r.reserve_notes ~* '^\s*(large|moderate)'))
UNION
SELECT commodity, edition FROM usgs.world_production WHERE iso2 = 'KZ' AND quantity > 0;
WITH derived AS (
	SELECT l.list, count(*) AS materials,
		count(*) FILTER (WHERE EXISTS (SELECT FROM demo.usgs_commodity_list_entry AS e JOIN kz_commodity AS k USING (commodity)
		                               WHERE e.material = l.material AND k.edition = 2025)) AS in_mcs2025,
		count(*) FILTER (WHERE EXISTS (SELECT FROM demo.usgs_commodity_list_entry AS e JOIN kz_commodity AS k USING (commodity)
		                               WHERE e.material = l.material)) AS in_any,
		string_agg(l.material, ', ' ORDER BY l.material)
			FILTER (WHERE EXISTS (SELECT FROM demo.usgs_commodity_list_entry AS e JOIN kz_commodity AS k USING (commodity)
			                      WHERE e.material = l.material AND k.edition = 2025)) AS named
	FROM critical_material_list AS l
	WHERE l.list IN ('usgs_2025_draft', 'usgs_2025_final')
	GROUP BY l.list
)
SELECT d.list, d.materials, d.in_mcs2025, v.with_kz_mcs2025 AS report_in_mcs2025,
	d.in_any, v.with_kz_any_edition AS report_in_any,
	d.named = v.materials_mcs2025 AS same_materials
FROM derived AS d JOIN report.v_us_lists AS v USING (list)
ORDER BY d.list;

-- The gallium scenario, derived from the rows: the latest gallium year, and
-- the same with 15 t (15 000 kg: the unit is kilograms) for Kazakhstan.
WITH g AS (
	SELECT * FROM raw_latest
	WHERE commodity = 'gallium' AND stage = 'refinery'
	  AND year = (SELECT max(year) FROM raw_latest WHERE commodity = 'gallium')
), t AS (
	SELECT sum(quantity) AS total, sum(quantity) FILTER (WHERE country = 'China') AS china,
		sum((quantity) ^ 2) FILTER (WHERE country IS NOT NULL) AS sq
	FROM g
)
SELECT round((t.total / 1000)::numeric, 1) AS world_t,
	round((100 * t.china / t.total)::numeric, 2) AS china_pct_before,
	round((100 * t.china / (t.total + 15000))::numeric, 2) AS china_pct_after,
	round((100 * 15000 / (t.total + 15000))::numeric, 2) AS kazakhstan_pct_after,
	round((10000 * t.sq / t.total ^ 2)::numeric, 0) AS hhi_before,
	round((10000 * (t.sq + 15000 ^ 2) / (t.total + 15000) ^ 2)::numeric, 0) AS hhi_after,
	abs(b.cn_share - t.china / t.total) < 1e-12
	AND abs(a.cn_share - t.china / (t.total + 15000)) < 1e-12
	AND abs(a.kz_share - 15000 / (t.total + 15000)) < 1e-12
	AND abs(b.hhi_lower - 10000 * t.sq / t.total ^ 2) < 1e-7
	AND abs(a.hhi_lower - 10000 * (t.sq + 15000 ^ 2) / (t.total + 15000) ^ 2) < 1e-7 AS report_agrees
FROM t, report.gallium_scenario AS b, report.gallium_scenario AS a
WHERE b.n = 1 AND a.n = 2;

-- China in processing: the refinery, smelter and plant series of listed
-- materials where China has the largest figure, at each series' latest year.
WITH latest AS (
	SELECT r.* FROM raw_latest AS r
	WHERE r.stage IN ('refinery', 'smelter', 'plant')
	  AND EXISTS (SELECT FROM demo.usgs_commodity_list_entry AS e WHERE e.commodity = r.commodity AND e.material IS NOT NULL)
	  AND r.year = (SELECT max(year) FROM raw_latest AS x WHERE (x.commodity, x.stage) = (r.commodity, r.stage))
), c AS (
	SELECT commodity, stage, country, sum(quantity) AS q FROM latest WHERE country IS NOT NULL GROUP BY 1, 2, 3
), first AS (
	SELECT DISTINCT ON (commodity, stage) commodity, stage, country FROM c ORDER BY commodity, stage, q DESC, country
)
SELECT count(*) AS series, count(*) FILTER (WHERE country = 'China') AS china_first,
	(SELECT count(*) FROM report.v_china_processing) AS report_series,
	(SELECT count(*) FROM report.v_china_processing WHERE china_rank = 1) AS report_china_first
FROM first;

-- Uranium: no series in either file.
SELECT (SELECT count(*) FROM usgs.world_production WHERE commodity ILIKE '%uranium%') AS world_production_rows,
	(SELECT count(*) FROM usgs.mcs2025_raw WHERE commodity ILIKE '%uranium%') AS mcs2025_rows;

-- demo/series_map.sql names every series of the MCS 2025 table (95), and
-- every list entry it names is in critical_material_list.
SELECT count(*) AS series,
	count(*) FILTER (WHERE NOT EXISTS (SELECT FROM demo.mcs2025_series AS m
	                                   WHERE m.mcs_commodity = s.commodity AND m.mcs_type = s.type)) AS unmapped
FROM (SELECT DISTINCT usgs.clean_name(commodity) AS commodity, usgs.clean_name(type) AS type
      FROM usgs.mcs2025_raw) AS s;
SELECT count(*) AS list_entries,
	count(*) FILTER (WHERE NOT EXISTS (SELECT FROM critical_material_list AS l WHERE l.material = e.material)) AS not_on_a_list
FROM demo.usgs_commodity_list_entry AS e
WHERE e.material IS NOT NULL;

-- Leave schema usgs as demo/load_usgs.sql makes it (as usgs_rare_earths
-- does); the rest goes.
SET client_min_messages = warning;
DROP SCHEMA report, demo CASCADE;
DROP TABLE usgs.world_production, usgs.world_production_raw;
RESET client_min_messages;

