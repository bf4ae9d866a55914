-- Trigram indexes for the name look-ups (authorities, organisations, partnerships): their filters compare
-- atlas_unaccent(name) ILIKE atlas_unaccent('%term%'), which a B-tree cannot serve but a pg_trgm GIN index can, and the
-- same index answers typo-tolerant similarity (%) look-ups. The EF model cannot express an index on an expression, so
-- SchemaMatchesModelTests applies the scripts named expression_indexes_* to the model's schema too.
CREATE INDEX ix_local_authorities_name_trgm ON local_authorities USING gin (atlas_unaccent(name) gin_trgm_ops);
CREATE INDEX ix_organisations_name_trgm ON organisations USING gin (atlas_unaccent(name) gin_trgm_ops);
CREATE INDEX ix_partnerships_title_trgm ON partnerships USING gin (atlas_unaccent(title) gin_trgm_ops);
