-- load_deposits.sql: loads the shipped deposit and facility locations
-- (data/deposits/, see data/deposits/README.md) into schema "deposits", as
-- geography points with GiST indexes.
--
--   psql -v datadir=/abs/path/to/data -f demo/load_deposits.sql
--   psql -f demo/load_deposits.sql          (from the project root: datadir=data)
--
-- Needs the extensions mineral_supply (country_code) and postgis (geography),
-- e.g. CREATE EXTENSION mineral_supply_postgis CASCADE.  Idempotent: drops
-- and recreates schema deposits.  Tables:
--
--   deposits.deposit_raw  deposits_subset.csv as published, all text
--   deposits.deposit      one row per deposit point: country as country_code
--                         (NULL where the source gives none), commodities as
--                         text[], location as geography(Point, 4326), and
--                         wo3_t, the contained WO3 in tonnes of the GSC
--                         tin/tungsten rows where size_note gives one (see
--                         the column's comment for the reading and the one
--                         implausible figure left out)
--   deposits.facility     the 14 Kazakh processing facilities
--
-- Every column is read as text: Namibia's code NA stays NA (never load these
-- files with NULL 'NA').

\if :{?datadir}
\else
\set datadir data
\endif
\set load_deposits_cwd `pwd`

BEGIN;
SET LOCAL client_min_messages = warning;

DROP SCHEMA IF EXISTS deposits CASCADE;
CREATE SCHEMA deposits;
COMMENT ON SCHEMA deposits IS
	'Deposit points (USGS, public domain; GSC tin/tungsten, Open Government Licence - Canada) and Kazakh processing facilities, see data/deposits/README.md';

CREATE TABLE deposits.deposit_raw (
	line_no     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source      text, source_id text, name text, iso2 text, commodities text,
	dep_type    text, status text, lat text, lon text, size_note text
);
CREATE TABLE deposits.facility_raw (
	line_no     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source      text, source_id text, name text, iso2 text, commodities text,
	facility_type text, status text, lat text, lon text, precision text, provenance text
);

\cd :datadir
\copy deposits.deposit_raw (source, source_id, name, iso2, commodities, dep_type, status, lat, lon, size_note) FROM 'deposits/deposits_subset.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')
\copy deposits.facility_raw (source, source_id, name, iso2, commodities, facility_type, status, lat, lon, precision, provenance) FROM 'deposits/facilities_kz.csv' WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')
\cd :load_deposits_cwd

CREATE TABLE deposits.deposit (
	id          integer PRIMARY KEY,
	source      text NOT NULL,
	source_id   text NOT NULL,
	name        text,
	country     country_code,
	commodities text[] NOT NULL,   -- {} where the source lists none
	status      text,
	size_note   text,
	wo3_t       double precision,
	geog        geography(Point, 4326) NOT NULL
);
COMMENT ON COLUMN deposits.deposit.wo3_t IS
	'Contained WO3 (t) of a GSC tin/tungsten row: the first "WO3: <n> t|kt|Mt @ <g> %" (n * g / 100) or "WO3: <n> t|kt|Mt contained" figure of size_note; NULL when there is none or when it exceeds 10 Mt (more than the world''s known tungsten resources: one row, Searles Lake, "170 Mt contained (1959)")';

INSERT INTO deposits.deposit
SELECT r.line_no, r.source, r.source_id, r.name, NULLIF(r.iso2, '')::country_code,
       coalesce(string_to_array(r.commodities, ';'), '{}'), r.status, r.size_note,
       (SELECT w FROM
          (SELECT m[1]::float8 * CASE m[2] WHEN 't' THEN 1 WHEN 'kt' THEN 1e3 ELSE 1e6 END
                  * coalesce(m[3]::float8 / 100, 1) AS w
             FROM regexp_match(r.size_note, 'WO3: ([0-9.]+) (t|kt|Mt) (?:@ ([0-9.]+) %|contained)') m
            WHERE r.source = 'gsc_world_sn_w') x
         WHERE w <= 1e7),
       ST_SetSRID(ST_MakePoint(r.lon::float8, r.lat::float8), 4326)::geography
FROM deposits.deposit_raw r;
CREATE INDEX deposit_geog_idx ON deposits.deposit USING gist (geog);

CREATE TABLE deposits.facility (
	id            text PRIMARY KEY,
	name          text NOT NULL,
	country       country_code NOT NULL,
	commodities   text[] NOT NULL,
	facility_type text,
	precision     text,
	geog          geography(Point, 4326) NOT NULL
);
INSERT INTO deposits.facility
SELECT r.source || ':' || r.source_id, r.name, r.iso2::country_code, string_to_array(r.commodities, ';'),
       r.facility_type, r.precision,
       ST_SetSRID(ST_MakePoint(r.lon::float8, r.lat::float8), 4326)::geography
FROM deposits.facility_raw r;
CREATE INDEX facility_geog_idx ON deposits.facility USING gist (geog);

ANALYZE deposits.deposit;
ANALYZE deposits.facility;
COMMIT;
