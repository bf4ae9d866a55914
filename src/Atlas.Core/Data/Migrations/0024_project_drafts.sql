-- Issue 14: an authority editor declares a new project as a draft, completes it over several sessions, then submits it for
-- review. It is kept in pending_changes with no project_id (and its partnership_id) until a reviewer approves it, so that no
-- unpublished project ever enters the projects table and no public read needs a filter; approval creates the project and
-- fills project_id.
ALTER TABLE pending_changes
    ALTER COLUMN project_id DROP NOT NULL,
    ADD COLUMN partnership_id integer,
    ADD CONSTRAINT fk_pending_changes_partnerships_partnership_id FOREIGN KEY (partnership_id) REFERENCES partnerships (id) ON DELETE CASCADE,
    ADD CONSTRAINT ck_pending_changes_project_or_partnership CHECK (project_id IS NOT NULL OR partnership_id IS NOT NULL),
    DROP CONSTRAINT ck_pending_changes_status,
    ADD CONSTRAINT ck_pending_changes_status CHECK (status IN ('pending', 'approved', 'sent-back', 'draft'));

CREATE INDEX ix_pending_changes_partnership_id ON pending_changes (partnership_id);
