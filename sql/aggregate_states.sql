-- How the aggregates keep their states: the groups of one aggregate call
-- share one area of producer names (src/core/mix_table.c), one per
-- aggregate context.  Whatever the plan - hash or sorted grouping, grouping
-- sets, a hash aggregate that spills to disk, a window, weighted mixes, a
-- merge of stored mixes - every group's mix equals the mix built from that
-- group's rows alone.  Quantities are multiples of 1/8, so the sums are
-- exact and equal mixes are equal bytes whatever the order of the rows.

CREATE TABLE rows_s AS
SELECT g % 37 AS grp, g % 5 AS sub,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 'producer ' || (g * 7919) % 300 END AS producer,
       ((g * 31) % 1000) / 8.0::float8 AS quantity
FROM generate_series(1, 20000) g;
ANALYZE rows_s;

-- The mix of the rows of one (grp, sub) cell, of one grp (sub NULL), of
-- everything (both NULL): a plain aggregate over just those rows.
CREATE FUNCTION mix_of(g int, s int) RETURNS supply_mix
LANGUAGE sql STABLE AS $$
	SELECT supply_mix_agg(producer, quantity) FROM rows_s
	WHERE (g IS NULL OR grp = g) AND (s IS NULL OR sub = s)
$$;

-- The number of batches of the plan's hash aggregate (more than 1: it spilled).
CREATE FUNCTION hash_batches(query text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query INTO j;
	RETURN (SELECT max(v::text::int) FROM jsonb_path_query(j, 'strict $.**."HashAgg Batches"') v);
END
$$;

SET max_parallel_workers_per_gather = 0;

-- hash aggregate
SET enable_sort = off;
SELECT count(*) AS groups, bool_and(m = mix_of(grp, NULL)) AS equal
FROM (SELECT grp, supply_mix_agg(producer, quantity) AS m FROM rows_s GROUP BY grp) a;
RESET enable_sort;

-- sorted aggregate
SET enable_hashagg = off;
SELECT count(*) AS groups, bool_and(m = mix_of(grp, NULL)) AS equal
FROM (SELECT grp, supply_mix_agg(producer, quantity) AS m FROM rows_s GROUP BY grp) a;

-- grouping sets, sorted: one aggregate context per set, rows alternating
SELECT count(*) AS groups, bool_and(m = mix_of(grp, sub)) AS equal
FROM (SELECT grp, sub, supply_mix_agg(producer, quantity) AS m FROM rows_s
      GROUP BY GROUPING SETS ((grp, sub), (grp), (sub), ())) a;
RESET enable_hashagg;

-- grouping sets, hashed
SET enable_sort = off;
SELECT count(*) AS groups, bool_and(m = mix_of(grp, sub)) AS equal
FROM (SELECT grp, sub, supply_mix_agg(producer, quantity) AS m FROM rows_s
      GROUP BY GROUPING SETS ((grp, sub), (grp), (sub))) a;

-- a hash aggregate that spills: its memory is reset between batches
SET work_mem = '64kB';
SET hash_mem_multiplier = 1;
SELECT hash_batches('SELECT grp, sub, hhi(producer, quantity) FROM rows_s GROUP BY grp, sub') > 1 AS spilled;
SELECT count(*) AS groups, bool_and(m = mix_of(grp, sub)) AS equal,
       bool_and(h = hhi(mix_of(grp, sub))) AS hhi_equal
FROM (SELECT grp, sub, supply_mix_agg(producer, quantity) AS m, hhi(producer, quantity) AS h
      FROM rows_s GROUP BY grp, sub) a;
RESET work_mem;
RESET hash_mem_multiplier;
RESET enable_sort;

-- a window: running mixes
SELECT count(*) AS rows, bool_and(m = (SELECT supply_mix_agg(producer, quantity) FROM rows_s r
                                       WHERE r.grp = w.grp AND r.sub <= w.sub)) AS equal
FROM (SELECT DISTINCT grp, sub, supply_mix_agg(producer, quantity) OVER (PARTITION BY grp ORDER BY sub) AS m
      FROM rows_s) w;

-- merging stored mixes by group: supply_mix_agg(supply_mix) as the transition
CREATE TABLE cell_mixes AS
SELECT grp, sub, supply_mix_agg(producer, quantity) AS m FROM rows_s GROUP BY grp, sub;
SELECT count(*) AS groups, bool_and(m = mix_of(NULL, sub)) AS equal
FROM (SELECT sub, supply_mix_agg(m) AS m FROM cell_mixes GROUP BY sub) a;

-- weighted mixes: a producer's weight differs from group to group, and each
-- group keeps its own (hhi_wgi)
SELECT count(*) AS groups,
       bool_and(h = (SELECT hhi_wgi(producer, quantity, (grp + length(producer)) % 7)
                     FROM rows_s r WHERE r.grp = a.grp)) AS equal,
       count(DISTINCT h) > 30 AS weights_differ
FROM (SELECT grp, hhi_wgi(producer, quantity, (grp + length(producer)) % 7) AS h
      FROM rows_s GROUP BY grp) a;
-- ... also next to an unweighted aggregate of the same rows
SELECT bool_and(h = (SELECT hhi_wgi(producer, quantity, sub) FROM rows_s r WHERE r.sub = a.sub)
                AND m = mix_of(NULL, sub)) AS equal
FROM (SELECT sub, hhi_wgi(producer, quantity, sub) AS h, supply_mix_agg(producer, quantity) AS m
      FROM rows_s GROUP BY sub) a;

RESET max_parallel_workers_per_gather;
