-- Editors delete records softly: a deleted record keeps its row, hidden by deleted_at, so that an administrator can restore it.
ALTER TABLE projects ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE project_participants ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE fundings ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE volunteers ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE partnerships ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE local_authorities ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE organisations ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE diplomatic_posts ADD COLUMN deleted_at timestamp with time zone;
ALTER TABLE contacts ADD COLUMN deleted_at timestamp with time zone;
