-- load_wgi.sql: loads the World Bank Worldwide Governance Indicators, 2024
-- update, data year 2023 (data/wgi/wgi_2023.csv, see data/README.md) into
-- schema "wgi".  Credit: "World Bank, Worldwide Governance Indicators, 2024
-- update (www.govindicators.org)", license CC BY 4.0.
--
--   psql -v datadir=/abs/path/to/data -f demo/load_wgi.sql
--   psql -f demo/load_wgi.sql          (from the project root: datadir=data)
--
-- Idempotent: drops and recreates schema wgi.  Needs CREATE EXTENSION
-- mineral_supply (country_code, wgi_scaled) and a UTF8 database (the file is
-- UTF-8: "Côte d'Ivoire", "Réunion", ...).  Tables:
--
--   wgi.wgi_2023_raw   the file as published: all text, one row per line,
--                      line_no = line in the file (header = 1, removed)
--   wgi.wgi_2023       one row per economy (214): the six estimates, their
--                      percentile ranks, mean_est and mean_pctrank as
--                      published, iso2 as a country_code, and
--                      wgi_scaled = wgi_scaled(mean_est), the 0-10 score of
--                      the EU supply-risk method (higher = worse governance)
--
-- Codes: iso2 is the file's ISO alpha-2 code as a country_code.  Two codes
-- of the file are not ISO 3166-1 and have iso2 NULL (their published code
-- stays in iso2_as_published): XK (Kosovo, a user-assigned code) and AN
-- (Netherlands Antilles, deleted from ISO 3166-1 in 2010; no estimates in
-- 2023).  Any other code that is not ISO 3166-1 stops the load.  Namibia's
-- code "NA" is a code, not a missing value: the file is read with CSV's
-- default NULL (an unquoted empty cell), never NULL 'NA'.
--
-- Missing values: AN has no estimate at all (mean_est and wgi_scaled NULL);
-- 8 territories have 4 or 5 of the six (n_indicators), and mean_est is the
-- mean of those, as published.
--
-- psql does no variable interpolation inside \copy, so the script changes
-- psql's working directory to :datadir for the \copy and changes it back.

\if :{?datadir}
\else
\set datadir data
\endif
\set load_wgi_cwd `pwd`

BEGIN;
SET LOCAL client_min_messages = warning;

DO $$
BEGIN
	IF current_setting('server_encoding') <> 'UTF8' THEN
		RAISE EXCEPTION 'load_wgi.sql needs a UTF8 database, this one is %',
			current_setting('server_encoding')
			USING HINT = 'Create the database (or cluster) with ENCODING ''UTF8''.';
	END IF;
END
$$;

DROP SCHEMA IF EXISTS wgi CASCADE;
CREATE SCHEMA wgi;
COMMENT ON SCHEMA wgi IS
	'World Bank, Worldwide Governance Indicators, 2024 update (www.govindicators.org), data year 2023; CC BY 4.0';

-- The 19 columns of the file, in file order; the header line is loaded as
-- row 1 and checked, so a file with other or reordered columns stops the load.
CREATE TABLE wgi.wgi_2023_raw (
	line_no      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	iso2         text,
	wb_code      text,
	country      text,
	year         text,
	va_est       text,
	pv_est       text,
	ge_est       text,
	rq_est       text,
	rl_est       text,
	cc_est       text,
	va_pctrank   text,
	pv_pctrank   text,
	ge_pctrank   text,
	rq_pctrank   text,
	rl_pctrank   text,
	cc_pctrank   text,
	n_indicators text,
	mean_est     text,
	mean_pctrank text
);
COMMENT ON TABLE wgi.wgi_2023_raw IS
	'wgi_2023.csv as published, all text; line_no is the line in the file (1 = header, removed after checking)';

\cd :datadir
\copy wgi.wgi_2023_raw (iso2, wb_code, country, year, va_est, pv_est, ge_est, rq_est, rl_est, cc_est, va_pctrank, pv_pctrank, ge_pctrank, rq_pctrank, rl_pctrank, cc_pctrank, n_indicators, mean_est, mean_pctrank) FROM 'wgi/wgi_2023.csv' WITH (FORMAT csv, HEADER false, ENCODING 'UTF8')
\cd :load_wgi_cwd

DO $$
DECLARE
	h wgi.wgi_2023_raw;
	n bigint;
BEGIN
	SELECT * INTO h FROM wgi.wgi_2023_raw WHERE line_no = 1;
	IF (ltrim(h.iso2, U&'\FEFF'), h.wb_code, h.country, h.year, h.va_est, h.pv_est, h.ge_est,
		h.rq_est, h.rl_est, h.cc_est, h.va_pctrank, h.pv_pctrank, h.ge_pctrank, h.rq_pctrank,
		h.rl_pctrank, h.cc_pctrank, h.n_indicators, h.mean_est, h.mean_pctrank)
	   IS DISTINCT FROM
	   ('iso2', 'wb_code', 'country', 'year', 'va_est', 'pv_est', 'ge_est',
		'rq_est', 'rl_est', 'cc_est', 'va_pctrank', 'pv_pctrank', 'ge_pctrank', 'rq_pctrank',
		'rl_pctrank', 'cc_pctrank', 'n_indicators', 'mean_est', 'mean_pctrank')
	THEN
		RAISE EXCEPTION 'wgi_2023.csv: unexpected header'
			USING DETAIL = format('header read: %s', row_to_json(h));
	END IF;
	DELETE FROM wgi.wgi_2023_raw WHERE line_no = 1;
	SELECT count(*) INTO n FROM wgi.wgi_2023_raw;
	IF n <> 214 THEN
		RAISE EXCEPTION 'wgi_2023.csv: % data rows, expected 214', n;
	END IF;
END
$$;

CREATE TABLE wgi.wgi_2023 (
	iso2              country_code UNIQUE,   -- NULL for XK and AN (not ISO 3166-1)
	iso2_as_published text NOT NULL PRIMARY KEY,
	wb_code           text NOT NULL UNIQUE,
	country           text NOT NULL,
	year              integer NOT NULL,
	va_est            double precision,      -- voice and accountability
	pv_est            double precision,      -- political stability, absence of violence
	ge_est            double precision,      -- government effectiveness
	rq_est            double precision,      -- regulatory quality
	rl_est            double precision,      -- rule of law
	cc_est            double precision,      -- control of corruption
	va_pctrank        double precision,
	pv_pctrank        double precision,
	ge_pctrank        double precision,
	rq_pctrank        double precision,
	rl_pctrank        double precision,
	cc_pctrank        double precision,
	n_indicators      integer NOT NULL CHECK (n_indicators BETWEEN 0 AND 6),
	mean_est          double precision CHECK (mean_est BETWEEN -2.5 AND 2.5),
	mean_pctrank      double precision,
	wgi_scaled        double precision       -- wgi_scaled(mean_est): 0-10, higher = worse
);
COMMENT ON TABLE wgi.wgi_2023 IS
	'World Bank, Worldwide Governance Indicators, 2024 update (www.govindicators.org), data year 2023, CC BY 4.0: one row per economy; wgi_scaled = wgi_scaled(mean_est)';
COMMENT ON COLUMN wgi.wgi_2023.iso2 IS
	'ISO 3166-1 alpha-2 code of the file as a country_code; NULL for XK (Kosovo, user-assigned) and AN (Netherlands Antilles, deleted 2010)';
COMMENT ON COLUMN wgi.wgi_2023.mean_est IS
	'Mean of the available estimates (-2.5..2.5, higher = better governance), as published';
COMMENT ON COLUMN wgi.wgi_2023.wgi_scaled IS
	'wgi_scaled(mean_est) = 2 x (2.5 - mean_est), clamped to 0-10, higher = worse governance; NULL without estimates';

INSERT INTO wgi.wgi_2023
SELECT CASE r.iso2
		WHEN 'XK' THEN NULL   -- Kosovo: user-assigned code, not ISO 3166-1
		WHEN 'AN' THEN NULL   -- Netherlands Antilles: deleted from ISO 3166-1 in 2010
		ELSE r.iso2::country_code
	END,
	r.iso2, r.wb_code, r.country, r.year::integer,
	nullif(r.va_est, '')::float8, nullif(r.pv_est, '')::float8, nullif(r.ge_est, '')::float8,
	nullif(r.rq_est, '')::float8, nullif(r.rl_est, '')::float8, nullif(r.cc_est, '')::float8,
	nullif(r.va_pctrank, '')::float8, nullif(r.pv_pctrank, '')::float8, nullif(r.ge_pctrank, '')::float8,
	nullif(r.rq_pctrank, '')::float8, nullif(r.rl_pctrank, '')::float8, nullif(r.cc_pctrank, '')::float8,
	r.n_indicators::integer,
	nullif(r.mean_est, '')::float8,
	nullif(r.mean_pctrank, '')::float8,
	wgi_scaled(nullif(r.mean_est, '')::float8)
FROM wgi.wgi_2023_raw AS r
ORDER BY r.line_no;

-- The file's own consistency: n_indicators counts the estimates, and
-- mean_est (4 decimals) is their mean.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(iso2_as_published, ', ') INTO bad
	FROM wgi.wgi_2023 w
	CROSS JOIN LATERAL (SELECT count(e) AS n, avg(e) AS mean
	                    FROM unnest(ARRAY[w.va_est, w.pv_est, w.ge_est, w.rq_est, w.rl_est, w.cc_est]) e) c
	WHERE c.n <> w.n_indicators
	   OR (w.mean_est IS NULL) <> (c.n = 0)
	   OR abs(w.mean_est - c.mean) > 0.00006;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'wgi_2023.csv: n_indicators or mean_est do not match the estimates for %', bad;
	END IF;
END
$$;

ANALYZE wgi.wgi_2023_raw, wgi.wgi_2023;

COMMIT;
