-- Extensions and functions the schema relies on. unaccent is STABLE, so a generated column cannot call it directly:
-- the wrapper names its dictionary explicitly, which makes it safe to declare IMMUTABLE.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION atlas_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
