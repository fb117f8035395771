-- mineral_supply: supply concentration of critical raw materials, inside PostgreSQL.
-- The install script's source is src/sql/*.sql, one file per topic; the
-- build joins them in name order into mineral_supply--<default_version>.sql.

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
-- Text converts implicitly (drivers bind strings as text or varchar); the
-- way back is by assignment, so country_code || text stays unambiguous.
CREATE CAST (text AS country_code) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS country_code) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (country_code AS text) IS 'The alpha-2 code as text';
COMMENT ON CAST (text AS country_code) IS 'Reads an alpha-2, alpha-3 or numeric code';
COMMENT ON CAST (varchar AS country_code) IS 'Reads an alpha-2, alpha-3 or numeric code';

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

CREATE TYPE country_supply AS (country country_code, quantity double precision, share double precision);
COMMENT ON TYPE country_supply IS 'A country''s supply in a mix: quantity and share of the complete total';

CREATE FUNCTION top_third_country(supply_mix, on_date date) RETURNS country_supply
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

-- Reference tables (crma_benchmark, criticality_threshold) ship seeded rows
-- and take the user's own: pg_dump dumps only the user's rows (the seeded
-- ones come back with CREATE EXTENSION).  So seeded rows stay as shipped:
-- an UPDATE of one writes the user's own row for the same key instead
-- (the trigger's arguments name the key columns), which takes precedence;
-- deleting one is refused.
CREATE FUNCTION reference_row_protect() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	same_key text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'the rows shipped with mineral_supply in %.% cannot be deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
			USING ERRCODE = '55000',
			      HINT = 'Insert or update a row with the same key: your row takes precedence.';
	END IF;
	SELECT string_agg(format('%I = ($1).%I', k, k), ' AND ') INTO same_key FROM unnest(TG_ARGV) k;
	EXECUTE format('DELETE FROM %I.%I WHERE NOT seeded AND %s', TG_TABLE_SCHEMA, TG_TABLE_NAME, same_key)
		USING NEW;
	NEW.seeded := false;
	EXECUTE format('INSERT INTO %I.%I SELECT ($1).*', TG_TABLE_SCHEMA, TG_TABLE_NAME) USING NEW;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION reference_row_protect() IS
	'Trigger of the reference tables: an UPDATE of a shipped row writes a user row with the same key instead; a DELETE of one is refused';
CREATE TRIGGER protect_seeded BEFORE UPDATE OR DELETE ON crma_benchmark
	FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION reference_row_protect('benchmark', 'target_year');

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
-------------------------------------------------------------------------------
-- Supply risk: governance-weighted concentration (EU method, CRMA Annex II
-- section 2; JRC 2017 guidelines), import reliance, criticality, USGS net
-- import reliance, and the official critical-material lists
-------------------------------------------------------------------------------

-- Scaled WGI: 2 x (2.5 - mean of the six WGI estimates), clamped to 0-10,
-- higher = worse governance: the scaling public implementations of the EU
-- method use (e.g. CritMAT); the 2017 guidelines' own text is not quoted
-- here (methodology.md section 2.3).
CREATE FUNCTION wgi_scaled(mean_estimate double precision) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF mean_estimate = 'NaN' OR mean_estimate IN ('Infinity', '-Infinity') THEN
		RAISE EXCEPTION 'WGI estimate must be a finite number, not %', mean_estimate USING ERRCODE = '22023';
	END IF;
	RETURN least(greatest(2 * (2.5 - mean_estimate), 0), 10);
END $$;
COMMENT ON FUNCTION wgi_scaled(double precision) IS
	'Scaled WGI for the EU supply-risk method: 2 x (2.5 - mean of the six WGI estimates), clamped to 0-10, higher = worse governance (the scaling public EU-method implementations use)';

-- The governance-weighted HHI, sum of share^2 x WGI x t, from rows.
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision) IS
	'Transition function of hhi_wgi(producer, quantity, wgi): adds the row to a weighted mix (weight = wgi)';
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision, double precision) IS
	'Transition function of hhi_wgi(producer, quantity, wgi, trade_factor): adds the row to a weighted mix (weight = wgi x trade factor)';

CREATE FUNCTION hhi_wgi(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_wgi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_wgi(supply_mix) IS
	'Governance-weighted HHI of a weighted mix: sum of share^2 x weight, shares as fractions (0-1) of the complete total; the remainder adds nothing; NULL for a zero total';

CREATE AGGREGATE hhi_wgi(producer text, quantity double precision, wgi_scaled double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(text, double precision, double precision) IS
	'HHI_WGI = sum of s^2 x WGI (trade factor 1): shares (0-1) of the rows'' total; rows without a producer count in the total and add nothing; one WGI per producer, NULL WGI is an error';

CREATE AGGREGATE hhi_wgi(producer text, quantity double precision, wgi_scaled double precision,
		trade_factor double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(text, double precision, double precision, double precision) IS
	'HHI_WGI,t = sum of s^2 x WGI x t: shares (0-1) of the rows'' total; rows without a producer count in the total and add nothing; one weight per producer, NULL WGI or t is an error';

-- The same over a country_code column (keys are alpha-2 codes).
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision) IS
	'Transition function of hhi_wgi(country, quantity, wgi): keys are alpha-2 codes';
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision, double precision) IS
	'Transition function of hhi_wgi(country, quantity, wgi, trade_factor): keys are alpha-2 codes';

CREATE AGGREGATE hhi_wgi(producer country_code, quantity double precision, wgi_scaled double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(country_code, double precision, double precision) IS
	'HHI_WGI = sum of s^2 x WGI over a country_code column (trade factor 1); as hhi_wgi(text, ...)';

CREATE AGGREGATE hhi_wgi(producer country_code, quantity double precision, wgi_scaled double precision,
		trade_factor double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(country_code, double precision, double precision, double precision) IS
	'HHI_WGI,t = sum of s^2 x WGI x t over a country_code column; as hhi_wgi(text, ...)';

-- A stored mix with the weights given as jsonb objects, for hhi_wgi(mix).
CREATE FUNCTION with_weights(mix supply_mix, wgi_scaled jsonb, trade_factors jsonb DEFAULT NULL,
		default_wgi double precision DEFAULT NULL) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_with_weights' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION with_weights(supply_mix, jsonb, jsonb, double precision) IS
	'The mix with a weight per producer, WGI x trade factor, from jsonb objects {"CN": 5.6, ...}: a producer without a WGI is an error unless default_wgi is given; trade factors default to 1';

-- EU import reliance, IR = (imports - exports) / (production + imports - exports).
-- A net exporter (exports > imports) relies on no imports: 0, whatever the
-- denominator.  Otherwise a denominator of 0 (nothing produced, imports
-- equal to exports) leaves no consumption to rely with: NULL.  Negative or
-- non-finite inputs are errors.
CREATE FUNCTION eu_import_reliance(production double precision, imports double precision,
		exports double precision) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	consumption double precision := production + imports - exports;
BEGIN
	IF least(production, imports, exports) < 0 OR 'Infinity' IN (production, imports, exports)
	   OR 'NaN' IN (production, imports, exports) THEN
		RAISE EXCEPTION 'production, imports and exports must be finite numbers of zero or more'
			USING ERRCODE = '22023';
	END IF;
	IF exports > imports THEN
		RETURN 0;
	ELSIF consumption <= 0 THEN
		RETURN NULL;
	END IF;
	RETURN (imports - exports) / consumption;
END $$;
COMMENT ON FUNCTION eu_import_reliance(double precision, double precision, double precision) IS
	'EU method import reliance (imports - exports) / (production + imports - exports), 0-1: 0 for a net exporter, NULL when nothing is produced and imports equal exports';

-- EU supply risk, SR = [HHI_GS x IR/2 + HHI_EU x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR.
-- One scope only (the other NULL): that scope alone, as public implementations
-- do ("GSonly", "EUonly"); IR is then not needed.
CREATE FUNCTION eu_supply_risk(hhi_wgi_global double precision, hhi_wgi_eu_sourcing double precision,
		import_reliance double precision, eol_rir double precision, si_sr double precision)
	RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	core double precision;
BEGIN
	IF hhi_wgi_global < 0 OR hhi_wgi_eu_sourcing < 0
	   OR 'Infinity' IN (hhi_wgi_global, hhi_wgi_eu_sourcing) OR 'NaN' IN (hhi_wgi_global, hhi_wgi_eu_sourcing) THEN
		RAISE EXCEPTION 'governance-weighted HHIs must be finite numbers of zero or more' USING ERRCODE = '22023';
	END IF;
	IF NOT (import_reliance BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'import reliance must be between 0 and 1, not %', import_reliance USING ERRCODE = '22023';
	END IF;
	IF NOT (eol_rir BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'end-of-life recycling input rate must be between 0 and 1, not %', eol_rir USING ERRCODE = '22023';
	END IF;
	IF NOT (si_sr BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'substitution index must be between 0 and 1, not %', si_sr USING ERRCODE = '22023';
	END IF;
	IF eol_rir IS NULL OR si_sr IS NULL THEN
		RETURN NULL;
	ELSIF hhi_wgi_global IS NOT NULL AND hhi_wgi_eu_sourcing IS NOT NULL THEN
		core := hhi_wgi_global * import_reliance / 2 + hhi_wgi_eu_sourcing * (1 - import_reliance / 2);
	ELSE
		core := coalesce(hhi_wgi_global, hhi_wgi_eu_sourcing);
	END IF;
	RETURN core * (1 - eol_rir) * si_sr;
END $$;
COMMENT ON FUNCTION eu_supply_risk(double precision, double precision, double precision, double precision, double precision) IS
	'EU supply risk [HHI_GS x IR/2 + HHI_EU x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR; IR, EoL_RIR, SI_SR in 0-1 (else error); with one scope NULL, the other alone';

-- The material's published SR is the larger of the stage values.
CREATE FUNCTION eu_supply_risk_material(sr_extraction double precision, sr_processing double precision)
	RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF sr_extraction < 0 OR sr_processing < 0 OR 'Infinity' IN (sr_extraction, sr_processing)
	   OR 'NaN' IN (sr_extraction, sr_processing) THEN
		RAISE EXCEPTION 'supply risks must be finite numbers of zero or more' USING ERRCODE = '22023';
	END IF;
	RETURN greatest(sr_extraction, sr_processing);
END $$;
COMMENT ON FUNCTION eu_supply_risk_material(double precision, double precision) IS
	'A material''s supply risk: the larger of the extraction- and processing-stage values (the bottleneck), either may be NULL';

-- Criticality thresholds as data.
CREATE TABLE criticality_threshold (
	method                  text NOT NULL,
	supply_risk_min         double precision NOT NULL CHECK (supply_risk_min >= 0 AND supply_risk_min < 'Infinity'),
	economic_importance_min double precision NOT NULL
		CHECK (economic_importance_min >= 0 AND economic_importance_min < 'Infinity'),
	legal_reference         text NOT NULL,
	seeded                  boolean NOT NULL DEFAULT false,
	PRIMARY KEY (method, seeded)
);
COMMENT ON TABLE criticality_threshold IS
	'Thresholds of criticality (SR >= supply_risk_min and EI >= economic_importance_min); seeded with the CRMA''s; edit or add rows: your rows take precedence and pg_dump keeps them';
COMMENT ON COLUMN criticality_threshold.method IS 'Name of the method, e.g. ''EU CRMA''';
COMMENT ON COLUMN criticality_threshold.supply_risk_min IS 'Lowest supply risk that is critical (inclusive)';
COMMENT ON COLUMN criticality_threshold.economic_importance_min IS 'Lowest economic importance that is critical (inclusive)';
COMMENT ON COLUMN criticality_threshold.legal_reference IS 'Where the thresholds come from';
COMMENT ON COLUMN criticality_threshold.seeded IS 'true for the rows the extension ships (read-only: an UPDATE makes your own row); false for yours';
INSERT INTO criticality_threshold VALUES
	('EU CRMA', 1.0, 2.8, 'Regulation (EU) 2024/1252, Art. 4(2): supply risk >= 1 and economic importance >= 2,8', true);
CREATE TRIGGER protect_seeded BEFORE UPDATE OR DELETE ON criticality_threshold
	FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION reference_row_protect('method');
SELECT pg_catalog.pg_extension_config_dump('criticality_threshold', 'WHERE NOT seeded');

CREATE FUNCTION is_critical(supply_risk double precision, economic_importance double precision,
		method text DEFAULT 'EU CRMA') RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	t @extschema@.criticality_threshold;
BEGIN
	SELECT * INTO t FROM @extschema@.criticality_threshold c WHERE c.method = is_critical.method
	ORDER BY c.seeded LIMIT 1;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no criticality thresholds for method %', quote_literal(method)
			USING ERRCODE = '22023', HINT = 'Add a row to criticality_threshold.';
	END IF;
	IF supply_risk < 0 OR economic_importance < 0 OR 'Infinity' IN (supply_risk, economic_importance)
	   OR 'NaN' IN (supply_risk, economic_importance) THEN
		RAISE EXCEPTION 'supply risk and economic importance must be finite numbers of zero or more'
			USING ERRCODE = '22023';
	END IF;
	RETURN supply_risk >= t.supply_risk_min AND economic_importance >= t.economic_importance_min;
END $$;
COMMENT ON FUNCTION is_critical(double precision, double precision, text) IS
	'Critical when supply risk and economic importance reach the thresholds of criticality_threshold (EU CRMA: SR >= 1 and EI >= 2.8, both inclusive)';

-- USGS net import reliance, as a share of apparent consumption.
CREATE TYPE net_import_reliance AS (share double precision, net_exporter boolean, label text);
COMMENT ON TYPE net_import_reliance IS
	'USGS net import reliance: share of apparent consumption (NULL for a net exporter), net_exporter flag, and the label USGS tables print (a percentage, or E)';

-- stock_change is the change of government and industry stocks over the
-- year, positive when stocks grew: apparent consumption = production +
-- imports - exports - stock_change; net import reliance = (imports - exports
-- - stock_change) / apparent consumption.
CREATE FUNCTION usgs_net_import_reliance(production double precision, imports double precision,
		exports double precision, stock_change double precision DEFAULT 0) RETURNS net_import_reliance
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	net double precision := imports - exports - stock_change;
	consumption double precision := production + imports - exports - stock_change;
	result @extschema@.net_import_reliance;
BEGIN
	IF least(production, imports, exports) < 0
	   OR 'Infinity' IN (production, imports, exports, abs(stock_change)) OR 'NaN' IN (production, imports, exports, stock_change) THEN
		RAISE EXCEPTION 'production, imports and exports must be finite numbers of zero or more, stock change finite'
			USING ERRCODE = '22023';
	END IF;
	IF net < 0 THEN
		result := (NULL, true, 'E');
	ELSIF consumption > 0 THEN
		-- whole percents as USGS prints them, but never 0 % or 100 % for a share in between
		result := (net / consumption, false,
		           CASE WHEN net > 0 AND round((100 * net / consumption)::numeric) = 0 THEN '<1%'
		                WHEN net < consumption AND round((100 * net / consumption)::numeric) = 100 THEN '>99%'
		                ELSE round((100 * net / consumption)::numeric)::text || '%' END);
	ELSE
		result := (NULL, false, NULL);
	END IF;
	RETURN result;
END $$;
COMMENT ON FUNCTION usgs_net_import_reliance(double precision, double precision, double precision, double precision) IS
	'USGS net import reliance (imports - exports - stock change) / apparent consumption: share 0-1, or net_exporter with label E (never a negative percentage)';

-- The official lists, with grade or form where the list gives one.
CREATE TABLE critical_material_list (
	list       text NOT NULL,
	material   text NOT NULL,
	grade_form text,
	source     text NOT NULL,
	PRIMARY KEY (list, material)
);
COMMENT ON TABLE critical_material_list IS
	'Official lists: EU CRMA Annex I strategic (17) and Annex II critical (34) raw materials, the USGS critical minerals lists 2022 (50), 2025 draft (54) and 2025 final (60), each row with its source';
COMMENT ON COLUMN critical_material_list.list IS 'eu_crma_strategic, eu_crma_critical, usgs_2022, usgs_2025_draft or usgs_2025_final';
COMMENT ON COLUMN critical_material_list.material IS 'The material as the list names it';
COMMENT ON COLUMN critical_material_list.grade_form IS 'Grade or form where the list gives one (e.g. battery grade)';
COMMENT ON COLUMN critical_material_list.source IS 'The legal or official source of the list';

-- EU lists verbatim from Regulation (EU) 2024/1252 (methodology.md 1.4-1.5);
-- the USGS lists from shared/domain/usgs_critical_minerals.csv.
INSERT INTO critical_material_list (list, material, grade_form, source) VALUES
	('eu_crma_strategic', 'bauxite/alumina/aluminium', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'bismuth', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'boron', 'metallurgy grade', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'cobalt', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'copper', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'gallium', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'germanium', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'lithium', 'battery grade', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'magnesium', 'metal', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'manganese', 'battery grade', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'graphite', 'battery grade', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'nickel', 'battery grade', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'platinum group metals', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'rare earth elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, and Ce)', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'silicon', 'metal', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'titanium', 'metal', 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_strategic', 'tungsten', NULL, 'Regulation (EU) 2024/1252, Annex I, Section 1 (strategic raw materials)'),
	('eu_crma_critical', 'antimony', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'arsenic', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'bauxite/alumina/aluminium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'baryte', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'beryllium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'bismuth', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'boron', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'cobalt', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'coking coal', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'copper', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'feldspar', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'fluorspar', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'gallium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'germanium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'hafnium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'helium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'heavy rare earth elements', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'light rare earth elements', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'lithium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'magnesium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'manganese', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'graphite', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'nickel', 'battery grade', 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'niobium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'phosphate rock', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'phosphorus', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'platinum group metals', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'scandium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'silicon', 'metal', 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'strontium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'tantalum', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'titanium', 'metal', 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'tungsten', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('eu_crma_critical', 'vanadium', NULL, 'Regulation (EU) 2024/1252, Annex II, Section 1 (critical raw materials)'),
	('usgs_2022', 'aluminum', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'antimony', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'arsenic', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'barite', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'beryllium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'bismuth', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'cerium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'cesium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'chromium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'cobalt', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'dysprosium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'erbium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'europium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'fluorspar', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'gadolinium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'gallium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'germanium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'graphite', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'hafnium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'holmium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'indium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'iridium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'lanthanum', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'lithium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'lutetium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'magnesium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'manganese', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'neodymium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'nickel', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'niobium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'palladium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'platinum', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'praseodymium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'rhodium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'rubidium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'ruthenium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'samarium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'scandium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'tantalum', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'tellurium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'terbium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'thulium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'tin', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'titanium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'tungsten', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'vanadium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'ytterbium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'yttrium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'zinc', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2022', 'zirconium', NULL, 'Federal Register 87 FR 10381, 2022-02-24, "2022 Final List of Critical Minerals"'),
	('usgs_2025_draft', 'aluminum', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'antimony', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'barite', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'beryllium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'bismuth', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'cerium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'cesium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'chromium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'cobalt', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'copper', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'dysprosium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'erbium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'europium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'fluorspar', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'gadolinium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'gallium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'germanium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'graphite', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'hafnium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'holmium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'indium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'iridium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'lanthanum', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'lead', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'lithium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'lutetium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'magnesium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'manganese', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'neodymium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'nickel', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'niobium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'palladium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'platinum', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'potash', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'praseodymium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'rhenium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'rhodium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'rubidium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'ruthenium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'samarium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'scandium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'silicon', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'silver', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'tantalum', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'terbium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'thulium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'tin', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'titanium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'tungsten', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'vanadium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'ytterbium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'yttrium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'zinc', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_draft', 'zirconium', NULL, 'Federal Register 2025-16311, 2025-08-26, draft 2025 List of Critical Minerals (2022 list without arsenic and tellurium, plus copper, lead, potash, rhenium, silicon, silver)'),
	('usgs_2025_final', 'aluminum', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'antimony', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'arsenic', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'barite', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'beryllium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'bismuth', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'boron', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'cerium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'cesium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'chromium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'cobalt', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'copper', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'dysprosium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'erbium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'europium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'fluorspar', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'gadolinium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'gallium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'germanium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'graphite', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'hafnium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'holmium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'indium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'iridium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'lanthanum', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'lead', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'lithium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'lutetium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'magnesium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'manganese', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'metallurgical coal', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'neodymium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'nickel', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'niobium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'palladium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'phosphate', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'platinum', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'potash', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'praseodymium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'rhenium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'rhodium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'rubidium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'ruthenium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'samarium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'scandium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'silicon', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'silver', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'tantalum', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'tellurium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'terbium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'thulium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'tin', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'titanium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'tungsten', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'uranium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'vanadium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'ytterbium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'yttrium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'zinc', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)'),
	('usgs_2025_final', 'zirconium', NULL, 'U.S. Department of the Interior / USGS final 2025 List of Critical Minerals, 2025-11-07 (2022 list plus boron, copper, lead, metallurgical coal, phosphate, potash, rhenium, silicon, silver, uranium)');
