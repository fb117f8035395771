-- supply_risk_report.sql: governance-weighted concentration of world
-- production, data year 2024, and the official critical-material lists, for
-- the commodities of data/usgs/world_production.csv.  Run demo/load_wgi.sql,
-- demo/load_world_production.sql (after demo/load_usgs.sql, which drops
-- schema usgs) and demo/series_map.sql (the commodity -> list mapping) first;
-- needs CREATE EXTENSION mineral_supply.  Plain SELECTs with standard column
-- types; the rounding is for display only.

\echo
\echo 'Governance-weighted concentration of world production, 2024 (estimated)'
\echo 'Data: U.S. Geological Survey, Mineral Commodity Summaries 2025 (public domain), from'
\echo 'data/usgs/world_production.csv (MCS 2025 edition only); World Bank, Worldwide Governance'
\echo 'Indicators, 2024 update (www.govindicators.org), data year 2023, CC BY 4.0.'
\echo 'hhi_wgi = sum of share^2 x WGI_scaled over the named producers, shares (0-1) of the complete'
\echo 'total; WGI_scaled = 2 x (2.5 - mean of the six WGI estimates), 0-10, higher = worse'
\echo 'governance, so hhi_wgi is 0-10.  Global scope, trade factor t = 1 (no export restrictions'
\echo 'applied).  "Other countries" (remainder_pct) counts in the total and adds nothing, like the'
\echo 'lower bound of the HHI.  Producers without a WGI 2023 value get the WORST score, 10, in'
\echo 'hhi_wgi (a conservative default); hhi_wgi_if_excluded treats them as unattributed instead'
\echo '(counted in the total, adding nothing); no_wgi lists them with their share.  hhi: the'
\echo 'plain HHI (0-10000, lower bound) of the same mix.  Sorted by hhi_wgi, descending.'
\echo

-- One row per production series (commodity and stage) of the MCS 2025
-- edition for 2024; world totals are not producers and are left out.
-- "titanium mineral concentrates (ilmenite and rutile)" has only a world
-- total, so no mix.  A temp view, so that demo/report_html.sql writes the
-- same rows to the HTML report.
CREATE TEMP VIEW supply_risk_report_hhi_wgi AS
WITH rows AS (
	SELECT p.commodity, p.stage, p.unit, p.iso2, p.country, p.quantity, w.wgi_scaled
	FROM usgs.world_production AS p
	LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
	WHERE p.edition = 2025 AND p.year = 2024 AND p.stage <> 'reserves'
	  AND p.row_kind <> 'world total'
),
series AS (
	SELECT commodity, stage, min(unit) AS unit,
		supply_mix_agg(iso2, quantity)                            AS m,
		hhi_wgi(iso2::text, quantity, coalesce(wgi_scaled, 10))  AS hhi_wgi,
		hhi_wgi(iso2::text, quantity, coalesce(wgi_scaled, 0))   AS hhi_wgi_if_excluded,
		array_agg(DISTINCT iso2::text)
			FILTER (WHERE iso2 IS NOT NULL AND wgi_scaled IS NULL) AS no_wgi_codes
	FROM rows
	GROUP BY commodity, stage
)
SELECT s.commodity,
	s.stage,
	s.unit,
	producer_count(s.m)                                        AS producers,
	round((100 * remainder(s.m) / total(s.m))::numeric, 1)     AS remainder_pct,
	(SELECT min(r.country) FROM rows AS r WHERE r.iso2::text = t.producer) AS top,
	round((100 * t.share)::numeric, 1)                         AS top_pct,
	round(hhi(s.m)::numeric, 0)                                AS hhi,
	round(s.hhi_wgi::numeric, 3)                               AS hhi_wgi,
	round(s.hhi_wgi_if_excluded::numeric, 3)                   AS hhi_wgi_if_excluded,
	(SELECT string_agg(c || ' ' || round((100 * share(s.m, c))::numeric, 1) || ' %', ', ')
	 FROM unnest(s.no_wgi_codes) AS c)                         AS no_wgi
FROM series AS s
LEFT JOIN LATERAL top_producers(s.m, 1) AS t ON true
WHERE total(s.m) > 0
ORDER BY s.hhi_wgi DESC, s.commodity, s.stage;
TABLE supply_risk_report_hhi_wgi;

\echo 'Producers of these series without a WGI 2023 value (the WGI does not cover them):'
\echo

SELECT p.iso2::text AS code, p.country, string_agg(DISTINCT p.commodity, ', ') AS commodities,
	'worst score 10 in hhi_wgi; unattributed in hhi_wgi_if_excluded' AS handled_as
FROM usgs.world_production AS p
LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.year = 2024 AND p.stage <> 'reserves' AND p.row_kind = 'country'
  AND w.wgi_scaled IS NULL
GROUP BY p.iso2, p.country
ORDER BY 1;

\echo 'Which of these commodities are on which official list (critical_material_list)?'
\echo 'EU: Regulation (EU) 2024/1252 (CRMA), Annex I strategic (17) and Annex II critical (34)'
\echo 'raw materials; USGS: the U.S. lists of critical minerals 2022 (50), 2025 draft (54) and'
\echo '2025 final (60).  A cell names the list entry (with the grade or form the list gives);'
\echo '"-": not on the list.  USGS commodity names do not match list entries one to one; the'
\echo 'mapping used is shown below the table.'
\echo

-- USGS commodity name (world_production.commodity) -> list entry
-- (critical_material_list.material): demo.usgs_commodity_list_entry, shipped
-- by demo/series_map.sql with a comment on every judgement call (which series
-- stands for "rare earths", natural graphite for the battery-grade entry, ...).

CREATE TEMP VIEW commodity_on_list AS
SELECT c.commodity, l.list,
	CASE WHEN count(*) > 2
		THEN count(*) || ' entries (' || min(l.material) || ' ... ' || max(l.material) || ')'
		ELSE string_agg(l.material || coalesce(' (' || l.grade_form || ')', ''), ', ' ORDER BY l.material)
	END AS entries
FROM (SELECT DISTINCT commodity FROM usgs.world_production
      WHERE edition = 2025 AND year = 2024 AND stage <> 'reserves') AS c
LEFT JOIN demo.usgs_commodity_list_entry AS e ON e.commodity = c.commodity
LEFT JOIN critical_material_list AS l ON l.material = e.material
GROUP BY c.commodity, l.list;

CREATE TEMP VIEW supply_risk_report_lists AS
SELECT commodity,
	coalesce(max(entries) FILTER (WHERE list = 'eu_crma_strategic'), '-') AS eu_strategic,
	coalesce(max(entries) FILTER (WHERE list = 'eu_crma_critical'), '-')  AS eu_critical,
	coalesce(max(entries) FILTER (WHERE list = 'usgs_2022'), '-')         AS usgs_2022,
	coalesce(max(entries) FILTER (WHERE list = 'usgs_2025_draft'), '-')   AS usgs_2025_draft,
	coalesce(max(entries) FILTER (WHERE list = 'usgs_2025_final'), '-')   AS usgs_2025_final
FROM commodity_on_list
GROUP BY commodity
ORDER BY commodity;
TABLE supply_risk_report_lists;

\echo 'The mapping from USGS commodity names to list entries, one row per entry (judgement'
\echo 'calls noted):'
\echo

SELECT c.commodity,
	coalesce(e.material, '(none)') AS list_entry,
	coalesce(e.note, '') AS note
FROM (SELECT DISTINCT commodity FROM usgs.world_production
      WHERE edition = 2025 AND year = 2024 AND stage <> 'reserves') AS c
LEFT JOIN demo.usgs_commodity_list_entry AS e ON e.commodity = c.commodity
ORDER BY c.commodity, e.material;
