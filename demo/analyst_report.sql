-- analyst_report.sql: the analyst report in the terminal: the article's
-- claims about Kazakhstan checked against the data, Kazakhstan in every
-- series, the US critical-minerals lists, the gallium scenario, China in
-- processing, and supply concentration of every commodity and stage with its
-- HHI trend.  Every table is a view of schema report (demo/report_tables.sql,
-- run it first); demo/report_html.sql writes the same views, and the charts
-- drawn from them, to an HTML file.

\echo
\echo '=================================================================================='
\echo 'Kazakhstan and the concentration of critical raw materials: what the data say'
\echo '=================================================================================='
\echo 'Data: U.S. Geological Survey, Mineral Commodity Summaries (MCS) 2022-2025, public domain:'
\echo 'data/usgs/world_production.csv (production and reserves by country, MCS 2022-2025 editions)'
\echo 'and data/usgs/MCS2025_World_Data.csv (every commodity, 2023-2024, with capacity and reserves).'
\echo 'Editions are never mixed in one figure: each data year of a series comes from the LATEST'
\echo 'edition that reports it (2023 is an estimate in MCS 2024 and revised in MCS 2025, which is'
\echo 'used).  Data years and the editions they come from:'
\echo

TABLE report.v_editions;

\echo 'The article''s claims, checked.  Ranks count the countries USGS lists (ties share a rank);'
\echo 'shares are of the complete world total, "Other countries" included.'
\echo

\x on
SELECT n, report.wrap(claim, 90) AS claim, verdict, report.wrap(data_say, 90) AS data_say FROM report.v_claims;
\x off

\echo 'Kazakhstan in every series where it appears: the latest data year it is listed in, its'
\echo 'figure, share and rank among the listed countries ("listed"), and its rank in each data'
\echo 'year (empty: not listed, or no data for that year).  rank_exact: "Other countries" together'
\echo 'are smaller than Kazakhstan, so no unlisted country can rank above it.  lists: EU-S / EU-C'
\echo '= EU CRMA strategic / critical raw materials, US22 / US25d / US25f = US critical minerals'
\echo '2022, 2025 draft (54), 2025 final (60), through demo.usgs_commodity_list_entry.'
\echo

TABLE report.v_kazakhstan;

\echo 'The US lists: materials for which the shipped data show Kazakh production, capacity or'
\echo 'reserves (a positive figure, or reserves stated as "Large"/"Moderate"), in MCS 2025 and in'
\echo 'any edition 2022-2025, through the mapping demo.usgs_commodity_list_entry (every judgement'
\echo 'call commented in demo/series_map.sql).'
\echo

\x on
SELECT list, materials, with_kz_mcs2025, pct_mcs2025, with_kz_any_edition, pct_any_edition,
	report.wrap(materials_mcs2025, 80) AS materials_mcs2025, earlier_editions_only
FROM report.v_us_lists;
\x off

\echo 'The evidence, material by material (the latest figure of each series and measure):'
\echo

SELECT material, draft_54, final_60, in_mcs2025, report.wrap(evidence, 100) AS evidence
FROM report.v_us_list_evidence;

\echo 'Gallium: world primary production in the latest data year, as published and with a 15 t/yr'
\echo 'Kazakh plant added (adjust_producer); tonnes, shares of the world total, HHI 0-10000.'
\echo

TABLE report.v_gallium;

\echo 'China in processing: refinery, smelter and plant series of materials on a critical list, at'
\echo 'each series'' latest data year; china_pct = China''s share, china_rank = its rank.'
\echo

TABLE report.v_china_processing;

\echo 'Supply concentration by commodity and stage, latest data year of each series.  total = named'
\echo 'countries + "Other countries" (the unattributed remainder, other_countries_pct of the'
\echo 'total); world_total_published = USGS''s rounded world total (empty where none).  HHI 0-10000'
\echo 'with bounds: lower = remainder split infinitely fine, upper = remainder as one producer.'
\echo 'effective_suppliers = 10000 / hhi_lower.  CR3 and producers count named countries only.'
\echo 'Sorted by hhi_lower, descending.'
\echo

TABLE report.v_concentration;

\echo 'HHI trend (lower bound, rounded) per data year, each year from its latest edition'
\echo '(year_edition: data year:MCS edition); change = last year - first year, in HHI points.'
\echo

TABLE report.v_hhi_trend;
