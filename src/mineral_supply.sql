-- mineral_supply: supply concentration of critical raw materials, inside PostgreSQL.
-- This is the source of the install script; the build copies it to
-- mineral_supply--<default_version>.sql.

\echo Use "CREATE EXTENSION mineral_supply" to load this file. \quit

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

-- The same, for aggregates that carry a top-n parameter (read by their final function).
CREATE FUNCTION supply_mix_accum(supply_mix, text, double precision, integer) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, text, double precision, integer) IS
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

CREATE FUNCTION hhi_bounds(supply_mix, OUT lower double precision, OUT upper double precision)
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_bounds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_bounds(supply_mix) IS 'HHI bounds (0-10000): lower with the remainder split infinitely fine, upper with the remainder as one producer';

CREATE FUNCTION hhi_normalized(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_normalized' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_normalized(supply_mix) IS 'Normalised HHI (H - 1/n)/(1 - 1/n), 0-1, with the remainder counted as one producer; NULL for fewer than two producers or a zero total';

CREATE FUNCTION concentration_ratio(supply_mix, n integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_concentration_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION concentration_ratio(supply_mix, integer) IS 'CRn: combined share (0-1) of the n largest named producers; the remainder never counts as a producer';

CREATE FUNCTION top_producers(supply_mix, n integer,
		OUT rank integer, OUT producer text, OUT quantity double precision, OUT share double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'supply_mix_top_producers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION top_producers(supply_mix, integer) IS 'The n largest named producers, by quantity descending then producer ascending, with their shares of the complete total';

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

CREATE AGGREGATE concentration_ratio(producer text, quantity double precision, n integer) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	FINALFUNC = concentration_ratio_final,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE concentration_ratio(text, double precision, integer) IS
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
-- country_code: ISO 3166-1 countries, two bytes, passed by value
-------------------------------------------------------------------------------

CREATE TYPE country_code;

CREATE FUNCTION country_code_in(cstring) RETURNS country_code
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_out(country_code) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_recv(internal) RETURNS country_code
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_send(country_code) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE country_code (
	INPUT = country_code_in,
	OUTPUT = country_code_out,
	RECEIVE = country_code_recv,
	SEND = country_code_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);

COMMENT ON TYPE country_code IS
	'ISO 3166-1 country: reads alpha-2, alpha-3 or numeric codes (any case), writes alpha-2';
COMMENT ON FUNCTION country_code_in(cstring) IS 'Reads an ISO 3166-1 alpha-2, alpha-3 or numeric code';
COMMENT ON FUNCTION country_code_out(country_code) IS 'Writes the ISO 3166-1 alpha-2 code';
COMMENT ON FUNCTION country_code_recv(internal) IS 'Reads a country_code from the binary wire format (the alpha-2 letters)';
COMMENT ON FUNCTION country_code_send(country_code) IS 'Writes a country_code in the binary wire format (the alpha-2 letters)';

-- The value is the alpha-2 letters packed into an int2, which orders and
-- hashes as the letters do: PostgreSQL's own int2 functions serve.
CREATE FUNCTION country_code_eq(country_code, country_code) RETURNS boolean
	AS 'int2eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_ne(country_code, country_code) RETURNS boolean
	AS 'int2ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_lt(country_code, country_code) RETURNS boolean
	AS 'int2lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_le(country_code, country_code) RETURNS boolean
	AS 'int2le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_gt(country_code, country_code) RETURNS boolean
	AS 'int2gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_ge(country_code, country_code) RETURNS boolean
	AS 'int2ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_cmp(country_code, country_code) RETURNS integer
	AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION country_code_sortsupport(internal) RETURNS void
	AS 'btint2sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_hash(country_code) RETURNS integer
	AS 'hashint2' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_hash_extended(country_code, bigint) RETURNS bigint
	AS 'hashint2extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION country_code_eq(country_code, country_code) IS 'Same country';
COMMENT ON FUNCTION country_code_ne(country_code, country_code) IS 'Different countries';
COMMENT ON FUNCTION country_code_lt(country_code, country_code) IS 'Alpha-2 order: less than';
COMMENT ON FUNCTION country_code_le(country_code, country_code) IS 'Alpha-2 order: less than or equal';
COMMENT ON FUNCTION country_code_gt(country_code, country_code) IS 'Alpha-2 order: greater than';
COMMENT ON FUNCTION country_code_ge(country_code, country_code) IS 'Alpha-2 order: greater than or equal';
COMMENT ON FUNCTION country_code_cmp(country_code, country_code) IS 'Alpha-2 order: btree comparison';
COMMENT ON FUNCTION country_code_sortsupport(internal) IS 'Sort support for country_code (the int2 one)';
COMMENT ON FUNCTION country_code_hash(country_code) IS 'Hash of a country_code';
COMMENT ON FUNCTION country_code_hash_extended(country_code, bigint) IS 'Seeded 64-bit hash of a country_code';

CREATE OPERATOR = (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR < (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = country_code, RIGHTARG = country_code, PROCEDURE = country_code_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);
COMMENT ON OPERATOR = (country_code, country_code) IS 'Same country';
COMMENT ON OPERATOR <> (country_code, country_code) IS 'Different countries';
COMMENT ON OPERATOR < (country_code, country_code) IS 'Alpha-2 order: less than';
COMMENT ON OPERATOR <= (country_code, country_code) IS 'Alpha-2 order: less than or equal';
COMMENT ON OPERATOR > (country_code, country_code) IS 'Alpha-2 order: greater than';
COMMENT ON OPERATOR >= (country_code, country_code) IS 'Alpha-2 order: greater than or equal';

CREATE OPERATOR CLASS country_code_ops
	DEFAULT FOR TYPE country_code USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 country_code_cmp(country_code, country_code),
	FUNCTION 2 country_code_sortsupport(internal);
CREATE OPERATOR CLASS country_code_hash_ops
	DEFAULT FOR TYPE country_code USING hash AS
	OPERATOR 1 =,
	FUNCTION 1 country_code_hash(country_code),
	FUNCTION 2 country_code_hash_extended(country_code, bigint);
COMMENT ON OPERATOR CLASS country_code_ops USING btree IS 'Alpha-2 order of countries';
COMMENT ON OPERATOR FAMILY country_code_ops USING btree IS 'Alpha-2 order of countries';
COMMENT ON OPERATOR CLASS country_code_hash_ops USING hash IS 'Hash operator class for country_code';
COMMENT ON OPERATOR FAMILY country_code_hash_ops USING hash IS 'Hash operator family for country_code';

CREATE CAST (country_code AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS country_code) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (country_code AS text) IS 'The alpha-2 code as text';
COMMENT ON CAST (text AS country_code) IS 'Reads an alpha-2, alpha-3 or numeric code';

CREATE FUNCTION country_name(country_code) RETURNS text
	AS 'MODULE_PATHNAME', 'country_code_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION alpha3(country_code) RETURNS text
	AS 'MODULE_PATHNAME', 'country_code_alpha3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION numeric_code(country_code) RETURNS text
	AS 'MODULE_PATHNAME', 'country_code_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION country_code_source() RETURNS text
	AS 'MODULE_PATHNAME', 'country_code_table_source' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION country_name(country_code) IS 'English short name (iso-codes common name where it has one, e.g. Bolivia)';
COMMENT ON FUNCTION alpha3(country_code) IS 'ISO 3166-1 alpha-3 code';
COMMENT ON FUNCTION numeric_code(country_code) IS 'ISO 3166-1 numeric code, three digits (as UN Comtrade''s reporter codes)';
COMMENT ON FUNCTION country_code_source() IS 'The iso-codes release the country table was generated from';

-------------------------------------------------------------------------------
-- The EU by date, overseas countries and territories, third countries
-------------------------------------------------------------------------------

CREATE FUNCTION eu_member(country_code, on_date date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'country_code_eu_member' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eu_members(on_date date) RETURNS country_code[]
	AS 'MODULE_PATHNAME', 'country_code_eu_members' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eu_oct(country_code, on_date date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'country_code_eu_oct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION third_country(country_code, on_date date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'country_code_third_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eu_member(country_code, date) IS
	'Member state of the EU (EEC before 1993) on that day: accessions 1958-2013, the United Kingdom until 2020-01-31';
COMMENT ON FUNCTION eu_members(date) IS 'The member states on that day, in alpha-2 order';
COMMENT ON FUNCTION eu_oct(country_code, date) IS
	'One of the EU''s overseas countries and territories (Annex II TFEU) on that day, e.g. Greenland, New Caledonia, Aruba';
COMMENT ON FUNCTION third_country(country_code, date) IS
	'Third country in the sense of the CRMA on that day: not a member state, not an OCT, not EU territory with its own code (outermost regions, Aland)';

CREATE FUNCTION supply_mix_accum(supply_mix, country_code, double precision) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum(supply_mix, country_code, double precision) IS
	'Transition function of supply_mix_agg(country_code, quantity): keys are alpha-2 codes';

CREATE AGGREGATE supply_mix_agg(producer country_code, quantity double precision) (
	SFUNC = supply_mix_accum,
	STYPE = supply_mix,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mix_agg(country_code, double precision) IS
	'Builds a supply_mix keyed by alpha-2 codes from rows (country, quantity); NULL country adds to the remainder';

CREATE FUNCTION eu_share(supply_mix, on_date date) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_eu_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eu_share(supply_mix, date) IS
	'Share (0-1) of EU member states in the complete total of a mix keyed by country codes; the remainder is never assigned to a country';

CREATE FUNCTION top_third_country(supply_mix, on_date date,
		OUT country country_code, OUT quantity double precision, OUT share double precision)
	AS 'MODULE_PATHNAME', 'supply_mix_top_third_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_third_country(supply_mix, date) IS
	'The largest third-country supplier of a mix keyed by country codes: country, quantity, share of the complete total (NULLs when there is none)';

-------------------------------------------------------------------------------
-- CRMA benchmarks (Regulation (EU) 2024/1252, Art. 5(1)) as data
-------------------------------------------------------------------------------

CREATE TABLE crma_benchmark (
	benchmark       text NOT NULL CHECK (benchmark IN ('extraction', 'processing', 'recycling', 'third country')),
	bound           text NOT NULL CHECK (bound IN ('at least', 'at most')),
	share           double precision NOT NULL CHECK (share >= 0 AND share <= 1),
	target_year     integer NOT NULL,
	legal_reference text NOT NULL,
	note            text,
	seeded          boolean NOT NULL DEFAULT false,
	PRIMARY KEY (benchmark, target_year, seeded)
);
COMMENT ON TABLE crma_benchmark IS
	'CRMA benchmarks as shares of EU annual consumption; seeded with Art. 5(1) for 2030. Edit or add rows (a 2035 what-if): your rows take precedence over the seeded ones and pg_dump keeps them';
COMMENT ON COLUMN crma_benchmark.benchmark IS 'extraction, processing or recycling capacity; or the largest single third country';
COMMENT ON COLUMN crma_benchmark.bound IS '"at least" for the capacity benchmarks, "at most" for the third-country limit';
COMMENT ON COLUMN crma_benchmark.share IS 'Share of EU annual consumption, 0-1';
COMMENT ON COLUMN crma_benchmark.target_year IS 'The year the benchmark is for';
COMMENT ON COLUMN crma_benchmark.legal_reference IS 'Where the benchmark comes from';
COMMENT ON COLUMN crma_benchmark.note IS 'What the text says beyond the number';
COMMENT ON COLUMN crma_benchmark.seeded IS 'true for the rows the extension ships (read-only: an UPDATE makes your own row); false for yours';

INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, note, seeded) VALUES
	('extraction', 'at least', 0.10, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(i)',
	 'Union extraction capacity, to the extent possible in light of the Union''s reserves; capacity, approached or reached overall', true),
	('processing', 'at least', 0.40, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(ii)',
	 'Union processing capacity including all intermediate processing steps; capacity, approached or reached overall', true),
	('recycling', 'at least', 0.25, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(iii)',
	 'Union recycling capacity including all intermediate recycling steps; capacity, approached or reached overall', true),
	('third country', 'at most', 0.65, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(b)',
	 'No third country accounts for more than 65 % of the Union''s annual consumption of a strategic raw material at any relevant stage of processing', true);

-- Seeded rows stay as shipped (pg_dump leaves them to CREATE EXTENSION):
-- an UPDATE of one writes the user's own row instead, which takes
-- precedence; deleting one is refused.
CREATE FUNCTION crma_benchmark_protect_seeded() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'the benchmarks shipped with mineral_supply cannot be deleted'
			USING ERRCODE = '55000',
			      HINT = 'Insert your own row for the same benchmark and target year: it takes precedence.';
	END IF;
	INSERT INTO @extschema@.crma_benchmark (benchmark, bound, share, target_year, legal_reference, note, seeded)
	VALUES (NEW.benchmark, NEW.bound, NEW.share, NEW.target_year, NEW.legal_reference, NEW.note, false)
	ON CONFLICT (benchmark, target_year, seeded) DO UPDATE
		SET bound = EXCLUDED.bound, share = EXCLUDED.share,
		    legal_reference = EXCLUDED.legal_reference, note = EXCLUDED.note;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION crma_benchmark_protect_seeded() IS
	'Trigger: an UPDATE of a shipped benchmark row writes a user row instead; a DELETE of one is refused';
CREATE TRIGGER protect_seeded BEFORE UPDATE OR DELETE ON crma_benchmark
	FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION crma_benchmark_protect_seeded();

SELECT pg_catalog.pg_extension_config_dump('crma_benchmark', 'WHERE NOT seeded');

-- The benchmark in force: a user row over the seeded one.
CREATE FUNCTION crma_benchmark_share(benchmark text, target_year integer,
		OUT share double precision, OUT legal_reference text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
	SELECT b.share, b.legal_reference
	FROM @extschema@.crma_benchmark b
	WHERE b.benchmark = $1 AND b.target_year = $2
	ORDER BY b.seeded
	LIMIT 1
$$;
COMMENT ON FUNCTION crma_benchmark_share(text, integer) IS
	'The share and legal reference of a benchmark for a target year, a user row taking precedence over the seeded one (NULLs when none)';

-- Capacity benchmarks: is EU capacity at least share x consumption?
-- Consumption NULL or <= 0: no share can be formed, the results are NULL
-- (benchmark_share and legal_reference still say what applies).
CREATE FUNCTION crma_capacity_gap(stage text, consumption_t double precision, capacity_t double precision,
		target_year integer DEFAULT 2030,
		OUT benchmark_share double precision, OUT achieved_share double precision,
		OUT required_t double precision, OUT gap_t double precision, OUT met boolean,
		OUT legal_reference text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF stage IS NULL OR stage NOT IN ('extraction', 'processing', 'recycling') THEN
		RAISE EXCEPTION 'stage must be extraction, processing or recycling, not %', coalesce(quote_literal(stage), 'NULL')
			USING ERRCODE = '22023';
	END IF;
	IF capacity_t < 0 OR capacity_t = 'Infinity' OR capacity_t = 'NaN'
	   OR consumption_t = 'Infinity' OR consumption_t = 'NaN' THEN
		RAISE EXCEPTION 'capacity and consumption must be finite, capacity not negative'
			USING ERRCODE = '22023';
	END IF;
	SELECT b.share, b.legal_reference INTO benchmark_share, legal_reference
	FROM @extschema@.crma_benchmark_share(stage, target_year) b;
	IF benchmark_share IS NULL THEN
		RAISE EXCEPTION 'no % benchmark for % in crma_benchmark', stage, target_year
			USING ERRCODE = '22023', HINT = 'Add a row to crma_benchmark for that target year.';
	END IF;
	IF consumption_t > 0 AND capacity_t IS NOT NULL THEN
		achieved_share := capacity_t / consumption_t;
		required_t := benchmark_share * consumption_t;
		gap_t := greatest(required_t - capacity_t, 0);
		met := capacity_t >= required_t;
	END IF;
END $$;
COMMENT ON FUNCTION crma_capacity_gap(text, double precision, double precision, integer) IS
	'CRMA capacity benchmark of one stage: benchmark share, capacity / consumption, tonnes required, tonnes of capacity to add (0 when met), met; NULLs when consumption is NULL or not positive';

-- The 65 % rule: the largest third country's share of EU consumption.
CREATE FUNCTION crma_third_country_gap(sourcing supply_mix, consumption_t double precision, on_date date,
		target_year integer DEFAULT 2030,
		OUT country country_code, OUT quantity_t double precision, OUT share_of_consumption double precision,
		OUT limit_share double precision, OUT excess_t double precision, OUT met boolean,
		OUT unattributed_t double precision, OUT legal_reference text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF consumption_t = 'Infinity' OR consumption_t = 'NaN' THEN
		RAISE EXCEPTION 'consumption must be finite' USING ERRCODE = '22023';
	END IF;
	SELECT b.share, b.legal_reference INTO limit_share, legal_reference
	FROM @extschema@.crma_benchmark_share('third country', target_year) b;
	IF limit_share IS NULL THEN
		RAISE EXCEPTION 'no third country benchmark for % in crma_benchmark', target_year
			USING ERRCODE = '22023', HINT = 'Add a row to crma_benchmark for that target year.';
	END IF;
	IF sourcing IS NULL OR on_date IS NULL THEN
		RETURN;
	END IF;
	SELECT t.country, coalesce(t.quantity, 0) INTO country, quantity_t
	FROM @extschema@.top_third_country(sourcing, on_date) t;
	unattributed_t := @extschema@.remainder(sourcing);
	IF consumption_t > 0 THEN
		share_of_consumption := quantity_t / consumption_t;
		excess_t := greatest(quantity_t - limit_share * consumption_t, 0);
		met := excess_t = 0;
	END IF;
END $$;
COMMENT ON FUNCTION crma_third_country_gap(supply_mix, double precision, date, integer) IS
	'CRMA Art. 5(1)(b): the largest third country in the EU''s sourcing of a stage, its share of EU consumption, the tonnes above the limit to source elsewhere, met (judged on the attributed sourcing; unattributed_t is the remainder no country is given)';

-- One row per benchmark for a material and year: what a BI report wants.
CREATE FUNCTION crma_assessment(consumption_t double precision,
		extraction_capacity_t double precision, processing_capacity_t double precision,
		recycling_capacity_t double precision, processing_sourcing supply_mix, on_date date,
		target_year integer DEFAULT 2030)
	RETURNS TABLE (benchmark text, stage text, bound text, benchmark_share double precision,
	               achieved_share double precision, gap_t double precision, met boolean,
	               country country_code, unattributed_t double precision, legal_reference text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT s.stage, s.stage, 'at least', g.benchmark_share, g.achieved_share, g.gap_t, g.met,
	       NULL::@extschema@.country_code, NULL::double precision, g.legal_reference
	FROM (VALUES (1, 'extraction', $2), (2, 'processing', $3), (3, 'recycling', $4)) s(ord, stage, capacity),
	     LATERAL @extschema@.crma_capacity_gap(s.stage, $1, s.capacity, $7) g
	UNION ALL
	SELECT 'third country', 'processing', 'at most', t.limit_share, t.share_of_consumption, t.excess_t, t.met,
	       t.country, t.unattributed_t, t.legal_reference
	FROM @extschema@.crma_third_country_gap($5, $1, $6, $7) t
$$;
COMMENT ON FUNCTION crma_assessment(double precision, double precision, double precision, double precision, supply_mix, date, integer) IS
	'All CRMA Art. 5(1) benchmarks for a material and year, one row each: share achieved, gap in tonnes (capacity to add, or third-country tonnes to replace), met';
