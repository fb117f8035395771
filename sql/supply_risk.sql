--
-- supply_risk: the EU supply-risk method (CRMA Annex II section 2; JRC 2017
-- guidelines) and the USGS and official-list helpers of issue 4:
-- wgi_scaled, the hhi_wgi aggregates and hhi_wgi(supply_mix), with_weights,
-- eu_import_reliance, eu_supply_risk, eu_supply_risk_material,
-- criticality_threshold and is_critical, usgs_net_import_reliance and
-- critical_material_list.
--
-- What is checked: every function on ordinary and edge inputs; the worked
-- example of doc/methodology.md 2.4 with every intermediate figure (SR = 3.528)
-- and the CritMAT convention of doc/methodology.md 2.5 (SR = 3.518); the
-- one-scope fallbacks; the thresholds as data; hand-computed USGS net import
-- reliance cases; the official lists; hhi_wgi on real data (USGS rare-earth
-- mine production 2024 with WGI 2023 weights) against the same sum computed
-- by hand in plain SQL from the loaded tables; forced-parallel plans giving
-- the serial results; and every error with its SQLSTATE.
--
-- Reference figures: the literals in sr_check.reference are the output of
--     python3 test/oracles/supply_risk_reference.py data
-- (Python 3.11.7), an implementation of the same formulas outside PostgreSQL
-- in exact rational arithmetic (fractions.Fraction, every input read from
-- its decimal text): WGI_scaled = 2 x (2.5 - mean) clamped to 0-10, share =
-- q / total of the scope (rows without a producer in the total),
-- HHI_WGI,t = sum s^2 x WGI_scaled x t, IR = (imports - exports) /
-- (production + imports - exports), SR = [HHI_GS x IR/2 + HHI_EU x
-- (1 - IR/2)] x (1 - EoL_RIR) x SI_SR, and the USGS net import reliance.
-- Every comparison with them is a relative difference <= 1e-9, shown as a
-- boolean; the figures themselves are shown rounded, for reading.
--

CREATE SCHEMA sr_check;

CREATE TABLE sr_check.reference (figure text PRIMARY KEY, value float8 NOT NULL);
INSERT INTO sr_check.reference (figure, value) VALUES
-- 1. worked example (doc/methodology.md 2.4)
('wgi_scaled CN', 5.6),
('wgi_scaled AU', 2.4),
('wgi_scaled MY', 4.4),
('wgi_scaled DE', 2.4),
('share gs CN', 0.9),
('share gs AU', 0.06),
('share gs MY', 0.04),
('share eu DE', 0.19047619047619047),
('share eu CN', 0.6666666666666666),
('share eu MY', 0.14285714285714285),
('hhi_gs', 5.00528),
('hhi_eu', 2.9146485260770976),
('ir', 0.8),
('core', 3.7509011156462586),
('sr', 3.5277224992653062),
-- 2. CritMAT convention (doc/doc/methodology.md 2.6): Germany at t = 0.8
('critmat hhi_eu', 2.897233560090703),
('critmat core', 3.740452136054422),
('critmat sr', 3.517895233959184),
('critmat sr from 5.0053 and 2.9146', 3.52770264),
-- 3. one scope only
('sr global only', 4.70746584),
('sr eu only', 2.7412269387755104),
-- 4. USGS net import reliance, hand-computed cases
('nir imports 100, exports 20, production 20', 0.8),
('nir stocks grew by 10', 0.7777777777777778),
('nir stocks drawn down by 10', 0.8181818181818182),
('nir no production', 1.0),
('nir imports = exports', 0.0),
-- 5. rare earths, mine production 2024 (MCS 2025), WGI 2023, t = 1
('rare earths 2024 hhi_wgi', 2.7280937621321963),
('rare earths 2024 total', 393950.0),
('rare earths 2024 producers', 12);

-- a and b agree to a relative difference of tol (default 1e-9)
CREATE FUNCTION sr_check.close(a float8, b float8, tol float8 DEFAULT 1e-9) RETURNS boolean
	LANGUAGE sql IMMUTABLE
	RETURN abs(a - b) <= tol * greatest(abs(a), abs(b));
CREATE FUNCTION sr_check.ref(name text) RETURNS float8
	LANGUAGE sql STABLE
	RETURN (SELECT value FROM sr_check.reference WHERE figure = name);
-- "SQLSTATE: message" of the error a statement raises ('no error' if none)
CREATE FUNCTION sr_check.error_of(query text) RETURNS text
	LANGUAGE plpgsql AS $$
DECLARE
	state text;
	message text;
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
	RETURN state || ': ' || message;
END
$$;

-------------------------------------------------------------------------------
-- 1. wgi_scaled: 2 x (2.5 - mean of the six WGI estimates), clamped to 0-10,
--    higher = worse governance.  This is the scaling public implementations
--    of the EU method use (CritMAT: mean = (mean - 2.5) * -2); it is not
--    quoted from the 2017 guidelines (doc/methodology.md 2.3).  The four WGI
--    means of the worked example (doc/methodology.md 2.4):
-------------------------------------------------------------------------------
SELECT country, wgi_mean, wgi_scaled(wgi_mean),
       sr_check.close(wgi_scaled(wgi_mean), sr_check.ref('wgi_scaled ' || country)) AS matches_reference
FROM (VALUES ('CN', -0.30), ('AU', 1.30), ('MY', 0.30), ('DE', 1.30)) AS v(country, wgi_mean);
-- the ends of the WGI range map to 10 and 0; beyond them the score is clamped
SELECT wgi_mean, wgi_scaled(wgi_mean)
FROM (VALUES (-2.5), (-2.6), (-10), (0), (2.5), (2.6), (10)) AS v(wgi_mean);
-- STRICT: no estimate, no score
SELECT wgi_scaled(NULL) IS NULL AS null_gives_null;

-------------------------------------------------------------------------------
-- 2. The aggregates hhi_wgi(producer, quantity, wgi_scaled[, trade_factor]):
--    HHI_WGI,t = sum of s^2 x WGI x t, shares s as fractions (0-1) of the
--    total of the aggregated rows; the three-argument form has t = 1.
--    The worked example's two scopes, global supply (GS) and EU sourcing:
-------------------------------------------------------------------------------
CREATE TABLE sr_check.example (scope text, country text, tonnes float8, wgi_mean float8, t float8);
INSERT INTO sr_check.example VALUES
	('global', 'CN', 90, -0.30, 1.1),
	('global', 'AU',  6,  1.30, 1.0),
	('global', 'MY',  4,  0.30, 1.0),
	('EU sourcing', 'DE', 20, 1.30, 1.0),   -- EU production
	('EU sourcing', 'CN', 70, -0.30, 1.1),  -- imports
	('EU sourcing', 'MY', 15, 0.30, 1.0);   -- imports
SELECT scope,
       round(hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t)::numeric, 6) AS hhi_wgi_t,
       round(hhi_wgi(country, tonnes, wgi_scaled(wgi_mean))::numeric, 6)    AS hhi_wgi_t1
FROM sr_check.example GROUP BY scope ORDER BY scope;
-- What the aggregate builds: a supply_mix with a weight per producer,
-- WGI x t (text form "producer": [quantity, weight]).  The transition
-- function called on its own shows it:
SELECT supply_mix_accum_weighted('{}', 'CN', 90, 5.6, 1.1) AS with_t,
       supply_mix_accum_weighted('{}', 'CN', 90, 5.6)      AS without_t;

-- Rows without a producer (NULL: "Other countries", unattributed supply)
-- count in the total and add nothing: their quantity is the mix's remainder,
-- which has no country and so no governance score (their WGI and t are not
-- read, may be NULL).  Like hhi()'s lower bound, it treats the remainder as
-- split infinitely fine.  100 t of "Other countries" next to the global
-- example halve every share, so the index falls to a quarter:
-- 0.45^2 x 6.16 + 0.03^2 x 2.4 + 0.02^2 x 4.4 = 5.00528 / 4 = 1.25132.
SELECT round(hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t)::numeric, 6) AS with_remainder
FROM (SELECT country, tonnes, wgi_mean, t FROM sr_check.example WHERE scope = 'global'
      UNION ALL SELECT NULL, 100, NULL, NULL) AS s;
-- only a remainder: no producer adds anything, 0; no rows, or a zero total:
-- shares are undefined, NULL
SELECT hhi_wgi(p, q, w) AS only_remainder FROM (VALUES (NULL::text, 5.0::float8, NULL::float8)) AS v(p, q, w);
SELECT hhi_wgi(p, q, w) IS NULL AS no_rows FROM (VALUES ('CN', 1.0::float8, 5.0::float8)) AS v(p, q, w) WHERE false;
SELECT hhi_wgi(p, q, w) IS NULL AS zero_total FROM (VALUES ('CN', 0.0::float8, 5.0::float8), ('AU', 0, 2)) AS v(p, q, w);
-- a NULL quantity is ignored, like in every aggregate of the extension
-- (the row's WGI is then not read either); a quantity of 0 adds nothing
SELECT hhi_wgi(p, q, w) AS null_and_zero_quantities
FROM (VALUES ('CN', 10.0::float8, 5.0::float8), ('AU', NULL, NULL), ('MY', 0, 4)) AS v(p, q, w);
-- a producer on several rows (e.g. several mines) adds up, with one weight
SELECT hhi_wgi(p, q, w) AS one_producer_two_rows
FROM (VALUES ('CN', 60.0::float8, 5.6::float8), ('CN', 30, 5.6), ('AU', 10, 2.4)) AS v(p, q, w);
-- two different weights for one producer are an ERROR, not a silent pick
SELECT hhi_wgi(p, q, w) FROM (VALUES ('CN', 60.0::float8, 5.6::float8), ('CN', 30, 5.5)) AS v(p, q, w);
-- a producer without a WGI (or t) is an ERROR; give a default explicitly
SELECT hhi_wgi(p, q, w) FROM (VALUES ('CN', 90.0::float8, 5.6::float8), ('NC', 10, NULL)) AS v(p, q, w);
SELECT round(hhi_wgi(p, q, coalesce(w, 10))::numeric, 4) AS missing_as_worst,
       round(hhi_wgi(p, q, coalesce(w, 0))::numeric, 4)  AS missing_as_unattributed
FROM (VALUES ('CN', 90.0::float8, 5.6::float8), ('NC', 10, NULL)) AS v(p, q, w);
-- one aggregate, several groups and a FILTER
SELECT round(hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t) FILTER (WHERE scope = 'global')::numeric, 4) AS gs,
       round(hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t) FILTER (WHERE scope <> 'global')::numeric, 4) AS eu
FROM sr_check.example;

-------------------------------------------------------------------------------
-- 3. hhi_wgi(supply_mix) on a stored mix with weights; the text form of
--    weights; what weights change and what they do not.
-------------------------------------------------------------------------------
SELECT '{"CN": [90, 6.16], "AU": [6, 2.4], "MY": [4, 4.4]}'::supply_mix AS weighted_mix,
       round(hhi_wgi('{"CN": [90, 6.16], "AU": [6, 2.4], "MY": [4, 4.4]}'::supply_mix)::numeric, 6) AS hhi_wgi;
-- the remainder (key "") carries no weight and adds nothing
SELECT round(hhi_wgi('{"CN": [90, 6.16], "AU": [6, 2.4], "MY": [4, 4.4], "": 100}')::numeric, 6) AS with_remainder,
       hhi_wgi('{"": 5}') AS only_remainder,
       hhi_wgi('{}') IS NULL AS empty_is_null,
       hhi_wgi('{"CN": [0, 5]}') IS NULL AS zero_total_is_null;
-- the text and jsonb forms read back to the same value; weights are part of
-- the value (=), the other measures ignore them
SELECT m::text::supply_mix = m AS text_round_trip,
       m::jsonb AS as_jsonb,
       m::jsonb::supply_mix = m AS jsonb_round_trip,
       m = '{"CN": [90, 6.16], "AU": [6, 2.5]}' AS equal_other_weight,
       hhi(m) = hhi('{"CN": 90, "AU": 6}') AS hhi_ignores_weights
FROM (SELECT '{"CN": [90, 6.16], "AU": [6, 2.4]}'::supply_mix AS m) AS s;
-- a mix without weights has no governance-weighted HHI
SELECT hhi_wgi('{"CN": 90, "AU": 6}');
-- rollups keep the weights; one producer with two weights cannot be merged
SELECT supply_mix_agg(m) AS rollup, round(hhi_wgi(supply_mix_agg(m))::numeric, 6) AS hhi_wgi
FROM (VALUES ('{"CN": [90, 6.16]}'::supply_mix), ('{"AU": [6, 2.4], "MY": [4, 4.4]}')) AS v(m);
SELECT '{"CN": [90, 6.16]}'::supply_mix + '{"CN": [10, 5.6]}';
-- scenario edits keep the weights of the producers they touch; a new
-- producer has no weight to take
SELECT adjust_producer('{"CN": [90, 6.16], "AU": [6, 2.4]}', 'CN', -30) AS adjusted,
       drop_producers('{"CN": [90, 6.16], "AU": [6, 2.4]}', ARRAY['CN']) AS dropped;
SELECT adjust_producer('{"CN": [90, 6.16], "AU": [6, 2.4]}', 'KZ', 15);

-------------------------------------------------------------------------------
-- 4. with_weights(mix, wgi_scaled jsonb, trade_factors jsonb, default_wgi):
--    weights for a stored mix from jsonb objects keyed like the mix.  A
--    producer missing from wgi_scaled is an ERROR unless default_wgi is
--    given; a producer missing from trade_factors has t = 1; keys of the
--    objects that are not producers of the mix are ignored; existing weights
--    are replaced; the remainder stays, without weight.
-------------------------------------------------------------------------------
SELECT with_weights('{"CN": 90, "AU": 6, "MY": 4}', '{"CN": 5.6, "AU": 2.4, "MY": 4.4}', '{"CN": 1.1}') AS gs,
       round(hhi_wgi(with_weights('{"CN": 90, "AU": 6, "MY": 4}',
                                  '{"CN": 5.6, "AU": 2.4, "MY": 4.4}', '{"CN": 1.1}'))::numeric, 6) AS hhi_wgi;
SELECT with_weights('{"CN": 90, "NC": 10, "": 5}', '{"CN": 5.6, "US": 2.0}');
SELECT with_weights('{"CN": 90, "NC": 10, "": 5}', '{"CN": 5.6, "US": 2.0}', default_wgi => 10) AS nc_default,
       with_weights('{"CN": [90, 1]}', '{"CN": 5.6}') AS replaced,
       with_weights('{}', '{}') AS empty,
       with_weights(NULL, '{}') IS NULL AND with_weights('{}', NULL) IS NULL AS null_gives_null;

-------------------------------------------------------------------------------
-- 5. eu_import_reliance(production, imports, exports) =
--    (imports - exports) / (production + imports - exports).
--    A net exporter (exports > imports) relies on no imports: 0, never a
--    negative share, whatever the denominator.  Nothing produced and imports
--    equal to exports leaves no consumption to rely on: NULL.
-------------------------------------------------------------------------------
SELECT case_name, eu_import_reliance(p, i, e) AS ir
FROM (VALUES ('worked example: EU production 20, imports 85, exports 5', 20.0::float8, 85.0::float8, 5.0::float8),
             ('no EU production', 0, 10, 0),
             ('no trade', 10, 0, 0),
             ('net exporter', 100, 5, 50),
             ('nothing', 0, 0, 0),
             ('all exported', 10, 0, 10),
             ('exports beyond production + imports', 5, 1, 10),
             ('a NULL input (STRICT)', NULL, 1, 1)) AS v(case_name, p, i, e);

-------------------------------------------------------------------------------
-- 6. eu_supply_risk(hhi_wgi_global, hhi_wgi_eu_sourcing, import_reliance,
--    eol_rir, si_sr) = [HHI_GS x IR/2 + HHI_EU x (1 - IR/2)] x (1 - EoL_RIR)
--    x SI_SR.  IR, EoL_RIR and SI_SR must be in 0-1, the HHIs finite and
--    >= 0 (else ERROR 22023, see section 13).  The bounds are accepted:
-------------------------------------------------------------------------------
SELECT eu_supply_risk(5, 3, 0, 0, 1) AS ir_0_eu_only_weight,
       eu_supply_risk(5, 3, 1, 0, 1) AS ir_1_half_each,
       eu_supply_risk(5, 3, 0.5, 1, 1) AS all_recycled,
       eu_supply_risk(5, 3, 0.5, 0, 0) AS si_0;
-- One scope only (the other NULL): that scope alone, as public
-- implementations do ("GSonly", "EUonly" in the CritMAT seed); IR is then not
-- needed and may be NULL (if given, it must still be in 0-1).  Neither scope,
-- or a NULL EoL_RIR, SI_SR, or IR with both scopes: NULL.
SELECT eu_supply_risk(5, NULL, NULL, 0, 1) AS global_only,
       eu_supply_risk(NULL, 3, NULL, 0, 1) AS eu_only,
       eu_supply_risk(5, NULL, 0.3, 0, 1)  AS global_only_ir_given,
       eu_supply_risk(NULL, NULL, 0.5, 0, 1) IS NULL AS no_scope,
       eu_supply_risk(5, 3, NULL, 0, 1) IS NULL AS both_scopes_no_ir,
       eu_supply_risk(5, 3, 0.5, NULL, 1) IS NULL AS no_eol_rir,
       eu_supply_risk(5, 3, 0.5, 0, NULL) IS NULL AS no_si;

-- eu_supply_risk_material(sr_extraction, sr_processing): the material's
-- published SR is the larger of the stage values (the bottleneck); a stage
-- without a value is skipped.  Pairs from the CritMAT 2023 seed
-- (doc/methodology.md 2.6): aluminium 1.2 (E) vs 0.5, lithium 0.8 vs 1.9 (P),
-- gallium processing only 3.9.
SELECT material, sr_e, sr_p, eu_supply_risk_material(sr_e, sr_p) AS sr
FROM (VALUES ('aluminium', 1.2::float8, 0.5::float8), ('lithium', 0.8, 1.9),
             ('gallium', NULL, 3.9), ('no data', NULL, NULL)) AS v(material, sr_e, sr_p);

-------------------------------------------------------------------------------
-- 7. The worked example of doc/methodology.md 2.4, every intermediate figure.
--    Illustrative inputs, not official data.  WGI means CN -0.30, AU 1.30,
--    MY 0.30, DE 1.30; global supply CN 90 t (t = 1.1), AU 6 t, MY 4 t; EU
--    sourcing DE 20 t (EU production), CN 70 t (t = 1.1) and MY 15 t
--    (imports); EU exports 5 t; EoL_RIR 0.01; SI_SR 0.95.
-------------------------------------------------------------------------------
-- per country and scope: share, scaled WGI, t and its term s^2 x WGI x t
SELECT scope, country, tonnes,
       round(share::numeric, 4) AS share,
       wgi_scaled(wgi_mean) AS wgi_scaled, t,
       round((share ^ 2 * wgi_scaled(wgi_mean) * t)::numeric, 6) AS term,
       sr_check.close(share, sr_check.ref('share ' || CASE scope WHEN 'global' THEN 'gs' ELSE 'eu' END
                                          || ' ' || country)) AS share_matches_reference
FROM (SELECT *, tonnes / sum(tonnes) OVER (PARTITION BY scope) AS share FROM sr_check.example) AS e
ORDER BY scope DESC, tonnes DESC;
-- HHI_GS = 0.81 x 5.6 x 1.1 + 0.0036 x 2.4 + 0.0016 x 4.4 = 5.0053
-- HHI_EU = 0.0363 x 2.4 + 0.4444 x 6.16 + 0.0204 x 4.4 = 2.9146
-- IR = (85 - 5) / (20 + 85 - 5) = 0.80
-- core = 5.0053 x 0.40 + 2.9146 x 0.60 = 3.7509 (eu_supply_risk with
--        EoL_RIR 0 and SI_SR 1)
-- SR = 3.7509 x (1 - 0.01) x 0.95 = 3.5277, i.e. 3.528 >= 1: passes the SR test
CREATE VIEW sr_check.worked_example AS
WITH h AS (
	SELECT hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t) FILTER (WHERE scope = 'global') AS hhi_gs,
	       hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t) FILTER (WHERE scope = 'EU sourcing') AS hhi_eu,
	       eu_import_reliance(20, 85, 5) AS ir
	FROM sr_check.example
)
SELECT f.ord, f.figure, f.value
FROM h CROSS JOIN LATERAL (VALUES
	(1, 'hhi_gs', h.hhi_gs),
	(2, 'hhi_eu', h.hhi_eu),
	(3, 'ir', h.ir),
	(4, 'core', eu_supply_risk(h.hhi_gs, h.hhi_eu, h.ir, 0, 1)),
	(5, 'sr', eu_supply_risk(h.hhi_gs, h.hhi_eu, h.ir, 0.01, 0.95))) AS f(ord, figure, value);
SELECT figure, round(value::numeric, 4) AS value, sr_check.close(value, sr_check.ref(figure)) AS matches_reference
FROM sr_check.worked_example ORDER BY ord;
SELECT round(value::numeric, 3) AS sr, value >= 1 AS passes_sr_test
FROM sr_check.worked_example WHERE figure = 'sr';

-- The same example with the conventions of CritMAT (doc/doc/methodology.md 2.6):
-- EU members at t = 0.8 (the trade-agreement factor) in both scopes.
-- Germany is the only EU member and is only in the EU-sourcing scope, so
-- HHI_GS stays 5.0053 and
-- HHI_EU = 0.0363 x 2.4 x 0.8 + 0.4444 x 6.16 + 0.0204 x 4.4 = 2.8972,
-- core = 5.0053 x 0.40 + 2.8972 x 0.60 = 3.7405, SR = 3.518.
WITH h AS (
	SELECT hhi_wgi(country, tonnes, wgi_scaled(wgi_mean), t) FILTER (WHERE scope = 'global') AS hhi_gs,
	       hhi_wgi(country, tonnes, wgi_scaled(wgi_mean),
	               CASE WHEN eu_member(country::country_code, '2024-12-31') THEN 0.8 ELSE t END)
	         FILTER (WHERE scope = 'EU sourcing') AS hhi_eu,
	       eu_import_reliance(20, 85, 5) AS ir
	FROM sr_check.example
)
SELECT f.figure, round(f.value::numeric, 4) AS value,
       sr_check.close(f.value, sr_check.ref(f.figure)) AS matches_reference
FROM h CROSS JOIN LATERAL (VALUES
	('hhi_gs', h.hhi_gs),
	('critmat hhi_eu', h.hhi_eu),
	('critmat core', eu_supply_risk(h.hhi_gs, h.hhi_eu, h.ir, 0, 1)),
	('critmat sr', eu_supply_risk(h.hhi_gs, h.hhi_eu, h.ir, 0.01, 0.95))) AS f(figure, value);
-- CritMAT rounds the HHIs to 4 decimals before SR; its run of this example
-- gives 3.52770264 (doc/doc/methodology.md 2.6), and so does eu_supply_risk on the
-- rounded HHIs:
SELECT eu_supply_risk(5.0053, 2.9146, 0.8, 0.01, 0.95) AS sr_from_rounded_hhis,
       sr_check.close(eu_supply_risk(5.0053, 2.9146, 0.8, 0.01, 0.95), 3.52770264) AS matches_critmat_run;

-- One scope only, on the worked example: the global or the EU-sourcing HHI
-- alone is the core.
SELECT s.figure, round(s.value::numeric, 4) AS value, sr_check.close(s.value, sr_check.ref(s.figure)) AS matches_reference
FROM (SELECT max(value) FILTER (WHERE figure = 'hhi_gs') AS hhi_gs,
             max(value) FILTER (WHERE figure = 'hhi_eu') AS hhi_eu
      FROM sr_check.worked_example) AS h
CROSS JOIN LATERAL (VALUES
	('sr global only', eu_supply_risk(h.hhi_gs, NULL, NULL, 0.01, 0.95)),
	('sr eu only', eu_supply_risk(NULL, h.hhi_eu, NULL, 0.01, 0.95))) AS s(figure, value);

-------------------------------------------------------------------------------
-- 8. Criticality: is_critical(supply_risk, economic_importance[, method])
--    reads its thresholds from criticality_threshold, a reference table
--    shipped with the CRMA's (Art. 4(2): SR >= 1 and EI >= 2.8, both
--    inclusive), editable by users and dumped by pg_dump (user rows only).
-------------------------------------------------------------------------------
SELECT method, supply_risk_min, economic_importance_min, legal_reference, seeded
FROM criticality_threshold ORDER BY method, seeded;
SELECT extcondition[array_position(extconfig, 'criticality_threshold'::regclass)] AS dumped_rows
FROM pg_extension WHERE extname = 'mineral_supply';
SELECT sr, ei, is_critical(sr, ei) AS critical
FROM (VALUES (1.0::float8, 2.8::float8), (0.99, 5.0), (5.0, 2.79), (3.528, 4.2), (NULL, 3.0), (3.0, NULL)) AS v(sr, ei);
-- An UPDATE of the shipped row writes the user's own row (seeded false),
-- which takes precedence; the shipped row stays as shipped.  Editing is an
-- editor's: this suite runs as an ordinary role, and mineral_supply_editor
-- has the grant README "Roles and privileges" tells a DBA to give
-- (test/prepare_db).
SET ROLE mineral_supply_editor;
UPDATE criticality_threshold SET supply_risk_min = 1.5, legal_reference = 'what-if: SR >= 1.5'
WHERE method = 'EU CRMA';
SELECT method, supply_risk_min, economic_importance_min, legal_reference, seeded
FROM criticality_threshold ORDER BY method, seeded;
SELECT is_critical(1.2, 3) AS sr_1_2_under_what_if, is_critical(1.5, 3) AS sr_1_5_under_what_if;
-- shipped rows cannot be deleted (a restore would bring them back)
DELETE FROM criticality_threshold WHERE seeded;
-- the user's row can: the shipped thresholds are in force again
DELETE FROM criticality_threshold WHERE NOT seeded AND method = 'EU CRMA';
SELECT is_critical(1.2, 3) AS sr_1_2_under_crma;
-- a method of one's own, by name
INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
VALUES ('internal screening', 2.0, 3.5, 'our own rule, 2025');
SELECT is_critical(2.0, 3.5, 'internal screening') AS at_thresholds,
       is_critical(1.9, 9.0, 'internal screening') AS sr_too_low,
       is_critical(2.0, 3.5) AS same_under_crma;
DELETE FROM criticality_threshold WHERE method = 'internal screening';
SET ROLE mineral_supply_analyst;
-- a method without thresholds is an ERROR (section 13)

-------------------------------------------------------------------------------
-- 9. usgs_net_import_reliance(production, imports, exports, stock_change):
--    (imports - exports - stock change) / apparent consumption, apparent
--    consumption = production + imports - exports - stock change, where the
--    stock change is positive when government and industry stocks grew.
--    Returns (share 0-1, net_exporter, label): a net exporter is reported as
--    such, share NULL and label 'E' as in USGS tables, never a negative
--    percentage; no apparent consumption: all NULL but net_exporter false.
--
--    Not tested against the published figures: the MCS 2025 net import
--    reliance chart (USGS MCS 2025, figure 2)
--    gives the result per commodity (e.g. rare earths 80, lithium ">50") but
--    not the production, trade and stock figures it is computed from, so the
--    cases below are computed by hand (and by the reference script).
-------------------------------------------------------------------------------
SELECT v.case_name, r.share, r.net_exporter, r.label,
       sr_check.close(r.share, sr_check.ref('nir ' || v.case_name)) AS matches_reference
FROM (VALUES ('imports 100, exports 20, production 20', 20.0::float8, 100.0::float8, 20.0::float8, 0.0::float8),
             ('stocks grew by 10', 20, 100, 20, 10),
             ('stocks drawn down by 10', 20, 100, 20, -10),
             ('no production', 0, 100, 0, 0),
             ('imports = exports', 10, 5, 5, 0),
             ('net exporter: exports 50 > imports 20', 100, 20, 50, 0),
             ('no apparent consumption', 0, 0, 0, 0)) AS v(case_name, p, i, e, s)
CROSS JOIN LATERAL usgs_net_import_reliance(v.p, v.i, v.e, v.s) AS r;
-- the stock change defaults to 0; STRICT: a NULL input gives a NULL result
SELECT (usgs_net_import_reliance(20, 100, 20)).label AS default_stock_change,
       usgs_net_import_reliance(20, NULL, 20) IS NULL AS null_gives_null;

-------------------------------------------------------------------------------
-- 10. critical_material_list: the official lists as data, each row with its
--     legal or official source and the grade or form the list gives.
-------------------------------------------------------------------------------
SELECT list, count(*) AS materials, count(grade_form) AS with_grade_or_form,
       count(DISTINCT source) AS sources, bool_and(source <> '') AS every_row_has_a_source
FROM critical_material_list GROUP BY list ORDER BY list;
-- the two EU lists name some materials at a grade or form
SELECT material,
       max(grade_form) FILTER (WHERE list = 'eu_crma_strategic') AS strategic_annex_i,
       max(grade_form) FILTER (WHERE list = 'eu_crma_critical') AS critical_annex_ii
FROM critical_material_list
WHERE list LIKE 'eu_crma_%' AND material IN (SELECT material FROM critical_material_list WHERE grade_form IS NOT NULL)
GROUP BY material ORDER BY material;
-- USGS 2025: the draft (54) dropped arsenic and tellurium, the final list (60) kept them
SELECT material, array_agg(list ORDER BY list) AS lists
FROM critical_material_list
WHERE list LIKE 'usgs_%' AND material IN ('arsenic', 'tellurium', 'boron', 'uranium', 'copper')
GROUP BY material ORDER BY material;
-- "Which of my materials are strategic?": a join with one's own data
CREATE TABLE sr_check.my_materials (material text, grade_form text);
INSERT INTO sr_check.my_materials VALUES
	('gallium', NULL), ('lithium', 'battery grade'), ('lithium', NULL), ('copper', NULL),
	('zinc', NULL), ('helium', NULL), ('sand', NULL);
SELECT m.material, m.grade_form,
       bool_or(l.list = 'eu_crma_strategic') IS TRUE AS eu_strategic,
       bool_or(l.list = 'eu_crma_critical') IS TRUE AS eu_critical,
       bool_or(l.list = 'usgs_2025_final') IS TRUE AS usgs_2025_final,
       string_agg(l.list, ', ' ORDER BY l.list) AS lists
FROM sr_check.my_materials AS m
-- an entry with a grade or form matches that grade only, one without any
LEFT JOIN critical_material_list AS l
       ON l.material = m.material AND (l.grade_form IS NULL OR l.grade_form = m.grade_form)
GROUP BY m.material, m.grade_form ORDER BY m.material, m.grade_form;

-------------------------------------------------------------------------------
-- 11. Real data: rare-earth mine production 2024 (USGS MCS 2025 edition,
--     data/usgs/world_production.csv, ISO alpha-2 codes) weighted with WGI
--     2023 (data/wgi/wgi_2023.csv), global scope, t = 1.  pg_regress runs
--     psql in the project root, so the loaders' default datadir "data"
--     works.  hhi_wgi is compared with the same sum computed by hand in plain
--     SQL from the loaded tables, sum over named producers of
--     (q / total)^2 x 2 x (2.5 - mean_est), and with the reference script,
--     which reads the two CSV files itself.
-------------------------------------------------------------------------------
\set ECHO none
\i demo/load_wgi.sql
\i demo/load_world_production.sql
\set ECHO all

-- What was loaded.  WGI: 214 economies; XK (Kosovo) and AN (Netherlands
-- Antilles) have no ISO 3166-1 code; AN has no estimates and 8 territories
-- have 4 or 5 of the six (mean_est is their mean); Namibia is "NA".
SELECT count(*) AS economies, count(iso2) AS iso_coded, count(mean_est) AS with_estimates,
       count(*) FILTER (WHERE n_indicators < 6) AS fewer_than_six,
       string_agg(iso2_as_published, ', ' ORDER BY iso2_as_published) FILTER (WHERE iso2 IS NULL) AS not_iso
FROM wgi.wgi_2023;
SELECT iso2, country, mean_est, wgi_scaled FROM wgi.wgi_2023 WHERE iso2 IN ('NA', 'CN', 'DE') ORDER BY iso2;
-- wgi_scaled is 2 x (2.5 - mean_est) for every economy: no 2023 mean lies
-- outside -2.5..2.5, so nothing is clamped
SELECT bool_and(wgi_scaled = 2 * (2.5 - mean_est)) AS unclamped_everywhere,
       round(min(wgi_scaled)::numeric, 4) AS best, round(max(wgi_scaled)::numeric, 4) AS worst
FROM wgi.wgi_2023;
-- world production: 2 735 rows of 4 editions; Namibia is "NA" (lithium)
SELECT edition, count(*) AS rows, count(iso2) AS countries,
       count(*) FILTER (WHERE row_kind = 'other countries') AS other_countries,
       count(*) FILTER (WHERE row_kind = 'world total') AS world_totals
FROM usgs.world_production GROUP BY edition ORDER BY edition;
SELECT edition, commodity, stage, year, country, iso2, quantity
FROM usgs.world_production WHERE iso2 = 'NA' ORDER BY edition, year, stage;
-- producers of the 2025 edition without a WGI value: only New Caledonia (a
-- French overseas collectivity; the WGI does not cover it)
SELECT p.iso2, p.country, string_agg(DISTINCT p.commodity, ', ') AS commodities
FROM usgs.world_production AS p LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.row_kind = 'country' AND w.wgi_scaled IS NULL
GROUP BY p.iso2, p.country;

-- The rare-earth rows: 12 countries and "Other countries" (the remainder);
-- the world total row is not a producer and is left out.
CREATE VIEW sr_check.rare_earths_2024 AS
SELECT p.country, p.iso2, p.row_kind, p.quantity, w.mean_est, w.wgi_scaled
FROM usgs.world_production AS p LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.commodity = 'rare earths' AND p.stage = 'mine' AND p.year = 2024
  AND p.row_kind <> 'world total';
SELECT country, iso2, quantity,
       round((quantity / sum(quantity) OVER ())::numeric, 6) AS share,
       mean_est, round((2 * (2.5 - mean_est))::numeric, 4) AS wgi_scaled_by_hand,
       round(((quantity / sum(quantity) OVER ()) ^ 2 * 2 * (2.5 - mean_est))::numeric, 6) AS term_by_hand
FROM sr_check.rare_earths_2024 ORDER BY quantity DESC, country;
SELECT sum(quantity) AS total, count(iso2) AS producers,
       sr_check.close(sum(quantity), sr_check.ref('rare earths 2024 total'))
         AND count(iso2) = sr_check.ref('rare earths 2024 producers') AS matches_reference
FROM sr_check.rare_earths_2024;
-- The check: the aggregate, the stored-mix form and the hand-computed sum.
-- The two SQL computations differ only in the order of float8 additions
-- (the extension's sums are compensated): 1e-12 relative.
CREATE VIEW sr_check.rare_earths_check AS
SELECT a.aggregate, m.stored_mix, h.by_hand
FROM (SELECT hhi_wgi(iso2::text, quantity, wgi_scaled) AS aggregate
      FROM sr_check.rare_earths_2024) AS a,
     (SELECT hhi_wgi(with_weights(supply_mix_agg(iso2, quantity),
                     (SELECT jsonb_object_agg(iso2, wgi_scaled) FROM wgi.wgi_2023
                      WHERE iso2 IS NOT NULL AND wgi_scaled IS NOT NULL))) AS stored_mix
      FROM sr_check.rare_earths_2024) AS m,
     (SELECT sum((quantity / total) ^ 2 * 2 * (2.5 - mean_est)) FILTER (WHERE iso2 IS NOT NULL) AS by_hand
      FROM (SELECT *, sum(quantity) OVER () AS total FROM sr_check.rare_earths_2024) AS t) AS h;
SELECT round(aggregate::numeric, 6) AS hhi_wgi,
       sr_check.close(aggregate, by_hand, 1e-12) AS equals_hand_computed,
       sr_check.close(stored_mix, by_hand, 1e-12) AS stored_mix_equals_hand_computed,
       sr_check.close(aggregate, sr_check.ref('rare earths 2024 hhi_wgi')) AS matches_reference,
       sr_check.close(by_hand, sr_check.ref('rare earths 2024 hhi_wgi')) AS hand_matches_reference
FROM sr_check.rare_earths_check;
-- A producer without a WGI value is an ERROR until a default is chosen:
-- New Caledonia in nickel (stated default: worst score 10, or as if it were
-- unattributed, WGI 0).
SELECT hhi_wgi(p.iso2::text, p.quantity, w.wgi_scaled)
FROM usgs.world_production AS p LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.commodity = 'nickel' AND p.stage = 'mine' AND p.year = 2024
  AND p.row_kind <> 'world total';
SELECT round(hhi_wgi(p.iso2::text, p.quantity, coalesce(w.wgi_scaled, 10))::numeric, 4) AS nc_worst,
       round(hhi_wgi(p.iso2::text, p.quantity, coalesce(w.wgi_scaled, 0))::numeric, 4) AS nc_as_unattributed
FROM usgs.world_production AS p LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.commodity = 'nickel' AND p.stage = 'mine' AND p.year = 2024
  AND p.row_kind <> 'world total';

-------------------------------------------------------------------------------
-- 12. Forced parallel plans give the serial results.  A table of 100 000
--     rows in 7 groups: 53 producers, each with one WGI and one t, every
--     11th row without a producer; whole-number quantities, so the mixes
--     are identical bit for bit whatever the order of the rows, and so is
--     hhi_wgi.  With the costs at zero, parallel_workers = 2 on the tables
--     and the leader not participating, the workers build partial states
--     and the leader combines them (supply_mix_combine).  The plan is read
--     from EXPLAIN (ANALYZE, FORMAT JSON): a Gather, a partial Aggregate,
--     launched workers.
-------------------------------------------------------------------------------
CREATE TABLE sr_check.rows (grp int, producer text, quantity float8, wgi float8, t float8)
	WITH (parallel_workers = 2);
INSERT INTO sr_check.rows
SELECT g % 7,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 'P' || g % 53 END,
       1 + g % 997,
       CASE WHEN g % 11 = 0 THEN NULL ELSE (g % 53) * 0.17 END,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 1 + (g % 53 % 5) / 10.0 END
FROM generate_series(1, 100000) AS g;
ANALYZE sr_check.rows;
-- and the real data: every series of the MCS 2025 edition for 2024 with its
-- WGI 2023 weights (New Caledonia, without a WGI value, at the worst score 10)
CREATE TABLE sr_check.production_2024 WITH (parallel_workers = 2) AS
SELECT p.commodity, p.stage, p.iso2::text AS producer, p.quantity, coalesce(w.wgi_scaled, 10) AS wgi
FROM usgs.world_production AS p LEFT JOIN wgi.wgi_2023 AS w ON w.iso2 = p.iso2
WHERE p.edition = 2025 AND p.year = 2024 AND p.stage <> 'reserves' AND p.row_kind <> 'world total';
ANALYZE sr_check.production_2024;

CREATE FUNCTION sr_check.parallel_plan(query text,
		OUT gather boolean, OUT partial_aggregate boolean, OUT workers_launched boolean)
	LANGUAGE plpgsql AS $$
DECLARE
	plan jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || query INTO plan;
	gather := jsonb_path_exists(plan, 'strict $.**."Node Type" ? (@ == "Gather" || @ == "Gather Merge")');
	partial_aggregate := jsonb_path_exists(plan,
		'strict $.** ? (@."Node Type" == "Aggregate" && @."Partial Mode" == "Partial")');
	workers_launched := jsonb_path_exists(plan, 'strict $.**."Workers Launched" ? (@ > 0)');
END
$$;

-- serial
SET max_parallel_workers_per_gather = 0;
SELECT * FROM sr_check.parallel_plan('SELECT grp, hhi_wgi(producer, quantity, wgi, t) FROM sr_check.rows GROUP BY grp');
CREATE TABLE sr_check.serial AS
SELECT grp, hhi_wgi(producer, quantity, wgi, t) AS h4, hhi_wgi(producer, quantity, wgi) AS h3
FROM sr_check.rows GROUP BY grp;
CREATE TABLE sr_check.serial_all AS
SELECT hhi_wgi(producer, quantity, wgi, t) AS h4, hhi_wgi(producer, quantity, wgi) AS h3 FROM sr_check.rows;
CREATE TABLE sr_check.serial_production AS
SELECT commodity, stage, hhi_wgi(producer, quantity, wgi) AS h FROM sr_check.production_2024 GROUP BY 1, 2;

-- forced parallel
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT * FROM sr_check.parallel_plan('SELECT grp, hhi_wgi(producer, quantity, wgi, t) FROM sr_check.rows GROUP BY grp');
SELECT * FROM sr_check.parallel_plan('SELECT hhi_wgi(producer, quantity, wgi) FROM sr_check.rows');
SELECT * FROM sr_check.parallel_plan(
	'SELECT commodity, stage, hhi_wgi(producer, quantity, wgi) FROM sr_check.production_2024 GROUP BY 1, 2');
SELECT count(*) AS groups,
       bool_and(p.h4 = s.h4) AS four_args_equal,
       bool_and(p.h3 = s.h3) AS three_args_equal
FROM sr_check.serial AS s
JOIN (SELECT grp, hhi_wgi(producer, quantity, wgi, t) AS h4, hhi_wgi(producer, quantity, wgi) AS h3
      FROM sr_check.rows GROUP BY grp) AS p USING (grp);
SELECT p.h4 = s.h4 AS four_args_equal, p.h3 = s.h3 AS three_args_equal
FROM sr_check.serial_all AS s,
     (SELECT hhi_wgi(producer, quantity, wgi, t) AS h4, hhi_wgi(producer, quantity, wgi) AS h3
      FROM sr_check.rows) AS p;
SELECT count(*) AS series, bool_and(p.h IS NOT DISTINCT FROM s.h) AS all_equal,
       bool_and(sr_check.close(p.h, sr_check.ref('rare earths 2024 hhi_wgi')))
         FILTER (WHERE commodity = 'rare earths') AS rare_earths_match_reference
FROM sr_check.serial_production AS s
JOIN (SELECT commodity, stage, hhi_wgi(producer, quantity, wgi) AS h
      FROM sr_check.production_2024 GROUP BY 1, 2) AS p USING (commodity, stage);
-- sorted partial aggregates (Gather Merge, GroupAggregate)
SET enable_hashagg = off;
SELECT * FROM sr_check.parallel_plan('SELECT grp, hhi_wgi(producer, quantity, wgi, t) FROM sr_check.rows GROUP BY grp');
SELECT bool_and(p.h4 = s.h4 AND p.h3 = s.h3) AS equal
FROM sr_check.serial AS s
JOIN (SELECT grp, hhi_wgi(producer, quantity, wgi, t) AS h4, hhi_wgi(producer, quantity, wgi) AS h3
      FROM sr_check.rows GROUP BY grp) AS p USING (grp);
RESET enable_hashagg;
-- a producer with two weights in different workers' rows is the same ERROR
-- (found when the leader combines the partial states, or in a worker)
UPDATE sr_check.rows SET wgi = 9.99 WHERE producer = 'P1' AND quantity > 900;
SELECT sr_check.error_of('SELECT grp, hhi_wgi(producer, quantity, wgi, t) FROM sr_check.rows GROUP BY grp')
       AS parallel_two_weights;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-------------------------------------------------------------------------------
-- 13. Every error, with its SQLSTATE (22023 invalid parameter, 22004 a NULL
--     where a value is needed, 22P02 malformed text, 22003 out of range;
--     55000 and 23514 from the reference table).  Messages longer than 100
--     characters are cut here, for the width of this file.  The list runs as
--     the editor, so that the cases that write the reference table reach its
--     checks (an ordinary role gets 42501 there: sql/privileges.sql); the
--     analyst who made sr_check lets the editor use it.
-------------------------------------------------------------------------------
GRANT USAGE ON SCHEMA sr_check TO mineral_supply_editor;
SET ROLE mineral_supply_editor;
SELECT description,
       CASE WHEN length(e) > 100 THEN left(e, 100) || '...' ELSE e END AS error
FROM (SELECT ord, description, sr_check.error_of(statement) AS e FROM (VALUES
	(1, 'wgi_scaled(NaN)', $$SELECT wgi_scaled('NaN')$$),
	(2, 'wgi_scaled(Infinity)', $$SELECT wgi_scaled('Infinity')$$),
	(3, 'wgi_scaled(-Infinity)', $$SELECT wgi_scaled('-Infinity')$$),
	(4, 'hhi_wgi: NULL WGI', $$SELECT hhi_wgi('CN', 1, NULL)$$),
	(5, 'hhi_wgi: NULL trade factor', $$SELECT hhi_wgi('CN', 1, 5, NULL)$$),
	(6, 'hhi_wgi: negative WGI', $$SELECT hhi_wgi('CN', 1, -0.1)$$),
	(7, 'hhi_wgi: NaN WGI', $$SELECT hhi_wgi('CN', 1, 'NaN')$$),
	(8, 'hhi_wgi: infinite trade factor', $$SELECT hhi_wgi('CN', 1, 5, 'Infinity')$$),
	(9, 'hhi_wgi: negative trade factor', $$SELECT hhi_wgi('CN', 1, 5, -1)$$),
	(10, 'hhi_wgi: negative quantity', $$SELECT hhi_wgi('CN', -1, 5)$$),
	(11, 'hhi_wgi: infinite quantity', $$SELECT hhi_wgi('CN', 'Infinity', 5)$$),
	(12, 'hhi_wgi: empty producer name', $$SELECT hhi_wgi('', 1, 5)$$),
	(13, 'hhi_wgi: two weights for a producer',
	     $$SELECT hhi_wgi(p, 1, w) FROM (VALUES ('CN', 5.6), ('CN', 5.5)) v(p, w)$$),
	(14, 'hhi_wgi(mix) without weights', $$SELECT hhi_wgi('{"CN": 1}'::supply_mix)$$),
	(15, 'text input: weighted and unweighted producers', $$SELECT '{"CN": [1, 5], "AU": 2}'::supply_mix$$),
	(16, 'text input: negative weight', $$SELECT '{"CN": [1, -5]}'::supply_mix$$),
	(17, 'text input: two weights for a producer', $$SELECT '{"CN": [1, 5], "CN": [2, 6]}'::supply_mix$$),
	(18, 'text input: a weight on the remainder', $$SELECT '{"": [1, 5]}'::supply_mix$$),
	(19, 'merge: two weights for a producer', $$SELECT '{"CN": [1, 5]}'::supply_mix + '{"CN": [1, 6]}'$$),
	(20, 'merge: weighted and unweighted', $$SELECT '{"CN": [1, 5]}'::supply_mix + '{"AU": 1}'$$),
	(21, 'with_weights: producer without WGI', $$SELECT with_weights('{"CN": 1, "NC": 1}', '{"CN": 5}')$$),
	(22, 'with_weights: WGI not an object', $$SELECT with_weights('{"CN": 1}', '[5]')$$),
	(23, 'with_weights: trade factors not an object', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '1.1')$$),
	(24, 'with_weights: WGI not a number', $$SELECT with_weights('{"CN": 1}', '{"CN": "5.6"}')$$),
	(25, 'with_weights: WGI null', $$SELECT with_weights('{"CN": 1}', '{"CN": null}')$$),
	(26, 'with_weights: trade factor not a number', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '{"CN": true}')$$),
	(27, 'with_weights: negative WGI', $$SELECT with_weights('{"CN": 1}', '{"CN": -5}')$$),
	(28, 'with_weights: negative trade factor', $$SELECT with_weights('{"CN": 1}', '{"CN": 5}', '{"CN": -1}')$$),
	(29, 'with_weights: NaN default', $$SELECT with_weights('{"CN": 1}', '{}', NULL, 'NaN')$$),
	(30, 'with_weights: WGI beyond float8', $$SELECT with_weights('{"CN": 1}', '{"CN": 1e400}')$$),
	(31, 'eu_import_reliance: negative production', $$SELECT eu_import_reliance(-1, 1, 1)$$),
	(32, 'eu_import_reliance: infinite imports', $$SELECT eu_import_reliance(1, 'Infinity', 1)$$),
	(33, 'eu_import_reliance: NaN exports', $$SELECT eu_import_reliance(1, 1, 'NaN')$$),
	(34, 'eu_supply_risk: IR above 1', $$SELECT eu_supply_risk(5, 3, 1.1, 0, 1)$$),
	(35, 'eu_supply_risk: IR below 0', $$SELECT eu_supply_risk(5, 3, -0.1, 0, 1)$$),
	(36, 'eu_supply_risk: IR NaN', $$SELECT eu_supply_risk(5, 3, 'NaN', 0, 1)$$),
	(37, 'eu_supply_risk: IR out of range, one scope', $$SELECT eu_supply_risk(5, NULL, 2, 0, 1)$$),
	(38, 'eu_supply_risk: EoL_RIR above 1', $$SELECT eu_supply_risk(5, 3, 0.5, 1.5, 1)$$),
	(39, 'eu_supply_risk: EoL_RIR below 0', $$SELECT eu_supply_risk(5, 3, 0.5, -0.01, 1)$$),
	(40, 'eu_supply_risk: SI_SR above 1', $$SELECT eu_supply_risk(5, 3, 0.5, 0, 1.01)$$),
	(41, 'eu_supply_risk: SI_SR below 0', $$SELECT eu_supply_risk(5, 3, 0.5, 0, -1)$$),
	(42, 'eu_supply_risk: negative HHI', $$SELECT eu_supply_risk(-5, 3, 0.5, 0, 1)$$),
	(43, 'eu_supply_risk: infinite HHI', $$SELECT eu_supply_risk(5, 'Infinity', 0.5, 0, 1)$$),
	(44, 'eu_supply_risk: NaN HHI', $$SELECT eu_supply_risk('NaN', 3, 0.5, 0, 1)$$),
	(45, 'is_critical: unknown method', $$SELECT is_critical(2, 3, 'no such method')$$),
	(46, 'is_critical: NULL method', $$SELECT is_critical(2, 3, NULL)$$),
	(47, 'criticality_threshold: negative threshold',
	     $$INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
	       VALUES ('x', -1, 2.8, 'x')$$),
	(48, 'criticality_threshold: delete a shipped row', $$DELETE FROM criticality_threshold WHERE seeded$$),
	(49, 'usgs_net_import_reliance: negative production', $$SELECT usgs_net_import_reliance(-1, 1, 0)$$),
	(50, 'usgs_net_import_reliance: negative imports', $$SELECT usgs_net_import_reliance(1, -1, 0)$$),
	(51, 'usgs_net_import_reliance: infinite stock change', $$SELECT usgs_net_import_reliance(1, 1, 0, '-Infinity')$$),
	(52, 'usgs_net_import_reliance: NaN exports', $$SELECT usgs_net_import_reliance(1, 1, 'NaN')$$)
) AS v(ord, description, statement)) AS x
ORDER BY ord;
SET ROLE mineral_supply_analyst;
-- the criticality thresholds are as shipped again
SELECT count(*) = 1 AND bool_and(seeded) AS thresholds_as_shipped FROM criticality_threshold;

SET client_min_messages = warning;
DROP SCHEMA sr_check CASCADE;
DROP SCHEMA wgi CASCADE;
DROP TABLE usgs.world_production, usgs.world_production_raw;
-- schema usgs stays when another test loaded it (demo/load_usgs.sql)
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_class WHERE relnamespace = 'usgs'::regnamespace)
	   AND NOT EXISTS (SELECT FROM pg_proc WHERE pronamespace = 'usgs'::regnamespace) THEN
		DROP SCHEMA usgs;
	END IF;
END
$$;
RESET client_min_messages;

-------------------------------------------------------------------------------
-- Checks added with the review of the supply-risk functions.
-------------------------------------------------------------------------------
-- hhi_wgi over a country_code column equals the text form.
SELECT hhi_wgi(c::country_code, q, w, t) = hhi_wgi(c, q, w, t) AS country_form_equal,
       round(hhi_wgi(c::country_code, q, w, t)::numeric, 4) AS hhi_gs
FROM (VALUES ('CN', 90.0, 5.6, 1.1), ('AU', 6.0, 2.4, 1.0), ('MY', 4.0, 4.4, 1.0)) AS v(c, q, w, t);
-- a weight given on a row without producer or quantity is still checked
SELECT hhi_wgi(NULL, 5.0, -1.0);
SELECT hhi_wgi('AU', NULL, -1.0);
-- ... but a missing one there is not needed
SELECT hhi_wgi(p, q, w) FROM (VALUES ('CN', 1.0, 5.0), (NULL, 1.0, NULL), ('AU', NULL, NULL)) AS v(p, q, w);
-- is_critical and eu_supply_risk_material refuse what is not a finite number >= 0
SELECT is_critical('NaN', 3);
SELECT is_critical(-1, 3);
SELECT eu_supply_risk_material('Infinity', 2);
SELECT eu_supply_risk_material(-1, 2);
-- net import reliance labels never say 0 % or 100 % for a share in between
SELECT (usgs_net_import_reliance(1, 199, 0)).*;
SELECT (usgs_net_import_reliance(1000, 1, 0)).*;
-- thresholds must be finite (as the editor: an ordinary role may not write them)
SET ROLE mineral_supply_editor;
INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
VALUES ('nan', 'NaN', 1, 'test');
INSERT INTO criticality_threshold (method, supply_risk_min, economic_importance_min, legal_reference)
VALUES ('inf', 1, 'Infinity', 'test');
SET ROLE mineral_supply_analyst;
