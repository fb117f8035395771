-- Report queries for BI tools.  Each is one plain SELECT whose columns are
-- standard types (double precision, numeric, bigint, integer, text, boolean):
-- no supply_mix, composite or country_code column reaches the tool.  $1, $2,
-- ... are bind parameters; write them in your tool's syntax ({{year}} in
-- Metabase, {{ year }} in Superset, <Parameters.Year> in Tableau, a Power
-- Query parameter in Power BI and Excel) or as literals.  "params" are the
-- values the tests bind.  The data is the USGS sample (demo/load_usgs.sql);
-- for a table of stored mixes, put it where the subquery "s" is.

-- name: series_summary
-- params: 2024
-- Every measure of every commodity and stage in year $1, one row each, and
-- the mix itself as JSON text.
SELECT s.commodity, s.stage, ms.*, s.m::text AS mix
FROM (SELECT commodity, stage, supply_mix_agg(country, quantity) AS m
      FROM usgs.mcs2025_production
      WHERE year = $1
      GROUP BY commodity, stage) AS s
CROSS JOIN LATERAL mix_summary(s.m) AS ms
ORDER BY ms.hhi DESC NULLS LAST, s.commodity, s.stage;

-- name: top_producers
-- params: 2024, 'Rare earths', 3
-- The $3 largest producers of commodity $2 in year $1, by stage.
SELECT s.stage, t.rank, t.producer, t.quantity, t.share
FROM (SELECT stage, supply_mix_agg(country, quantity) AS m
      FROM usgs.mcs2025_production
      WHERE year = $1 AND commodity = $2
      GROUP BY stage) AS s
CROSS JOIN LATERAL top_producers(s.m, $3) AS t
ORDER BY s.stage, t.rank;

-- name: producers
-- params: 2024, 'Graphite'
-- One row per producer of commodity $2 in year $1, the unattributed
-- remainder ("Other countries") included: the shares add up to 1.
SELECT s.stage,
       coalesce(p.producer, 'Other countries') AS producer,
       p.producer IS NULL AS is_remainder,
       p.quantity,
       p.share
FROM (SELECT stage, supply_mix_agg(country, quantity) AS m
      FROM usgs.mcs2025_production
      WHERE year = $1 AND commodity = $2
      GROUP BY stage) AS s
CROSS JOIN LATERAL producers(s.m) AS p
ORDER BY s.stage, p.producer IS NULL, p.quantity DESC, p.producer;

-- name: concentration_by_year
-- params: 3, 'Tungsten'
-- HHI (lower bound) and the share of the $1 largest producers of commodity
-- $2, per stage and year, straight from the rows.
SELECT commodity, stage, year,
       count(*) AS figures,
       hhi(country, quantity) AS hhi,
       concentration_ratio(country, quantity, $1) AS crn,
       round((100 * concentration_ratio(country, quantity, $1))::numeric, 1) AS crn_pct
FROM usgs.mcs2025_production
WHERE commodity = $2
GROUP BY commodity, stage, year
ORDER BY commodity, stage, year;

-- name: crma_assessment
-- params: 1000, 60, 450, 100, DATE '2030-12-31'
-- The CRMA benchmarks for a material (illustrative figures): consumption $1
-- and extraction, processing, recycling capacity $2, $3, $4 in tonnes, the
-- processing-stage sourcing by country, assessed on date $5.
SELECT a.benchmark, a.bound, a.benchmark_share, a.achieved_share, a.gap_t, a.met,
       a.country::text AS country, country_name(a.country) AS country_name,
       a.unattributed_t, a.legal_reference
FROM crma_assessment($1, $2, $3, $4,
                     '{"CN": 700, "MY": 150, "DE": 100, "": 50}', $5) AS a
ORDER BY a.benchmark;
