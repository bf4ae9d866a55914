-- When the data last changed (for ETag and Last-Modified), kept by statement triggers so that every writer, and every
-- web instance reading it, agrees; and the API's per-client request counters, shared by every web instance.
CREATE TABLE data_versions (
    id integer NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_data_versions PRIMARY KEY (id),
    CONSTRAINT ck_data_versions_singleton CHECK (id = 1)
);
INSERT INTO data_versions (id, changed_at) VALUES (1, now());

CREATE FUNCTION touch_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET changed_at = clock_timestamp() WHERE id = 1;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['countries', 'currencies', 'regions', 'departments', 'themes', 'local_authorities', 'organisations',
        'partnerships', 'partnership_authorities', 'partnership_themes', 'projects', 'project_themes', 'project_participants',
        'fundings', 'volunteers', 'diplomatic_posts', 'diplomatic_post_countries', 'contacts']
    LOOP
        EXECUTE format('CREATE TRIGGER touch_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION touch_data_version()', t);
    END LOOP;
END $$;

CREATE UNLOGGED TABLE api_rate_windows (
    client character varying(64) NOT NULL,
    window_start timestamp with time zone NOT NULL,
    requests integer NOT NULL,
    CONSTRAINT pk_api_rate_windows PRIMARY KEY (client, window_start)
);
