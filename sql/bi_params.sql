--
-- bi_params: the arguments BI tools pass as parameters (n, dates,
-- thresholds, producer names, country codes) work as bind parameters of
-- prepared statements without casts.  Every $n below is left untyped, as
-- PREPARE, libpq's PQprepare with no types, and JDBC's setDate, setTimestamp
-- or setString with stringtype=unspecified send them: PostgreSQL infers each
-- type from the one function that fits.  pg_prepared_statements shows what it
-- inferred; each statement then runs with a custom plan (the values folded
-- in) and with a generic plan (the values as run-time parameters), with the
-- same results.
--
CREATE TABLE bi_mix (id int PRIMARY KEY, m supply_mix);
INSERT INTO bi_mix VALUES
	(1, '{"A": 6, "B": 2, "C": 1, "D": 1}'),   -- shares 0.6, 0.2, 0.1, 0.1
	(2, '{"A": 6, "B": 2, "": 2}');            -- with a remainder
CREATE TABLE bi_rows (producer text, quantity float8);
INSERT INTO bi_rows VALUES ('A', 6), ('B', 2), ('C', 1), ('D', 1), (NULL, 2);
-- processing-stage sourcing keyed by country codes (the CRMA worked example)
CREATE TABLE bi_sourcing (s supply_mix);
INSERT INTO bi_sourcing VALUES ('{"CN": 700, "MY": 150, "DE": 100, "": 50}');

-- Measures and edits of a stored mix: n, producer names, quantities, factors.
PREPARE top_n AS SELECT * FROM top_producers((SELECT m FROM bi_mix WHERE id = 1), $1);
PREPARE cr_n AS SELECT id, concentration_ratio(m, $1) FROM bi_mix ORDER BY id;
PREPARE cr_n_rows AS SELECT concentration_ratio(producer, quantity, $1), round(hhi(producer, quantity)::numeric, 9) AS hhi
	FROM bi_rows;
PREPARE one_producer AS SELECT id, share(m, $1), quantity(m, $1) FROM bi_mix ORDER BY id;
PREPARE edits AS SELECT adjust_producer(m, $1, $2), set_producer(m, $1, $3), scale_mix(m, $4),
	keep_producers(m, $5), drop_producers(m, $5) FROM bi_mix WHERE id = 2;
PREPARE mix_param AS SELECT total, remainder, producer_count, top_producer, top_share, cr3, hhi, hhi_upper,
	round(hhi_normalized::numeric, 12) AS hhi_normalized, round(shannon_entropy::numeric, 12) AS shannon_entropy,
	effective_suppliers, round(gini::numeric, 12) AS gini
	FROM mix_summary($1);
PREPARE mix_param_rows AS SELECT * FROM producers($1);
-- Countries and the EU on a date.
PREPARE eu_on AS SELECT eu_member('KZ', $1) AS kz, eu_member('GB', $1) AS gb, eu_oct('GL', $1) AS gl,
	third_country('CN', $1) AS cn, cardinality(eu_members($1)) AS members;
PREPARE eu_country AS SELECT eu_member($1, $2), eu_oct($1, $2), third_country($1, $2);
PREPARE eu_mix AS SELECT eu_share(s, $1), t.* FROM bi_sourcing, top_third_country(s, $1) AS t;
-- CRMA benchmarks: tonnes (thresholds), a date, a target year.
PREPARE crma AS SELECT * FROM crma_assessment($1, $2, $3, $4, (SELECT s FROM bi_sourcing), $5);
PREPARE crma_year AS SELECT benchmark, benchmark_share, gap_t, met
	FROM crma_assessment($1, $2, $3, $4, (SELECT s FROM bi_sourcing), $5, $6);
PREPARE crma_mix_param AS SELECT benchmark, gap_t, met, country FROM crma_assessment($1, $2, $3, $4, $5, $6, $7);
PREPARE capacity AS SELECT * FROM crma_capacity_gap($1, $2, $3);
PREPARE capacity_year AS SELECT * FROM crma_capacity_gap($1, $2, $3, $4);
PREPARE third AS SELECT * FROM crma_third_country_gap((SELECT s FROM bi_sourcing), $1, $2);
PREPARE third_year AS SELECT * FROM crma_third_country_gap((SELECT s FROM bi_sourcing), $1, $2, $3);
PREPARE benchmark AS SELECT * FROM crma_benchmark_share($1, $2);
-- Supply risk: WGI, trade factors, reliance, risk, thresholds.
PREPARE wgi AS SELECT wgi_scaled($1);
PREPARE wgi_rows AS SELECT round(hhi_wgi(producer, quantity, $1)::numeric, 12) AS hhi_wgi,
	round(hhi_wgi(producer, quantity, $1, $2)::numeric, 12) AS hhi_wgi_t FROM bi_rows;
PREPARE wgi_mix AS SELECT round(hhi_wgi(with_weights(m, $1))::numeric, 12) AS hhi_wgi,
	round(hhi_wgi(with_weights(m, $1, $2, $3))::numeric, 12) AS hhi_wgi_t FROM bi_mix WHERE id = 1;
PREPARE reliance AS SELECT eu_import_reliance($1, $2, $3);
PREPARE risk AS SELECT eu_supply_risk($1, $2, $3, $4, $5), eu_supply_risk_material($1, $2);
PREPARE critical AS SELECT is_critical($1, $2), is_critical($1, $2, $3);
PREPARE usgs_nir AS SELECT * FROM usgs_net_import_reliance($1, $2, $3);
PREPARE usgs_nir_stock AS SELECT * FROM usgs_net_import_reliance($1, $2, $3, $4);

-- What PostgreSQL inferred for each $n.
SELECT name, parameter_types FROM pg_prepared_statements ORDER BY name;

-- Run with custom plans (the values folded in).
SET plan_cache_mode = force_custom_plan;
EXECUTE top_n(2);
EXECUTE cr_n(3);
EXECUTE cr_n_rows(3);
EXECUTE one_producer('A');
EXECUTE edits('KZ', 15, 0, 0.5, '{A}');
EXECUTE mix_param('{"A": 6, "B": 2, "": 2}');
EXECUTE mix_param_rows('{"A": 6, "B": 2, "": 2}');
EXECUTE eu_on('2020-01-31');
EXECUTE eu_on('2020-02-01');
EXECUTE eu_country('GBR', '2019-12-31');
EXECUTE eu_mix('2030-12-31');
EXECUTE crma(1000, 60, 450, 100, '2030-12-31');
EXECUTE crma_year(1000, 60, 450, 100, '2030-12-31', 2030);
EXECUTE crma_mix_param(1000, 60, 450, 100, '{"CN": 400, "KZ": 300, "": 50}', '2030-12-31', 2030);
EXECUTE capacity('recycling', 1000, 100);
EXECUTE capacity_year('processing', 1000, 450, 2030);
EXECUTE third(1000, '2030-12-31');
EXECUTE third_year(1000, '2030-12-31', 2030);
EXECUTE benchmark('third country', 2030);
EXECUTE wgi(0.5);
EXECUTE wgi_rows(2, 0.5);
EXECUTE wgi_mix('{"A": 1, "B": 2, "C": 3, "D": 4}', '{"A": 0.5}', 1);
EXECUTE reliance(30, 100, 30);
EXECUTE risk(0.5, 0.25, 0.5, 0.1, 0.9);
EXECUTE critical(1, 2.8, 'EU CRMA');
EXECUTE usgs_nir(10, 100, 20);
EXECUTE usgs_nir_stock(10, 100, 120, 5);

-- With generic plans the values reach the functions as run-time parameters:
-- the same results.  concentration_ratio(producer, quantity, n) reads n from
-- its call, which must not vary by row; a parameter does not.
SET plan_cache_mode = force_generic_plan;
EXPLAIN (VERBOSE, COSTS OFF) EXECUTE cr_n_rows(3);
EXECUTE cr_n_rows(3);
EXECUTE top_n(2);
EXECUTE cr_n(3);
EXECUTE eu_on('2020-01-31');
EXECUTE crma_year(1000, 60, 450, 100, '2030-12-31', 2030);
EXECUTE wgi_rows(2, 0.5);
RESET plan_cache_mode;

DEALLOCATE ALL;
DROP TABLE bi_mix, bi_rows, bi_sourcing;

-- Typed parameters as drivers send them: a 64-bit integer for n (JDBC
-- setLong, Python ints) and varchar for a country (JDBC setString).
PREPARE typed_top(bigint) AS SELECT rank, producer FROM top_producers('{"CN": 3, "US": 2, "AU": 1}', $1);
EXECUTE typed_top(2);
PREPARE typed_cr(bigint) AS SELECT concentration_ratio(p, q, $1) FROM (VALUES ('CN', 3.0), ('US', 1.0)) v(p, q);
EXECUTE typed_cr(1);
PREPARE typed_member(varchar, date) AS SELECT eu_member($1, $2), third_country($1, $2);
EXECUTE typed_member('KAZ', '2024-06-30');
EXECUTE typed_member('gb', '2019-06-30');
