-- mineral_supply_postgis: proximity of deposits and facilities through PostGIS.
-- The install script's source is postgis/src/sql/*.sql, one file per topic; the
-- build joins them in name order into
-- mineral_supply_postgis--<default_version>.sql.
--
-- Nothing here links against PostGIS: distances are PostGIS' own (geography,
-- metres, on the spheroid), the C functions live in mineral_supply.so and
-- read geography values through the type's binary send/receive functions.
--
-- Name resolution.  The SQL functions have SQL-standard bodies (BEGIN
-- ATOMIC): they are parsed when this script runs, under the search_path
-- CREATE EXTENSION sets (this extension's schema, then the schemas of
-- mineral_supply and postgis), so they are bound to PostGIS' functions and
-- operators whatever the caller's search_path, and stay inlinable (no SET
-- clause).  The PL/pgSQL functions pin that search_path with SET search_path
-- FROM CURRENT, and the SQL they build names every object with its schema.

\echo Use "CREATE EXTENSION mineral_supply_postgis CASCADE" to load this file. \quit
