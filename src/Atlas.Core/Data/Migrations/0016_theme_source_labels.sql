-- One theme tree, and the label each record's source gave its themes (see Themes/ThemeCrosswalk and
-- Data/Demo/theme-crosswalk.csv). The tree itself is reference data: the loader brings the stored tree to themes.json at
-- start-up and moves the links of the nodes it retires onto their replacement (Themes/ThemeTreeSync), because the
-- crosswalk it needs is a data file, not SQL.
ALTER TABLE project_themes ADD COLUMN source_label character varying(300);
ALTER TABLE partnership_themes ADD COLUMN source_label character varying(300);

-- The links already stored keep the label they were shown with until now: their theme's path in the tree of that time
-- ("Développement urbain › Eau et assainissement"), before ThemeTreeSync moves them to the unified tree. A database loaded
-- after this script takes its labels from the crosswalk instead, as the sources printed them.
WITH RECURSIVE paths AS (
    SELECT id, name::text AS label FROM themes WHERE parent_id IS NULL
    UNION ALL
    SELECT t.id, p.label || ' › ' || t.name FROM themes t JOIN paths p ON p.id = t.parent_id
)
UPDATE project_themes pt SET source_label = left(p.label, 300) FROM paths p WHERE p.id = pt.theme_id;

WITH RECURSIVE paths AS (
    SELECT id, name::text AS label FROM themes WHERE parent_id IS NULL
    UNION ALL
    SELECT t.id, p.label || ' › ' || t.name FROM themes t JOIN paths p ON p.id = t.parent_id
)
UPDATE partnership_themes pt SET source_label = left(p.label, 300) FROM paths p WHERE p.id = pt.theme_id;
