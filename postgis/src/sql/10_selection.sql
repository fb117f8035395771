-------------------------------------------------------------------------------
-- Index-backed selection: which deposits or facilities lie near a point or
-- along a route, and which are the k nearest.
--
-- Two patterns, both of which let the planner use a GiST index on the
-- table's geography column:
--
--   A. Inlinable SQL functions, used inside your own query:
--        within_radius(location, center, radius_m)       -- in WHERE / JOIN
--        within_corridor(location, route, half_width_m)  -- in WHERE / JOIN
--      LANGUAGE sql, a single SELECT, no SET clause, not STRICT: the planner
--      replaces the call by its body, ST_DWithin(location, ...), whose
--      support function turns it into an index condition (&&).
--
--   B. Functions that take a table, through its row type (NULL::deposits)
--      and a column name, and run dynamic SQL:
--        rows_within_radius, rows_within_corridor, nearest_rows
--      They cannot be inlined (a table name is not a value a plan can use),
--      so they build the query text with format('%I.%I') from the catalog
--      and quote_ident (%I) for the column, run it with EXECUTE ... USING
--      (values never enter the text), and the planner sees a plain
--      ST_DWithin / ORDER BY <-> query on that table.  proximity_sql()
--      returns that text, e.g. for EXPLAIN.
-------------------------------------------------------------------------------

-- Checks the helpers wrap around their arguments.  Immutable and strict:
-- with constant arguments the planner evaluates them once, at plan time.

CREATE FUNCTION checked_point(center geography) RETURNS geography
	AS 'MODULE_PATHNAME', 'proximity_checked_point' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION checked_point(geography) IS
	'Returns its argument if it is a point (or POINT EMPTY), else ERROR 22023; used by within_radius() and nearest_rows()';

CREATE FUNCTION checked_line(route geography) RETURNS geography
	AS 'MODULE_PATHNAME', 'proximity_checked_line' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION checked_line(geography) IS
	'Returns its argument if it is a LINESTRING or MULTILINESTRING, else ERROR 22023; used by within_corridor()';

CREATE FUNCTION checked_distance(distance_m double precision) RETURNS double precision
	AS 'MODULE_PATHNAME', 'proximity_checked_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION checked_distance(double precision) IS
	'Returns its argument if it is a finite distance of zero or more metres, else ERROR 22023 (ST_DWithin itself answers false for a negative or NaN distance)';

-- Pattern A: inlinable predicates.

CREATE FUNCTION within_radius(location geography, center geography, radius_m double precision)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT ST_DWithin(location, checked_point(center), checked_distance(radius_m));
END;
COMMENT ON FUNCTION within_radius(geography, geography, double precision) IS
	'True when location lies within radius_m metres (geodesic, on the spheroid; the radius itself included) of the point center: ST_DWithin, inlined so that a GiST index on location is used';

CREATE FUNCTION within_corridor(location geography, route geography, half_width_m double precision)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT ST_DWithin(location, checked_line(route), checked_distance(half_width_m));
END;
COMMENT ON FUNCTION within_corridor(geography, geography, double precision) IS
	'True when location lies within half_width_m metres (geodesic) of the line route: ST_DWithin, inlined so that a GiST index on location is used';

-- Pattern B: functions over a table named by its row type.

CREATE FUNCTION proximity_sql(selection text, rows anyelement, location_column name)
	RETURNS text
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path FROM CURRENT
AS $$
DECLARE
	rel oid;
	kind "char";
	source text;
	column_type oid;
	ext_schema name;
	gis_schema name;
	geography_type oid;
BEGIN
	SELECT t.typrelid INTO rel FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.pg_typeof(rows);
	IF rel IS NOT NULL AND rel <> 0 THEN
		SELECT c.relkind, pg_catalog.format('%I.%I', n.nspname, c.relname)
		  INTO kind, source
		  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
		 WHERE c.oid = rel;
	END IF;
	IF kind IS NULL OR kind NOT IN ('r', 'p', 'v', 'm', 'f') THEN
		RAISE EXCEPTION 'rows is not a row of a table or view'
			USING ERRCODE = 'invalid_parameter_value',
			      DETAIL = pg_catalog.format('Its type is %s.', pg_catalog.pg_typeof(rows)),
			      HINT = 'Pass NULL cast to the table''s row type, e.g. NULL::deposits.';
	END IF;

	SELECT n.nspname, t.oid INTO gis_schema, geography_type
	  FROM pg_catalog.pg_extension e
	  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	  JOIN pg_catalog.pg_type t ON t.typnamespace = n.oid AND t.typname = 'geography'
	 WHERE e.extname = 'postgis';
	SELECT n.nspname INTO ext_schema
	  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'mineral_supply_postgis';

	SELECT a.atttypid INTO column_type
	  FROM pg_catalog.pg_attribute a
	 WHERE a.attrelid = rel AND a.attname = location_column AND a.attnum > 0 AND NOT a.attisdropped;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'column "%" of relation % does not exist', location_column, source
			USING ERRCODE = 'undefined_column';
	END IF;
	IF column_type IS DISTINCT FROM geography_type THEN
		RAISE EXCEPTION 'column "%" of relation % is not of type geography', location_column, source
			USING ERRCODE = 'datatype_mismatch',
			      DETAIL = pg_catalog.format('Its type is %s.', pg_catalog.format_type(column_type, NULL)),
			      HINT = 'Keep deposit locations as geography (a GiST index on it serves these queries), or cast in a view.';
	END IF;

	IF selection = 'radius' THEN
		RETURN pg_catalog.format('SELECT t.* FROM %s t WHERE %I.within_radius(t.%I, $1, $2)',
		                         source, ext_schema, location_column);
	ELSIF selection = 'corridor' THEN
		RETURN pg_catalog.format('SELECT t.* FROM %s t WHERE %I.within_corridor(t.%I, $1, $2)',
		                         source, ext_schema, location_column);
	ELSIF selection = 'nearest' THEN
		RETURN pg_catalog.format('SELECT t.* FROM %s t ORDER BY t.%I OPERATOR(%I.<->) %I.checked_point($1) LIMIT $2',
		                         source, location_column, gis_schema, ext_schema);
	END IF;
	RAISE EXCEPTION 'unknown selection "%"', selection
		USING ERRCODE = 'invalid_parameter_value',
		      HINT = 'The selections are radius, corridor and nearest.';
END
$$;
COMMENT ON FUNCTION proximity_sql(text, anyelement, name) IS
	'The query rows_within_radius (selection ''radius''), rows_within_corridor (''corridor'') or nearest_rows (''nearest'') runs on the table of rows: every name quoted and schema-qualified, the center or route as $1, the distance or k as $2';

CREATE FUNCTION rows_within_radius(rows anyelement, location_column name,
                                   center geography, radius_m double precision)
	RETURNS SETOF anyelement
	LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 100
	SET search_path FROM CURRENT
AS $$
BEGIN
	RETURN QUERY EXECUTE proximity_sql('radius', rows, location_column) USING center, radius_m;
END
$$;
COMMENT ON FUNCTION rows_within_radius(anyelement, name, geography, double precision) IS
	'The rows of the table whose row type rows has (call with NULL::table) whose geography column lies within radius_m metres of the point center; runs within_radius on the table, so its GiST index is used';

CREATE FUNCTION rows_within_corridor(rows anyelement, location_column name,
                                     route geography, half_width_m double precision)
	RETURNS SETOF anyelement
	LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 100
	SET search_path FROM CURRENT
AS $$
BEGIN
	RETURN QUERY EXECUTE proximity_sql('corridor', rows, location_column) USING route, half_width_m;
END
$$;
COMMENT ON FUNCTION rows_within_corridor(anyelement, name, geography, double precision) IS
	'The rows of the table (call with NULL::table) whose geography column lies within half_width_m metres of the line route; runs within_corridor on the table, so its GiST index is used';

CREATE FUNCTION nearest_rows(rows anyelement, location_column name, center geography, k integer)
	RETURNS SETOF anyelement
	LANGUAGE plpgsql STABLE PARALLEL RESTRICTED ROWS 10
	SET search_path FROM CURRENT
AS $$
BEGIN
	IF k < 0 THEN
		RAISE EXCEPTION 'k is negative'
			USING ERRCODE = 'invalid_parameter_value', DETAIL = pg_catalog.format('k is %s.', k);
	END IF;
	IF center IS NULL OR k IS NULL THEN
		RETURN;					-- like the other helpers: a NULL argument selects nothing
	END IF;
	RETURN QUERY EXECUTE proximity_sql('nearest', rows, location_column) USING center, k;
END
$$;
COMMENT ON FUNCTION nearest_rows(anyelement, name, geography, integer) IS
	'The k rows of the table (call with NULL::table) nearest to the point center, nearest first, by the KNN operator <-> of the GiST index (PostGIS computes it on the sphere); WITH ORDINALITY numbers them';
