-- Concentration measures of a supply_mix, on the worked example of
-- doc/methodology.md §4 and on the edge cases doc/design.md names.

-- Worked example: shares s = (0.6, 0.2, 0.1, 0.1).
--   HHI = 0.36 + 0.04 + 0.01 + 0.01 = 0.42 -> 4200; effective suppliers 1/0.42 = 2.381
--   CR1 = 0.6, CR3 = 0.9
--   H = -(0.6 ln 0.6 + 0.2 ln 0.2 + 2 * 0.1 ln 0.1) = 1.0889 nats; H / ln 4 = 0.7855
--   normalised HHI = (0.42 - 0.25) / 0.75 = 0.2267
--   Gini, ascending x = (1, 1, 2, 6): (2 * (1 + 2 + 6 + 24) / 10 - 5) / 4 = 0.40
CREATE TABLE example AS SELECT '{"A": 6, "B": 2, "C": 1, "D": 1}'::supply_mix AS m;
SELECT total(m), remainder(m), producer_count(m), hhi(m), hhi_bounds(m),
       round(hhi_normalized(m)::numeric, 4) AS hhi_normalized,
       concentration_ratio(m, 1) AS cr1, concentration_ratio(m, 3) AS cr3,
       round(shannon_entropy(m)::numeric, 4) AS entropy,
       round(shannon_entropy_normalized(m)::numeric, 4) AS entropy_normalized,
       round(effective_suppliers(m)::numeric, 3) AS effective_suppliers,
       round(gini(m)::numeric, 12) AS gini
FROM example;
SELECT share(m, 'A') AS share_a, share(m, 'Z') AS share_absent, quantity(m, 'B'), quantity(m, 'Z') AS quantity_absent
FROM example;
SELECT * FROM top_producers((SELECT m FROM example), 2);
SELECT * FROM producers((SELECT m FROM example));

-- With a remainder ("Other countries"): shares are of the complete total.
-- {"A": 6, "B": 2, "": 2}: total 10; HHI lower = 10000 * (0.36 + 0.04) = 4000,
-- upper = 4000 + 10000 * 0.2^2 = 4400; CR3 counts named producers only: 0.8.
-- Measures needing a producer count take the remainder as one producer:
-- normalised HHI = (0.44 - 1/3) / (2/3) = 0.16.
CREATE TABLE with_rest AS SELECT '{"A": 6, "B": 2, "": 2}'::supply_mix AS m;
SELECT total(m), remainder(m), producer_count(m), share(m, 'A'), hhi(m), hhi_bounds(m),
       round(hhi_normalized(m)::numeric, 4) AS hhi_normalized,
       concentration_ratio(m, 3) AS cr3, effective_suppliers(m)
FROM with_rest;
SELECT * FROM top_producers((SELECT m FROM with_rest), 5);
SELECT * FROM producers((SELECT m FROM with_rest));
SELECT sum(share) AS shares_add_up_to FROM producers((SELECT m FROM with_rest));

-- Zero total: every measure is NULL; counts and totals are 0.
SELECT total(m), producer_count(m), hhi(m), hhi_bounds(m), hhi_normalized(m),
       concentration_ratio(m, 3), shannon_entropy(m), effective_suppliers(m), gini(m), share(m, 'A')
FROM (VALUES ('{}'::supply_mix), ('{"A": 0, "B": 0}')) v(m);
SELECT * FROM top_producers('{"A": 0, "B": 0}', 3);

-- producer_rank: the place in top_producers' order (quantity descending,
-- then producer ascending); NULL for a producer not in the mix; the
-- remainder never ranks.  C and D tie at 1: C ranks 3, D 4.
SELECT producer_rank(m, 'A') AS a, producer_rank(m, 'B') AS b, producer_rank(m, 'C') AS c,
       producer_rank(m, 'D') AS d, producer_rank(m, 'E') AS absent
FROM example;
SELECT producer_rank('{"A": 0, "B": 0, "": 5}', 'B') AS zero_producer;
-- the same as top_producers on 300 random mixes of up to 60 producers with ties
SELECT count(*) AS producers, bool_and(producer_rank(m, t.producer) = t.rank) AS same_as_top_producers
FROM (SELECT g, supply_mix_agg('p' || (g * i) % 37, ((g + i) % 5)::float8) AS m
      FROM generate_series(1, 300) g, generate_series(1, 1 + g % 60) i GROUP BY g) s,
     LATERAL top_producers(m, 1000) t;
SELECT producer_rank('{"A": 1}', '');

-- Single producer: HHI 10000, CR1 1, entropy 0, Gini 0; the normalised
-- measures are 0/0 and NULL.
SELECT hhi(m), hhi_bounds(m), concentration_ratio(m, 1), shannon_entropy(m), gini(m),
       effective_suppliers(m), hhi_normalized(m), shannon_entropy_normalized(m)
FROM (VALUES ('{"CN": 750}'::supply_mix)) v(m);

-- Remainder only: no named producer, so HHI's lower bound is 0 and the upper
-- bound 10000; effective suppliers is NULL (no supplier is named).
SELECT hhi(m), hhi_bounds(m), concentration_ratio(m, 3), effective_suppliers(m), producer_count(m)
FROM (VALUES ('{"": 1100}'::supply_mix)) v(m);

-- Zero-quantity producers stay in the mix but are not counted as producers.
SELECT producer_count(m), hhi(m), gini(m), round(shannon_entropy_normalized(m)::numeric, 6)
FROM (VALUES ('{"A": 1, "B": 1, "C": 0}'::supply_mix)) v(m);

-- Ties: quantity descending, then producer ascending.
SELECT * FROM top_producers('{"b": 5, "a": 5, "c": 9, "d": 5}', 3);
-- n larger than the number of producers: all of them; CRn is then 1.
SELECT * FROM top_producers('{"b": 5, "a": 5}', 10);
SELECT concentration_ratio('{"b": 5, "a": 5}', 10);

-- Huge and tiny values: shares stay exact even when the total overflows.
SELECT hhi(m), share(m, 'a'), concentration_ratio(m, 1)
FROM (VALUES ('{"a": 1.7976931348623157e308, "b": 1.7976931348623157e308}'::supply_mix)) v(m);
SELECT hhi(m), share(m, 'a'), total(m)
FROM (VALUES ('{"a": 5e-324, "b": 5e-324}'::supply_mix)) v(m);
SELECT total('{"a": 1.7976931348623157e308, "b": 1.7976931348623157e308}');

-- n must be at least 1.
SELECT concentration_ratio('{"a": 1}', 0);
SELECT * FROM top_producers('{"a": 1}', -1);
-- an empty producer name is an error, not the remainder
SELECT share('{"a": 1}', '');

-- mix_summary: every measure in one row of standard types, equal to the
-- functions one by one.
SELECT (mix_summary(m)).* FROM example;
SELECT m, s.total IS NOT DISTINCT FROM total(m)
      AND s.remainder = remainder(m)
      AND s.producer_count = producer_count(m)
      AND s.top_producer IS NOT DISTINCT FROM (SELECT producer FROM top_producers(m, 1))
      AND s.top_share IS NOT DISTINCT FROM (SELECT share FROM top_producers(m, 1))
      AND s.cr3 IS NOT DISTINCT FROM concentration_ratio(m, 3)
      AND s.hhi IS NOT DISTINCT FROM hhi(m)
      AND s.hhi_upper IS NOT DISTINCT FROM (hhi_bounds(m)).upper
      AND s.hhi_normalized IS NOT DISTINCT FROM hhi_normalized(m)
      AND s.shannon_entropy IS NOT DISTINCT FROM shannon_entropy(m)
      AND s.effective_suppliers IS NOT DISTINCT FROM effective_suppliers(m)
      AND s.gini IS NOT DISTINCT FROM gini(m) AS agrees
FROM (VALUES ('{"A": 6, "B": 2, "C": 1, "D": 1}'::supply_mix), ('{"A": 6, "B": 2, "": 2}'),
             ('{}'), ('{"": 3}'), ('{"CN": 750}'), ('{"b": 5, "a": 5, "c": 9, "d": 5}')) v(m),
     mix_summary(m) s;
