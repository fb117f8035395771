-- The official lists, with grade or form where the list gives one.
CREATE TABLE critical_material_list (
	list       text NOT NULL,
	material   text NOT NULL,
	grade_form text,
	source     text NOT NULL,
	PRIMARY KEY (list, material)
);
COMMENT ON TABLE critical_material_list IS
	'Official lists: EU CRMA Annex I strategic (17) and Annex II critical (34) raw materials, the USGS critical minerals lists 2022 (50), 2025 draft (54) and 2025 final (60), each row with its source';
COMMENT ON COLUMN critical_material_list.list IS 'eu_crma_strategic, eu_crma_critical, usgs_2022, usgs_2025_draft or usgs_2025_final';
COMMENT ON COLUMN critical_material_list.material IS 'The material as the list names it';
COMMENT ON COLUMN critical_material_list.grade_form IS 'Grade or form where the list gives one (e.g. battery grade)';
COMMENT ON COLUMN critical_material_list.source IS 'The legal or official source of the list';
-- Reference data without user rows: readable by everyone, written by the
-- owner only.
GRANT SELECT ON critical_material_list TO PUBLIC;

-- The rows are in 81_lists_data.sql.
