-- Two partnership statuses the sources use and the model could not hold: « en projet » (the répertoire lists Dijon among
-- Rabat's partnerships in preparation, and Seine-Saint-Denis's Tlemcen, Kfar Sava and Akko as being set up) and
-- « suspendu » (the répertoire says the cooperation between Midi-Pyrénées and Marrakech Tensift Al Haouz is suspended).
ALTER TABLE partnerships DROP CONSTRAINT ck_partnerships_status;
ALTER TABLE partnerships ADD CONSTRAINT ck_partnerships_status
    CHECK (status IN ('active', 'ended', 'unknown', 'planned', 'suspended'));

-- The records the source review found wrong, fixed in a database loaded before this release (a new one gets them right
-- from the demo files). Each statement changes a row only while it still holds the value loaded from the old files, so
-- that an editor's correction is never overwritten; none writes history, as none is an edit.
UPDATE partnerships SET status = 'suspended'
WHERE key = 'midi-pyrenees--marrakech-tensift-al-haouz' AND status = 'unknown';
UPDATE partnerships SET status = 'planned'
WHERE key IN ('seine-saint-denis--tlemcen', 'seine-saint-denis--kfar-sava', 'seine-saint-denis--akko') AND status = 'unknown';
-- The ministry atlas's record says the extension to Salé was formalised by a convention signed in January 2005.
UPDATE partnerships SET legal_frame = 'Convention de partenariat (extension à Salé du partenariat avec Hssaine)'
WHERE key = 'woippy--sale' AND legal_frame IS NULL;
-- Project 99 of the demo data comes from the ministry atlas's record, not from the 2008 répertoire.
UPDATE projects SET source = 'Atlas français de la coopération décentralisée (fiche projet)'
WHERE key = 'woippy--sale--developpement-social-quartiers' AND source LIKE 'Répertoire CUF/PAD Maroc%';

-- A project's partner countries now include the countries of the organisations that take part in it (an action led by
-- associations, with no partnership, has no other): see Projects.ProjectSearchIndex. On the demo data one project gains
-- Luxembourg; the others are unchanged.
WITH organisation_countries AS (
    SELECT pp.project_id, o.country_code::text AS code
    FROM project_participants pp JOIN organisations o ON o.id = pp.organisation_id
    WHERE pp.deleted_at IS NULL AND o.country_code IS NOT NULL AND o.country_code <> 'FR'
),
merged AS (
    SELECT p.id, array_agg(DISTINCT c.code ORDER BY c.code) AS codes
    FROM projects p
    JOIN LATERAL (SELECT unnest(p.country_codes) AS code UNION SELECT oc.code FROM organisation_countries oc WHERE oc.project_id = p.id) c ON true
    WHERE p.id IN (SELECT project_id FROM organisation_countries)
    GROUP BY p.id
)
UPDATE projects p SET country_codes = m.codes
FROM merged m
WHERE p.id = m.id AND p.country_codes IS DISTINCT FROM m.codes;
