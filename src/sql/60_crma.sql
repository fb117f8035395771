-------------------------------------------------------------------------------
-- CRMA benchmarks (Regulation (EU) 2024/1252, Art. 5(1)) as data
-------------------------------------------------------------------------------

CREATE TABLE crma_benchmark (
	benchmark       text NOT NULL CHECK (benchmark IN ('extraction', 'processing', 'recycling', 'third country')),
	bound           text NOT NULL CHECK (bound IN ('at least', 'at most')),
	share           double precision NOT NULL CHECK (share >= 0 AND share <= 1),
	target_year     integer NOT NULL,
	legal_reference text NOT NULL,
	note            text,
	seeded          boolean NOT NULL DEFAULT false,
	PRIMARY KEY (benchmark, target_year, seeded)
);
COMMENT ON TABLE crma_benchmark IS
	'CRMA benchmarks as shares of EU annual consumption; seeded with Art. 5(1) for 2030. Readable by everyone; editors (granted INSERT, UPDATE, DELETE) edit or add rows (a 2035 what-if): their rows take precedence over the seeded ones and pg_dump keeps them';
COMMENT ON COLUMN crma_benchmark.benchmark IS 'extraction, processing or recycling capacity; or the largest single third country';
COMMENT ON COLUMN crma_benchmark.bound IS '"at least" for the capacity benchmarks, "at most" for the third-country limit';
COMMENT ON COLUMN crma_benchmark.share IS 'Share of EU annual consumption, 0-1';
COMMENT ON COLUMN crma_benchmark.target_year IS 'The year the benchmark is for';
COMMENT ON COLUMN crma_benchmark.legal_reference IS 'Where the benchmark comes from';
COMMENT ON COLUMN crma_benchmark.note IS 'What the text says beyond the number';
COMMENT ON COLUMN crma_benchmark.seeded IS 'true for the rows the extension ships (read-only: an UPDATE makes your own row); false for yours';
-- Reading the reference tables is for everyone who can use the extension
-- (the CRMA and criticality functions run as their caller and read them);
-- writing is the owner's, who ran CREATE EXTENSION, and whoever a DBA
-- grants INSERT, UPDATE, DELETE (README "Roles and privileges").
GRANT SELECT ON crma_benchmark TO PUBLIC;

INSERT INTO crma_benchmark (benchmark, bound, share, target_year, legal_reference, note, seeded) VALUES
	('extraction', 'at least', 0.10, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(i)',
	 'Union extraction capacity, to the extent possible in light of the Union''s reserves; capacity, approached or reached overall', true),
	('processing', 'at least', 0.40, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(ii)',
	 'Union processing capacity including all intermediate processing steps; capacity, approached or reached overall', true),
	('recycling', 'at least', 0.25, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(a)(iii)',
	 'Union recycling capacity including all intermediate recycling steps; capacity, approached or reached overall', true),
	('third country', 'at most', 0.65, 2030, 'Regulation (EU) 2024/1252, Art. 5(1)(b)',
	 'No third country accounts for more than 65 % of the Union''s annual consumption of a strategic raw material at any relevant stage of processing', true);

-- Reference tables (crma_benchmark, criticality_threshold) ship seeded rows
-- and take the user's own: pg_dump dumps only the user's rows (the seeded
-- ones come back with CREATE EXTENSION).  So seeded rows stay as shipped:
-- an UPDATE of one writes the user's own row for the same key instead
-- (the trigger's arguments name the key columns), which takes precedence;
-- deleting one is refused.
CREATE FUNCTION reference_row_protect() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	same_key text;
BEGIN
	IF TG_OP = 'DELETE' THEN
		RAISE EXCEPTION 'the rows shipped with mineral_supply in %.% cannot be deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
			USING ERRCODE = '55000',
			      HINT = 'Insert or update a row with the same key: your row takes precedence.';
	END IF;
	SELECT string_agg(format('%I = ($1).%I', k, k), ' AND ') INTO same_key FROM unnest(TG_ARGV) k;
	EXECUTE format('DELETE FROM %I.%I WHERE NOT seeded AND %s', TG_TABLE_SCHEMA, TG_TABLE_NAME, same_key)
		USING NEW;
	NEW.seeded := false;
	EXECUTE format('INSERT INTO %I.%I SELECT ($1).*', TG_TABLE_SCHEMA, TG_TABLE_NAME) USING NEW;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION reference_row_protect() IS
	'Trigger of the reference tables: an UPDATE of a shipped row writes a user row with the same key instead; a DELETE of one is refused';
CREATE TRIGGER protect_seeded BEFORE UPDATE OR DELETE ON crma_benchmark
	FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION reference_row_protect('benchmark', 'target_year');
COMMENT ON TRIGGER protect_seeded ON crma_benchmark IS
	'Shipped benchmarks stay as shipped: an UPDATE writes the user''s own row for the same benchmark and year, a DELETE is refused';

-- Seeded rows are the owner's: a granted editor writes user rows only.  A
-- row with seeded = true from anyone else (an INSERT, or an UPDATE that sets
-- seeded) is refused, so no one can pass their own figure off as the
-- shipped one (and pg_dump, which leaves seeded rows out, cannot lose it).
-- The extension script runs as the owner, and superusers are members of
-- every role.  An UPDATE of a shipped row never gets here: protect_seeded
-- fires first (triggers fire in name order) and writes the user's row, with
-- seeded = false, instead.
CREATE FUNCTION reference_row_seeded_by_owner() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	owner oid;
BEGIN
	SELECT c.relowner INTO owner FROM pg_class c WHERE c.oid = TG_RELID;
	IF NOT pg_has_role(current_user, owner, 'MEMBER') THEN
		RAISE EXCEPTION 'only the owner of %.% can write rows with seeded = true', TG_TABLE_SCHEMA, TG_TABLE_NAME
			USING ERRCODE = '42501',
			      DETAIL = 'Seeded rows are the ones mineral_supply ships.',
			      HINT = 'Write your own row, with seeded = false (the default): it takes precedence over the seeded one.';
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION reference_row_seeded_by_owner() IS
	'Trigger of the reference tables: only the table owner (a member of the owner role; superusers are) may write a row with seeded = true';
CREATE TRIGGER seeded_by_owner BEFORE INSERT OR UPDATE ON crma_benchmark
	FOR EACH ROW WHEN (NEW.seeded) EXECUTE FUNCTION reference_row_seeded_by_owner();
COMMENT ON TRIGGER seeded_by_owner ON crma_benchmark IS
	'Only the owner writes rows with seeded = true (the shipped benchmarks)';

SELECT pg_catalog.pg_extension_config_dump('crma_benchmark', 'WHERE NOT seeded');

-- The benchmark in force: a user row over the seeded one.  The path is
-- pinned, so that an operator (=) of a caller's schema ahead of pg_catalog
-- on the caller's search_path cannot stand in for the built-in one.
CREATE FUNCTION crma_benchmark_share(benchmark text, target_year integer,
		OUT share double precision, OUT legal_reference text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
	SELECT b.share, b.legal_reference
	FROM @extschema@.crma_benchmark b
	WHERE b.benchmark = $1 AND b.target_year = $2
	ORDER BY b.seeded
	LIMIT 1
$$;
COMMENT ON FUNCTION crma_benchmark_share(text, integer) IS
	'The share and legal reference of a benchmark for a target year, a user row taking precedence over the seeded one (NULLs when none)';

-- Capacity benchmarks: is EU capacity at least share x consumption?
-- Consumption NULL or <= 0: no share can be formed, the results are NULL
-- (benchmark_share and legal_reference still say what applies).
CREATE FUNCTION crma_capacity_gap(stage text, consumption_t double precision, capacity_t double precision,
		target_year integer DEFAULT 2030,
		OUT benchmark_share double precision, OUT achieved_share double precision,
		OUT required_t double precision, OUT gap_t double precision, OUT met boolean,
		OUT legal_reference text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF stage IS NULL OR stage NOT IN ('extraction', 'processing', 'recycling') THEN
		RAISE EXCEPTION 'stage must be extraction, processing or recycling, not %', coalesce(quote_literal(stage), 'NULL')
			USING ERRCODE = '22023';
	END IF;
	IF capacity_t < 0 OR capacity_t = 'Infinity' OR capacity_t = 'NaN'
	   OR consumption_t = 'Infinity' OR consumption_t = 'NaN' THEN
		RAISE EXCEPTION 'capacity and consumption must be finite, capacity not negative'
			USING ERRCODE = '22023';
	END IF;
	SELECT b.share, b.legal_reference INTO benchmark_share, legal_reference
	FROM @extschema@.crma_benchmark_share(stage, target_year) b;
	IF benchmark_share IS NULL THEN
		RAISE EXCEPTION 'no % benchmark for % in crma_benchmark', stage, target_year
			USING ERRCODE = '22023', HINT = 'Add a row to crma_benchmark for that target year.';
	END IF;
	IF consumption_t > 0 AND capacity_t IS NOT NULL THEN
		achieved_share := capacity_t / consumption_t;
		required_t := benchmark_share * consumption_t;
		gap_t := greatest(required_t - capacity_t, 0);
		met := capacity_t >= required_t;
	END IF;
END $$;
COMMENT ON FUNCTION crma_capacity_gap(text, double precision, double precision, integer) IS
	'CRMA capacity benchmark of one stage: benchmark share, capacity / consumption, tonnes required, tonnes of capacity to add (0 when met), met; NULLs when consumption is NULL or not positive';

-- The 65 % rule: the largest third country's share of EU consumption.
CREATE FUNCTION crma_third_country_gap(sourcing supply_mix, consumption_t double precision, on_date date,
		target_year integer DEFAULT 2030,
		OUT country country_code, OUT quantity_t double precision, OUT share_of_consumption double precision,
		OUT limit_share double precision, OUT excess_t double precision, OUT met boolean,
		OUT unattributed_t double precision, OUT legal_reference text)
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
	IF consumption_t = 'Infinity' OR consumption_t = 'NaN' THEN
		RAISE EXCEPTION 'consumption must be finite' USING ERRCODE = '22023';
	END IF;
	SELECT b.share, b.legal_reference INTO limit_share, legal_reference
	FROM @extschema@.crma_benchmark_share('third country', target_year) b;
	IF limit_share IS NULL THEN
		RAISE EXCEPTION 'no third country benchmark for % in crma_benchmark', target_year
			USING ERRCODE = '22023', HINT = 'Add a row to crma_benchmark for that target year.';
	END IF;
	IF sourcing IS NULL OR on_date IS NULL THEN
		RETURN;
	END IF;
	SELECT t.country, coalesce(t.quantity, 0) INTO country, quantity_t
	FROM @extschema@.top_third_country(sourcing, on_date) t;
	unattributed_t := @extschema@.remainder(sourcing);
	IF consumption_t > 0 THEN
		share_of_consumption := quantity_t / consumption_t;
		excess_t := greatest(quantity_t - limit_share * consumption_t, 0);
		met := excess_t = 0;
	END IF;
END $$;
COMMENT ON FUNCTION crma_third_country_gap(supply_mix, double precision, date, integer) IS
	'CRMA Art. 5(1)(b): the largest third country in the EU''s sourcing of a stage, its share of EU consumption, the tonnes above the limit to source elsewhere, met (judged on the attributed sourcing; unattributed_t is the remainder no country is given)';

-- One row per benchmark for a material and year: what a BI report wants.
CREATE FUNCTION crma_assessment(consumption_t double precision,
		extraction_capacity_t double precision, processing_capacity_t double precision,
		recycling_capacity_t double precision, processing_sourcing supply_mix, on_date date,
		target_year integer DEFAULT 2030)
	RETURNS TABLE (benchmark text, stage text, bound text, benchmark_share double precision,
	               achieved_share double precision, gap_t double precision, met boolean,
	               country country_code, unattributed_t double precision, legal_reference text)
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
	SELECT s.stage, s.stage, 'at least', g.benchmark_share, g.achieved_share, g.gap_t, g.met,
	       NULL::@extschema@.country_code, NULL::double precision, g.legal_reference
	FROM (VALUES (1, 'extraction', $2), (2, 'processing', $3), (3, 'recycling', $4)) s(ord, stage, capacity),
	     LATERAL @extschema@.crma_capacity_gap(s.stage, $1, s.capacity, $7) g
	UNION ALL
	SELECT 'third country', 'processing', 'at most', t.limit_share, t.share_of_consumption, t.excess_t, t.met,
	       t.country, t.unattributed_t, t.legal_reference
	FROM @extschema@.crma_third_country_gap($5, $1, $6, $7) t
$$;
COMMENT ON FUNCTION crma_assessment(double precision, double precision, double precision, double precision, supply_mix, date, integer) IS
	'All CRMA Art. 5(1) benchmarks for a material and year, one row each: share achieved, gap in tonnes (capacity to add, or third-country tonnes to replace), met';
