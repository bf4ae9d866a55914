-- Issue 13: every order the directories offer walks an index and stops at the page, instead of sorting every row. At
-- scale 100 « par population » sorted all 1.38 M authorities, « par date de signature » and « mis à jour » all 820,000
-- partnerships, on each request (the order by name or title walks the (name, id) and (title, id) indexes of 0017).
-- Expression indexes on the very expressions AuthorityDirectory.Ordered and PartnershipDirectory.Ordered sort by
-- (unknown values last, then largest or latest first, ties by name or title in French order then id): the planner uses
-- an index only for the ORDER BY it matches term for term.
CREATE INDEX ix_local_authorities_population_order ON local_authorities ((population IS NULL), population DESC, name, id);
CREATE INDEX ix_partnerships_signed_order ON partnerships ((signed_year IS NULL), signed_year DESC, title, id);
-- Latest updated first: walked backwards, ties by id sorted within each timestamp (an incremental sort of a few rows).
CREATE INDEX ix_partnerships_updated_at ON partnerships (updated_at);
-- The directory of one country in name order: walking (name, id) skipped 51,735 other countries' authorities to find
-- Senegal's first 20 at scale 100 (65 ms a page); (country_code, name, id) starts at the country's first name.
CREATE INDEX ix_local_authorities_country_code_name_id ON local_authorities (country_code, name, id);
