-- Issue 13: /collectivites « par nombre de partenariats » counted the partnerships of every authority to sort them: a
-- correlated count for each of the 1.38 M authorities at scale 100, 46 s a page (EXPLAIN ANALYZE, 2026-12-06). The count is
-- stored on the authority and kept exact by the statement triggers below, and the order walks an index to the page:
-- 0.14 ms for the first page, 0.4 ms for the 50th of the French authorities' (on a copy of the scale-100 authorities).
--
-- What it counts is what LocalAuthority.Partnerships.Count counted: the authority's links to partnerships not deleted
-- (PartnershipAuthority's query filter). Recounted, not incremented, for the authorities a statement touched, so that a
-- cascade, a soft deletion or a restoration cannot make it drift; a row is written only when its count changes. A written
-- row gets a new xmin, the authority's version: an editor who loaded the authority before one of its partnerships changed
-- is told it changed since (its partnerships did).
ALTER TABLE local_authorities ADD COLUMN partnership_count integer NOT NULL DEFAULT 0;

UPDATE local_authorities a SET partnership_count = c.n
FROM (SELECT pa.local_authority_id AS id, count(*) AS n
      FROM partnership_authorities pa JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL
      GROUP BY pa.local_authority_id) c
WHERE a.id = c.id;

-- The order of AuthorityDirectory.Ordered: most partnerships first, ties by name (French order, the column's) then id.
CREATE INDEX ix_local_authorities_partnership_count_name_id ON local_authorities (partnership_count DESC, name, id);

-- The authorities a statement touched, recounted. A few (an edit): a look-up of each one's links, ~0.1 ms an authority
-- (10,000 in 1.3 s, cold, at scale 100). Many (the generator's COPY of 1.6 M links): one hash-joined pass over every link,
-- as the backfill above (23 s at scale 100), where a look-up each would take minutes.
CREATE FUNCTION atlas_recount_partnerships(authority_ids integer[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF cardinality(authority_ids) > 10000 THEN
        UPDATE local_authorities a SET partnership_count = c.n
        FROM (SELECT la.id, count(p.id) AS n
              FROM local_authorities la
              LEFT JOIN partnership_authorities pa ON pa.local_authority_id = la.id
              LEFT JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL
              GROUP BY la.id) c
        WHERE a.id = c.id AND a.partnership_count <> c.n;
    ELSE
        UPDATE local_authorities a SET partnership_count = c.n
        FROM (SELECT x.id, count(p.id) AS n
              FROM (SELECT DISTINCT unnest(authority_ids) AS id) x
              LEFT JOIN partnership_authorities pa ON pa.local_authority_id = x.id
              LEFT JOIN partnerships p ON p.id = pa.partnership_id AND p.deleted_at IS NULL
              GROUP BY x.id) c
        WHERE a.id = c.id AND a.partnership_count <> c.n;
    END IF;
END
$$;

-- One function for every trigger below: each names its transition tables old_rows and new_rows (a trigger with transition
-- tables fires for one event only, hence one trigger per event).
CREATE FUNCTION atlas_partnership_counts_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'partnership_authorities' THEN
        IF TG_OP = 'INSERT' THEN
            PERFORM atlas_recount_partnerships(ARRAY(SELECT local_authority_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM atlas_recount_partnerships(ARRAY(SELECT local_authority_id FROM old_rows));
        ELSE
            PERFORM atlas_recount_partnerships(ARRAY(SELECT local_authority_id FROM old_rows UNION SELECT local_authority_id FROM new_rows));
        END IF;
    ELSE
        -- A partnership deleted or restored: its authorities' counts change.
        PERFORM atlas_recount_partnerships(ARRAY(
            SELECT pa.local_authority_id
            FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.deleted_at IS DISTINCT FROM n.deleted_at
            JOIN partnership_authorities pa ON pa.partnership_id = n.id));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER partnership_counts_on_insert AFTER INSERT ON partnership_authorities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed();
CREATE TRIGGER partnership_counts_on_delete AFTER DELETE ON partnership_authorities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed();
CREATE TRIGGER partnership_counts_on_update AFTER UPDATE ON partnership_authorities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed();
CREATE TRIGGER partnership_counts_on_update AFTER UPDATE ON partnerships
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_partnership_counts_changed();

-- Directory searches of many records are counted on their sample bucket (id % 64, as the projects' search index has it:
-- ProjectSearch.SampleRate) and estimated when too many to count. An authority's name: the bucket within the name's
-- trigram index (btree_gin), so that the sample of "saint" reads its 1/64th of the 25,600 matching rows, not all of them.
DROP INDEX ix_local_authorities_names_trgm;
CREATE INDEX ix_local_authorities_names_trgm ON local_authorities USING gin (atlas_authority_names(name, alternate_names) gin_trgm_ops, (id % 64));
-- The partnerships of the bucket (12,800 of 820,000 at scale 100), whatever else the filter asks.
CREATE INDEX ix_partnerships_sample ON partnerships ((id % 64));
