-- crma_report.sql: the CRMA Art. 5(1) benchmarks and their gaps in tonnes.
-- The EU figures below are ILLUSTRATIVE, made up to show the calculation:
-- there is no official EU consumption, capacity and sourcing dataset in this
-- repository (see data/README.md).  The benchmarks come from crma_benchmark.

\echo
\echo 'CRMA 2030 benchmarks (Regulation (EU) 2024/1252, Art. 5(1)) -- ILLUSTRATIVE EU FIGURES'
\echo 'Capacity benchmarks: EU capacity as a share of EU annual consumption; gap_t = capacity'
\echo 'to add.  Third country: the largest non-EU, non-OCT supplier of EU processing-stage'
\echo 'sourcing as a share of EU consumption; gap_t = its tonnes above 65 % to source elsewhere.'
\echo 'The figures are made up for the demonstration; they are not official data.'
\echo

CREATE TEMP TABLE illustrative_material_year (material text, year int, consumption_t float8,
	extraction_capacity_t float8, processing_capacity_t float8, recycling_capacity_t float8,
	processing_sourcing supply_mix);
INSERT INTO illustrative_material_year VALUES
	('gallium (illustrative)', 2030, 40, 0, 2, 1, '{"CN": 36, "JP": 1, "KZ": 1, "DE": 2}'),
	('tungsten (illustrative)', 2030, 10000, 1200, 3500, 4000, '{"CN": 4000, "VN": 1500, "AT": 3500, "": 1000}');

-- The two results are temp views, so that demo/report_html.sql writes the
-- same rows to the HTML report.
CREATE TEMP VIEW crma_report_assessment AS
SELECT m.material, a.benchmark, a.stage,
	round((100 * a.benchmark_share)::numeric, 0) AS benchmark_pct,
	round((100 * a.achieved_share)::numeric, 1)  AS achieved_pct,
	round(a.gap_t::numeric, 1)                   AS gap_t,
	a.met, a.country::text AS country, a.unattributed_t
FROM illustrative_material_year m
CROSS JOIN LATERAL crma_assessment(m.consumption_t, m.extraction_capacity_t, m.processing_capacity_t,
	m.recycling_capacity_t, m.processing_sourcing, make_date(m.year, 12, 31)) a
ORDER BY m.material, a.benchmark;
TABLE crma_report_assessment;

\echo
\echo 'Scenario (illustrative): Kazakhstan ships 15 t/yr of gallium to the EU instead of China'
CREATE TEMP VIEW crma_report_gallium_scenario AS
SELECT g.country::text AS largest_third_country,
	round((100 * g.share_of_consumption)::numeric, 1) AS share_of_consumption_pct,
	round(g.excess_t::numeric, 1) AS tonnes_above_65pct, g.met
FROM illustrative_material_year m,
	LATERAL crma_third_country_gap(
		adjust_producer(adjust_producer(m.processing_sourcing, 'CN', -15), 'KZ', 15),
		m.consumption_t, make_date(m.year, 12, 31)) g
WHERE m.material LIKE 'gallium%';
TABLE crma_report_gallium_scenario;
