-------------------------------------------------------------------------------
-- Measures
-------------------------------------------------------------------------------

CREATE FUNCTION total(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION total(supply_mix) IS 'Complete total: named producers plus the remainder';

CREATE FUNCTION remainder(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_remainder' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION remainder(supply_mix) IS 'Unattributed remainder ("Other countries"), 0 when there is none';

CREATE FUNCTION producer_count(supply_mix) RETURNS integer
	AS 'MODULE_PATHNAME', 'supply_mix_producer_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION producer_count(supply_mix) IS 'Number of named producers with a quantity above zero (the remainder is not a producer)';

CREATE FUNCTION quantity(supply_mix, producer text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_quantity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quantity(supply_mix, text) IS 'Quantity of one named producer, 0 when it is not in the mix';

CREATE FUNCTION share(supply_mix, producer text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share(supply_mix, text) IS 'Share (0-1) of one named producer in the complete total; 0 when not in the mix, NULL when the total is zero';

CREATE FUNCTION hhi(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_hhi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi(supply_mix) IS 'Herfindahl-Hirschman index (0-10000) of the named producers'' shares of the complete total: the lower bound when a remainder exists; NULL when the total is zero';

CREATE TYPE hhi_range AS (lower double precision, upper double precision);
COMMENT ON TYPE hhi_range IS 'Lower and upper bound of an HHI (0-10000)';

CREATE FUNCTION hhi_bounds(supply_mix) RETURNS hhi_range
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_bounds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_bounds(supply_mix) IS 'HHI bounds (0-10000): lower with the remainder split infinitely fine, upper with the remainder as one producer';

CREATE FUNCTION hhi_normalized(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_normalized' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_normalized(supply_mix) IS 'Normalised HHI (H - 1/n)/(1 - 1/n), 0-1, with the remainder counted as one producer; NULL for fewer than two producers or a zero total';

CREATE FUNCTION concentration_ratio(supply_mix, n bigint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_concentration_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION concentration_ratio(supply_mix, bigint) IS 'CRn: combined share (0-1) of the n largest named producers; the remainder never counts as a producer';

CREATE FUNCTION top_producers(supply_mix, n bigint,
		OUT rank integer, OUT producer text, OUT quantity double precision, OUT share double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'supply_mix_top_producers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION top_producers(supply_mix, bigint) IS 'The n largest named producers, by quantity descending then producer ascending, with their shares of the complete total';

CREATE FUNCTION producer_rank(supply_mix, producer text) RETURNS integer
	AS 'MODULE_PATHNAME', 'supply_mix_producer_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION producer_rank(supply_mix, text) IS
	'Rank (1 = largest) of a named producer by quantity descending, then producer ascending, as top_producers orders them; NULL when it is not in the mix';

CREATE FUNCTION producers(supply_mix,
		OUT producer text, OUT quantity double precision, OUT share double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'supply_mix_producers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION producers(supply_mix) IS 'One row per named producer in key order, then the remainder (if any) as a row with a NULL producer; shares add up to 1';

CREATE FUNCTION shannon_entropy(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_shannon_entropy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION shannon_entropy(supply_mix) IS 'Shannon entropy -sum(s ln s) in nats, with the remainder counted as one producer (a lower bound); NULL when the total is zero';

CREATE FUNCTION shannon_entropy_normalized(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_shannon_entropy_normalized' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION shannon_entropy_normalized(supply_mix) IS 'Shannon entropy divided by ln n (0-1), the remainder counted as one producer; NULL for fewer than two producers';

CREATE FUNCTION effective_suppliers(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_effective_suppliers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION effective_suppliers(supply_mix) IS 'Effective number of suppliers, 10000 / hhi(); NULL when the total is zero';

CREATE FUNCTION gini(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_gini' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION gini(supply_mix) IS 'Gini coefficient of the producers with quantity above zero (remainder as one producer); 0 for one producer, NULL for a zero total';

-------------------------------------------------------------------------------
-- Every measure in one row of standard types (BI tools)
-------------------------------------------------------------------------------

CREATE TYPE supply_mix_summary AS (
	total               double precision,
	remainder           double precision,
	producer_count      integer,
	top_producer        text,
	top_share           double precision,
	cr3                 double precision,
	hhi                 double precision,
	hhi_upper           double precision,
	hhi_normalized      double precision,
	shannon_entropy     double precision,
	effective_suppliers double precision,
	gini                double precision
);
COMMENT ON TYPE supply_mix_summary IS
	'Every measure of a mix in standard column types: what mix_summary() returns';

CREATE FUNCTION mix_summary(supply_mix) RETURNS supply_mix_summary
	AS 'MODULE_PATHNAME', 'supply_mix_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mix_summary(supply_mix) IS
	'Every measure of a mix as one row of standard types: total, remainder, producer count, top producer and its share, CR3, HHI lower and upper, normalised HHI, entropy, effective suppliers, Gini';
