-- Freshness (issue 14): when a person last confirmed a project or a partnership, by editing it or by saying in one click
-- from their space that it is still correct. NULL: nobody has since it was loaded (the demo data and imports), which
-- counts as not confirmed. Records already edited take the time of their last edit in their history, so that no edit
-- made before this migration is forgotten.
ALTER TABLE projects ADD COLUMN confirmed_at timestamp with time zone;
ALTER TABLE partnerships ADD COLUMN confirmed_at timestamp with time zone;

UPDATE projects p SET confirmed_at = h.at
FROM (SELECT project_id, max(at) AS at FROM change_records WHERE project_id IS NOT NULL GROUP BY project_id) h
WHERE h.project_id = p.id;

UPDATE partnerships p SET confirmed_at = h.at
FROM (SELECT entity_id, max(at) AS at FROM change_records WHERE entity_type = 'partnership' GROUP BY entity_id) h
WHERE h.entity_id = p.id::text;

-- The monthly reminder of records not confirmed for too long: one row per month, inserted by the one instance that
-- sends that month's mails, in the transaction that lasts while it sends them, so that a cluster sends them once (an
-- instance that stops half-way rolls its row back and another sends them).
CREATE TABLE freshness_reminders (
    month date NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    recipients integer NOT NULL,
    CONSTRAINT pk_freshness_reminders PRIMARY KEY (month)
);
