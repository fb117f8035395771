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
-- Merging
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
