-- report_html.sql: writes the analyst report as one HTML file with SVG charts
-- (no scripts, no fonts or anything else fetched over the network).
--
--   psql -v report_html=/abs/path/report.html -f demo/report_html.sql
--   (default: demo/out/report.html, relative to psql's working directory)
--
-- Run after demo/report_tables.sql; the CRMA and supply-risk sections are
-- included when demo/crma_report.sql and demo/supply_risk_report.sql ran in
-- the same session (their temp views).  Every table is a view of schema
-- report, the same one demo/analyst_report.sql prints, and every number in a
-- chart is read from those views: a chart's <svg> names its view
-- (data-view), each drawn figure is a <g class="datum"> with the view's row
-- key (data-key), columns (data-cols) and values (data-values), and its
-- labels show only those values.  test/report_html checks exactly that.
-- The file is well-formed XML as well as HTML (test/report_html runs xmllint
-- on it both ways).

\if :{?report_html}
\else
\set report_html demo/out/report.html
\endif
\setenv REPORT_HTML :report_html
\! mkdir -p "$(dirname "$REPORT_HTML")"

BEGIN;
SET LOCAL client_min_messages = warning;

-- HTML/XML escape.
CREATE OR REPLACE FUNCTION report.h(t text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN replace(replace(replace(replace(replace(coalesce(t, ''),
		'&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');

-- A relation (view or table) as an HTML table, rows in the order a plain
-- scan returns them (a view's ORDER BY), columns in their order (headers
-- with spaces for underscores, so that they wrap); numbers right-aligned,
-- NULL empty, booleans yes/no.
CREATE OR REPLACE FUNCTION report.html_table(rel regclass, css_class text DEFAULT 'data') RETURNS text
	LANGUAGE plpgsql STABLE AS $$
DECLARE
	head text;
	body text;
BEGIN
	SELECT string_agg('<th>' || report.h(replace(attname, '_', ' ')) || '</th>', '' ORDER BY attnum) INTO head
	FROM pg_attribute
	WHERE attrelid = rel AND attnum > 0 AND NOT attisdropped;
	EXECUTE format($q$
		SELECT string_agg('<tr>' || (
			SELECT string_agg(CASE json_typeof(c.value)
				WHEN 'number' THEN '<td class="n">' || report.h(c.value::text) || '</td>'
				WHEN 'boolean' THEN '<td>' || CASE WHEN c.value::text = 'true' THEN 'yes' ELSE 'no' END || '</td>'
				WHEN 'null' THEN '<td></td>'
				ELSE '<td>' || report.h(c.value #>> '{}') || '</td>' END, '' ORDER BY c.ord)
			FROM json_each(r.j) WITH ORDINALITY AS c(key, value, ord)) || '</tr>', E'\n' ORDER BY r.ord)
		FROM (SELECT row_to_json(t) AS j, row_number() OVER () AS ord FROM %s AS t) AS r
	$q$, rel) INTO body;
	RETURN format(E'<table class="%s">\n<thead><tr>%s</tr></thead>\n<tbody>\n%s\n</tbody>\n</table>',
		report.h(css_class), head, coalesce(body, ''));
END
$$;

-- HHI bands (the U.S. merger guidelines' 1 500 and 2 500, and 5 000).
CREATE OR REPLACE FUNCTION report.hhi_fill(hhi numeric) RETURNS text
	LANGUAGE sql IMMUTABLE
	RETURN CASE WHEN hhi < 1500 THEN '#e3efda' WHEN hhi < 2500 THEN '#fbe3a4'
	            WHEN hhi < 5000 THEN '#f2a65a' ELSE '#c8413b' END;

-- A datum: a group carrying the view row's key (the values of the svg's
-- data-key columns, joined by "|"), the columns it draws and their values
-- (as text; both lists separated by "|", which no name or value holds).  The svg root names the
-- view (data-view), its key columns (data-key), the rows drawn (data-where:
-- all rows, or "lists:nonempty", the rows whose lists column is not empty)
-- and the columns drawn (data-cols).
CREATE OR REPLACE FUNCTION report.datum(key text, cols text[], vals text[], inner_svg text) RETURNS text
	LANGUAGE sql IMMUTABLE
	RETURN format('<g class="datum" data-key="%s" data-cols="%s" data-values="%s">%s</g>',
		report.h(key), report.h(array_to_string(cols, '|')), report.h(array_to_string(vals, '|', '')), inner_svg);

-- Chart 1: HHI by commodity and data year (report.v_hhi_trend, the series
-- on a critical list), a heat table with the value in each cell.
CREATE OR REPLACE FUNCTION report.svg_hhi_trend() RETURNS text
	LANGUAGE sql STABLE AS $$
WITH r AS (
	SELECT (row_number() OVER ()) - 1 AS i, t.*
	FROM report.v_hhi_trend AS t
	WHERE t.lists <> ''
), dims AS (
	SELECT 280 AS lx, 62 AS cw, 17 AS rh, 46 AS top, count(*) AS n FROM r
), cells AS (
	SELECT r.i, r.commodity, r.stage, c.j, c.col, c.v
	FROM r
	CROSS JOIN LATERAL (VALUES (0, 'hhi_2020', r.hhi_2020), (1, 'hhi_2021', r.hhi_2021),
	                           (2, 'hhi_2022', r.hhi_2022), (3, 'hhi_2023', r.hhi_2023),
	                           (4, 'hhi_2024', r.hhi_2024)) AS c(j, col, v)
	WHERE c.v IS NOT NULL
)
SELECT format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%1$s" height="%2$s" viewBox="0 0 %1$s %2$s" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11" data-view="report.v_hhi_trend" data-key="commodity stage" data-where="lists:nonempty" data-cols="hhi_2020 hhi_2021 hhi_2022 hhi_2023 hhi_2024 change" role="img" aria-labelledby="hhi-title">',
              d.lx + 6 * d.cw + 10, d.top + d.n * d.rh + 46)
	|| '<title id="hhi-title">HHI by commodity and data year</title>'
	|| (SELECT string_agg(format('<text class="axis" x="%s" y="%s" text-anchor="middle" font-weight="bold">%s</text>',
	                             d.lx + y.j * d.cw + d.cw / 2, d.top - 8, y.label), '' ORDER BY y.j)
	    FROM (VALUES (0, '2020'), (1, '2021'), (2, '2022'), (3, '2023'), (4, '2024'), (5, 'change')) AS y(j, label))
	|| format('<text x="0" y="%s" font-weight="bold">series (on a critical list)</text>', d.top - 8)
	|| (SELECT string_agg(
		format('<text x="%s" y="%s" text-anchor="end">%s</text>', d.lx - 6, d.top + r.i * d.rh + 12,
		       report.h(r.commodity || ' ' || r.stage))
		|| report.datum(r.commodity || '|' || r.stage, ARRAY['change'], ARRAY[r.change::text],
			format('<text x="%s" y="%s" text-anchor="end" fill="%s">%s</text>',
			       d.lx + 6 * d.cw - 8, d.top + r.i * d.rh + 12,
			       CASE WHEN r.change > 0 THEN '#a02820' WHEN r.change < 0 THEN '#2e6b30' ELSE '#444444' END,
			       CASE WHEN r.change > 0 THEN '+' ELSE '' END || r.change::text)),
		'' ORDER BY r.i)
	    FROM r)
	|| (SELECT string_agg(report.datum(c.commodity || '|' || c.stage, ARRAY[c.col], ARRAY[c.v::text],
		format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/><text x="%s" y="%s" text-anchor="middle" fill="%s">%s</text>',
		       d.lx + c.j * d.cw + 1, d.top + c.i * d.rh, d.cw - 2, d.rh - 2, report.hhi_fill(c.v),
		       d.lx + c.j * d.cw + d.cw / 2, d.top + c.i * d.rh + 12,
		       CASE WHEN c.v >= 5000 THEN '#ffffff' ELSE '#222222' END, c.v::text)),
		'' ORDER BY c.i, c.j)
	    FROM cells AS c)
	|| (SELECT string_agg(format('<rect x="%s" y="%s" width="14" height="12" fill="%s"/><text class="legend" x="%s" y="%s">%s</text>',
	                             l.x, d.top + d.n * d.rh + 22, l.fill, l.x + 18, d.top + d.n * d.rh + 32, l.label), '' ORDER BY l.x)
	    FROM (VALUES (0, report.hhi_fill(0), 'below 1500'), (120, report.hhi_fill(1500), '1500-2500'),
	                 (230, report.hhi_fill(2500), '2500-5000'), (340, report.hhi_fill(5000), '5000 and more')) AS l(x, fill, label))
	|| format('<text class="legend" x="470" y="%s">HHI lower bound, 0-10000</text>', d.top + d.n * d.rh + 32)
	|| '</svg>'
FROM dims AS d;
$$;

-- Chart 2: the top producer's share by commodity (report.v_concentration,
-- the series on a critical list), with the CRMA's 65 % line.
CREATE OR REPLACE FUNCTION report.svg_top_share() RETURNS text
	LANGUAGE sql STABLE AS $$
WITH r AS (
	SELECT (row_number() OVER (ORDER BY t.top_share_pct DESC, t.commodity, t.stage)) - 1 AS i, t.*
	FROM report.v_concentration AS t
	WHERE t.lists <> ''
), dims AS (
	SELECT 280 AS lx, 4 AS px, 17 AS rh, 30 AS top, count(*) AS n FROM r
)
SELECT format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%1$s" height="%2$s" viewBox="0 0 %1$s %2$s" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11" data-view="report.v_concentration" data-key="commodity stage" data-where="lists:nonempty" data-cols="top_producer top_share_pct year" role="img" aria-labelledby="top-title">',
              d.lx + 100 * d.px + 150, d.top + d.n * d.rh + 40)
	|| '<title id="top-title">Share of the largest producer, latest data year</title>'
	|| (SELECT string_agg(format('<line x1="%1$s" x2="%1$s" y1="%2$s" y2="%3$s" stroke="#999999" stroke-dasharray="%4$s"/><text class="axis" x="%1$s" y="%5$s" text-anchor="middle">%6$s</text>',
	                             d.lx + g.pct * d.px, d.top - 4, d.top + d.n * d.rh, g.dash, d.top - 8, g.label), '' ORDER BY g.pct)
	    FROM (VALUES (0, 'none', '0 %'), (50, '3 3', '50 %'), (65, 'none', '65 % (CRMA)'), (100, '3 3', '100 %')) AS g(pct, dash, label))
	|| (SELECT string_agg(
		format('<text x="%s" y="%s" text-anchor="end">%s</text>', d.lx - 6, d.top + r.i * d.rh + 12,
		       report.h(r.commodity || ' ' || r.stage))
		|| report.datum(r.commodity || '|' || r.stage, ARRAY['top_producer', 'top_share_pct', 'year'],
			ARRAY[r.top_producer, r.top_share_pct::text, r.year::text],
			format('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/><text x="%s" y="%s">%s</text>',
			       d.lx, d.top + r.i * d.rh + 2, round(r.top_share_pct * d.px, 1), d.rh - 4,
			       CASE WHEN r.top_producer = 'China' THEN '#c8413b' ELSE '#5b7fa6' END,
			       d.lx + round(r.top_share_pct * d.px, 1) + 4, d.top + r.i * d.rh + 12,
			       report.h(r.top_producer) || ' ' || r.top_share_pct || ' %'
			       || CASE WHEN r.year <> 2024 THEN ' (' || r.year || ')' ELSE '' END)),
		'' ORDER BY r.i)
	    FROM r)
	|| format('<rect x="0" y="%1$s" width="14" height="12" fill="#c8413b"/><text class="legend" x="18" y="%2$s">China</text><rect x="80" y="%1$s" width="14" height="12" fill="#5b7fa6"/><text class="legend" x="98" y="%2$s">another country</text>',
	          d.top + d.n * d.rh + 14, d.top + d.n * d.rh + 24)
	|| '</svg>'
FROM dims AS d;
$$;

-- Chart 3: Kazakhstan's rank among the listed producers, per series
-- (report.v_kazakhstan, every series it appears in).
CREATE OR REPLACE FUNCTION report.svg_kazakhstan_rank() RETURNS text
	LANGUAGE sql STABLE AS $$
WITH r AS (
	SELECT (row_number() OVER ()) - 1 AS i, t.*
	FROM report.v_kazakhstan AS t
), dims AS (
	SELECT 180 AS lx, 15 AS px, 17 AS rh, 36 AS top, count(*) AS n, max(listed) AS maxn FROM r
)
SELECT format('<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%1$s" height="%2$s" viewBox="0 0 %1$s %2$s" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11" data-view="report.v_kazakhstan" data-key="commodity stage" data-cols="rank listed share_pct year" role="img" aria-labelledby="kz-title">',
              d.lx + d.maxn * d.px + 130, d.top + d.n * d.rh + 40)
	|| '<title id="kz-title">Kazakhstan''s rank among the listed producers</title>'
	|| (SELECT string_agg(format('<text class="axis" x="%s" y="%s" text-anchor="middle">%s</text>',
	                             d.lx + (k - 1) * d.px, d.top - 10, k), '' ORDER BY k)
	    FROM generate_series(1, d.maxn) AS k WHERE k = 1 OR k % 5 = 0)
	|| format('<text class="axis" x="%s" y="%s">rank</text>', d.lx + d.maxn * d.px + 4, d.top - 10)
	|| (SELECT string_agg(
		format('<text x="%s" y="%s" text-anchor="end">%s</text>', d.lx - 10, d.top + r.i * d.rh + 12,
		       report.h(r.commodity || ' ' || r.stage))
		|| report.datum(r.commodity || '|' || r.stage, ARRAY['rank', 'listed', 'share_pct', 'year'],
			ARRAY[r.rank::text, r.listed::text, r.share_pct::text, r.year::text],
			format('<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#bbbbbb" stroke-width="3"/><circle cx="%s" cy="%s" r="5" fill="%s"/><text x="%s" y="%s">%s</text>',
			       d.lx, d.lx + (r.listed - 1) * d.px, d.top + r.i * d.rh + 8, d.top + r.i * d.rh + 8,
			       d.lx + (r.rank - 1) * d.px, d.top + r.i * d.rh + 8,
			       CASE WHEN r.lists <> '' THEN '#0a7d7a' ELSE '#8a8a8a' END,
			       d.lx + d.maxn * d.px + 4, d.top + r.i * d.rh + 12,
			       format('%s of %s, %s %%', r.rank, r.listed, r.share_pct)
			       || CASE WHEN r.year <> 2024 THEN ' (' || r.year || ')' ELSE '' END)),
		'' ORDER BY r.i)
	    FROM r)
	|| format('<circle cx="6" cy="%1$s" r="5" fill="#0a7d7a"/><text class="legend" x="16" y="%2$s">on a critical list</text><circle cx="136" cy="%1$s" r="5" fill="#8a8a8a"/><text class="legend" x="146" y="%2$s">on none</text><text class="legend" x="220" y="%2$s">grey bar: the listed producers, 1st to last</text>',
	          d.top + d.n * d.rh + 18, d.top + d.n * d.rh + 22)
	|| '</svg>'
FROM dims AS d;
$$;

-- The claims, with the verdict marked.
CREATE OR REPLACE FUNCTION report.html_claims() RETURNS text
	LANGUAGE sql STABLE AS $$
SELECT E'<table class="claims">\n<thead><tr><th>#</th><th>the article says</th><th>verdict</th><th>what the data say</th></tr></thead>\n<tbody>\n'
	|| string_agg(format('<tr><td class="n">%s</td><td>%s</td><td class="verdict %s">%s</td><td>%s</td></tr>',
	                     c.n, report.h(c.claim),
	                     CASE WHEN c.verdict LIKE 'agree%' THEN 'agree' WHEN c.verdict LIKE 'disagree%' THEN 'disagree' ELSE 'nodata' END,
	                     report.h(c.verdict), report.h(c.data_say)), E'\n' ORDER BY c.n)
	|| E'\n</tbody>\n</table>'
FROM report.v_claims AS c;
$$;

-- A section when its relation exists (the CRMA and supply-risk temp views).
CREATE OR REPLACE FUNCTION report.html_section_if(rel text, heading text, intro text) RETURNS text
	LANGUAGE plpgsql STABLE AS $$
BEGIN
	IF to_regclass(rel) IS NULL THEN
		RETURN '';
	END IF;
	RETURN format(E'<h3>%s</h3>\n<p>%s</p>\n%s\n', report.h(heading), report.h(intro), report.html_table(rel::regclass));
END
$$;

CREATE OR REPLACE FUNCTION report.html_document() RETURNS text
	LANGUAGE sql STABLE AS $$
SELECT concat_ws(E'\n',
	'<!DOCTYPE html>',
	'<html lang="en">',
	'<head>',
	'<meta charset="utf-8"/>',
	'<meta name="viewport" content="width=device-width, initial-scale=1"/>',
	'<title>Kazakhstan and the concentration of critical raw materials: what the data say</title>',
	'<style>',
	'body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 13px; color: #222222; margin: 24px auto; max-width: 1440px; padding: 0 16px; line-height: 1.4; }',
	'h1 { font-size: 22px; margin: 0 0 4px 0; } h2 { font-size: 17px; margin: 28px 0 6px 0; border-bottom: 2px solid #0a7d7a; padding-bottom: 2px; } h3 { font-size: 14px; margin: 18px 0 4px 0; }',
	'p.sub { color: #555555; margin: 0 0 12px 0; } p { margin: 4px 0 8px 0; }',
	'table { border-collapse: collapse; margin: 6px 0 12px 0; font-size: 12px; } th, td { border: 1px solid #d0d0d0; padding: 2px 6px; vertical-align: top; } th { background: #eef3f3; text-align: left; }',
	'tbody tr:nth-child(even) { background: #f8f8f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; }',
	'table.claims td { font-size: 13px; } td.verdict { font-weight: bold; white-space: nowrap; } td.agree { background: #dff0d8; color: #2b572c; } td.disagree { background: #f7dcdc; color: #8c2a25; } td.nodata { background: #ececec; color: #555555; }',
	'.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; } .col { max-width: 690px; } .col table { font-size: 11px; } figure { margin: 0; } figcaption { font-weight: bold; margin: 4px 0; }',
	'.scroll { overflow-x: auto; }',
	'</style>',
	'</head>',
	'<body>',
	'<h1>Kazakhstan and the concentration of critical raw materials: what the data say</h1>',
	'<p class="sub">Data: U.S. Geological Survey, Mineral Commodity Summaries (MCS) 2022-2025 (public domain): world production, capacity and reserves by country. Each data year of a series comes from the latest edition that reports it; editions are never mixed in one figure. Made with the PostgreSQL extension mineral_supply (make demo).</p>',
	'<h2>The article''s claims, checked</h2>',
	'<p>Ranks count the countries USGS lists (ties share a rank); shares are of the complete world total, "Other countries" included. Every verdict is computed by demo/report_tables.sql.</p>',
	report.html_claims(),
	'<h2>Charts</h2>',
	'<div class="charts">',
	'<div class="col">',
	'<figure><figcaption>Kazakhstan''s rank among the producers USGS lists, latest year it is listed</figcaption>',
	report.svg_kazakhstan_rank(),
	'</figure>',
	'<h3>Gallium: a 15 t/yr Kazakh plant</h3>',
	'<p>World primary gallium production in the latest data year, as published and with 15 t/yr of Kazakh production added (adjust_producer): tonnes, shares of the world total in per cent, HHI 0-10000.</p>',
	report.html_table('report.v_gallium'),
	'<h3>Roughly half of the US list?</h3>',
	'<p>Materials of the US 2025 lists for which the shipped data show Kazakh production, capacity or reserves (a positive figure, or reserves stated as "Large" or "Moderate"), in MCS 2025 and in any edition 2022-2025, through the mapping at the end of this report; the evidence is below.</p>',
	report.html_table('report.v_us_lists'),
	'</div>',
	'<figure><figcaption>HHI by commodity and data year (lower bound; series on a critical list)</figcaption>',
	report.svg_hhi_trend(),
	'</figure>',
	'<figure><figcaption>Share of the largest producer, latest data year (series on a critical list)</figcaption>',
	report.svg_top_share(),
	'</figure>',
	'</div>',
	'<h3>Data years and the editions they come from</h3>',
	'<p>Each data year of a series comes from the latest MCS edition that reports it; the two files are world_production.csv (MCS 2022-2025) and the MCS 2025 world data table.</p>',
	report.html_table('report.v_editions'),
	'<h2>Kazakhstan in every series where it appears</h2>',
	'<p>The latest data year Kazakhstan is listed in, its figure, share and rank among the listed countries, and its rank in each data year (empty: not listed, or no data). rank_exact: "Other countries" together are smaller than Kazakhstan, so no unlisted country can rank above it. lists: EU-S / EU-C = EU CRMA strategic / critical raw materials; US22 / US25d / US25f = US critical minerals 2022, 2025 draft (54), 2025 final (60).</p>',
	'<div class="scroll">', report.html_table('report.v_kazakhstan'), '</div>',
	'<h2>The US lists: the evidence, material by material</h2>',
	'<p>The latest figure of each series and measure behind the counts above.</p>',
	report.html_table('report.v_us_list_evidence'),
	'<h2>China in processing</h2>',
	'<p>Refinery, smelter and plant series of materials on a critical list, at each series'' latest data year.</p>',
	report.html_table('report.v_china_processing'),
	'<h2>Supply concentration by commodity and stage</h2>',
	'<p>Latest data year of each series. total = named countries + "Other countries" (the unattributed remainder, other_countries_pct of the total); world_total_published = USGS''s rounded world total. HHI 0-10000 with bounds: lower = remainder split infinitely fine, upper = remainder as one producer; effective_suppliers = 10000 / hhi_lower; CR3 and producers count named countries only.</p>',
	'<div class="scroll">', report.html_table('report.v_concentration'), '</div>',
	'<h3>HHI trend</h3>',
	'<p>HHI (lower bound) per data year, each year from its latest edition (year_edition: data year:MCS edition); change = last year - first year, in HHI points.</p>',
	'<div class="scroll">', report.html_table('report.v_hhi_trend'), '</div>',
	CASE WHEN to_regclass('crma_report_assessment') IS NOT NULL OR to_regclass('supply_risk_report_hhi_wgi') IS NOT NULL
		THEN '<h2>The CRMA benchmarks and supply risk</h2>' END,
	report.html_section_if('crma_report_assessment', 'CRMA 2030 benchmarks (Regulation (EU) 2024/1252, Art. 5(1)): ILLUSTRATIVE EU FIGURES',
		'The EU consumption, capacity and sourcing figures are made up to show the calculation (demo/crma_report.sql); they are not official data. Capacity benchmarks: EU capacity as a share of EU annual consumption, gap_t = capacity to add; third country: the largest non-EU supplier of EU processing-stage sourcing as a share of EU consumption, gap_t = its tonnes above 65 %.'),
	report.html_section_if('crma_report_gallium_scenario', 'Scenario (illustrative): Kazakhstan ships 15 t/yr of gallium to the EU instead of China',
		'The largest third country of the illustrative EU gallium sourcing after the switch.'),
	report.html_section_if('supply_risk_report_hhi_wgi', 'Governance-weighted concentration of world production, 2024',
		'MCS 2025 edition (world_production.csv) with the World Bank Worldwide Governance Indicators, 2024 update (www.govindicators.org), data year 2023, CC BY 4.0. hhi_wgi = sum of share squared x WGI_scaled over the named producers (0-10); producers without a WGI value get the worst score, 10; hhi_wgi_if_excluded treats them as unattributed (demo/supply_risk_report.sql).'),
	report.html_section_if('supply_risk_report_lists', 'Which commodities are on which official list',
		'EU: Regulation (EU) 2024/1252, Annex I strategic (17) and Annex II critical (34); USGS: the U.S. lists of critical minerals 2022 (50), 2025 draft (54) and 2025 final (60). "-": not on the list.'),
	'<h2>The mapping from USGS series to list entries</h2>',
	'<p>demo.usgs_commodity_list_entry (demo/series_map.sql, where every judgement call is commented): one row per USGS commodity and list entry; an empty entry means deliberately not mapped.</p>',
	report.html_table('demo.usgs_commodity_list_entry'),
	'<p class="sub">Sources: U.S. Geological Survey, Mineral Commodity Summaries 2022 (doi:10.5066/P9KKMCP4), 2023 (doi:10.5066/P9WCYUI6), 2024 (doi:10.5066/P144BA54), 2025 (doi:10.5066/P13XCP3R), public domain. World Bank, Worldwide Governance Indicators, 2024 update (www.govindicators.org), CC BY 4.0.</p>',
	'</body>',
	'</html>');
$$;

COMMIT;

SELECT report.html_document() \g (format=unaligned tuples_only=on) :report_html
\echo 'HTML report with charts written to' :report_html
