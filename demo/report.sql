-- report.sql: supply concentration by commodity and stage, data year 2024,
-- from the USGS Mineral Commodity Summaries 2025 (run demo/load_usgs.sql
-- first; needs CREATE EXTENSION mineral_supply).  Each query is a plain
-- SELECT with standard column types (text, numeric, integer, bigint) that a
-- BI tool can run as is; the rounding is for display only, the measures are
-- computed on the exact float8 figures.

\echo
\echo 'Supply concentration by commodity and stage, 2024 (estimated)'
\echo 'Data: U.S. Geological Survey, Mineral Commodity Summaries 2025, world data release'
\echo '(doi:10.5066/P13XCP3R), public domain.  One mix per commodity and stage (the TYPE'
\echo 'column); quantities in the unit shown.  USGS lists the main producing countries and'
\echo 'lumps the rest into "Other countries": that is the unattributed remainder.  Shares'
\echo 'are of the complete total (named + remainder).  The HHI (0-10000) therefore has'
\echo 'bounds: lower = remainder split infinitely fine, upper = remainder as one producer.'
\echo 'CR3 counts named producers only.  world_total_published: USGS''s rounded world'
\echo 'total (empty where not given); coverage_pct = total / published world total.'
\echo 'no_figure: listed rows (countries or "Other countries") whose 2024 cell is blank'
\echo '(e.g. W = withheld in the notes) or not a number, left out of the sums; a blank'
\echo '"Other countries" cell makes the remainder 0.  Sorted by HHI lower bound, descending.'
\echo

-- 1. World tables: series with a "World total" row.
SELECT s.commodity,
	s.stage,
	s.unit,
	total(s.m)::numeric                                      AS total,
	w.quantity::numeric                                      AS world_total_published,
	round((100 * total(s.m) / nullif(w.quantity, 0))::numeric, 0) AS coverage_pct,
	remainder(s.m)::numeric                                  AS remainder,
	t.producer                                               AS top_producer,
	round((100 * t.share)::numeric, 1)                       AS top_share_pct,
	round((100 * concentration_ratio(s.m, 3))::numeric, 1)   AS cr3_pct,
	round(b.lower::numeric, 0)                               AS hhi_lower,
	round(b.upper::numeric, 0)                               AS hhi_upper,
	round(effective_suppliers(s.m)::numeric, 2)              AS effective_suppliers,
	producer_count(s.m)                                      AS producers,
	coalesce(l.n, 0)                                         AS no_figure
FROM (
	SELECT commodity, stage,
		string_agg(DISTINCT unit, ' / ')  AS unit,
		supply_mix_agg(country, quantity) AS m
	FROM usgs.mcs2025_production
	WHERE year = 2024
	GROUP BY commodity, stage
) AS s
JOIN (
	-- series with a "World total" row; its figure is NULL when the cell is
	-- blank.  The first numeric one counts (titanium ilmenite also carries the
	-- ilmenite-and-rutile total on a later row).
	SELECT DISTINCT ON (commodity, stage) commodity, stage, quantity
	FROM usgs.mcs2025_cells
	WHERE row_kind = 'world total' AND year = 2024
	ORDER BY commodity, stage, quantity IS NULL, line_no
) AS w USING (commodity, stage)
LEFT JOIN (
	SELECT commodity, stage, count(*) AS n
	FROM usgs.mcs2025_left_out
	WHERE year = 2024 AND row_kind IN ('country', 'remainder')
	GROUP BY commodity, stage
) AS l USING (commodity, stage)
CROSS JOIN LATERAL hhi_bounds(s.m) AS b
LEFT JOIN LATERAL top_producers(s.m, 1) AS t ON true
WHERE total(s.m) > 0
ORDER BY b.lower DESC, s.commodity, s.stage;

\echo 'Series with 2024 figures but no "World total" row: TYPE labels USGS uses for'
\echo 'single rows of another table (partial series, not world tables):'
\echo

-- 2. The other series with figures: TYPE labels used for single rows (e.g.
--    U.S. cobalt and natural soda ash, U.S. talc under its own commodity name).
SELECT s.commodity,
	s.stage,
	s.unit,
	total(s.m)::numeric           AS total,
	remainder(s.m)::numeric       AS remainder,
	producer_count(s.m)           AS producers,
	(SELECT string_agg(p.producer, ', ' ORDER BY p.producer) FROM producers(s.m) AS p
	 WHERE p.producer IS NOT NULL) AS named_producers
FROM (
	SELECT commodity, stage,
		string_agg(DISTINCT unit, ' / ')  AS unit,
		supply_mix_agg(country, quantity) AS m
	FROM usgs.mcs2025_production
	WHERE year = 2024
	GROUP BY commodity, stage
) AS s
WHERE NOT EXISTS (
	SELECT FROM usgs.mcs2025_cells AS w
	WHERE w.row_kind = 'world total' AND w.commodity = s.commodity
	  AND w.stage = s.stage AND w.year = 2024)
ORDER BY s.commodity, s.stage;

\echo 'Top 3 producers of selected critical raw materials, 2024 (share of the complete total):'
\echo

-- 3. Top producers of a few critical raw materials.
SELECT s.commodity,
	s.stage,
	t.rank,
	t.producer,
	t.quantity::numeric                  AS quantity,
	round((100 * t.share)::numeric, 1)   AS share_pct
FROM (
	SELECT commodity, stage, supply_mix_agg(country, quantity) AS m
	FROM usgs.mcs2025_production
	WHERE year = 2024
	  AND commodity IN ('Rare earths', 'Gallium', 'Graphite', 'Cobalt', 'Lithium',
	                    'Tungsten', 'Nickel', 'Platinum-Group metals', 'Antimony')
	GROUP BY commodity, stage
) AS s
CROSS JOIN LATERAL top_producers(s.m, 3) AS t
WHERE total(s.m) > 0 AND producer_count(s.m) > 1
ORDER BY s.commodity, s.stage, t.rank;

\echo 'Production cells left out of every sum (not numbers), by year, row and reading'
\echo '(the notes are the row''s PROD_NOTES; details in usgs.mcs2025_left_out):'
\echo

-- 4. What the loader left out.
SELECT year,
	row_kind,
	reading,
	count(*) AS cells
FROM usgs.mcs2025_left_out
GROUP BY year, row_kind, reading
ORDER BY year, row_kind, reading;
