--
-- usgs_rare_earths: the measures on real data, checked against an
-- independent computation.
--
-- Loads the shipped USGS Mineral Commodity Summaries 2025 world data
-- (data/usgs/MCS2025_World_Data.csv) with demo/load_usgs.sql (pg_regress runs
-- psql in the project root, so the loader's default datadir "data" works),
-- builds one supply_mix per commodity and stage for 2024 and compares total,
-- remainder, producer count, shares, HHI lower and upper bound, CR3, Shannon
-- entropy, effective suppliers and the top 3 producers with reference figures
-- computed outside PostgreSQL, first with a serial plan, then with a forced
-- parallel plan.
--
-- The reference literals below are the output of
--     python3 test/oracles/usgs_reference.py data/usgs/MCS2025_World_Data.csv
-- (Python 3.11.7): it reads the CSV with Python's csv module, takes column
-- "PROD_EST_ 2024", treats "Other countries..." rows as the remainder, skips
-- "World total..." rows and non-numeric cells, and computes with math.fsum
--     total = named + remainder, share = q / total,
--     HHI lower = 10000 * sum(named share^2),
--     HHI upper = lower + 10000 * (remainder / total)^2,
--     CR3 = sum of the 3 largest named shares,
--     Shannon = -sum(s ln s) over the named and the remainder as one producer,
--     effective = 10000 / HHI lower.
-- Every comparison is a relative difference <= 1e-9, shown as a boolean.
--
\set ECHO none
\i demo/load_usgs.sql
\set ECHO all

-- What was loaded: production cells of countries and "Other countries" that
-- are numbers; the rest left out (in this file all are blank cells, some with
-- W, NA or XX in PROD_NOTES).
SELECT year, count(*) AS cells, count(*) FILTER (WHERE country IS NULL) AS remainder_cells
FROM usgs.mcs2025_production GROUP BY year ORDER BY year;
SELECT year, row_kind, reading, count(*) AS cells
FROM usgs.mcs2025_left_out GROUP BY year, row_kind, reading ORDER BY year, row_kind, reading;
-- Names: UTF-8 read right (C\u00f4te d\u2019Ivoire), no-break spaces and
-- trailing spaces gone, Namibia (ISO code NA) present.
SELECT count(*) FILTER (WHERE country = U&'C\00F4te d\2019Ivoire') = 2 AS cote_divoire,
       count(*) FILTER (WHERE country = 'United States (kyanite)') = 2 AS nbsp_name,
       count(*) FILTER (WHERE country = 'Namibia') > 0 AS namibia,
       count(*) FILTER (WHERE country <> btrim(country) OR country ~ '[\u00a0]|  ') = 0 AS names_trimmed,
       count(*) FILTER (WHERE commodity <> btrim(commodity) OR stage <> btrim(stage)) = 0 AS labels_trimmed
FROM usgs.mcs2025_production;

-- Rare earths, mine production 2024: China's share of the complete total
-- (named producers + "Other countries").
SELECT round(share(m, 'China')::numeric, 4) AS china_share,
       total(m) AS total, remainder(m) AS remainder, producer_count(m) AS producers
FROM (SELECT supply_mix_agg(country, quantity) AS m
      FROM usgs.mcs2025_production
      WHERE year = 2024 AND commodity = 'Rare earths'
        AND stage = 'Mine production, rare-earth-oxide equivalent') AS s;

-- Reference figures (see the header for how they were computed).
CREATE SCHEMA usgs_check;
CREATE TABLE usgs_check.ref_measures (
	commodity text, stage text, total float8, remainder float8, producers int,
	hhi_lower float8, hhi_upper float8, cr3 float8, shannon float8, effective float8,
	top1 text, top2 text, top3 text,
	PRIMARY KEY (commodity, stage));
CREATE TABLE usgs_check.ref_shares (
	commodity text, stage text, producer text, share float8,
	PRIMARY KEY (commodity, stage, producer));
INSERT INTO usgs_check.ref_measures VALUES
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 393950.0, 1100.0, 12, 4923.54639657785, 4923.624362202129, 0.8782840461987562, 1.164635644433623, 2.031056314804016, 'China', 'United States', 'Burma'),
('Cobalt', 'Mine production, cobalt content, estimated', 287900.0, 6200.0, 11, 5953.174953529775, 5957.812625736835, 0.8916290378603682, 1.009860406498539, 1.679775931004811, 'Congo (Kinshasa)', 'Indonesia', 'Russia'),
('Lithium', 'Mine production, lithium content', 235380.0, 0.0, 9, 2303.0797896757317, 2303.0797896757317, 0.7562239782479395, 1.6860168126890007, 4.342011963644549, 'Australia', 'Chile', 'China'),
('Gallium', 'Primary production', 762000.0, 0.0, 4, 9688.449376898754, 9688.449376898754, 0.9960629921259843, 0.09736763777963302, 1.0321569129363581, 'China', 'Russia', 'Japan'),
('Graphite', 'Mine production', 1630670.0, 0.0, 18, 6143.097548909324, 6143.097548909324, 0.8793931328840292, 0.9944988563679746, 1.6278432696832967, 'China', 'Madagascar', 'Mozambique'),
('Tungsten', 'Mine production, tungsten content', 81400.0, 1500.0, 10, 6812.341155092998, 6815.736889446963, 0.8894348894348895, 0.8494018970913544, 1.4679241353794892, 'China', 'Vietnam', 'Russia'),
('Copper', 'Mine production, recoverable copper content', 22640.0, 2700.0, 14, 1068.662675273758, 1210.8872629200014, 0.49469964664310956, 2.3510887700916876, 9.357489721851016, 'Chile', 'Congo (Kinshasa)', 'Peru'),
('Nickel', 'Mine production, nickel content', 3655000.0, 300000.0, 9, 3797.9515720645777, 3865.3217581372887, 0.749658002735978, 1.4634837881848528, 2.6329982913826284, 'Indonesia', 'Philippines', 'Russia'),
('Platinum-Group metals', 'Mine production, Palladium content', 189200.0, 4200.0, 5, 3163.146038287392, 3168.0738750899523, 0.8562367864693445, 1.3546653201637642, 3.1614095204451123, 'Russia', 'South Africa', 'Canada'),
('Talc, crude', 'Mine production, estimated', 6320.0, 650.0, 13, 1196.8985338887996, 1302.675853228649, 0.5189873417721519, 2.317201829928908, 8.354927102725544, 'China (unspecified minerals)', 'India', 'Brazil (crude and beneficiated)'),
('Cement', 'Cement production, estimated', 4004000.0, 860000.0, 14, 2413.3596174055715, 2874.68650230888, 0.6143856143856143, 1.7361137450655315, 4.143601280090316, 'China', 'India', 'Vietnam'),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 450.0, 20.0, 7, 2741.135802469136, 2760.8888888888887, 0.7999999999999999, 1.5697114664572211, 3.648122793110903, 'Australia', 'South Africa', 'Sierra Leone'),
('Kyanite and Related Minerals', 'Mine production', 433600.0, 0.0, 6, 2346.322217834724, 2346.322217834724, 0.761070110701107, 1.5506702886201207, 4.261989220401443, 'South Africa (andalusite)', 'China (andalusite, crude ore)', 'United States (kyanite)');
INSERT INTO usgs_check.ref_shares VALUES
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Australia', 0.032999111562381014),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Brazil', 5.076786394212464e-05),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Burma', 0.07869018911029318),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'China', 0.6853661632186826),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'India', 0.007361340271608072),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Madagascar', 0.005076786394212464),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Malaysia', 0.00032999111562381013),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Nigeria', 0.032999111562381014),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Russia', 0.006345982992765579),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Thailand', 0.032999111562381014),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'United States', 0.11422769386978043),
('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'Vietnam', 0.0007615179591318695),
('Cobalt', 'Mine production, cobalt content, estimated', 'Australia', 0.012504341785342132),
('Cobalt', 'Mine production, cobalt content, estimated', 'Canada', 0.015630427231677665),
('Cobalt', 'Mine production, cobalt content, estimated', 'Congo (Kinshasa)', 0.7641542202153525),
('Cobalt', 'Mine production, cobalt content, estimated', 'Cuba', 0.012156998957971519),
('Cobalt', 'Mine production, cobalt content, estimated', 'Indonesia', 0.09725599166377215),
('Cobalt', 'Mine production, cobalt content, estimated', 'Madagascar', 0.009030913511635985),
('Cobalt', 'Mine production, cobalt content, estimated', 'New Caledonia', 0.005210142410559222),
('Cobalt', 'Mine production, cobalt content, estimated', 'Papua New Guinea', 0.009725599166377214),
('Cobalt', 'Mine production, cobalt content, estimated', 'Philippines', 0.013199027440083362),
('Cobalt', 'Mine production, cobalt content, estimated', 'Russia', 0.030218825981243487),
('Cobalt', 'Mine production, cobalt content, estimated', 'Turkey', 0.0093782563390066),
('Lithium', 'Mine production, lithium content', 'Argentina', 0.07647208768799388),
('Lithium', 'Mine production, lithium content', 'Australia', 0.3738635398079701),
('Lithium', 'Mine production, lithium content', 'Brazil', 0.042484493159996604),
('Lithium', 'Mine production, lithium content', 'Canada', 0.018268332058798537),
('Lithium', 'Mine production, lithium content', 'Chile', 0.20817401648398334),
('Lithium', 'Mine production, lithium content', 'China', 0.17418642195598608),
('Lithium', 'Mine production, lithium content', 'Namibia', 0.011470813153199082),
('Lithium', 'Mine production, lithium content', 'Portugal', 0.0016144107400798708),
('Lithium', 'Mine production, lithium content', 'Zimbabwe', 0.09346588495199253),
('Gallium', 'Primary production', 'China', 0.984251968503937),
('Gallium', 'Primary production', 'Japan', 0.003937007874015748),
('Gallium', 'Primary production', 'Korea, Republic of', 0.003937007874015748),
('Gallium', 'Primary production', 'Russia', 0.007874015748031496),
('Graphite', 'Mine production', 'Austria', 0.000306622431270582),
('Graphite', 'Mine production', 'Brazil', 0.041700650652799154),
('Graphite', 'Mine production', 'Canada', 0.01226489725082328),
('Graphite', 'Mine production', 'China', 0.7788209754272784),
('Graphite', 'Mine production', 'Germany', 0.0001042516266319979),
('Graphite', 'Mine production', 'India', 0.017048207178644362),
('Graphite', 'Mine production', 'Korea, North', 0.004967283386583429),
('Graphite', 'Mine production', 'Korea, Republic of', 0.005887150680395175),
('Graphite', 'Mine production', 'Madagascar', 0.0545787927661636),
('Graphite', 'Mine production', 'Mexico', 0.0005519203762870477),
('Graphite', 'Mine production', 'Mozambique', 0.045993364690587304),
('Graphite', 'Mine production', 'Norway', 0.004292714037788148),
('Graphite', 'Mine production', 'Russia', 0.01226489725082328),
('Graphite', 'Mine production', 'Sri Lanka', 0.0020237080463858413),
('Graphite', 'Mine production', 'Tanzania', 0.015331121563529101),
('Graphite', 'Mine production', 'Turkey', 0.0019010590738776085),
('Graphite', 'Mine production', 'Ukraine', 0.0007358938350493969),
('Graphite', 'Mine production', 'Vietnam', 0.001226489725082328),
('Tungsten', 'Mine production, tungsten content', 'Australia', 0.012285012285012284),
('Tungsten', 'Mine production, tungsten content', 'Austria', 0.009828009828009828),
('Tungsten', 'Mine production, tungsten content', 'Bolivia', 0.019656019656019656),
('Tungsten', 'Mine production, tungsten content', 'China', 0.8230958230958231),
('Tungsten', 'Mine production, tungsten content', 'Korea, North', 0.020884520884520884),
('Tungsten', 'Mine production, tungsten content', 'Portugal', 0.006142506142506142),
('Tungsten', 'Mine production, tungsten content', 'Russia', 0.02457002457002457),
('Tungsten', 'Mine production, tungsten content', 'Rwanda', 0.014742014742014743),
('Tungsten', 'Mine production, tungsten content', 'Spain', 0.0085995085995086),
('Tungsten', 'Mine production, tungsten content', 'Vietnam', 0.04176904176904177),
('Copper', 'Mine production, recoverable copper content', 'Australia', 0.0353356890459364),
('Copper', 'Mine production, recoverable copper content', 'Canada', 0.01987632508833922),
('Copper', 'Mine production, recoverable copper content', 'Chile', 0.23409893992932862),
('Copper', 'Mine production, recoverable copper content', 'China', 0.07950530035335689),
('Copper', 'Mine production, recoverable copper content', 'Congo (Kinshasa)', 0.14575971731448764),
('Copper', 'Mine production, recoverable copper content', 'India', 0.001325088339222615),
('Copper', 'Mine production, recoverable copper content', 'Indonesia', 0.04858657243816254),
('Copper', 'Mine production, recoverable copper content', 'Kazakhstan', 0.03268551236749117),
('Copper', 'Mine production, recoverable copper content', 'Mexico', 0.030918727915194347),
('Copper', 'Mine production, recoverable copper content', 'Peru', 0.11484098939929328),
('Copper', 'Mine production, recoverable copper content', 'Poland', 0.018109540636042403),
('Copper', 'Mine production, recoverable copper content', 'Russia', 0.04107773851590106),
('Copper', 'Mine production, recoverable copper content', 'United States', 0.04858657243816254),
('Copper', 'Mine production, recoverable copper content', 'Zambia', 0.030035335689045935),
('Nickel', 'Mine production, nickel content', 'Australia', 0.030095759233926128),
('Nickel', 'Mine production, nickel content', 'Brazil', 0.02106703146374829),
('Nickel', 'Mine production, nickel content', 'Canada', 0.05198358413132695),
('Nickel', 'Mine production, nickel content', 'China', 0.03283173734610123),
('Nickel', 'Mine production, nickel content', 'Indonesia', 0.6019151846785226),
('Nickel', 'Mine production, nickel content', 'New Caledonia', 0.030095759233926128),
('Nickel', 'Mine production, nickel content', 'Philippines', 0.09028727770177838),
('Nickel', 'Mine production, nickel content', 'Russia', 0.057455540355677154),
('Nickel', 'Mine production, nickel content', 'United States', 0.002188782489740082),
('Platinum-Group metals', 'Mine production, Palladium content', 'Canada', 0.07928118393234672),
('Platinum-Group metals', 'Mine production, Palladium content', 'Russia', 0.3964059196617336),
('Platinum-Group metals', 'Mine production, Palladium content', 'South Africa', 0.38054968287526425),
('Platinum-Group metals', 'Mine production, Palladium content', 'United States', 0.042283298097251586),
('Platinum-Group metals', 'Mine production, Palladium content', 'Zimbabwe', 0.07928118393234672),
('Talc, crude', 'Mine production, estimated', 'Afghanistan', 0.03164556962025317),
('Talc, crude', 'Mine production, estimated', 'Brazil (crude and beneficiated)', 0.0759493670886076),
('Talc, crude', 'Mine production, estimated', 'Canada (unspecified minerals)', 0.03164556962025317),
('Talc, crude', 'Mine production, estimated', 'China (unspecified minerals)', 0.22151898734177214),
('Talc, crude', 'Mine production, estimated', 'Finland', 0.03164556962025317),
('Talc, crude', 'Mine production, estimated', 'France (crude)', 0.06329113924050633),
('Talc, crude', 'Mine production, estimated', 'India', 0.22151898734177214),
('Talc, crude', 'Mine production, estimated', 'Italy (includes steatite)', 0.028481012658227847),
('Talc, crude', 'Mine production, estimated', 'Japan', 0.020569620253164556),
('Talc, crude', 'Mine production, estimated', 'Korea, Republic of', 0.0490506329113924),
('Talc, crude', 'Mine production, estimated', 'Pakistan', 0.03164556962025317),
('Talc, crude', 'Mine production, estimated', 'South Africa', 0.05063291139240506),
('Talc, crude', 'Mine production, estimated', 'Turkey', 0.03955696202531646),
('Cement', 'Cement production, estimated', 'Brazil', 0.016983016983016984),
('Cement', 'Cement production, estimated', 'China', 0.4745254745254745),
('Cement', 'Cement production, estimated', 'Egypt', 0.012487512487512488),
('Cement', 'Cement production, estimated', 'India', 0.11238761238761238),
('Cement', 'Cement production, estimated', 'Indonesia', 0.016233766233766232),
('Cement', 'Cement production, estimated', 'Iran', 0.017982017982017984),
('Cement', 'Cement production, estimated', 'Japan', 0.011488511488511488),
('Cement', 'Cement production, estimated', 'Korea, Republic of', 0.012987012987012988),
('Cement', 'Cement production, estimated', 'Mexico', 0.011988011988011988),
('Cement', 'Cement production, estimated', 'Russia', 0.016233766233766232),
('Cement', 'Cement production, estimated', 'Saudi Arabia', 0.012487512487512488),
('Cement', 'Cement production, estimated', 'Turkey', 0.02047952047952048),
('Cement', 'Cement production, estimated', 'United States (includes Puerto Rico)', 0.02147852147852148),
('Cement', 'Cement production, estimated', 'Vietnam', 0.027472527472527472),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'Australia', 0.4444444444444444),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'India', 0.02666666666666667),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'Kenya', 0.08888888888888889),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'Mozambique', 0.017777777777777778),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'Sierra Leone', 0.13333333333333333),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'South Africa', 0.2222222222222222),
('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'Ukraine', 0.022222222222222223),
('Kyanite and Related Minerals', 'Mine production', 'China (andalusite, crude ore)', 0.23062730627306274),
('Kyanite and Related Minerals', 'Mine production', 'France (andalusite)', 0.13837638376383765),
('Kyanite and Related Minerals', 'Mine production', 'India (kyanite and sillimanite)', 0.008302583025830259),
('Kyanite and Related Minerals', 'Mine production', 'Peru (andalusite)', 0.09225092250922509),
('Kyanite and Related Minerals', 'Mine production', 'South Africa (andalusite)', 0.3459409594095941),
('Kyanite and Related Minerals', 'Mine production', 'United States (kyanite)', 0.18450184501845018);

CREATE FUNCTION usgs_check.close(a float8, b float8) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN abs(a - b) <= 1e-9 * greatest(abs(a), abs(b));

-- One row per reference series: the extension's measures against the
-- reference figures.  The mixes and the two convenience aggregates are built
-- in one grouped scan of the whole table (parallel below).
CREATE VIEW usgs_check.comparison AS
SELECT r.commodity,
	usgs_check.close(total(x.m), r.total)
		AND usgs_check.close(remainder(x.m), r.remainder)   AS total_ok,
	producer_count(x.m) = r.producers                       AS count_ok,
	(SELECT bool_and(usgs_check.close(share(x.m, s.producer), s.share))
	        AND count(*) = r.producers
	 FROM usgs_check.ref_shares AS s
	 WHERE (s.commodity, s.stage) = (r.commodity, r.stage)) AS shares_ok,
	usgs_check.close(hhi(x.m), r.hhi_lower)
		AND usgs_check.close((hhi_bounds(x.m)).lower, r.hhi_lower) AS hhi_lower_ok,
	usgs_check.close((hhi_bounds(x.m)).upper, r.hhi_upper)  AS hhi_upper_ok,
	usgs_check.close(concentration_ratio(x.m, 3), r.cr3)    AS cr3_ok,
	usgs_check.close(shannon_entropy(x.m), r.shannon)       AS shannon_ok,
	usgs_check.close(effective_suppliers(x.m), r.effective) AS effective_ok,
	(SELECT array_agg(t.producer ORDER BY t.rank) = ARRAY[r.top1, r.top2, r.top3]
	        AND bool_and(usgs_check.close(t.share, s.share))
	 FROM top_producers(x.m, 3) AS t
	 JOIN usgs_check.ref_shares AS s
	   ON (s.commodity, s.stage, s.producer) = (r.commodity, r.stage, t.producer)) AS top3_ok,
	usgs_check.close(x.hhi_agg, r.hhi_lower)
		AND usgs_check.close(x.cr3_agg, r.cr3)              AS aggregates_ok
FROM usgs_check.ref_measures AS r
LEFT JOIN (
	SELECT commodity, stage,
		supply_mix_agg(country, quantity) AS m,
		hhi(country, quantity) AS hhi_agg,
		concentration_ratio(country, quantity, 3) AS cr3_agg
	FROM usgs.mcs2025_production
	WHERE year = 2024
	GROUP BY commodity, stage
) AS x USING (commodity, stage);

-- Whether a query's plan has a Gather over a partial aggregate and launched
-- workers (EXPLAIN ANALYZE read here, never printed).
CREATE FUNCTION usgs_check.parallel_plan(query text,
		OUT gather boolean, OUT partial_aggregate boolean, OUT workers_launched boolean)
	LANGUAGE plpgsql AS $$
DECLARE
	plan text;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) ' || query INTO plan;
	gather := plan ~ '"Node Type": "Gather( Merge)?"';
	partial_aggregate := plan ~ '"Partial Mode": "Partial"';
	workers_launched := coalesce((regexp_match(plan, '"Workers Launched": ([0-9]+)'))[1]::int, 0) > 0;
END
$$;

-- Serial plan.
SET max_parallel_workers_per_gather = 0;
SELECT NOT gather AND NOT partial_aggregate AND NOT workers_launched AS serial_plan
FROM usgs_check.parallel_plan('SELECT * FROM usgs_check.comparison');
SELECT * FROM usgs_check.comparison ORDER BY commodity;
CREATE TABLE usgs_check.serial_mixes AS
SELECT commodity, stage, year, supply_mix_agg(country, quantity) AS m
FROM usgs.mcs2025_production GROUP BY commodity, stage, year;

-- Forced parallel plan: partial aggregates in two workers (the leader only
-- gathers and combines), on a table far too small to be scanned in parallel
-- otherwise.  The plans have a Gather over a partial aggregate and launched
-- workers.
ALTER TABLE usgs.mcs2025_production SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

SELECT * FROM usgs_check.parallel_plan(
	'SELECT commodity, stage, supply_mix_agg(country, quantity), hhi(country, quantity),
	        concentration_ratio(country, quantity, 3)
	 FROM usgs.mcs2025_production WHERE year = 2024 GROUP BY commodity, stage');
SELECT * FROM usgs_check.parallel_plan(
	'SELECT commodity, stage, year, supply_mix_agg(country, quantity)
	 FROM usgs.mcs2025_production GROUP BY commodity, stage, year');
SELECT * FROM usgs_check.parallel_plan('SELECT * FROM usgs_check.comparison');

SELECT * FROM usgs_check.comparison ORDER BY commodity;

-- The same with sorted partial aggregates (Gather Merge, GroupAggregate).
SET enable_hashagg = off;
SELECT * FROM usgs_check.parallel_plan('SELECT * FROM usgs_check.comparison');
SELECT count(*) AS series,
	bool_and(coalesce(total_ok AND count_ok AND shares_ok AND hhi_lower_ok
		AND hhi_upper_ok AND cr3_ok AND shannon_ok AND effective_ok AND top3_ok
		AND aggregates_ok, false)) AS all_ok
FROM usgs_check.comparison;
RESET enable_hashagg;

-- Every series, both years: the parallel mixes equal the serial ones.
SELECT count(*) AS series,
	count(p.m) = count(*) AND count(s.m) = count(*) AS all_matched,
	bool_and(p.m = s.m) AS mixes_equal,
	bool_and(p.m::text = s.m::text) AS texts_equal,
	bool_and(hhi_bounds(p.m) IS NOT DISTINCT FROM hhi_bounds(s.m)
	         AND shannon_entropy(p.m) IS NOT DISTINCT FROM shannon_entropy(s.m)
	         AND concentration_ratio(p.m, 3) IS NOT DISTINCT FROM concentration_ratio(s.m, 3))
	  AS measures_equal
FROM usgs_check.serial_mixes AS s
FULL JOIN (
	SELECT commodity, stage, year, supply_mix_agg(country, quantity) AS m
	FROM usgs.mcs2025_production GROUP BY commodity, stage, year
) AS p ON (p.commodity, p.stage, p.year) = (s.commodity, s.stage, s.year);

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
ALTER TABLE usgs.mcs2025_production RESET (parallel_workers);
SET client_min_messages = warning;
DROP SCHEMA usgs_check CASCADE;
RESET client_min_messages;
