-- How data/deposits/deposits_subset.csv was cut from the full compilation
-- (deposits.csv, 36 447 rows, from the sources in README.md), with PostGIS doing
-- the distances:
--
--   psql -v src=/path/to/deposits.csv -v facilities=data/deposits/facilities_kz.csv \
--        -v out=data/deposits/deposits_subset.csv -f data/deposits/subset.sql
--
-- in a scratch database with the postgis extension.  Rows are copied as
-- text, unchanged, in their original order; a row is kept when
--   - it lies in Kazakhstan (iso2 KZ), or
--   - it lies within 1 000 km (ST_DWithin on geography) of one of the 14
--     facilities of facilities_kz.csv, whatever its country, or
--   - it is a GSC world tin/tungsten deposit (source gsc_world_sn_w), or
--   - it is a USGS rare-earth occurrence (source usgs_ree, OFR 2002-189), or
--   - it lies within 2 degrees of the antimeridian or north of 80 degrees
--     (test cases).
-- Every column is read as text, so Namibia's code NA stays 'NA'.
\set ON_ERROR_STOP 1
BEGIN;
CREATE TEMP TABLE src (line_no serial, source text, source_id text, name text, iso2 text,
	commodities text, dep_type text, status text, lat text, lon text, size_note text);
\set cmd '\\copy src (source, source_id, name, iso2, commodities, dep_type, status, lat, lon, size_note) FROM ' :'src' ' (FORMAT csv, HEADER true)'
:cmd
CREATE TEMP TABLE fac (source text, source_id text, name text, iso2 text, commodities text,
	facility_type text, status text, lat text, lon text, precision text, provenance text);
\set cmd '\\copy fac FROM ' :'facilities' ' (FORMAT csv, HEADER true)'
:cmd
CREATE TEMP TABLE kept AS
SELECT s.*
FROM src s
WHERE s.iso2 = 'KZ'
   OR s.source IN ('gsc_world_sn_w', 'usgs_ree')
   OR abs(s.lon::float8) >= 178 OR s.lat::float8 >= 80
   OR EXISTS (SELECT 1 FROM fac f
              WHERE ST_DWithin(ST_MakePoint(s.lon::float8, s.lat::float8)::geography,
                               ST_MakePoint(f.lon::float8, f.lat::float8)::geography, 1000000))
ORDER BY s.line_no;
\set cmd '\\copy (SELECT source, source_id, name, iso2, commodities, dep_type, status, lat, lon, size_note FROM kept ORDER BY line_no) TO ' :'out' ' (FORMAT csv, HEADER true)'
:cmd
SELECT count(*) AS rows_kept, count(*) FILTER (WHERE iso2 = 'KZ') AS kazakhstan FROM kept;
COMMIT;
