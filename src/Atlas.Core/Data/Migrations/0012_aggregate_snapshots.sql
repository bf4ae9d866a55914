-- The atlas's whole-table counts (home page, statistics, map), computed once per data version and shared by every web
-- instance: a public request reads one row instead of scanning the projects. data_changed_at is the data_versions.changed_at
-- the counts were computed from (read in the same snapshot as the counts), so a row is fresh while the two are equal.
-- No touch_data_version trigger here: storing counts changes no data.
CREATE TABLE aggregate_snapshots (
    key text NOT NULL,
    data_changed_at timestamp with time zone NOT NULL,
    computed_at timestamp with time zone NOT NULL,
    payload jsonb NOT NULL,
    CONSTRAINT pk_aggregate_snapshots PRIMARY KEY (key)
);
