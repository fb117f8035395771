-------------------------------------------------------------------------------
-- Supply risk: governance-weighted concentration (EU method, CRMA Annex II
-- section 2; JRC 2017 guidelines), import reliance, criticality, USGS net
-- import reliance, and the official critical-material lists
-------------------------------------------------------------------------------

-- Scaled WGI: 2 x (2.5 - mean of the six WGI estimates), clamped to 0-10,
-- higher = worse governance: the scaling public implementations of the EU
-- method use (e.g. CritMAT); the 2017 guidelines' own text is not quoted
-- here (doc/methodology.md section 2.3).
CREATE FUNCTION wgi_scaled(mean_estimate double precision) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF mean_estimate = 'NaN' OR mean_estimate IN ('Infinity', '-Infinity') THEN
		RAISE EXCEPTION 'WGI estimate must be a finite number, not %', mean_estimate USING ERRCODE = '22023';
	END IF;
	RETURN least(greatest(2 * (2.5 - mean_estimate), 0), 10);
END $$;
COMMENT ON FUNCTION wgi_scaled(double precision) IS
	'Scaled WGI for the EU supply-risk method: 2 x (2.5 - mean of the six WGI estimates), clamped to 0-10, higher = worse governance (the scaling public EU-method implementations use)';

-- The governance-weighted HHI, sum of share^2 x WGI x t, from rows.
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision) IS
	'Transition function of hhi_wgi(producer, quantity, wgi): adds the row to a weighted mix (weight = wgi)';
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, text, double precision, double precision, double precision) IS
	'Transition function of hhi_wgi(producer, quantity, wgi, trade_factor): adds the row to a weighted mix (weight = wgi x trade factor)';

CREATE FUNCTION hhi_wgi(supply_mix) RETURNS double precision
	AS 'MODULE_PATHNAME', 'supply_mix_hhi_wgi' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_wgi(supply_mix) IS
	'Governance-weighted HHI of a weighted mix: sum of share^2 x weight, shares as fractions (0-1) of the complete total; the remainder adds nothing; NULL for a zero total';

CREATE AGGREGATE hhi_wgi(producer text, quantity double precision, wgi_scaled double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(text, double precision, double precision) IS
	'HHI_WGI = sum of s^2 x WGI (trade factor 1): shares (0-1) of the rows'' total; rows without a producer count in the total and add nothing; one WGI per producer, NULL WGI is an error';

CREATE AGGREGATE hhi_wgi(producer text, quantity double precision, wgi_scaled double precision,
		trade_factor double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(text, double precision, double precision, double precision) IS
	'HHI_WGI,t = sum of s^2 x WGI x t: shares (0-1) of the rows'' total; rows without a producer count in the total and add nothing; one weight per producer, NULL WGI or t is an error';

-- The same over a country_code column (keys are alpha-2 codes).
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision, double precision)
	RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_accum_weighted_country' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision) IS
	'Transition function of hhi_wgi(country, quantity, wgi): keys are alpha-2 codes';
COMMENT ON FUNCTION supply_mix_accum_weighted(supply_mix, country_code, double precision, double precision, double precision) IS
	'Transition function of hhi_wgi(country, quantity, wgi, trade_factor): keys are alpha-2 codes';

CREATE AGGREGATE hhi_wgi(producer country_code, quantity double precision, wgi_scaled double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(country_code, double precision, double precision) IS
	'HHI_WGI = sum of s^2 x WGI over a country_code column (trade factor 1); as hhi_wgi(text, ...)';

CREATE AGGREGATE hhi_wgi(producer country_code, quantity double precision, wgi_scaled double precision,
		trade_factor double precision) (
	SFUNC = supply_mix_accum_weighted,
	STYPE = supply_mix,
	FINALFUNC = hhi_wgi,
	COMBINEFUNC = supply_mix_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi_wgi(country_code, double precision, double precision, double precision) IS
	'HHI_WGI,t = sum of s^2 x WGI x t over a country_code column; as hhi_wgi(text, ...)';

-- A stored mix with the weights given as jsonb objects, for hhi_wgi(mix).
CREATE FUNCTION with_weights(mix supply_mix, wgi_scaled jsonb, trade_factors jsonb DEFAULT NULL,
		default_wgi double precision DEFAULT NULL) RETURNS supply_mix
	AS 'MODULE_PATHNAME', 'supply_mix_with_weights' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION with_weights(supply_mix, jsonb, jsonb, double precision) IS
	'The mix with a weight per producer, WGI x trade factor, from jsonb objects {"CN": 5.6, ...}: a producer without a WGI is an error unless default_wgi is given; trade factors default to 1';

-- EU import reliance, IR = (imports - exports) / (production + imports - exports).
-- A net exporter (exports > imports) relies on no imports: 0, whatever the
-- denominator.  Otherwise a denominator of 0 (nothing produced, imports
-- equal to exports) leaves no consumption to rely with: NULL.  Negative or
-- non-finite inputs are errors.
CREATE FUNCTION eu_import_reliance(production double precision, imports double precision,
		exports double precision) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	consumption double precision := production + imports - exports;
BEGIN
	IF least(production, imports, exports) < 0 OR 'Infinity' IN (production, imports, exports)
	   OR 'NaN' IN (production, imports, exports) THEN
		RAISE EXCEPTION 'production, imports and exports must be finite numbers of zero or more'
			USING ERRCODE = '22023';
	END IF;
	IF exports > imports THEN
		RETURN 0;
	ELSIF consumption <= 0 THEN
		RETURN NULL;
	END IF;
	RETURN (imports - exports) / consumption;
END $$;
COMMENT ON FUNCTION eu_import_reliance(double precision, double precision, double precision) IS
	'EU method import reliance (imports - exports) / (production + imports - exports), 0-1: 0 for a net exporter, NULL when nothing is produced and imports equal exports';

-- EU supply risk, SR = [HHI_GS x IR/2 + HHI_EU x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR.
-- One scope only (the other NULL): that scope alone, as public implementations
-- do ("GSonly", "EUonly"); IR is then not needed.
CREATE FUNCTION eu_supply_risk(hhi_wgi_global double precision, hhi_wgi_eu_sourcing double precision,
		import_reliance double precision, eol_rir double precision, si_sr double precision)
	RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	core double precision;
BEGIN
	IF hhi_wgi_global < 0 OR hhi_wgi_eu_sourcing < 0
	   OR 'Infinity' IN (hhi_wgi_global, hhi_wgi_eu_sourcing) OR 'NaN' IN (hhi_wgi_global, hhi_wgi_eu_sourcing) THEN
		RAISE EXCEPTION 'governance-weighted HHIs must be finite numbers of zero or more' USING ERRCODE = '22023';
	END IF;
	IF NOT (import_reliance BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'import reliance must be between 0 and 1, not %', import_reliance USING ERRCODE = '22023';
	END IF;
	IF NOT (eol_rir BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'end-of-life recycling input rate must be between 0 and 1, not %', eol_rir USING ERRCODE = '22023';
	END IF;
	IF NOT (si_sr BETWEEN 0 AND 1) THEN
		RAISE EXCEPTION 'substitution index must be between 0 and 1, not %', si_sr USING ERRCODE = '22023';
	END IF;
	IF eol_rir IS NULL OR si_sr IS NULL THEN
		RETURN NULL;
	ELSIF hhi_wgi_global IS NOT NULL AND hhi_wgi_eu_sourcing IS NOT NULL THEN
		core := hhi_wgi_global * import_reliance / 2 + hhi_wgi_eu_sourcing * (1 - import_reliance / 2);
	ELSE
		core := coalesce(hhi_wgi_global, hhi_wgi_eu_sourcing);
	END IF;
	RETURN core * (1 - eol_rir) * si_sr;
END $$;
COMMENT ON FUNCTION eu_supply_risk(double precision, double precision, double precision, double precision, double precision) IS
	'EU supply risk [HHI_GS x IR/2 + HHI_EU x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR; IR, EoL_RIR, SI_SR in 0-1 (else error); with one scope NULL, the other alone';

-- The material's published SR is the larger of the stage values.
CREATE FUNCTION eu_supply_risk_material(sr_extraction double precision, sr_processing double precision)
	RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF sr_extraction < 0 OR sr_processing < 0 OR 'Infinity' IN (sr_extraction, sr_processing)
	   OR 'NaN' IN (sr_extraction, sr_processing) THEN
		RAISE EXCEPTION 'supply risks must be finite numbers of zero or more' USING ERRCODE = '22023';
	END IF;
	RETURN greatest(sr_extraction, sr_processing);
END $$;
COMMENT ON FUNCTION eu_supply_risk_material(double precision, double precision) IS
	'A material''s supply risk: the larger of the extraction- and processing-stage values (the bottleneck), either may be NULL';

-- Criticality thresholds as data.
CREATE TABLE criticality_threshold (
	method                  text NOT NULL,
	supply_risk_min         double precision NOT NULL CHECK (supply_risk_min >= 0 AND supply_risk_min < 'Infinity'),
	economic_importance_min double precision NOT NULL
		CHECK (economic_importance_min >= 0 AND economic_importance_min < 'Infinity'),
	legal_reference         text NOT NULL,
	seeded                  boolean NOT NULL DEFAULT false,
	PRIMARY KEY (method, seeded)
);
COMMENT ON TABLE criticality_threshold IS
	'Thresholds of criticality (SR >= supply_risk_min and EI >= economic_importance_min); seeded with the CRMA''s. Readable by everyone; editors (granted INSERT, UPDATE, DELETE) edit or add rows: their rows take precedence and pg_dump keeps them';
COMMENT ON COLUMN criticality_threshold.method IS 'Name of the method, e.g. ''EU CRMA''';
COMMENT ON COLUMN criticality_threshold.supply_risk_min IS 'Lowest supply risk that is critical (inclusive)';
COMMENT ON COLUMN criticality_threshold.economic_importance_min IS 'Lowest economic importance that is critical (inclusive)';
COMMENT ON COLUMN criticality_threshold.legal_reference IS 'Where the thresholds come from';
COMMENT ON COLUMN criticality_threshold.seeded IS 'true for the rows the extension ships (read-only: an UPDATE makes your own row); false for yours';
INSERT INTO criticality_threshold VALUES
	('EU CRMA', 1.0, 2.8, 'Regulation (EU) 2024/1252, Art. 4(2): supply risk >= 1 and economic importance >= 2,8', true);
-- Readable by everyone, written by the owner and whom a DBA grants, seeded
-- rows by the owner only: as crma_benchmark (60_crma.sql).
GRANT SELECT ON criticality_threshold TO PUBLIC;
CREATE TRIGGER protect_seeded BEFORE UPDATE OR DELETE ON criticality_threshold
	FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION reference_row_protect('method');
COMMENT ON TRIGGER protect_seeded ON criticality_threshold IS
	'Shipped thresholds stay as shipped: an UPDATE writes the user''s own row for the same method, a DELETE is refused';
CREATE TRIGGER seeded_by_owner BEFORE INSERT OR UPDATE ON criticality_threshold
	FOR EACH ROW WHEN (NEW.seeded) EXECUTE FUNCTION reference_row_seeded_by_owner();
COMMENT ON TRIGGER seeded_by_owner ON criticality_threshold IS
	'Only the owner writes rows with seeded = true (the shipped thresholds)';
SELECT pg_catalog.pg_extension_config_dump('criticality_threshold', 'WHERE NOT seeded');

CREATE FUNCTION is_critical(supply_risk double precision, economic_importance double precision,
		method text DEFAULT 'EU CRMA') RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	t @extschema@.criticality_threshold;
BEGIN
	SELECT * INTO t FROM @extschema@.criticality_threshold c WHERE c.method = is_critical.method
	ORDER BY c.seeded LIMIT 1;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no criticality thresholds for method %', quote_literal(method)
			USING ERRCODE = '22023', HINT = 'Add a row to criticality_threshold.';
	END IF;
	IF supply_risk < 0 OR economic_importance < 0 OR 'Infinity' IN (supply_risk, economic_importance)
	   OR 'NaN' IN (supply_risk, economic_importance) THEN
		RAISE EXCEPTION 'supply risk and economic importance must be finite numbers of zero or more'
			USING ERRCODE = '22023';
	END IF;
	RETURN supply_risk >= t.supply_risk_min AND economic_importance >= t.economic_importance_min;
END $$;
COMMENT ON FUNCTION is_critical(double precision, double precision, text) IS
	'Critical when supply risk and economic importance reach the thresholds of criticality_threshold (EU CRMA: SR >= 1 and EI >= 2.8, both inclusive)';

-- USGS net import reliance, as a share of apparent consumption.
CREATE TYPE net_import_reliance AS (share double precision, net_exporter boolean, label text);
COMMENT ON TYPE net_import_reliance IS
	'USGS net import reliance: share of apparent consumption (NULL for a net exporter), net_exporter flag, and the label USGS tables print (a percentage, or E)';

-- stock_change is the change of government and industry stocks over the
-- year, positive when stocks grew: apparent consumption = production +
-- imports - exports - stock_change; net import reliance = (imports - exports
-- - stock_change) / apparent consumption.
CREATE FUNCTION usgs_net_import_reliance(production double precision, imports double precision,
		exports double precision, stock_change double precision DEFAULT 0) RETURNS net_import_reliance
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	net double precision := imports - exports - stock_change;
	consumption double precision := production + imports - exports - stock_change;
	result @extschema@.net_import_reliance;
BEGIN
	IF least(production, imports, exports) < 0
	   OR 'Infinity' IN (production, imports, exports, abs(stock_change)) OR 'NaN' IN (production, imports, exports, stock_change) THEN
		RAISE EXCEPTION 'production, imports and exports must be finite numbers of zero or more, stock change finite'
			USING ERRCODE = '22023';
	END IF;
	IF net < 0 THEN
		result := (NULL, true, 'E');
	ELSIF consumption > 0 THEN
		-- whole percents as USGS prints them, but never 0 % or 100 % for a share in between
		result := (net / consumption, false,
		           CASE WHEN net > 0 AND round((100 * net / consumption)::numeric) = 0 THEN '<1%'
		                WHEN net < consumption AND round((100 * net / consumption)::numeric) = 100 THEN '>99%'
		                ELSE round((100 * net / consumption)::numeric)::text || '%' END);
	ELSE
		result := (NULL, false, NULL);
	END IF;
	RETURN result;
END $$;
COMMENT ON FUNCTION usgs_net_import_reliance(double precision, double precision, double precision, double precision) IS
	'USGS net import reliance (imports - exports - stock change) / apparent consumption: share 0-1, or net_exporter with label E (never a negative percentage)';
