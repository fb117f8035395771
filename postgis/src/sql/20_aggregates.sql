-------------------------------------------------------------------------------
-- Proximity aggregates over what PostGIS computes: distances in metres from
-- ST_Distance(geography, geography), point locations as geography.
--
-- The states are float8[] (a real type with exact text and binary round
-- trips, as core avg(float8) has), every aggregate has a combine function
-- and is PARALLEL SAFE; sums are compensated (Neumaier).  Layouts: see
-- postgis/src/core/reach.h.
--
-- Supply within reach needs no aggregate of its own: it is supply_mix_agg()
-- over the rows within_radius() selects (in WHERE, which uses the index, or
-- in FILTER), so that every measure of mineral_supply applies to it.
-------------------------------------------------------------------------------

CREATE FUNCTION distance_decay(distance_m double precision, half_distance_m double precision)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'proximity_distance_decay' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION distance_decay(double precision, double precision) IS
	'Exponential distance decay 2^(-distance_m / half_distance_m): 1 at the source, 1/2 at the half-distance; distance >= 0 and half-distance > 0, finite, else ERROR 22023';

-- accessible_supply(quantity, distance_m, half_distance_m)

CREATE FUNCTION accessible_supply_accum(double precision[], quantity double precision,
                                        distance_m double precision, half_distance_m double precision)
	RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'proximity_decay_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION accessible_supply_accum(double precision[], double precision, double precision, double precision) IS
	'Transition function of accessible_supply: adds quantity * 2^(-distance/half-distance) to the state {sum, compensation}; a NULL quantity or distance skips the row';

CREATE FUNCTION proximity_sums_combine(double precision[], double precision[])
	RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'proximity_sums_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION proximity_sums_combine(double precision[], double precision[]) IS
	'Combine function of accessible_supply and supply_mean_distance: adds two states of compensated sums';

CREATE FUNCTION accessible_supply_final(double precision[])
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'proximity_decay_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION accessible_supply_final(double precision[]) IS
	'Final function of accessible_supply: the compensated sum';

CREATE AGGREGATE accessible_supply(quantity double precision, distance_m double precision,
                                   half_distance_m double precision) (
	SFUNC = accessible_supply_accum,
	STYPE = double precision[],
	COMBINEFUNC = proximity_sums_combine,
	FINALFUNC = accessible_supply_final,
	INITCOND = '{0,0}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE accessible_supply(double precision, double precision, double precision) IS
	'Distance-decay accessible supply: sum of quantity * 2^(-distance_m / half_distance_m); NULL quantity or distance skips a row, NULL half-distance is an error, no rows give 0';

-- supply_mean_distance(quantity, distance_m)

CREATE FUNCTION supply_mean_distance_accum(double precision[], quantity double precision,
                                           distance_m double precision)
	RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'proximity_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mean_distance_accum(double precision[], double precision, double precision) IS
	'Transition function of supply_mean_distance: adds quantity and quantity * distance to the state; a NULL quantity or distance skips the row';

CREATE FUNCTION supply_mean_distance_final(double precision[])
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'proximity_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_mean_distance_final(double precision[]) IS
	'Final function of supply_mean_distance: sum(quantity * distance) / sum(quantity), NULL when the quantities add up to 0';

CREATE AGGREGATE supply_mean_distance(quantity double precision, distance_m double precision) (
	SFUNC = supply_mean_distance_accum,
	STYPE = double precision[],
	COMBINEFUNC = proximity_sums_combine,
	FINALFUNC = supply_mean_distance_final,
	INITCOND = '{0,0,0,0}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_mean_distance(double precision, double precision) IS
	'Supply-weighted mean distance (metres): sum(quantity * distance_m) / sum(quantity); NULL quantity or distance skips a row; no rows or zero quantities give NULL';

-- supply_centroid(location, quantity)

CREATE FUNCTION supply_centroid_accum(double precision[], location geography, quantity double precision)
	RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'proximity_centroid_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_centroid_accum(double precision[], geography, double precision) IS
	'Transition function of supply_centroid: adds quantity and quantity times the unit vector of the point location; NULL location or quantity, or POINT EMPTY, skips the row; other geometry types are an error';

CREATE FUNCTION supply_centroid_combine(double precision[], double precision[])
	RETURNS double precision[]
	AS 'MODULE_PATHNAME', 'proximity_centroid_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_centroid_combine(double precision[], double precision[]) IS
	'Combine function of supply_centroid: adds two states (their SRIDs must agree)';

CREATE FUNCTION supply_centroid_final(double precision[])
	RETURNS geography
	AS 'MODULE_PATHNAME', 'proximity_centroid_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION supply_centroid_final(double precision[]) IS
	'Final function of supply_centroid: the weighted mean unit vector as a geography point, NULL for zero weight or points that cancel out';

CREATE AGGREGATE supply_centroid(location geography, quantity double precision) (
	SFUNC = supply_centroid_accum,
	STYPE = double precision[],
	COMBINEFUNC = supply_centroid_combine,
	FINALFUNC = supply_centroid_final,
	INITCOND = '{0,0,0,0,0,0,0,0,0}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE supply_centroid(geography, double precision) IS
	'Supply-weighted centroid of point locations on the sphere (weighted mean of 3-D unit vectors, as ST_Centroid(geography) does unweighted) as a geography point; NULL for no rows, zero weight or points that cancel out (antipodes)';
