-- Issue 13: the filter columns of each partnership in one narrow row, as the projects have their search columns, so that
-- /partenariats reads one small table for its sample (the total and the selects of a filtered list, estimated when too
-- many to count) instead of the partnerships, their authorities and themes. At scale 100 (EXPLAIN ANALYZE, 2026-12-06):
-- the sample count of « saint » built the set of 49,475 partnerships named so by title or authority (3.2 s), and each
-- select of `?theme=environnement` read the sample bucket's 12,800 partnerships at random in the wide table (0.4–1.1 s
-- cold). Kept by the saves that change what it derives from (PartnershipSearchUpkeep, in the save's transaction) and by
-- the bulk loads. The directory counts, estimates and filters its page on it; the API list and the exports filter the
-- records themselves (PartnershipList.Filtered), and a test holds the two to the same answers.
CREATE TABLE partnership_search (
    partnership_id integer NOT NULL,
    -- The title, in its order: the sample's titles say where the page of a common name ends (PartnershipDirectory).
    title character varying(300) COLLATE "fr-x-icu" NOT NULL,
    status character varying(20) NOT NULL,
    signed_year integer,
    -- Its foreign authorities' countries (France is never a partner country).
    country_codes text[] NOT NULL,
    -- The regions of its authorities, their own or their département's (what the region filter asks), and those of its
    -- French authorities, their own or else their département's (what the region select counts).
    region_codes text[] NOT NULL,
    french_region_codes text[] NOT NULL,
    department_codes text[] NOT NULL,
    authority_ids integer[] NOT NULL,
    -- Its own themes: the theme filter names the theme asked and its descendants.
    theme_ids integer[] NOT NULL,
    -- The unaccented title and names of its authorities (other names included), which the name filter's \mword reads.
    search_text text NOT NULL,
    CONSTRAINT pk_partnership_search PRIMARY KEY (partnership_id),
    CONSTRAINT fk_partnership_search_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE
);

-- The sample bucket, as the partnerships' (id % 64, ProjectSearch.SampleRate). Rows are written bucket by bucket, so that
-- after a bulk load a bucket's 12,800 rows at scale 100 lie on a few hundred pages, read in order.
CREATE INDEX ix_partnership_search_sample ON partnership_search ((partnership_id % 64));
-- A name's page in title order: the matches of the name's trigrams ANDed with a range of titles (PartnershipDirectory).
CREATE INDEX ix_partnership_search_title_partnership_id ON partnership_search (title, partnership_id);

-- The rows of the given partnerships, recomputed: written when they changed, deleted for a partnership deleted (a hard
-- deletion cascades). One statement for an edit's few partnerships and for a bulk load's every one (given all ids).
CREATE FUNCTION atlas_refresh_partnership_search(partnership_ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    written integer;
BEGIN
    DELETE FROM partnership_search s
    WHERE s.partnership_id = ANY(partnership_ids)
      AND NOT EXISTS (SELECT 1 FROM partnerships p WHERE p.id = s.partnership_id AND p.deleted_at IS NULL);
    INSERT INTO partnership_search AS s (partnership_id, title, status, signed_year, country_codes, region_codes, french_region_codes,
                                         department_codes, authority_ids, theme_ids, search_text)
    SELECT p.id, p.title, p.status, p.signed_year,
           coalesce(a.country_codes, '{}'),
           coalesce(ARRAY(SELECT DISTINCT r FROM unnest(a.own_regions || a.department_regions) r WHERE r IS NOT NULL ORDER BY r), '{}'),
           coalesce(a.french_region_codes, '{}'),
           coalesce(a.department_codes, '{}'),
           coalesce(a.authority_ids, '{}'),
           coalesce(t.theme_ids, '{}'),
           concat_ws(' ', atlas_unaccent(p.title), a.names)
    FROM partnerships p
    LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT la.country_code::text ORDER BY la.country_code::text) FILTER (WHERE la.country_code <> 'FR') AS country_codes,
               array_agg(la.region_code::text) AS own_regions,
               array_agg(d.region_code::text) AS department_regions,
               array_agg(DISTINCT coalesce(la.region_code, d.region_code)::text ORDER BY coalesce(la.region_code, d.region_code)::text)
                   FILTER (WHERE la.country_code = 'FR' AND coalesce(la.region_code, d.region_code) IS NOT NULL) AS french_region_codes,
               array_agg(DISTINCT la.department_code::text ORDER BY la.department_code::text) FILTER (WHERE la.department_code IS NOT NULL) AS department_codes,
               array_agg(la.id ORDER BY la.id) AS authority_ids,
               string_agg(atlas_authority_names(la.name, la.alternate_names), ' ' ORDER BY la.id) AS names
        FROM partnership_authorities pa
        JOIN local_authorities la ON la.id = pa.local_authority_id
        LEFT JOIN departments d ON d.code = la.department_code
        WHERE pa.partnership_id = p.id) a ON true
    LEFT JOIN LATERAL (
        SELECT array_agg(pt.theme_id ORDER BY pt.theme_id) AS theme_ids FROM partnership_themes pt WHERE pt.partnership_id = p.id) t ON true
    WHERE p.id = ANY(partnership_ids) AND p.deleted_at IS NULL
    ORDER BY p.id % 64, p.id
    ON CONFLICT (partnership_id) DO UPDATE SET
        title = excluded.title, status = excluded.status, signed_year = excluded.signed_year, country_codes = excluded.country_codes,
        region_codes = excluded.region_codes, french_region_codes = excluded.french_region_codes,
        department_codes = excluded.department_codes, authority_ids = excluded.authority_ids, theme_ids = excluded.theme_ids,
        search_text = excluded.search_text
    WHERE (s.title, s.status, s.signed_year, s.country_codes, s.region_codes, s.french_region_codes, s.department_codes, s.authority_ids,
           s.theme_ids, s.search_text)
          IS DISTINCT FROM (excluded.title, excluded.status, excluded.signed_year, excluded.country_codes, excluded.region_codes,
           excluded.french_region_codes, excluded.department_codes, excluded.authority_ids, excluded.theme_ids, excluded.search_text);
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END
$$;

SELECT atlas_refresh_partnership_search(ARRAY(SELECT id FROM partnerships));

-- A rare name, département, authority or theme: its few rows found through an index, counted exactly
-- (built after the rows: one pass instead of an insertion each).
CREATE INDEX ix_partnership_search_text_trgm ON partnership_search USING gin (search_text gin_trgm_ops);
CREATE INDEX ix_partnership_search_filters ON partnership_search USING gin (country_codes, region_codes, department_codes, authority_ids, theme_ids);
