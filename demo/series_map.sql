-- series_map.sql: the demo's two reference tables, in schema "demo":
--
--   demo.mcs2025_series             every series (COMMODITY and TYPE) of the
--                                   MCS 2025 world data table
--                                   (usgs.mcs2025_production) named in the
--                                   vocabulary of usgs.world_production
--                                   (commodity, stage), so that the two files
--                                   form one set of series
--   demo.usgs_commodity_list_entry  USGS commodity (that vocabulary) -> entry
--                                   of the critical-material lists
--                                   (critical_material_list.material)
--
--   psql -f demo/series_map.sql        (needs CREATE EXTENSION mineral_supply)
--
-- Idempotent: drops and recreates schema demo.  Data only: it reads no other
-- table, so it can run before or after the loaders.  Every judgement call is
-- commented where it is made.  sql/report.sql checks that every
-- series of the MCS 2025 table is named here, and every list entry named here
-- exists in critical_material_list.

BEGIN;
SET LOCAL client_min_messages = warning;

DROP SCHEMA IF EXISTS demo CASCADE;
CREATE SCHEMA demo;
COMMENT ON SCHEMA demo IS
	'The demo''s reference tables: MCS 2025 series names and the USGS commodity -> critical-list mapping (demo/series_map.sql)';

-- ---------------------------------------------------------------------------
-- 1. The MCS 2025 table's series in the vocabulary of world_production.csv
-- ---------------------------------------------------------------------------
-- mcs_commodity and mcs_type are COMMODITY and TYPE as loaded
-- (usgs.clean_name: trimmed, typos of the file kept: "Mine poduction",
-- "grosss", "ilmentite", "Gemanium", "Ferosilicon").  commodity and stage use
-- world_production.csv's names where that file has the series (so the
-- report takes those series from it, with its unit corrections and ISO codes)
-- and the same style elsewhere.  Stages: mine, refinery, smelter, plant
-- (plant production of a processed product), production (extraction or
-- by-product recovery that is neither a mine nor a plant: bromine, helium,
-- sulfur), capacity, reserves.  Processing, for this demo, is refinery,
-- smelter and plant.
--
-- production_series = false: not a world production table (a single U.S.
-- row that USGS prints under another table's heading, a row with a world
-- total but no country, a capacity or reserves table); such series are not
-- in the concentration report.
CREATE TABLE demo.mcs2025_series (
	mcs_commodity     text NOT NULL,
	mcs_type          text NOT NULL,
	commodity         text NOT NULL,
	stage             text NOT NULL CHECK (stage IN ('mine', 'refinery', 'smelter', 'plant',
	                                                 'production', 'capacity', 'reserves')),
	production_series boolean NOT NULL,
	note              text,
	PRIMARY KEY (mcs_commodity, mcs_type)
);
COMMENT ON TABLE demo.mcs2025_series IS
	'MCS 2025 world data table series (COMMODITY, TYPE as loaded) -> (commodity, stage) in the names of usgs.world_production; production_series = false for rows that are not a world production table';

INSERT INTO demo.mcs2025_series VALUES
	-- capacity tables: not production, and without a single figure for 2024
	('Abrasives', 'Plant capacity, fused aluminum oxide', 'abrasives (fused aluminum oxide)', 'capacity', false, 'capacity, no figures'),
	('Abrasives', 'Plant capacity, silicon carbide', 'abrasives (silicon carbide)', 'capacity', false, 'capacity, no figures'),
	('Aluminum', 'Smelter production, aluminum', 'aluminum', 'smelter', true, NULL),
	('Antimony', 'Mine production, antimony content', 'antimony', 'mine', true, NULL),
	-- arsenic is traded as arsenic trioxide; the table is plant output
	('Arsenic', 'Plant production, arsenic trioxide or calculated equivalent.', 'arsenic', 'plant', true, 'arsenic trioxide or equivalent'),
	('Asbestos', 'Mine production, asbestos', 'asbestos', 'mine', true, NULL),
	('Barite', 'Mine production, barite, estimated', 'barite', 'mine', true, NULL),
	('Bauxite', 'Mine production, bauxite, dry tons', 'bauxite', 'mine', true, NULL),
	-- the alumina refinery table sits under "Bauxite" in the file
	('Bauxite', 'Refinery production, alumina - calcined equivalent weights', 'alumina', 'refinery', true, 'printed under Bauxite'),
	('Beryllium', 'Mine production, beryllium content', 'beryllium', 'mine', true, NULL),
	('Bismuth', 'Refinery production', 'bismuth', 'refinery', true, NULL),
	-- "all types": borate minerals of varying B2O3 content added up as published
	('Boron', 'Boron all types', 'boron', 'mine', true, 'borate minerals, all types, gross weight as published'),
	('Bromine', 'Production, bromine content, estimated', 'bromine', 'production', true, 'from brines'),
	('Cadmium', 'Refinery production, estimated', 'cadmium', 'refinery', true, NULL),
	('Cement', 'Cement production, estimated', 'cement', 'plant', true, NULL),
	('Cement', 'Clinker capacity, estimated', 'cement clinker', 'capacity', false, 'capacity, not production'),
	('Chromium', 'Mine production, grosss weight, marketable chromite ore', 'chromium', 'mine', true, 'chromite ore, gross weight'),
	('Clays', 'Mine poduction, Bentonite', 'clays (bentonite)', 'mine', true, NULL),
	('Clays', 'Mine poduction, Fuller''s earth', 'clays (fuller''s earth)', 'mine', true, NULL),
	('Clays', 'Mine poduction, Kaolin', 'clays (kaolin)', 'mine', true, NULL),
	('Cobalt', 'Mine production, cobalt content, estimated', 'cobalt', 'mine', true, NULL),
	-- a single U.S. row printed under the cobalt table
	('Cobalt', 'Mine production, estimated', 'cobalt (U.S. row)', 'mine', false, 'single U.S. row, not a world table'),
	('Copper', 'Mine production, recoverable copper content', 'copper', 'mine', true, NULL),
	('Copper', 'Refinery production, copper', 'copper', 'refinery', true, NULL),
	('Diamond (industrial)', 'Mine production, industrial diamond', 'diamond (industrial)', 'mine', true, NULL),
	('Diatomite', 'Mine production, estimated', 'diatomite', 'mine', true, NULL),
	('Feldspar', 'Mine production, estimated', 'feldspar', 'mine', true, NULL),
	('Fluorspar', 'Mine production, estimated', 'fluorspar', 'mine', true, NULL),
	-- gallium is recovered at alumina (and zinc) refineries: world_production
	-- calls the stage refinery
	('Gallium', 'Primary production', 'gallium', 'refinery', true, 'primary (low-purity) gallium'),
	('Garnet (industrial)', 'Mine production, estimated', 'garnet (industrial)', 'mine', true, NULL),
	('Gemanium', 'Primary and secondary refinery production', 'germanium', 'refinery', true, 'all cells withheld or blank in MCS 2025'),
	('Gemstones', 'Mine production, thousand carats of gem-quality diamond', 'gemstones (diamond)', 'mine', true, NULL),
	('Gold', 'mine production, gold content', 'gold', 'mine', true, NULL),
	('Graphite', 'Mine production', 'graphite (natural)', 'mine', true, 'natural graphite'),
	('Gypsum', 'Mine production, estimated', 'gypsum', 'mine', true, NULL),
	('Helium', 'Production, helium gas content', 'helium', 'production', true, 'from natural gas'),
	('Indium', 'Refinery production', 'indium', 'refinery', true, NULL),
	('Iodine', 'Mine production, elemental iodine', 'iodine', 'mine', true, NULL),
	('Iron Ore', 'Mine production, iron content', 'iron ore (iron content)', 'mine', true, NULL),
	('Iron Ore', 'Mine production, usable ore', 'iron ore (usable ore)', 'mine', true, NULL),
	('Iron and Steel', 'Pig iron', 'pig iron', 'smelter', true, NULL),
	('Iron and Steel', 'Raw steel', 'raw steel', 'plant', true, NULL),
	('Iron oxide pigments', 'Mine production', 'iron oxide pigments', 'mine', true, NULL),
	('Kyanite and Related Minerals', 'Mine production', 'kyanite and related minerals', 'mine', true, NULL),
	('Lead', 'Mine production, lead content', 'lead', 'mine', true, NULL),
	('Lime', 'Plant production, lime', 'lime', 'plant', true, NULL),
	('Lithium', 'Mine production, lithium content', 'lithium', 'mine', true, NULL),
	('Magnesium Compounds', 'Mine production, magnesite - gross weight', 'magnesite (magnesium compounds)', 'mine', true, NULL),
	('Magnesium metal', 'Magnesium smelter production', 'magnesium metal', 'smelter', true, NULL),
	('Manganese', 'Mine production, manganese content', 'manganese', 'mine', true, NULL),
	('Mercury', 'Mine production, mercury content', 'mercury', 'mine', true, NULL),
	('Mica (Natural)', 'Mine production, mica scrap and flake', 'mica (scrap and flake)', 'mine', true, NULL),
	('Mica (Natural)', 'Mine production, mica sheet', 'mica (sheet)', 'mine', true, NULL),
	('Molybdenum', 'Mine production, molybdenum content', 'molybdenum', 'mine', true, NULL),
	('Nickel', 'Mine production, nickel content', 'nickel', 'mine', true, NULL),
	('Niobium', 'Mine production, niobium content', 'niobium', 'mine', true, NULL),
	('Nitrogen(fixed) - Ammonia', 'Plant production, nitrogen content', 'nitrogen (fixed), ammonia', 'plant', true, NULL),
	('Peat', 'Mine production', 'peat', 'mine', true, NULL),
	('Perlite', 'Mine production, estimated', 'perlite', 'mine', true, NULL),
	('Phosphate rock', 'Mine production, marketable phosphate rock', 'phosphate rock', 'mine', true, NULL),
	('Platinum-Group metals', 'Mine production, Palladium content', 'palladium', 'mine', true, NULL),
	('Platinum-Group metals', 'Mine production, Platinum content', 'platinum', 'mine', true, NULL),
	('Potash', 'Mine production, potassium oxide (K2O) equivalent', 'potash', 'mine', true, NULL),
	-- a reserves table in the production columns, all blank there
	('Potash', 'Reserves, recoverable ore', 'potash (recoverable ore)', 'reserves', false, 'reserves, no production figures'),
	('Pumice & Pumicite', 'Mine production, estimated', 'pumice and pumicite', 'mine', true, NULL),
	('Rare earths', 'Mine production, rare-earth-oxide equivalent', 'rare earths', 'mine', true, NULL),
	('Rhenium', 'Mine production, rhenium content', 'rhenium', 'mine', true, 'recovered from molybdenite concentrates of copper mines'),
	('Salt', 'Mine production, estimated', 'salt', 'mine', true, NULL),
	('Sand and gravel (industrial)', 'Mine production, estimated', 'sand and gravel (industrial)', 'mine', true, NULL),
	('Selenium', 'Refinery production, selenium content', 'selenium', 'refinery', true, NULL),
	('Silicon', 'Plant production, Ferosilicon, silicon content', 'silicon (ferrosilicon)', 'plant', true, 'silicon content of ferrosilicon'),
	('Silicon', 'Plant production, silicon metal', 'silicon metal', 'plant', true, NULL),
	('Silver', 'Mine production, silver content', 'silver', 'mine', true, NULL),
	('Soda ash', 'Mine production, natural', 'soda ash (natural)', 'mine', true, NULL),
	-- the next three have a world total or a U.S. row only, no countries
	('Soda ash', 'Production, Synthetic', 'soda ash (synthetic)', 'plant', false, 'world total only'),
	('Soda ash', 'Soda ash, natural, mine production', 'soda ash (U.S. row)', 'mine', false, 'single U.S. row, not a world table'),
	('Soda ash', 'Soda ash, total natural and synthetic', 'soda ash (total)', 'plant', false, 'world total only'),
	('Strontium', 'Mine production, strontium content', 'strontium', 'mine', true, NULL),
	('Sulfur', 'Production, all forms, sulfur content', 'sulfur', 'production', true, 'mostly recovered at oil and gas refineries and smelters'),
	('Talc and Pyrophyllite', 'Mine production, estimated', 'talc and pyrophyllite (U.S. row)', 'mine', false, 'single U.S. row, not a world table'),
	('Talc, crude', 'Mine production, estimated', 'talc (crude)', 'mine', true, NULL),
	('Tantalum', 'Mine production, tantalum content', 'tantalum', 'mine', true, NULL),
	('Tellurium', 'Refinery production, tellurium content', 'tellurium', 'refinery', true, NULL),
	('Tin', 'Mine production, tin content', 'tin', 'mine', true, NULL),
	('Titanium & titanium dioxide', 'Pigment Capacity', 'titanium dioxide pigment', 'capacity', false, 'capacity, no figures'),
	('Titanium & titanium dioxide', 'Sponge Metal Production', 'titanium sponge', 'refinery', true, NULL),
	-- world_production.csv corrects the MCS 2025 unit of the concentrates
	-- (thousand metric tons, not metric tons) and is used for them
	('Titanium Mineral Concentrates', 'Mine production, ilmentite, titanium dioxide (TiO2) content', 'titanium mineral concentrates (ilmenite)', 'mine', true, 'unit corrected in world_production.csv'),
	('Titanium Mineral Concentrates', 'Mine production, rutile, titanium dioxide (TiO2) content', 'titanium mineral concentrates (rutile)', 'mine', true, 'unit corrected in world_production.csv'),
	('Tungsten', 'Mine production, tungsten content', 'tungsten', 'mine', true, NULL),
	('Vanadium', 'Mine production, vanadium content', 'vanadium', 'mine', true, NULL),
	('Vermiculite', 'Mine production', 'vermiculite', 'mine', true, NULL),
	('Wollastonite', 'Mine production', 'wollastonite', 'mine', true, NULL),
	('Zeolites (natural)', 'Mine production', 'zeolites (natural)', 'mine', true, NULL),
	('Zinc', 'Mine production, zinc content', 'zinc', 'mine', true, NULL),
	-- the table is zircon (zirconium mineral concentrates), gross weight
	('Zirconium and Hafnium', 'Mine production, zirconium, gross weight', 'zirconium (zircon)', 'mine', true, 'zircon concentrates, gross weight');

-- ---------------------------------------------------------------------------
-- 2. USGS commodity -> entry of the critical-material lists
-- ---------------------------------------------------------------------------
-- One row per (commodity, list entry); an entry name that appears only on
-- the EU lists ("bauxite/alumina/aluminium", "baryte", "phosphate rock") or
-- only on the USGS lists ("aluminum", "barite", "phosphate") matches only
-- there.  material NULL: deliberately not mapped (the note says why).  A
-- commodity without a row is on no list (gold, iron ore, cadmium, selenium,
-- molybdenum, ...).
--
-- List entries no series of the shipped data stands for: cesium, rubidium,
-- scandium (its own MCS chapter, no world table), iridium, rhodium,
-- ruthenium (the MCS tables give platinum and palladium only), hafnium (see
-- zirconium), coking coal / metallurgical coal and uranium (not in the
-- Mineral Commodity Summaries), and the EU's "phosphorus" (the element).
CREATE TABLE demo.usgs_commodity_list_entry (
	commodity text NOT NULL,   -- usgs.world_production.commodity / demo.mcs2025_series.commodity
	material  text,            -- critical_material_list.material; NULL = not mapped
	note      text,            -- the judgement call, where there is one
	UNIQUE NULLS NOT DISTINCT (commodity, material)
);
COMMENT ON TABLE demo.usgs_commodity_list_entry IS
	'USGS commodity (world_production names) -> critical_material_list.material; material NULL = deliberately not mapped; note = the judgement call';

INSERT INTO demo.usgs_commodity_list_entry VALUES
	-- the EU entry names the whole chain; the USGS lists name only "aluminum":
	-- we count its ore (bauxite) and intermediate (alumina) under it
	('alumina', 'bauxite/alumina/aluminium', NULL),
	('alumina', 'aluminum', 'USGS lists name the metal only; alumina counted under it'),
	('aluminum', 'bauxite/alumina/aluminium', NULL),
	('aluminum', 'aluminum', NULL),
	('bauxite', 'bauxite/alumina/aluminium', NULL),
	('bauxite', 'aluminum', 'USGS lists name the metal only; bauxite counted under it'),
	('antimony', 'antimony', NULL),
	-- arsenic trioxide stands for arsenic (the form it is produced and traded in)
	('arsenic', 'arsenic', 'figures are arsenic trioxide'),
	-- same mineral, EU and US spelling
	('barite', 'barite', NULL),
	('barite', 'baryte', NULL),
	('beryllium', 'beryllium', NULL),
	('bismuth', 'bismuth', NULL),
	-- borate minerals stand for boron; the EU strategic entry is metallurgy
	-- grade boron, which these ores are not yet
	('boron', 'boron', 'borate minerals; EU strategic entry: metallurgy grade'),
	-- the production figures are chromite ore; the USGS entry is the element
	('chromium', 'chromium', 'figures are chromite ore'),
	('cobalt', 'cobalt', NULL),
	('copper', 'copper', NULL),
	('feldspar', 'feldspar', NULL),
	('fluorspar', 'fluorspar', NULL),
	('gallium', 'gallium', NULL),
	('germanium', 'germanium', NULL),
	-- natural graphite from mines; the EU strategic entry is battery grade only
	-- (spherical, purified graphite made from this flake, or synthetic
	-- graphite, which no series covers); the USGS lists name graphite without
	-- a grade
	('graphite (natural)', 'graphite', 'EU strategic entry: battery grade only'),
	('helium', 'helium', NULL),
	('indium', 'indium', NULL),
	('lead', 'lead', NULL),
	('lithium', 'lithium', 'EU strategic entry: battery grade only'),
	-- magnesite (magnesium compounds, refractories) is NOT mapped to
	-- "magnesium": the EU and USGS entries mean the metal
	('magnesite (magnesium compounds)', NULL,
		'not mapped: magnesium compounds; the entries "magnesium" mean the metal'),
	('magnesium metal', 'magnesium', NULL),
	('manganese', 'manganese', 'EU strategic entry: battery grade only'),
	('nickel', 'nickel', 'both EU entries: battery grade only'),
	('niobium', 'niobium', NULL),
	-- the EU lists group the platinum-group metals; the USGS lists name each
	('palladium', 'platinum group metals', NULL),
	('palladium', 'palladium', NULL),
	-- phosphate rock: the EU entry of that name and the USGS final list's
	-- "phosphate"; the EU's "phosphorus" (the element, made from it) is not
	-- mapped
	('phosphate rock', 'phosphate rock', NULL),
	('phosphate rock', 'phosphate', 'USGS final list: "phosphate"'),
	('platinum', 'platinum group metals', NULL),
	('platinum', 'platinum', NULL),
	('potash', 'potash', NULL),
	-- MCS "rare earths" are the lanthanides and yttrium (REO equivalent):
	-- the EU light and heavy REE groups, the strategic entry for the magnet
	-- REEs (part of them), and the 15 elements the USGS lists name one by
	-- one (scandium, on the USGS lists too, has its own MCS chapter: not mapped)
	('rare earths', 'light rare earth elements', NULL),
	('rare earths', 'heavy rare earth elements', NULL),
	('rare earths', 'rare earth elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, and Ce)',
		'EU strategic entry: the magnet REEs only'),
	('rare earths', 'cerium', NULL), ('rare earths', 'dysprosium', NULL), ('rare earths', 'erbium', NULL),
	('rare earths', 'europium', NULL), ('rare earths', 'gadolinium', NULL), ('rare earths', 'holmium', NULL),
	('rare earths', 'lanthanum', NULL), ('rare earths', 'lutetium', NULL), ('rare earths', 'neodymium', NULL),
	('rare earths', 'praseodymium', NULL), ('rare earths', 'samarium', NULL), ('rare earths', 'terbium', NULL),
	('rare earths', 'thulium', NULL), ('rare earths', 'ytterbium', NULL), ('rare earths', 'yttrium', NULL),
	('rhenium', 'rhenium', NULL),
	-- both silicon tables count for "silicon": the USGS lists name the element;
	-- the EU entries are silicon metal (grade_form "metal"), which
	-- ferrosilicon is not
	('silicon (ferrosilicon)', 'silicon', 'silicon content of ferrosilicon; EU entries: silicon metal only'),
	('silicon metal', 'silicon', NULL),
	('silver', 'silver', NULL),
	('strontium', 'strontium', NULL),
	('tantalum', 'tantalum', NULL),
	('tellurium', 'tellurium', NULL),
	('tin', 'tin', NULL),
	-- titanium ores, sponge and pigment under the element; the EU entries are
	-- "titanium metal" (the grade_form column says so), which only the
	-- sponge is
	('titanium mineral concentrates (ilmenite and rutile)', 'titanium', 'EU entries: titanium metal; these are ore concentrates'),
	('titanium mineral concentrates (ilmenite)', 'titanium', 'EU entries: titanium metal; these are ore concentrates'),
	('titanium mineral concentrates (rutile)', 'titanium', 'EU entries: titanium metal; these are ore concentrates'),
	('titanium sponge', 'titanium', NULL),
	('titanium dioxide pigment', 'titanium', 'EU entries: titanium metal; this is TiO2 pigment capacity'),
	('tungsten', 'tungsten', NULL),
	('vanadium', 'vanadium', NULL),
	('zinc', 'zinc', NULL),
	-- zircon stands for zirconium; hafnium is separated from zirconium at the
	-- metal stage, which no series covers: not mapped to hafnium
	('zirconium (zircon)', 'zirconium', 'zircon concentrates; hafnium (a by-product of zirconium metal) not mapped');

COMMIT;
