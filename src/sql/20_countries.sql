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
COMMENT ON FUNCTION numeric_code(country_code) IS 'ISO 3166-1 numeric code, three digits (UN Comtrade uses these but for a few countries: comtrade_country)';
COMMENT ON FUNCTION country_code_source() IS 'The iso-codes release the country table was generated from';

-- UN Comtrade's (and CEPII BACI's) country codes are ISO 3166-1 numeric
-- codes with a few exceptions of their own: 842 USA, 251 France (with
-- Monaco), 381 Italy (with San Marino), 579 Norway (with Svalbard and Jan
-- Mayen), 699 India, 757 Switzerland (with Liechtenstein), and 490 "Other
-- Asia, nes", which is Taiwan in these data (BACI documents it so).  A code
-- that is no country (0 World, 97 the EU, 899 Areas nes, ...) is an error
-- naming it, never a silent NULL.
CREATE FUNCTION comtrade_country(code integer) RETURNS country_code
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	RETURN CASE code
		WHEN 842 THEN 'US' WHEN 251 THEN 'FR' WHEN 381 THEN 'IT' WHEN 579 THEN 'NO'
		WHEN 699 THEN 'IN' WHEN 757 THEN 'CH' WHEN 490 THEN 'TW'
		ELSE lpad(code::text, 3, '0') END::@extschema@.country_code;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE EXCEPTION 'UN Comtrade code % is not a country', code
		USING ERRCODE = '22023',
		      HINT = 'Aggregates such as 0 (World), 97 (EU-27) or 899 (Areas, nes) name no country: keep them apart.';
END $$;
COMMENT ON FUNCTION comtrade_country(integer) IS
	'The country of a UN Comtrade / CEPII BACI numeric code: ISO 3166-1 numeric, and the exceptions 842 US, 251 FR, 381 IT, 579 NO, 699 IN, 757 CH, 490 TW (Other Asia, nes); an aggregate code is ERROR 22023';

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

CREATE FUNCTION eu_share(supply_mix, on_date date) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_eu_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eu_share(supply_mix, date) IS
	'Share (0-1) of the EU in the complete total of a mix keyed by country codes: member states and EU territory with its own code (outermost regions such as Reunion, Aland), not OCTs; the remainder is never assigned to a country';

CREATE TYPE country_supply AS (country country_code, quantity double precision, share double precision);
COMMENT ON TYPE country_supply IS 'A country''s supply in a mix: quantity and share of the complete total';

CREATE FUNCTION top_third_country(supply_mix, on_date date) RETURNS country_supply
	AS 'MODULE_PATHNAME', 'supply_mix_top_third_country' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_third_country(supply_mix, date) IS
	'The largest third-country supplier of a mix keyed by country codes: country, quantity, share of the complete total (NULLs when there is none)';
