-- The orders a result list offers walk an index and stop at the page instead of sorting every match.
CREATE INDEX ix_projects_title_id ON projects (title, id);
CREATE INDEX ix_projects_updated_at ON projects (updated_at);
