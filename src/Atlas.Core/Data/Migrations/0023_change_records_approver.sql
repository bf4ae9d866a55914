-- Issue 14: an authority editor's change, once approved, is recorded as theirs, with the correspondent or administrator
-- who approved it beside them; before this the history credited the approver alone and the proposer disappeared.
-- Null for a change published directly by its author (and for every change recorded before this migration).
ALTER TABLE change_records
    ADD COLUMN approved_by_id integer,
    ADD COLUMN approved_by_name character varying(200),
    ADD CONSTRAINT fk_change_records_users_approved_by_id FOREIGN KEY (approved_by_id) REFERENCES users (id) ON DELETE SET NULL;

CREATE INDEX ix_change_records_approved_by_id ON change_records (approved_by_id);
