-- mineral_supply: supply concentration of critical raw materials, inside PostgreSQL.
-- The install script's source is src/sql/*.sql, one file per topic; the
-- build joins them in name order into mineral_supply--<default_version>.sql.

\echo Use "CREATE EXTENSION mineral_supply" to load this file. \quit
