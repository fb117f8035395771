-- Scenario edits: each returns a new mix; measures are then recomputed.

-- Gallium 2024 (illustrative): China dominant, Kazakhstan brings 15 t/yr online.
CREATE TABLE gallium AS SELECT '{"CN": 750, "JP": 3, "KR": 2, "RU": 5}'::supply_mix AS m;
SELECT adjust_producer(m, 'KZ', 15) AS with_kz_plant,
       round(share(adjust_producer(m, 'KZ', 15), 'KZ')::numeric, 6) AS kz_share,
       round(share(m, 'CN')::numeric, 6) AS cn_before,
       round(share(adjust_producer(m, 'KZ', 15), 'CN')::numeric, 6) AS cn_after,
       round(hhi(m)::numeric, 2) AS hhi_before,
       round(hhi(adjust_producer(m, 'KZ', 15))::numeric, 2) AS hhi_after
FROM gallium;
-- the input is unchanged
SELECT m FROM gallium;

-- adjust_producer: a delta on an existing producer, down to exactly zero, and below zero.
SELECT adjust_producer('{"CN": 750}', 'CN', -50), adjust_producer('{"CN": 750}', 'CN', -750);
SELECT adjust_producer('{"CN": 750}', 'CN', -751);
SELECT adjust_producer('{"CN": 750}', 'CN', 'NaN');

-- set_producer: a supplier that stops exporting keeps its place at 0 ...
SELECT set_producer(m, 'CN', 0) AS cn_stops, hhi(set_producer(m, 'CN', 0)) FROM gallium;
-- ... drop_producers removes it; the remainder stays.
SELECT drop_producers('{"CN": 750, "RU": 5, "": 10}', ARRAY['CN', 'XX']) AS without_cn;
-- keep_producers keeps the listed ones; the remainder is not listed, so it goes.
SELECT keep_producers('{"CN": 750, "RU": 5, "": 10}', ARRAY['RU', 'JP']) AS only_ru_jp;
SELECT keep_producers('{"CN": 750}', '{}'::text[]) AS keep_none, drop_producers('{"CN": 750}', '{}'::text[]) AS drop_none;
SELECT keep_producers('{"CN": 750}', ARRAY['CN', NULL]);
SELECT set_producer('{"CN": 750}', 'CN', -1);

-- scale_mix: unit conversion (kg to t) and growth; the remainder scales too.
SELECT scale_mix('{"CN": 95000, "RU": 5000, "": 40000}', 0.001) AS germanium_t,
       scale_mix('{"CN": 1, "": 1}', 0) AS zeroed;
SELECT scale_mix('{"CN": 1e308}', 10);
SELECT scale_mix('{"CN": 1}', -1);
SELECT scale_mix('{"CN": 1}', 'Infinity');
