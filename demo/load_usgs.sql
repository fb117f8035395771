-- load_usgs.sql: loads the USGS Mineral Commodity Summaries 2025 world data
-- (data/usgs/MCS2025_World_Data.csv, see data/README.md) into schema "usgs".
--
--   psql -v datadir=/abs/path/to/data -f demo/load_usgs.sql
--   psql -f demo/load_usgs.sql          (from the project root: datadir=data)
--
-- Idempotent: drops and recreates schema usgs.  Needs a UTF8 database (the
-- file is UTF-8 with a byte-order mark; see data/README.md).  Tables:
--
--   usgs.mcs2025_raw          the file as published: all text, one row per
--                             line, line_no = line in the file (header = 1)
--   usgs.mcs2025_cells        view: every production cell (PROD_2023 and
--                             "PROD_EST_ 2024") of every row, with trimmed
--                             names, row kind and the reading of the cell
--   usgs.mcs2025_capacity_reserves  view: the same for the capacity
--                             (CAP_2023, "CAP_EST_ 2024") and reserves
--                             (RESERVES_2024) cells
--   usgs.mcs2025_production   the numeric production figures of countries and
--                             of "Other countries" (country NULL): what
--                             supply_mix_agg(country, quantity) reads
--   usgs.mcs2025_world_total  the numeric "World total" figures (comparison only)
--   usgs.mcs2025_left_out     production cells left out because they are not
--                             numbers (blank, W, NA, >..., ...)
--
-- psql does no variable interpolation inside \copy, so the script changes
-- psql's working directory to :datadir for the \copy and changes it back.

\if :{?datadir}
\else
\set datadir data
\endif
\set load_usgs_cwd `pwd`

BEGIN;
SET LOCAL client_min_messages = warning;

DO $$
BEGIN
	IF current_setting('server_encoding') <> 'UTF8' THEN
		RAISE EXCEPTION 'load_usgs.sql needs a UTF8 database, this one is %',
			current_setting('server_encoding')
			USING HINT = 'Create the database (or cluster) with ENCODING ''UTF8''.';
	END IF;
END
$$;

DROP SCHEMA IF EXISTS usgs CASCADE;
CREATE SCHEMA usgs;
COMMENT ON SCHEMA usgs IS
	'U.S. Geological Survey, Mineral Commodity Summaries 2025, world data release (doi:10.5066/P13XCP3R); public domain';

-- The 13 columns of the file, in file order.  The header line is loaded as
-- row 1 and checked below (its first name carries the byte-order mark), so a
-- file with other or reordered columns stops the load instead of filling the
-- wrong columns.
CREATE TABLE usgs.mcs2025_raw (
	line_no        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	source         text,   -- SOURCE
	commodity      text,   -- COMMODITY
	country        text,   -- COUNTRY
	type           text,   -- TYPE (stage and content basis)
	unit_meas      text,   -- UNIT_MEAS
	prod_2023      text,   -- PROD_2023
	prod_est_2024  text,   -- "PROD_EST_ 2024" (sic, with a space)
	prod_notes     text,   -- PROD_NOTES
	cap_2023       text,   -- CAP_2023
	cap_est_2024   text,   -- "CAP_EST_ 2024"
	cap_notes      text,   -- CAP_NOTES
	reserves_2024  text,   -- RESERVES_2024
	reserve_notes  text    -- RESERVE_NOTES
);
COMMENT ON TABLE usgs.mcs2025_raw IS
	'MCS2025_World_Data.csv as published, all text; line_no is the line in the file (1 = header, removed after checking)';

\cd :datadir
\copy usgs.mcs2025_raw (source, commodity, country, type, unit_meas, prod_2023, prod_est_2024, prod_notes, cap_2023, cap_est_2024, cap_notes, reserves_2024, reserve_notes) FROM 'usgs/MCS2025_World_Data.csv' WITH (FORMAT csv, HEADER false, ENCODING 'UTF8')
\cd :load_usgs_cwd

DO $$
DECLARE
	h usgs.mcs2025_raw;
	n bigint;
BEGIN
	SELECT * INTO h FROM usgs.mcs2025_raw WHERE line_no = 1;
	IF (ltrim(h.source, U&'\FEFF'), h.commodity, h.country, h.type, h.unit_meas,
		h.prod_2023, h.prod_est_2024, h.prod_notes, h.cap_2023, h.cap_est_2024,
		h.cap_notes, h.reserves_2024, h.reserve_notes)
	   IS DISTINCT FROM
	   ('SOURCE', 'COMMODITY', 'COUNTRY', 'TYPE', 'UNIT_MEAS',
		'PROD_2023', 'PROD_EST_ 2024', 'PROD_NOTES', 'CAP_2023', 'CAP_EST_ 2024',
		'CAP_NOTES', 'RESERVES_2024', 'RESERVE_NOTES')
	THEN
		RAISE EXCEPTION 'MCS2025_World_Data.csv: unexpected header'
			USING DETAIL = format('header read: %s', row_to_json(h));
	END IF;
	DELETE FROM usgs.mcs2025_raw WHERE line_no = 1;
	SELECT count(*) INTO n FROM usgs.mcs2025_raw;
	IF n <> 1250 THEN
		RAISE EXCEPTION 'MCS2025_World_Data.csv: % data rows, expected 1250', n;
	END IF;
END
$$;

-- Names: U+00A0 (no-break space, in e.g. "United<NBSP>States and Canada") read
-- as a space, runs of white space collapsed, trimmed ("Russia " = "Russia").
CREATE FUNCTION usgs.clean_name(s text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN nullif(btrim(regexp_replace(replace(s, U&'\00A0', ' '), '\s+', ' ', 'g')), '');
COMMENT ON FUNCTION usgs.clean_name(text) IS
	'Trims a name: no-break spaces as spaces, runs of white space collapsed; empty gives NULL';

-- A cell is a number when it is digits, optionally with thousands commas
-- ("17,000,000") and a decimal part; anything else is left out, by reason.
-- In this edition withheld and unavailable figures are blank cells with "W
-- for 23-24", "NA" or "XX" in PROD_NOTES; the reading says so.
CREATE FUNCTION usgs.cell_reading(cell text, notes text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN CASE
		WHEN usgs.clean_name(cell) IS NULL THEN CASE
			WHEN usgs.clean_name(notes) ~* '^W( |$)' THEN 'blank, notes: W (withheld)'
			WHEN usgs.clean_name(notes) ~* '^NA$' THEN 'blank, notes: NA (not available)'
			WHEN usgs.clean_name(notes) ~* '^XX$' THEN 'blank, notes: XX (not applicable)'
			ELSE 'blank' END
		WHEN usgs.clean_name(cell) ~ '^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$' THEN 'number'
		WHEN upper(usgs.clean_name(cell)) = 'W' THEN 'W (withheld)'
		WHEN upper(usgs.clean_name(cell)) IN ('NA', 'N/A') THEN 'NA (not available)'
		WHEN upper(usgs.clean_name(cell)) = 'XX' THEN 'XX (not applicable)'
		WHEN usgs.clean_name(cell) ~ '^[<>]' THEN 'bound (>...)'
		ELSE 'other text'
	END;
COMMENT ON FUNCTION usgs.cell_reading(text, text) IS
	'How a production cell is read given the row''s PROD_NOTES: number, or why it is left out (blank, with W/NA/XX in the notes; W, NA, XX, bound >..., other text)';

CREATE VIEW usgs.mcs2025_cells AS
SELECT r.line_no,
	usgs.clean_name(r.commodity) AS commodity,
	usgs.clean_name(r.type) AS stage,
	usgs.clean_name(r.unit_meas) AS unit,
	usgs.clean_name(r.country) AS country_as_published,
	CASE
		WHEN lower(usgs.clean_name(r.country)) LIKE 'world total%' THEN 'world total'
		WHEN lower(usgs.clean_name(r.country)) LIKE 'other countries%' THEN 'remainder'
		ELSE 'country'
	END AS row_kind,
	c.year,
	c.cell,
	usgs.cell_reading(c.cell, r.prod_notes) AS reading,
	CASE WHEN usgs.cell_reading(c.cell, r.prod_notes) = 'number'
		THEN replace(usgs.clean_name(c.cell), ',', '')::double precision
	END AS quantity,
	usgs.clean_name(r.prod_notes) AS notes
FROM usgs.mcs2025_raw AS r
CROSS JOIN LATERAL (VALUES (2023, r.prod_2023), (2024, r.prod_est_2024)) AS c(year, cell);
COMMENT ON VIEW usgs.mcs2025_cells IS
	'Every production cell (2023; 2024 estimated) with cleaned names, row kind (country, remainder = "Other countries", world total), its reading and the row''s PROD_NOTES';

-- The capacity and reserves cells, read like the production cells with the
-- row's CAP_NOTES or RESERVE_NOTES.  Reserves are mostly blank, and a few are
-- only words in the notes ("Large", "Moderate"); their unit is UNIT_MEAS
-- unless the notes give another (iron ore: "Crude Ore, million metric tons").
CREATE VIEW usgs.mcs2025_capacity_reserves AS
SELECT r.line_no,
	usgs.clean_name(r.commodity) AS commodity,
	usgs.clean_name(r.type) AS stage,
	usgs.clean_name(r.unit_meas) AS unit,
	usgs.clean_name(r.country) AS country_as_published,
	CASE
		WHEN lower(usgs.clean_name(r.country)) LIKE 'world total%' THEN 'world total'
		WHEN lower(usgs.clean_name(r.country)) LIKE 'other countries%' THEN 'remainder'
		ELSE 'country'
	END AS row_kind,
	c.measure,
	c.year,
	c.cell,
	usgs.cell_reading(c.cell, c.notes) AS reading,
	CASE WHEN usgs.cell_reading(c.cell, c.notes) = 'number'
		THEN replace(usgs.clean_name(c.cell), ',', '')::double precision
	END AS quantity,
	usgs.clean_name(c.notes) AS notes
FROM usgs.mcs2025_raw AS r
CROSS JOIN LATERAL (VALUES ('capacity', 2023, r.cap_2023, r.cap_notes),
                           ('capacity', 2024, r.cap_est_2024, r.cap_notes),
                           ('reserves', 2024, r.reserves_2024, r.reserve_notes)) AS c(measure, year, cell, notes);
COMMENT ON VIEW usgs.mcs2025_capacity_reserves IS
	'Every capacity (2023; 2024 estimated) and reserves (2024) cell with cleaned names, row kind, measure, its reading and the row''s CAP_NOTES or RESERVE_NOTES';

CREATE TABLE usgs.mcs2025_production (
	commodity text NOT NULL,
	stage     text NOT NULL,   -- the TYPE column: stage and content basis
	unit      text,            -- UNIT_MEAS as published (NULL where blank)
	country   text,            -- NULL for "Other countries" (the remainder)
	year      integer NOT NULL,
	quantity  double precision NOT NULL CHECK (quantity >= 0),
	UNIQUE NULLS NOT DISTINCT (commodity, stage, country, year)
);
COMMENT ON TABLE usgs.mcs2025_production IS
	'MCS 2025 production by country, 2023 and 2024 (estimated), numeric cells only; country NULL = "Other countries" (the unattributed remainder of supply_mix_agg)';
COMMENT ON COLUMN usgs.mcs2025_production.stage IS 'The TYPE column as published (trimmed): stage and content basis';
COMMENT ON COLUMN usgs.mcs2025_production.country IS 'Country name as published (trimmed, with qualifiers such as "(crude)"); NULL for "Other countries"';

INSERT INTO usgs.mcs2025_production (commodity, stage, unit, country, year, quantity)
SELECT commodity, stage, unit,
	CASE WHEN row_kind = 'country' THEN country_as_published END,
	year, quantity
FROM usgs.mcs2025_cells
WHERE row_kind IN ('country', 'remainder') AND reading = 'number'
ORDER BY line_no, year;

CREATE TABLE usgs.mcs2025_world_total AS
SELECT line_no, commodity, stage, unit, country_as_published AS label, year, quantity
FROM usgs.mcs2025_cells
WHERE row_kind = 'world total' AND reading = 'number'
ORDER BY line_no, year;
COMMENT ON TABLE usgs.mcs2025_world_total IS
	'Published "World total" figures (rounded), for comparison only; a series can have more than one (titanium ilmenite also carries the ilmenite-and-rutile total): use the first by line_no';

CREATE TABLE usgs.mcs2025_left_out AS
SELECT line_no, commodity, stage, unit, country_as_published AS country, row_kind, year, cell, reading, notes
FROM usgs.mcs2025_cells
WHERE reading <> 'number'
ORDER BY line_no, year;
COMMENT ON TABLE usgs.mcs2025_left_out IS
	'Production cells left out of every sum because they are not numbers (blank, W, NA, XX, >..., other text), with the reason and the row''s PROD_NOTES';

-- Series statistics, so that the planner knows there are about 90 series
-- (not hundreds) when grouping by commodity and stage.
CREATE STATISTICS usgs.mcs2025_production_series (ndistinct, dependencies)
	ON commodity, stage, year FROM usgs.mcs2025_production;

ANALYZE usgs.mcs2025_raw, usgs.mcs2025_production, usgs.mcs2025_world_total, usgs.mcs2025_left_out;

COMMIT;
