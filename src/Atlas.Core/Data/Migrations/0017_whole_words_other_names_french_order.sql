-- Issue 13, "find what you are looking for": whole words or prefixes, other names, French alphabetical order.
--
-- 1. French alphabetical order. Names and titles take the ICU collation "fr-x-icu" (PostgreSQL built with ICU, as Debian's
--    and the postgres images are): Cléon before Clichy, Nîmes before Nord-Pas de Calais, Saint-Étienne before
--    Saint-Germain-en-Laye, where the C collation of the cluster put every accented letter after z. On the column, so that
--    every ORDER BY, every keyset comparison (name > @cursor) and every B-tree index on it use the same order: a cursor
--    compared in another collation than its sort would skip or repeat rows.
ALTER TABLE local_authorities ALTER COLUMN name TYPE character varying(300) COLLATE "fr-x-icu";
ALTER TABLE organisations ALTER COLUMN name TYPE character varying(300) COLLATE "fr-x-icu";
ALTER TABLE partnerships ALTER COLUMN title TYPE character varying(300) COLLATE "fr-x-icu";
ALTER TABLE projects ALTER COLUMN title TYPE character varying(500) COLLATE "fr-x-icu";
ALTER TABLE countries ALTER COLUMN name TYPE character varying(100) COLLATE "fr-x-icu";
ALTER TABLE regions ALTER COLUMN name TYPE character varying(100) COLLATE "fr-x-icu";
ALTER TABLE departments ALTER COLUMN name TYPE character varying(100) COLLATE "fr-x-icu";
ALTER TABLE diplomatic_posts ALTER COLUMN name TYPE character varying(300) COLLATE "fr-x-icu";
ALTER TABLE themes ALTER COLUMN name TYPE character varying(200) COLLATE "fr-x-icu";
-- The API's sorts by name walk these indexes and stop at the page (projects have had (title, id) since 0014).
CREATE INDEX ix_local_authorities_name_id ON local_authorities (name, id);
CREATE INDEX ix_organisations_name_id ON organisations (name, id);
CREATE INDEX ix_partnerships_title_id ON partnerships (title, id);

-- 2. Other names of an authority: the répertoire writes "El Jadida" and "El Jedida", prints some names two ways, and a
--    region may have been renamed (Région Centre, Centre-Val de Loire since 2015). They are searched with the name.
ALTER TABLE local_authorities ADD COLUMN alternate_names text[] NOT NULL DEFAULT '{}';
-- Immutable (array_to_string is only stable in general, but not for text[]), so that an index may call it.
CREATE FUNCTION atlas_authority_names(name text, alternate_names text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT atlas_unaccent($1 || ' ' || array_to_string($2, ' ')) $$;
-- Replaces ix_local_authorities_name_trgm: the name filters (whole words, regular expressions) and the typo-tolerant
-- suggestions (word similarity) now read the name and the other names together.
DROP INDEX ix_local_authorities_name_trgm;
CREATE INDEX ix_local_authorities_names_trgm ON local_authorities USING gin (atlas_authority_names(name, alternate_names) gin_trgm_ops);
-- The demo records already loaded (the loader adds missing records and overwrites none): the other names its files give.
UPDATE local_authorities SET alternate_names = ARRAY['Commune urbaine d''El Jedida']
    WHERE key = 'ma-commune-el-jadida' AND alternate_names = '{}';
UPDATE local_authorities SET alternate_names = ARRAY['Région Centre-Val de Loire']
    WHERE key = 'fr-region-centre' AND alternate_names = '{}';
UPDATE local_authorities SET alternate_names = ARRAY['Conseil Régional Poitou-Charentes']
    WHERE key = 'fr-region-poitou-charentes' AND alternate_names = '{}' AND name = 'Région Poitou-Charentes';
UPDATE local_authorities SET alternate_names = ARRAY['Conseil régional du Nord-Pas de Calais']
    WHERE key = 'fr-region-nord-pas-de-calais' AND alternate_names = '{}' AND name = 'Conseil régional Nord-Pas-de-Calais';
UPDATE local_authorities SET alternate_names = ARRAY['Wilaya de la Région de Rabat Salé Zemmour Zaer']
    WHERE key = 'ma-wilaya-rabat-sale-zemmour-zaer' AND alternate_names = '{}' AND name = 'Wilaya de Rabat Salé Zemmour Zaer';

-- 3. Whole words or prefixes. The full-text document was stemmed in French, and a query word matched a stem: "mars" was
--    the stem "mar" and "Marrak" matched nothing. The document now keeps the words as written (accents and case aside),
--    French stop words left out, and a query asks each of its words as a prefix of a word (ProjectSearch, SearchWords):
--    "Opole" finds "Voïvodie d'Opole", never "Nantes Métropole"; "Marrak" finds Marrakech.
CREATE TEXT SEARCH DICTIONARY atlas_words (TEMPLATE = pg_catalog.simple, STOPWORDS = french);
CREATE TEXT SEARCH CONFIGURATION atlas_words (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION atlas_words
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart WITH atlas_words;
-- A generated column's expression cannot be changed in PostgreSQL 15: the column is made again, and its one search index
-- (0013) with it, unchanged.
DROP INDEX ix_projects_search;
ALTER TABLE projects DROP COLUMN search_vector;
ALTER TABLE projects ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('atlas_words'::regconfig, atlas_unaccent(search_text))) STORED;
CREATE INDEX ix_projects_search ON projects USING gin
    (search_vector, country_codes, region_codes, department_codes, authority_ids, theme_ids, status, (id % 64));

-- The projects' documents take their authorities' other names (Search.ProjectSearchIndex): the same statement over every
-- project; rows whose derived columns do not change are left alone.
WITH target AS (
    SELECT id, partnership_id FROM projects
),
authority_links AS (
    SELECT t.id AS project_id, pp.local_authority_id AS authority_id
    FROM target t JOIN project_participants pp ON pp.project_id = t.id
    WHERE pp.local_authority_id IS NOT NULL AND pp.deleted_at IS NULL
    UNION
    SELECT t.id, pa.local_authority_id
    FROM target t JOIN partnership_authorities pa ON pa.partnership_id = t.partnership_id
),
authorities AS (
    SELECT l.project_id,
           array_agg(DISTINCT a.id ORDER BY a.id) AS authority_ids,
           coalesce(array_agg(DISTINCT a.country_code::text) FILTER (WHERE a.country_code <> 'FR'), '{}') AS country_codes,
           coalesce(array_agg(DISTINCT coalesce(a.region_code, d.region_code)::text)
                    FILTER (WHERE coalesce(a.region_code, d.region_code) IS NOT NULL), '{}') AS region_codes,
           coalesce(array_agg(DISTINCT a.department_code::text) FILTER (WHERE a.department_code IS NOT NULL), '{}') AS department_codes,
           string_agg(DISTINCT concat_ws(' ', a.name, NULLIF(array_to_string(a.alternate_names, ' '), ''), c.name, d.name), ' ') AS text
    FROM authority_links l
    JOIN local_authorities a ON a.id = l.authority_id
    JOIN countries c ON c.code = a.country_code
    LEFT JOIN departments d ON d.code = a.department_code
    GROUP BY l.project_id
),
theme_links AS (
    SELECT t.id AS project_id, pt.theme_id FROM target t JOIN project_themes pt ON pt.project_id = t.id
),
theme_paths AS (
    SELECT l.project_id, th.id, th.name FROM theme_links l JOIN themes th ON th.id = l.theme_id
    UNION
    SELECT l.project_id, parent.id, parent.name
    FROM theme_links l JOIN themes th ON th.id = l.theme_id JOIN themes parent ON parent.id = th.parent_id
    UNION
    SELECT l.project_id, grand.id, grand.name
    FROM theme_links l JOIN themes th ON th.id = l.theme_id JOIN themes parent ON parent.id = th.parent_id
         JOIN themes grand ON grand.id = parent.parent_id
),
themes AS (
    SELECT project_id, array_agg(DISTINCT id ORDER BY id) AS theme_ids, string_agg(DISTINCT name, ' ') AS text
    FROM theme_paths GROUP BY project_id
),
organisations AS (
    SELECT t.id AS project_id, string_agg(DISTINCT o.name, ' ') AS text
    FROM target t JOIN project_participants pp ON pp.project_id = t.id JOIN organisations o ON o.id = pp.organisation_id
    WHERE pp.deleted_at IS NULL
    GROUP BY t.id
),
computed AS (
    SELECT t.id,
           coalesce(a.authority_ids, '{}') AS authority_ids,
           coalesce(a.country_codes, '{}') AS country_codes,
           coalesce(a.region_codes, '{}') AS region_codes,
           coalesce(a.department_codes, '{}') AS department_codes,
           coalesce(th.theme_ids, '{}') AS theme_ids,
           concat_ws(' ', pr.title, pa.title, pr.objectives, pr.description, pr.context, pr.history, pr.beneficiaries,
                     pa.domains, a.text, o.text, th.text) AS search_text
    FROM target t
    JOIN projects pr ON pr.id = t.id
    LEFT JOIN partnerships pa ON pa.id = t.partnership_id
    LEFT JOIN authorities a ON a.project_id = t.id
    LEFT JOIN themes th ON th.project_id = t.id
    LEFT JOIN organisations o ON o.project_id = t.id
)
UPDATE projects p SET
    authority_ids = c.authority_ids,
    country_codes = c.country_codes,
    region_codes = c.region_codes,
    department_codes = c.department_codes,
    theme_ids = c.theme_ids,
    search_text = c.search_text
FROM computed c
-- Rows whose derived columns are already right are left alone, so their version (xmin) does not move.
WHERE p.id = c.id
  AND (p.authority_ids, p.country_codes, p.region_codes, p.department_codes, p.theme_ids, p.search_text)
      IS DISTINCT FROM (c.authority_ids, c.country_codes, c.region_codes, c.department_codes, c.theme_ids, c.search_text);
