-------------------------------------------------------------------------------
-- supply_mix: an exact, mergeable distribution of quantity over producers
-------------------------------------------------------------------------------

CREATE TYPE supply_mix;

CREATE FUNCTION supply_mix_in(cstring) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION supply_mix_out(supply_mix) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION supply_mix_recv(internal) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION supply_mix_send(supply_mix) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE supply_mix (
	INPUT = supply_mix_in,
	OUTPUT = supply_mix_out,
	RECEIVE = supply_mix_recv,
	SEND = supply_mix_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE supply_mix IS
	'Exact distribution of quantity over producers plus an unattributed remainder; text form is a JSON object, the remainder is the key ""';
COMMENT ON FUNCTION supply_mix_in(cstring) IS 'Reads a supply_mix from its JSON text form';
COMMENT ON FUNCTION supply_mix_out(supply_mix) IS 'Writes a supply_mix as a JSON object with keys in canonical order and shortest exact numbers';
COMMENT ON FUNCTION supply_mix_recv(internal) IS 'Reads a supply_mix from the binary wire format (validated and canonicalised like text input)';
COMMENT ON FUNCTION supply_mix_send(supply_mix) IS 'Writes a supply_mix in the binary wire format';

-- Equality and hashing (canonical form makes both bytewise)

CREATE FUNCTION supply_mix_eq(supply_mix, supply_mix) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION supply_mix_ne(supply_mix, supply_mix) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION supply_mix_hash(supply_mix) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION supply_mix_eq(supply_mix, supply_mix) IS 'True when two mixes have the same producers, quantities and remainder';
COMMENT ON FUNCTION supply_mix_ne(supply_mix, supply_mix) IS 'True when two mixes differ';
COMMENT ON FUNCTION supply_mix_hash(supply_mix) IS 'Hash of a supply_mix, for hash joins and GROUP BY';

CREATE OPERATOR = (
	LEFTARG = supply_mix, RIGHTARG = supply_mix, PROCEDURE = supply_mix_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
CREATE OPERATOR <> (
	LEFTARG = supply_mix, RIGHTARG = supply_mix, PROCEDURE = supply_mix_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR = (supply_mix, supply_mix) IS 'Same producers, quantities and remainder';
COMMENT ON OPERATOR <> (supply_mix, supply_mix) IS 'Mixes differ';

CREATE OPERATOR CLASS supply_mix_hash_ops
	DEFAULT FOR TYPE supply_mix USING hash AS
	OPERATOR 1 = (supply_mix, supply_mix),
	FUNCTION 1 supply_mix_hash(supply_mix);
COMMENT ON OPERATOR CLASS supply_mix_hash_ops USING hash IS 'Hash operator class for supply_mix';
COMMENT ON OPERATOR FAMILY supply_mix_hash_ops USING hash IS 'Hash operator family for supply_mix';

-- JSON casts go through the text form, which is a JSON object

CREATE CAST (supply_mix AS jsonb) WITH INOUT;
CREATE CAST (jsonb AS supply_mix) WITH INOUT;
CREATE CAST (supply_mix AS json) WITH INOUT;
CREATE CAST (json AS supply_mix) WITH INOUT;
COMMENT ON CAST (supply_mix AS jsonb) IS 'A supply_mix as a jsonb object (the remainder under the key "")';
COMMENT ON CAST (jsonb AS supply_mix) IS 'A jsonb object of producer -> quantity as a supply_mix';
COMMENT ON CAST (supply_mix AS json) IS 'A supply_mix as a json object (the remainder under the key "")';
COMMENT ON CAST (json AS supply_mix) IS 'A json object of producer -> quantity as a supply_mix';

-------------------------------------------------------------------------------
-- Merging and aggregation
-------------------------------------------------------------------------------

CREATE FUNCTION supply_mix_merge(supply_mix, supply_mix) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_merge(supply_mix, supply_mix) IS
	'Adds two mixes producer by producer (remainders add too)';

CREATE OPERATOR + (
	LEFTARG = supply_mix, RIGHTARG = supply_mix, PROCEDURE = supply_mix_merge,
	COMMUTATOR = +
);
COMMENT ON OPERATOR + (supply_mix, supply_mix) IS 'Adds two mixes producer by producer';

-- Transition function: adds one row (producer, quantity) to the state. A NULL
-- producer adds to the unattributed remainder; a NULL quantity is ignored.
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision) IS
	'Transition function of supply_mix_agg: adds quantity to producer (NULL producer: the remainder; NULL quantity: ignored)';

-- The same, for aggregates that carry a top-n parameter (read by their final
-- function).  n is bigint so that drivers binding 64-bit integers (JDBC
-- setLong, Python ints) need no cast; smaller integers widen to it.
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision, bigint) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision, bigint) IS
	'Transition function of concentration_ratio(producer, quantity, n): as supply_mix_accum, the n is read by the final function';

CREATE FUNCTION supply_mix_combine(supply_mix, supply_mix) RETURNS supply_mix
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_combine(supply_mix, supply_mix) IS
	'Combine function of the supply_mix aggregates: merges a partial mix into the state';

CREATE AGGREGATE supply_mix_agg(producer text, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(text, double precision) IS
	'Builds a supply_mix from rows (producer, quantity); NULL producer adds to the remainder, NULL quantity is ignored, no rows give an empty mix';

CREATE AGGREGATE supply_mix_agg(mix supply_mix) (
	SFUNC = supply_mix_combine,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(supply_mix) IS
	'Merges stored mixes (rollup); NULL mixes are ignored, no rows give an empty mix';

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
-- Aggregates straight from rows: the building aggregate plus a final function
-------------------------------------------------------------------------------

CREATE AGGREGATE hhi(producer text, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	FINALFUNC = hhi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(text, double precision) IS
	'HHI (0-10000) of the rows'' producers; rows with a NULL producer form the remainder (lower bound)';

CREATE FUNCTION concentration_ratio_final(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION concentration_ratio_final(supply_mix) IS
	'Final function of concentration_ratio(producer, quantity, n): reads n from the aggregate call, which must not vary by row';

CREATE AGGREGATE concentration_ratio(producer text, quantity double precision, n bigint) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	FINALFUNC = concentration_ratio_final,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE concentration_ratio(text, double precision, bigint) IS
	'CRn (0-1) of the rows'' producers; n must be the same for every row (a constant or a bind parameter)';

-------------------------------------------------------------------------------
-- Scenario edits: each returns a new mix
-------------------------------------------------------------------------------

CREATE FUNCTION adjust_producer(supply_mix, producer text, delta double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_adjust_producer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION adjust_producer(supply_mix, text, double precision) IS
	'Adds delta (may be negative) to one producer''s quantity, adding the producer if absent; a result below zero is an error';

CREATE FUNCTION set_producer(supply_mix, producer text, quantity double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_set_producer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION set_producer(supply_mix, text, double precision) IS
	'Sets one producer''s quantity (0 keeps the producer with nothing supplied), adding the producer if absent';

CREATE FUNCTION keep_producers(supply_mix, producers text[]) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_keep_producers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION keep_producers(supply_mix, text[]) IS
	'Keeps only the listed producers; the remainder is dropped too (it is not a listed producer)';

CREATE FUNCTION drop_producers(supply_mix, producers text[]) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_drop_producers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION drop_producers(supply_mix, text[]) IS
	'Removes the listed producers (a supplier that stops supplying); the remainder stays';

CREATE FUNCTION scale_mix(supply_mix, factor double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_scale' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION scale_mix(supply_mix, double precision) IS
	'Multiplies every quantity, the remainder included, by a finite factor >= 0 (unit conversion, growth scenarios)';

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
