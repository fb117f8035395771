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
