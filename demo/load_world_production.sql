-- load_world_production.sql: loads the normalised USGS world production and
-- reserves of the Mineral Commodity Summaries 2022-2025
-- (data/usgs/world_production.csv, see data/README.md) into
-- usgs.world_production.
--
--   psql -v datadir=/abs/path/to/data -f demo/load_world_production.sql
--   psql -f demo/load_world_production.sql   (from the project root: datadir=data)
--
-- Idempotent: drops and recreates its two tables; creates schema usgs if it
-- is missing and leaves the rest of the schema alone.  demo/load_usgs.sql
-- drops the whole schema usgs, so run this one after it.  Needs CREATE
-- EXTENSION mineral_supply (country_code) and a UTF8 database (the file is
-- UTF-8: "Côte d’Ivoire").  Tables:
--
--   usgs.world_production_raw  the file as published: all text, one row per
--                              line, line_no = line in the file (header = 1,
--                              removed)
--   usgs.world_production      one row per edition, commodity, stage, year
--                              and country (2 735 rows)
--
-- Rows: a row_kind says what a row is.  'country': a named producer, iso2 is
-- its code as a country_code.  'other countries': the "Other countries" row,
-- iso2 NULL: the unattributed remainder of supply_mix_agg and hhi_wgi.
-- 'world total': a published world total ("World total (rounded)", "World
-- total (rutile, rounded)", ...), iso2 NULL: NOT a producer; leave these rows
-- out of every aggregate (WHERE row_kind <> 'world total'), or they are
-- counted a second time as remainder.
--
-- Namibia's code "NA" is a code, not a missing value: the file is read with
-- CSV's default NULL (an unquoted empty cell), never NULL 'NA'.  An empty code
-- on a row that is neither "Other countries" nor a world total, or a code
-- that is not ISO 3166-1, stops the load.
--
-- Editions: the same data year appears in two editions (2023 is an estimate in
-- MCS 2024 and revised in MCS 2025).  Never mix editions in one measure:
-- filter on edition.

\if :{?datadir}
\else
\set datadir data
\endif
\set load_wp_cwd `pwd`

BEGIN;
SET LOCAL client_min_messages = warning;

DO $$
BEGIN
	IF current_setting('server_encoding') <> 'UTF8' THEN
		RAISE EXCEPTION 'load_world_production.sql needs a UTF8 database, this one is %',
			current_setting('server_encoding')
			USING HINT = 'Create the database (or cluster) with ENCODING ''UTF8''.';
	END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS usgs;
DROP TABLE IF EXISTS usgs.world_production_raw, usgs.world_production CASCADE;

CREATE TABLE usgs.world_production_raw (
	line_no   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source    text,
	commodity text,
	stage     text,
	year      text,
	country   text,
	iso2      text,
	quantity  text,
	unit      text
);
COMMENT ON TABLE usgs.world_production_raw IS
	'world_production.csv as published, all text; line_no is the line in the file (1 = header, removed after checking)';

\cd :datadir
\copy usgs.world_production_raw (source, commodity, stage, year, country, iso2, quantity, unit) FROM 'usgs/world_production.csv' WITH (FORMAT csv, HEADER false, ENCODING 'UTF8')
\cd :load_wp_cwd

DO $$
DECLARE
	h usgs.world_production_raw;
	n bigint;
BEGIN
	SELECT * INTO h FROM usgs.world_production_raw WHERE line_no = 1;
	IF (ltrim(h.source, U&'\FEFF'), h.commodity, h.stage, h.year, h.country, h.iso2, h.quantity, h.unit)
	   IS DISTINCT FROM
	   ('source', 'commodity', 'stage', 'year', 'country', 'iso2', 'quantity', 'unit')
	THEN
		RAISE EXCEPTION 'world_production.csv: unexpected header'
			USING DETAIL = format('header read: %s', row_to_json(h));
	END IF;
	DELETE FROM usgs.world_production_raw WHERE line_no = 1;
	SELECT count(*) INTO n FROM usgs.world_production_raw;
	IF n <> 2735 THEN
		RAISE EXCEPTION 'world_production.csv: % data rows, expected 2735', n;
	END IF;
	-- an empty code is only for "Other countries" and world totals
	SELECT count(*) INTO n FROM usgs.world_production_raw
	WHERE iso2 IS NULL AND country <> 'Other countries' AND country NOT LIKE 'World total%';
	IF n > 0 THEN
		RAISE EXCEPTION 'world_production.csv: % rows of named countries without an ISO code', n;
	END IF;
END
$$;

CREATE TABLE usgs.world_production (
	edition   integer NOT NULL,  -- MCS edition (publication year), from source "USGS MCS2025"
	commodity text NOT NULL,
	stage     text NOT NULL CHECK (stage IN ('mine', 'refinery', 'smelter', 'reserves')),
	year      integer NOT NULL,  -- data year (for reserves: the year of the estimate)
	country   text NOT NULL,     -- as published, also "Other countries" and "World total ..."
	iso2      country_code,      -- NULL for "Other countries" and world totals
	row_kind  text NOT NULL CHECK (row_kind IN ('country', 'other countries', 'world total')),
	quantity  double precision NOT NULL CHECK (quantity >= 0),
	unit      text NOT NULL,     -- as published, with the content basis
	CHECK ((iso2 IS NOT NULL) = (row_kind = 'country')),
	UNIQUE (edition, commodity, stage, year, country)
);
COMMENT ON TABLE usgs.world_production IS
	'USGS Mineral Commodity Summaries 2022-2025, production and reserves by country (public domain); row_kind ''world total'' rows are not producers: leave them out of aggregates';
COMMENT ON COLUMN usgs.world_production.iso2 IS
	'The file''s ISO alpha-2 code as a country_code (Namibia is NA); NULL for "Other countries" (the remainder) and world totals';
COMMENT ON COLUMN usgs.world_production.row_kind IS
	'country (named producer), other countries (the unattributed remainder), world total (a published total, not a producer)';

INSERT INTO usgs.world_production
SELECT substring(r.source FROM '^USGS MCS([0-9]{4})$')::integer,
	r.commodity, r.stage, r.year::integer, r.country,
	r.iso2::country_code,
	CASE WHEN r.iso2 IS NOT NULL THEN 'country'
	     WHEN r.country = 'Other countries' THEN 'other countries'
	     ELSE 'world total' END,
	r.quantity::double precision,
	r.unit
FROM usgs.world_production_raw AS r
ORDER BY r.line_no;

CREATE INDEX ON usgs.world_production (edition, commodity, stage, year);
ANALYZE usgs.world_production_raw, usgs.world_production;

COMMIT;
