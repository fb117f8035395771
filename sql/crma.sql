-- CRMA benchmarks (Regulation (EU) 2024/1252, Art. 5(1)) as data, and the
-- gaps in tonnes.

SELECT benchmark, bound, share, target_year, legal_reference, seeded
FROM crma_benchmark ORDER BY target_year, benchmark;

-- Worked example (illustrative numbers, not official data), for one
-- strategic raw material in 2030:
--   EU annual consumption 1 000 t;
--   extraction capacity 60 t   -> 6 % of consumption; 10 % needs 100 t: 40 t to add;
--   processing capacity 450 t  -> 45 %; 40 % needs 400 t: met, 0 t to add;
--   recycling capacity 100 t   -> 10 %; 25 % needs 250 t: 150 t to add;
--   processing-stage sourcing: China 700 t, Malaysia 150 t, Germany (EU) 100 t,
--     unattributed 50 t.  The largest third country is China, 700 / 1 000 =
--     70 % of consumption; 65 % allows 650 t: 50 t must come from elsewhere.
CREATE TABLE material_year (material text, year int, consumption_t float8,
	extraction_capacity_t float8, processing_capacity_t float8, recycling_capacity_t float8,
	processing_sourcing supply_mix);
INSERT INTO material_year VALUES
	('example metal', 2030, 1000, 60, 450, 100, '{"CN": 700, "MY": 150, "DE": 100, "": 50}'),
	('no data yet', 2030, NULL, NULL, NULL, NULL, NULL),
	('all from the EU', 2030, 500, 50, 200, 125, '{"DE": 300, "FR": 200}');

SELECT material, a.*
FROM   material_year m
CROSS  JOIN LATERAL crma_assessment(m.consumption_t, m.extraction_capacity_t, m.processing_capacity_t,
                                    m.recycling_capacity_t, m.processing_sourcing, make_date(m.year, 12, 31)) a
ORDER  BY material, a.benchmark;

-- The two building blocks on their own.
SELECT * FROM crma_capacity_gap('recycling', 1000, 100);
SELECT * FROM crma_third_country_gap('{"CN": 700, "MY": 150, "DE": 100, "": 50}', 1000, '2030-12-31');
-- consumption zero or NULL: no share can be formed, NULL results (not an error)
SELECT * FROM crma_capacity_gap('processing', 0, 100);
SELECT * FROM crma_capacity_gap('processing', NULL, 100);
SELECT * FROM crma_third_country_gap('{"CN": 700}', 0, '2030-12-31');

-- Scenario: Kazakhstan ships 300 t to the EU instead of China: a mix edit,
-- then the same assessment.  China 400 t = 40 %: met.
SELECT (crma_third_country_gap(
	adjust_producer(adjust_producer('{"CN": 700, "MY": 150, "DE": 100, "": 50}', 'CN', -300), 'KZ', 300),
	1000, '2030-12-31')).*;

-- Benchmarks are read from the table: a 2035 what-if, and an edit of a
-- shipped row (stored as the user's own row, which takes precedence).
-- Editing them is an editor's: this suite runs as an ordinary role, and
-- mineral_supply_editor has the grant README "Roles and privileges" tells a
-- DBA to give (test/prepare_db).
SET ROLE mineral_supply_editor;
INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference)
VALUES ('processing', 'at least', 0.50, 2035, 'what-if: a stricter processing benchmark');
SELECT benchmark_share, gap_t, met, legal_reference FROM crma_capacity_gap('processing', 1000, 450, 2035);
UPDATE crma_benchmark SET share = 0.60, legal_reference = 'what-if: 60 % limit'
WHERE benchmark = 'third country' AND target_year = 2030;
SELECT benchmark, share, target_year, legal_reference, seeded FROM crma_benchmark
WHERE benchmark = 'third country' ORDER BY seeded;
SELECT limit_share, excess_t, legal_reference
FROM crma_third_country_gap('{"CN": 700, "MY": 150, "DE": 100, "": 50}', 1000, '2030-12-31');
-- shipped rows cannot be deleted (a restore would bring them back)
DELETE FROM crma_benchmark WHERE seeded;
-- the user's row can; the shipped 65 % is in force again
DELETE FROM crma_benchmark WHERE NOT seeded AND benchmark = 'third country';
SET ROLE mineral_supply_analyst;
SELECT limit_share FROM crma_third_country_gap('{"CN": 700}', 1000, '2030-12-31');

-- Errors.
SELECT * FROM crma_capacity_gap('smelting', 1000, 100);
SELECT * FROM crma_capacity_gap('processing', 1000, -1);
SELECT * FROM crma_capacity_gap('processing', 1000, 100, 2040);
SELECT * FROM crma_third_country_gap('{"Germany": 100}', 1000, '2030-12-31');
