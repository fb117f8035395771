-- report_tables.sql: the analyst report's figures, computed once into schema
-- "report".  demo/analyst_report.sql prints them (every section is one view,
-- printed with TABLE), demo/report_html.sql writes the same views as HTML
-- tables and SVG charts, sql/report.sql checks them against the raw data.
--
--   psql -f demo/report_tables.sql
--
-- Needs CREATE EXTENSION mineral_supply and, loaded before it,
-- demo/load_usgs.sql, demo/load_world_production.sql (after load_usgs.sql)
-- and demo/series_map.sql.  Idempotent: drops and recreates schema report.
-- Prints nothing.
--
-- Sources and the edition rule.  Two files give production by country:
-- world_production.csv (MCS 2022-2025 editions, data years 2020-2024, a
-- selection of commodities) and the MCS 2025 world data table (every
-- commodity, 2023 and 2024).  demo.mcs2025_series names the MCS 2025 series
-- like world_production.csv, so together they are one set of series
-- (commodity, stage).  Measures never mix editions: for each series and data
-- year the report takes the LATEST edition that reports it (2023 is an
-- estimate in MCS 2024 and revised in MCS 2025: MCS 2025 wins); where both
-- files have that edition, world_production.csv (its units are corrected).
-- Producers are the country names as published; "Other countries" is the
-- unattributed remainder of the mix.
--
-- Ranks: 1 + the number of LISTED countries with a larger figure (ties share
-- a rank).  USGS lists the main producers and lumps the rest into "Other
-- countries"; where that remainder is larger than Kazakhstan's figure an
-- unlisted country could in principle be larger too: rank_exact says whether
-- the rank is certain.

BEGIN;
SET LOCAL client_min_messages = warning;

DROP SCHEMA IF EXISTS report CASCADE;
CREATE SCHEMA report;
COMMENT ON SCHEMA report IS
	'The analyst report (demo/report_tables.sql): materialised figures and one view per printed section';

-- The mapping tables must cover the data: every MCS 2025 series named, every
-- list entry of the mapping on a list.
DO $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(DISTINCT c.commodity || ' / ' || c.stage, '; ') INTO missing
	FROM usgs.mcs2025_cells AS c
	LEFT JOIN demo.mcs2025_series AS s ON s.mcs_commodity = c.commodity AND s.mcs_type = c.stage
	WHERE s.commodity IS NULL;
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'demo.mcs2025_series does not name these MCS 2025 series: %', missing;
	END IF;
	SELECT string_agg(DISTINCT e.material, '; ') INTO missing
	FROM demo.usgs_commodity_list_entry AS e
	WHERE e.material IS NOT NULL
	  AND NOT EXISTS (SELECT FROM critical_material_list AS l WHERE l.material = e.material);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'demo.usgs_commodity_list_entry names entries that are on no list: %', missing;
	END IF;
END
$$;

-- Rank of a producer in a mix: 1 + the named producers with a larger figure;
-- NULL when it has none.
CREATE FUNCTION report.producer_rank(m supply_mix, who text) RETURNS integer
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN CASE WHEN quantity(m, who) > 0 THEN
		1 + (SELECT count(*) FROM producers(m) AS p
		     WHERE p.producer IS NOT NULL AND p.quantity > quantity(m, who))::integer
	END;

-- Word wrap for the terminal: a line break after the last blank within
-- width characters (the views keep their text in one line).
CREATE FUNCTION report.wrap(t text, width integer) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN rtrim(regexp_replace(t, '(.{1,' || width || '})(\s+|$)', E'\\1\n', 'g'), E'\n');

-- Short codes of the lists a commodity stands for, in a fixed order.
CREATE TABLE report.commodity_lists AS
SELECT e.commodity,
	string_agg(DISTINCT l.list, ' ') AS list_names,
	concat_ws(' ',
		CASE WHEN bool_or(l.list = 'eu_crma_strategic') THEN 'EU-S' END,
		CASE WHEN bool_or(l.list = 'eu_crma_critical') THEN 'EU-C' END,
		CASE WHEN bool_or(l.list = 'usgs_2022') THEN 'US22' END,
		CASE WHEN bool_or(l.list = 'usgs_2025_draft') THEN 'US25d' END,
		CASE WHEN bool_or(l.list = 'usgs_2025_final') THEN 'US25f' END) AS lists
FROM demo.usgs_commodity_list_entry AS e
JOIN critical_material_list AS l ON l.material = e.material
GROUP BY e.commodity;

-- 1. Every production figure of both files, one row per published row.
CREATE TABLE report.production_rows AS
SELECT 'world_production.csv'::text AS source, 1 AS priority,
	w.edition, w.commodity, w.stage, w.year, w.unit,
	CASE WHEN w.row_kind = 'country' THEN w.country END AS producer,
	w.quantity
FROM usgs.world_production AS w
WHERE w.stage <> 'reserves' AND w.row_kind <> 'world total'
UNION ALL
SELECT 'MCS2025_World_Data.csv', 2,
	2025, s.commodity, s.stage, p.year, p.unit, p.country, p.quantity
FROM usgs.mcs2025_production AS p
JOIN demo.mcs2025_series AS s ON s.mcs_commodity = p.commodity AND s.mcs_type = p.stage
WHERE s.production_series;

-- Published world totals, for comparison: world_production.csv's world-total
-- row, or the first numeric "World total" of the MCS 2025 table.
CREATE TABLE report.world_totals AS
SELECT 'world_production.csv'::text AS source, w.edition, w.commodity, w.stage, w.year, w.quantity
FROM usgs.world_production AS w
WHERE w.stage <> 'reserves' AND w.row_kind = 'world total'
UNION ALL
(SELECT DISTINCT ON (s.commodity, s.stage, t.year)
	'MCS2025_World_Data.csv', 2025, s.commodity, s.stage, t.year, t.quantity
FROM usgs.mcs2025_world_total AS t
JOIN demo.mcs2025_series AS s ON s.mcs_commodity = t.commodity AND s.mcs_type = t.stage
WHERE s.production_series
ORDER BY s.commodity, s.stage, t.year, t.line_no);

-- 2. The edition (and file) each series and data year is taken from: the
--    latest edition that reports it.
CREATE TABLE report.series_source AS
SELECT DISTINCT ON (commodity, stage, year) commodity, stage, year, edition, source
FROM report.production_rows
ORDER BY commodity, stage, year, edition DESC, priority;

-- 3. One mix per series and data year, and its measures.
CREATE TABLE report.series_year AS
WITH mixes AS (
	SELECT r.commodity, r.stage, r.year, s.edition, s.source,
		string_agg(DISTINCT r.unit, ' / ')    AS unit,
		supply_mix_agg(r.producer, r.quantity) AS m
	FROM report.production_rows AS r
	JOIN report.series_source AS s USING (commodity, stage, year, edition, source)
	GROUP BY r.commodity, r.stage, r.year, s.edition, s.source
)
SELECT x.commodity, x.stage, x.year, x.edition, x.source, x.unit, x.m,
	cl.lists,
	total(x.m)                              AS total,
	wt.quantity                             AS world_total_published,
	remainder(x.m)                          AS remainder,
	t.producer                              AS top_producer,
	t.share                                 AS top_share,
	concentration_ratio(x.m, 3)             AS cr3,
	b.lower                                 AS hhi_lower,
	b.upper                                 AS hhi_upper,
	effective_suppliers(x.m)                AS effective_suppliers,
	producer_count(x.m)                     AS producers,
	quantity(x.m, 'Kazakhstan')             AS kz_quantity,
	share(x.m, 'Kazakhstan')                AS kz_share,
	report.producer_rank(x.m, 'Kazakhstan') AS kz_rank,
	share(x.m, 'China')                     AS cn_share,
	report.producer_rank(x.m, 'China')      AS cn_rank
FROM mixes AS x
CROSS JOIN LATERAL hhi_bounds(x.m) AS b
LEFT JOIN LATERAL top_producers(x.m, 1) AS t ON true
LEFT JOIN report.world_totals AS wt
	ON (wt.source, wt.edition, wt.commodity, wt.stage, wt.year) = (x.source, x.edition, x.commodity, x.stage, x.year)
LEFT JOIN report.commodity_lists AS cl ON cl.commodity = x.commodity
WHERE total(x.m) > 0;
ALTER TABLE report.series_year ADD PRIMARY KEY (commodity, stage, year);

-- Each series at its latest data year.
CREATE VIEW report.series_latest AS
SELECT DISTINCT ON (commodity, stage) *
FROM report.series_year
ORDER BY commodity, stage, year DESC;

-- 4. Kazakhstan's production, capacity and reserves in every file and
--    edition (figures > 0; reserves given only in words, "Large" or
--    "Moderate", count too, with quantity NULL).
CREATE TABLE report.kz_evidence AS
SELECT r.commodity, r.stage, 'production'::text AS measure, r.edition, r.year,
	r.quantity, r.unit, r.source
FROM report.production_rows AS r
WHERE r.producer = 'Kazakhstan' AND r.quantity > 0
UNION ALL
SELECT s.commodity, s.stage, c.measure, 2025, c.year,
	c.quantity, coalesce(c.notes, c.unit), 'MCS2025_World_Data.csv'
FROM usgs.mcs2025_capacity_reserves AS c
JOIN demo.mcs2025_series AS s ON s.mcs_commodity = c.commodity AND s.mcs_type = c.stage
WHERE c.country_as_published = 'Kazakhstan'
  AND ((c.reading = 'number' AND c.quantity > 0)
       OR (c.reading LIKE 'blank%' AND c.notes ~* '^(large|moderate)'))
UNION ALL
SELECT w.commodity, w.stage, 'reserves', w.edition, w.year, w.quantity, w.unit, 'world_production.csv'
FROM usgs.world_production AS w
WHERE w.iso2 = 'KZ' AND w.stage = 'reserves' AND w.quantity > 0;

-- The materials of the US 2025 lists that this evidence stands for, through
-- demo.usgs_commodity_list_entry.
CREATE TABLE report.kz_list_material AS
SELECT l.list, l.material,
	bool_or(e.edition = 2025) AS in_mcs2025,
	string_agg(DISTINCT e.commodity, ', ' ORDER BY e.commodity) AS commodities
FROM critical_material_list AS l
JOIN demo.usgs_commodity_list_entry AS m ON m.material = l.material
JOIN report.kz_evidence AS e ON e.commodity = m.commodity
WHERE l.list IN ('usgs_2025_draft', 'usgs_2025_final')
GROUP BY l.list, l.material;

-- 5. The gallium scenario: the latest world mix, and the same mix with a
--    15 t/yr Kazakh plant added (adjust_producer), in the series' unit.
CREATE TABLE report.gallium_scenario AS
WITH g AS (
	SELECT *,
		CASE WHEN unit ~* '^kilograms' THEN 1000 WHEN unit ~* '^metric tons' THEN 1 END AS per_tonne
	FROM report.series_latest
	WHERE commodity = 'gallium' AND stage = 'refinery'
), cases AS (
	SELECT 1 AS n, 'as published' AS scenario, g.year, g.edition, g.per_tonne, g.m FROM g
	UNION ALL
	SELECT 2, 'with a 15 t/yr Kazakh plant', g.year, g.edition, g.per_tonne,
		adjust_producer(g.m, 'Kazakhstan', 15 * g.per_tonne) FROM g
)
SELECT c.n, c.scenario, c.year, c.edition, c.per_tonne, c.m,
	total(c.m) / c.per_tonne                 AS world_total_t,
	quantity(c.m, 'Kazakhstan') / c.per_tonne AS kz_t,
	share(c.m, 'Kazakhstan')                 AS kz_share,
	share(c.m, 'China')                      AS cn_share,
	b.lower                                  AS hhi_lower,
	b.upper                                  AS hhi_upper,
	effective_suppliers(c.m)                 AS effective_suppliers,
	report.producer_rank(c.m, 'Kazakhstan')  AS kz_rank
FROM cases AS c
CROSS JOIN LATERAL hhi_bounds(c.m) AS b;

DO $$
BEGIN
	IF (SELECT count(*) FROM report.gallium_scenario WHERE per_tonne IS NOT NULL) <> 2 THEN
		RAISE EXCEPTION 'gallium scenario: no gallium series, or a unit that is neither kilograms nor metric tons';
	END IF;
END
$$;

-- ---------------------------------------------------------------------------
-- The printed sections: one view each.  Rounding is for display; the
-- charts of demo/report_html.sql read the same views.
-- ---------------------------------------------------------------------------

-- Which edition each data year comes from.
CREATE VIEW report.v_editions AS
SELECT year,
	string_agg(DISTINCT 'MCS ' || edition, ', ') AS editions,
	count(*) AS series,
	count(*) FILTER (WHERE source = 'world_production.csv') AS from_world_production_csv,
	count(*) FILTER (WHERE source = 'MCS2025_World_Data.csv') AS from_mcs2025_table
FROM report.series_year
GROUP BY year
ORDER BY year;

-- Every series at its latest data year.
CREATE VIEW report.v_concentration AS
SELECT commodity, stage, year, edition, unit,
	total::numeric                                                  AS total,
	world_total_published::numeric                                  AS world_total_published,
	top_producer,
	round((100 * top_share)::numeric, 1)                           AS top_share_pct,
	round((100 * cr3)::numeric, 1)                                 AS cr3_pct,
	round(hhi_lower::numeric, 0)                                   AS hhi_lower,
	round(hhi_upper::numeric, 0)                                   AS hhi_upper,
	round(effective_suppliers::numeric, 2)                         AS effective_suppliers,
	producers,
	round((100 * remainder / total)::numeric, 1)                   AS other_countries_pct,
	coalesce(lists, '')                                             AS lists
FROM report.series_latest
ORDER BY hhi_lower DESC, commodity, stage;

-- HHI (lower bound) per data year, 2020-2024, and the change from the first
-- to the last year of the series (of the rounded figures shown).
CREATE VIEW report.v_hhi_trend AS
WITH y AS (
	SELECT commodity, stage, year, edition, round(hhi_lower::numeric, 0) AS hhi, lists
	FROM report.series_year
)
SELECT commodity, stage,
	max(hhi) FILTER (WHERE year = 2020) AS hhi_2020,
	max(hhi) FILTER (WHERE year = 2021) AS hhi_2021,
	max(hhi) FILTER (WHERE year = 2022) AS hhi_2022,
	max(hhi) FILTER (WHERE year = 2023) AS hhi_2023,
	max(hhi) FILTER (WHERE year = 2024) AS hhi_2024,
	string_agg(year || ':' || (edition % 100), ' ' ORDER BY year) AS year_edition,
	min(year) AS first_year,
	max(year) AS last_year,
	(array_agg(hhi ORDER BY year DESC))[1] - (array_agg(hhi ORDER BY year))[1] AS change,
	coalesce(min(lists), '') AS lists
FROM y
GROUP BY commodity, stage
ORDER BY (array_agg(hhi ORDER BY year DESC))[1] DESC, commodity, stage;

-- Kazakhstan in every series where it appears (any year), at the latest
-- year it appears, with its rank in each data year.
CREATE VIEW report.v_kazakhstan AS
WITH k AS (
	SELECT * FROM report.series_year WHERE kz_quantity > 0
), latest AS (
	SELECT DISTINCT ON (commodity, stage) * FROM k ORDER BY commodity, stage, year DESC
)
SELECT l.commodity, l.stage, l.year, l.edition,
	l.kz_quantity::numeric                              AS quantity,
	l.unit,
	round((100 * l.kz_share)::numeric, 1)               AS share_pct,
	l.kz_rank                                           AS rank,
	l.producers                                         AS listed,
	l.remainder < l.kz_quantity                         AS rank_exact,
	(SELECT kz_rank FROM report.series_year s WHERE (s.commodity, s.stage, s.year) = (l.commodity, l.stage, 2020)) AS rank_2020,
	(SELECT kz_rank FROM report.series_year s WHERE (s.commodity, s.stage, s.year) = (l.commodity, l.stage, 2021)) AS rank_2021,
	(SELECT kz_rank FROM report.series_year s WHERE (s.commodity, s.stage, s.year) = (l.commodity, l.stage, 2022)) AS rank_2022,
	(SELECT kz_rank FROM report.series_year s WHERE (s.commodity, s.stage, s.year) = (l.commodity, l.stage, 2023)) AS rank_2023,
	(SELECT kz_rank FROM report.series_year s WHERE (s.commodity, s.stage, s.year) = (l.commodity, l.stage, 2024)) AS rank_2024,
	coalesce(l.lists, '')                               AS lists
FROM latest AS l
ORDER BY l.year DESC, l.kz_rank, l.kz_share DESC, l.commodity, l.stage;

-- The US 2025 lists: how many of their materials the shipped data show
-- Kazakh production, capacity or reserves for.
CREATE VIEW report.v_us_lists AS
SELECT l.list,
	count(*)                                                        AS materials,
	count(k.material) FILTER (WHERE k.in_mcs2025)                   AS with_kz_mcs2025,
	round(100.0 * count(k.material) FILTER (WHERE k.in_mcs2025) / count(*), 0) AS pct_mcs2025,
	count(k.material)                                               AS with_kz_any_edition,
	round(100.0 * count(k.material) / count(*), 0)                  AS pct_any_edition,
	coalesce(string_agg(k.material, ', ' ORDER BY k.material) FILTER (WHERE k.in_mcs2025), '') AS materials_mcs2025,
	coalesce(string_agg(k.material, ', ' ORDER BY k.material) FILTER (WHERE NOT k.in_mcs2025), '') AS earlier_editions_only
FROM critical_material_list AS l
LEFT JOIN report.kz_list_material AS k USING (list, material)
WHERE l.list IN ('usgs_2025_draft', 'usgs_2025_final')
GROUP BY l.list
ORDER BY l.list;

-- The evidence per material: the latest figure of each commodity and measure.
CREATE VIEW report.v_us_list_evidence AS
WITH labelled AS (
	SELECT *,
		CASE measure WHEN 'reserves' THEN 'reserves' ELSE stage || ' ' || measure END AS what
	FROM report.kz_evidence
), latest AS (
	-- the latest figure of each commodity and measure; world_production.csv
	-- (units with their content basis) where both files have it
	SELECT DISTINCT ON (commodity, what) *
	FROM labelled
	ORDER BY commodity, what, edition DESC, year DESC, source DESC
), per_material AS (
	SELECT m.material,
		string_agg(format('%s %s %s (MCS %s): %s %s', e.commodity, e.what,
		                  e.year, e.edition, coalesce(e.quantity::numeric::text, ''), e.unit),
		           '; ' ORDER BY e.commodity, e.what) AS evidence
	FROM latest AS e
	JOIN demo.usgs_commodity_list_entry AS m ON m.commodity = e.commodity
	GROUP BY m.material
)
SELECT k.material,
	bool_or(k.list = 'usgs_2025_draft') AS draft_54,
	bool_or(k.list = 'usgs_2025_final') AS final_60,
	bool_or(k.in_mcs2025)               AS in_mcs2025,
	p.evidence
FROM report.kz_list_material AS k
JOIN per_material AS p USING (material)
GROUP BY k.material, p.evidence
ORDER BY k.material;

-- The gallium scenario.
CREATE VIEW report.v_gallium AS
SELECT scenario, year, edition,
	round(world_total_t::numeric, 1)              AS world_total_t,
	round(coalesce(kz_t, 0)::numeric, 1)          AS kazakhstan_t,
	round((100 * kz_share)::numeric, 2)           AS kazakhstan_pct,
	kz_rank                                       AS kazakhstan_rank,
	round((100 * cn_share)::numeric, 2)           AS china_pct,
	round(hhi_lower::numeric, 0)                  AS hhi_lower,
	round(hhi_upper::numeric, 0)                  AS hhi_upper,
	round(effective_suppliers::numeric, 3)        AS effective_suppliers
FROM report.gallium_scenario
ORDER BY n;

-- China in processing (refinery, smelter and plant series) of materials on
-- a critical list, at each series' latest data year.
CREATE VIEW report.v_china_processing AS
SELECT commodity, stage, year, edition,
	round((100 * cn_share)::numeric, 1) AS china_pct,
	cn_rank                             AS china_rank,
	top_producer,
	round((100 * top_share)::numeric, 1) AS top_share_pct,
	producers,
	lists
FROM report.series_latest
WHERE stage IN ('refinery', 'smelter', 'plant') AND lists IS NOT NULL
ORDER BY cn_share DESC NULLS LAST, commodity, stage;

-- The article's claims, each with what the data say.  Verdicts: agree,
-- disagree, or not in this data; the rules are in the text of each row.
CREATE TABLE report.claims AS
WITH rank_claim(n, claim, commodity, claimed_rank) AS (
	VALUES (1, 'Kazakhstan is "the world''s second-largest chromium producer"', 'chromium', 2),
	       (2, 'Kazakhstan "ranks 11th in copper"', 'copper', 11)
), rank_latest AS (
	-- every stage of the commodity, at its latest data year
	SELECT c.n, s.stage, s.year, s.edition, s.kz_rank, s.producers, s.kz_share, c.claimed_rank,
		(SELECT string_agg(p.producer, ', ' ORDER BY p.quantity DESC)
		 FROM producers(s.m) AS p
		 WHERE p.producer IS NOT NULL AND p.quantity > s.kz_quantity) AS ahead
	FROM rank_claim AS c
	JOIN report.series_latest AS s ON s.commodity = c.commodity
), rank_years AS (
	SELECT c.n, string_agg(format('%s %s (MCS %s)', s.stage, s.year, s.edition), ', ' ORDER BY s.stage, s.year) AS years
	FROM rank_claim AS c
	JOIN report.series_year AS s ON s.commodity = c.commodity AND s.kz_rank = c.claimed_rank
	GROUP BY c.n
), rank_verdict AS (
	SELECT c.n, c.claim,
		CASE WHEN bool_or(r.kz_rank = c.claimed_rank)
			THEN 'agree (' || string_agg(r.stage || ' production', ', ' ORDER BY r.stage)
			                  FILTER (WHERE r.kz_rank = c.claimed_rank) || ')'
			ELSE 'disagree' END AS verdict,
		string_agg(format('%s production %s (MCS %s): rank %s of %s listed (%s %%)%s', r.stage, r.year, r.edition,
		                  r.kz_rank, r.producers, round((100 * r.kz_share)::numeric, 1),
		                  CASE WHEN r.ahead IS NOT NULL THEN ', behind ' || r.ahead ELSE '' END),
		           '; ' ORDER BY r.stage)
		|| format('. Rank %s in: %s.', c.claimed_rank, coalesce(y.years, 'no data year')) AS data_say
	FROM rank_claim AS c
	JOIN rank_latest AS r ON r.n = c.n
	LEFT JOIN rank_years AS y ON y.n = c.n
	GROUP BY c.n, c.claim, c.claimed_rank, y.years
), lists AS (
	SELECT * FROM report.v_us_lists
), uranium AS (
	SELECT (SELECT count(*) FROM usgs.world_production WHERE commodity ~* 'uranium')
	     + (SELECT count(*) FROM usgs.mcs2025_raw WHERE commodity ~* 'uranium') AS rows,
	       (SELECT string_agg(list, ', ' ORDER BY list) FROM critical_material_list WHERE material = 'uranium') AS on_lists
), gallium AS (
	SELECT (SELECT count(*) FROM report.production_rows
	        WHERE commodity = 'gallium' AND producer = 'Kazakhstan' AND quantity > 0) AS kz_rows,
	       b.year, b.edition, b.world_total_t, b.cn_share AS cn_before, a.cn_share AS cn_after,
	       a.kz_share AS kz_after, b.hhi_lower AS hhi_before, a.hhi_lower AS hhi_after
	FROM report.gallium_scenario AS b, report.gallium_scenario AS a
	WHERE b.n = 1 AND a.n = 2
), processing AS (
	SELECT count(*) AS series,
		count(*) FILTER (WHERE cn_rank = 1) AS china_first,
		percentile_cont(0.5) WITHIN GROUP (ORDER BY coalesce(cn_share, 0)) AS median_share,
		string_agg(format('%s %s %s %%', commodity, stage, round((100 * coalesce(cn_share, 0))::numeric, 1)),
		           ', ' ORDER BY cn_share DESC NULLS LAST, commodity) FILTER (WHERE cn_rank = 1) AS first_in,
		string_agg(format('%s %s (%s first)', commodity, stage, top_producer),
		           ', ' ORDER BY commodity) FILTER (WHERE cn_rank IS DISTINCT FROM 1) AS not_first_in,
		min(year) AS min_year, max(year) AS max_year
	FROM report.series_latest
	WHERE stage IN ('refinery', 'smelter', 'plant') AND lists IS NOT NULL
)
SELECT n, claim, verdict, data_say FROM rank_verdict
UNION ALL
SELECT 3, 'Kazakhstan "has reserves or production capacity for roughly half the minerals on the US list" (the 2025 draft list of 54)',
	CASE WHEN d.pct_mcs2025 BETWEEN 40 AND 60 THEN 'agree' ELSE 'disagree' END,
	format('Production, capacity or reserves of Kazakhstan in MCS 2025 for %s of the %s materials of the 2025 draft list (%s %%; "roughly half" read as 40-60 %%) and %s of the %s of the final list (%s %%); with the earlier editions (MCS 2022-2024) too: %s (%s %%) and %s (%s %%). USGS tables list the main producers only, so the count is a lower bound.',
	       d.with_kz_mcs2025, d.materials, d.pct_mcs2025, f.with_kz_mcs2025, f.materials, f.pct_mcs2025,
	       d.with_kz_any_edition, d.pct_any_edition, f.with_kz_any_edition, f.pct_any_edition)
FROM lists AS d, lists AS f
WHERE d.list = 'usgs_2025_draft' AND f.list = 'usgs_2025_final'
UNION ALL
SELECT 4, 'Kazakhstan "supplies around 40 per cent of global uranium exports"',
	CASE WHEN u.rows = 0 THEN 'not in this data' ELSE 'see the uranium series' END,
	format('No uranium series in world_production.csv or the MCS 2025 table (%s rows), and no trade (export) figures in the shipped data at all. Uranium is on: %s.',
	       u.rows, coalesce(u.on_lists, 'no list'))
FROM uranium AS u
UNION ALL
SELECT 5, 'Kazakhstan plans "annual production of 15 tonnes of gallium"',
	CASE WHEN g.kz_rows = 0 THEN 'not in this data (a plan)' ELSE 'see the gallium series' END,
	format('No Kazakh gallium production in MCS 2022-2025 (%s rows). Scenario on %s (MCS %s): 15 t/yr added to a world total of %s t would be %s %% of supply; China from %s %% to %s %%; HHI from %s to %s.',
	       g.kz_rows, g.year, g.edition, round(g.world_total_t::numeric, 1),
	       round((100 * g.kz_after)::numeric, 2), round((100 * g.cn_before)::numeric, 2),
	       round((100 * g.cn_after)::numeric, 2), round(g.hhi_before::numeric, 0), round(g.hhi_after::numeric, 0))
FROM gallium AS g
UNION ALL
SELECT 6, '"China still dominates processing"',
	CASE WHEN p.china_first > p.series / 2.0 THEN 'agree' ELSE 'disagree' END,
	format('China is the largest producer in %s of the %s refinery, smelter and plant series of listed materials (latest data years %s-%s; median China share %s %%): %s. Not first in: %s.',
	       p.china_first, p.series, p.min_year, p.max_year, round((100 * p.median_share)::numeric, 1),
	       p.first_in, coalesce(p.not_first_in, 'none'))
FROM processing AS p;

CREATE VIEW report.v_claims AS
SELECT n, claim, verdict, data_say FROM report.claims ORDER BY n;

ANALYZE report.production_rows, report.series_source, report.series_year, report.kz_evidence;

COMMIT;
