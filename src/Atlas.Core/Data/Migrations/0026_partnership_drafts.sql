-- Issue 14: an authority editor declares a new partnership as a draft too, by the same mechanism as a new project (0024):
-- kept in pending_changes until a reviewer approves it, so that no unpublished partnership ever enters the partnerships table.
-- kind says what a row is: a change of a published project, a new project (declared in partnership_id), a new partnership
-- (its values in partnership_values, partnership_id filled by its approval). A new partnership is reviewed by the
-- correspondents of its authorities' countries: authority_ids holds them, kept in step with its values, for the queue's filter.
ALTER TABLE pending_changes
    ADD COLUMN kind character varying(20) NOT NULL DEFAULT 'project-change',
    ADD COLUMN partnership_values jsonb,
    ADD COLUMN authority_ids integer[] NOT NULL DEFAULT '{}',
    ALTER COLUMN values DROP NOT NULL;

UPDATE pending_changes SET kind = 'new-project' WHERE partnership_id IS NOT NULL;

ALTER TABLE pending_changes
    ALTER COLUMN kind DROP DEFAULT,
    DROP CONSTRAINT ck_pending_changes_project_or_partnership,
    ADD CONSTRAINT ck_pending_changes_kind CHECK (kind IN ('project-change', 'new-project', 'new-partnership')),
    ADD CONSTRAINT ck_pending_changes_values CHECK (CASE kind
        WHEN 'project-change' THEN project_id IS NOT NULL AND values IS NOT NULL AND partnership_values IS NULL
        WHEN 'new-project' THEN partnership_id IS NOT NULL AND values IS NOT NULL AND partnership_values IS NULL
        ELSE values IS NULL AND partnership_values IS NOT NULL AND project_id IS NULL END);
