#!/usr/bin/env node
// Builds the reference CSV files of this folder (see SOURCES.md).
//
// Usage (packages are installed in a temp folder, never in the repo):
//   mkdir -p /tmp/refdata && cd /tmp/refdata && npm init -y >/dev/null \
//     && npm install world-countries@5.1.0 @etalab/decoupage-administratif@6.0.0 \
//     && node /path/to/repo/src/Atlas.Core/Data/Reference/build-reference-data.mjs
//
// Environment (all optional):
//   REFDATA_DIR     folder holding node_modules with the packages (default: current directory)
//   IATI_CODELISTS  folder holding Country.xml and Currency.xml
//                   (default: <repo>/../shared/standards/iati-codelists)
//   OUT_DIR         where the CSV files are written (default: this script's folder)

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const refdataDir = path.resolve(process.env.REFDATA_DIR ?? process.cwd());
const iatiDir = path.resolve(process.env.IATI_CODELISTS ?? path.join(repoRoot, '..', 'shared', 'standards', 'iati-codelists'));
const outDir = path.resolve(process.env.OUT_DIR ?? here);

const require = createRequire(path.join(refdataDir, 'package.json'));
const worldCountries = require('world-countries');
const regionsData = require('@etalab/decoupage-administratif/data/regions.json');
const departementsData = require('@etalab/decoupage-administratif/data/departements.json');
const pkgVersion = (name) => require(`${name}/package.json`).version;

const errors = [];
const check = (cond, msg) => { if (!cond) errors.push(msg); };

// ---------- helpers ----------
const csvField = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const writeCsv = (file, header, rows) => {
  const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
  writeFileSync(path.join(outDir, file), text, 'utf8');
  console.log(`${file}: ${rows.length} rows`);
};
// Straight apostrophes, as in French administrative lists (and easier to search).
const tidy = (s) => s.replace(/[\u2019\u02bc]/g, "'").replace(/\u00a0/g, ' ').trim();

// Parses an IATI codelist XML: [{ code, name, withdrawn }]
const readCodelist = (file) => {
  const xml = readFileSync(path.join(iatiDir, file), 'utf8');
  const items = [];
  for (const m of xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
    const code = /<code>([^<]+)<\/code>/.exec(m[2])[1].trim();
    const name = (/<name>\s*<narrative[^>]*>([^<]*)<\/narrative>/.exec(m[2]) ?? [])[1]?.trim() ?? '';
    items.push({ code, name, withdrawn: /status="withdrawn"/.test(m[1]) });
  }
  return items;
};

const frRegion = new Intl.DisplayNames('fr', { type: 'region', fallback: 'none' });
const frCurrency = new Intl.DisplayNames('fr', { type: 'currency', fallback: 'none' });

// ---------- a. countries ----------
// French names: CLDR (Node's Intl) with overrides where French administrative
// usage (MEAE / INSEE COG style) differs from CLDR's short display names.
const FR_OVERRIDES = {
  CD: 'République démocratique du Congo', // CLDR: Congo-Kinshasa
  CG: 'Congo', //                             CLDR: Congo-Brazzaville
  CZ: 'République tchèque', //                CLDR: Tchéquie
  GF: 'Guyane', //                            CLDR: Guyane française
  HK: 'Hong Kong', //                         CLDR: R.A.S. chinoise de Hong Kong
  MO: 'Macao', //                             CLDR: R.A.S. chinoise de Macao
  MM: 'Birmanie', //                          CLDR: Myanmar (Birmanie)
  TF: 'Terres australes et antarctiques françaises', // CLDR: Terres australes françaises
  VA: 'Saint-Siège', //                       CLDR: État de la Cité du Vatican (MEAE: Saint-Siège)
  VC: 'Saint-Vincent-et-les-Grenadines', //   CLDR: Saint-Vincent-et-les Grenadines
};
// English names: world-countries' common name, with a few overrides.
const EN_OVERRIDES = {
  CD: 'Democratic Republic of the Congo', // world-countries: DR Congo
  CI: "Côte d'Ivoire", //                    world-countries: Ivory Coast
  GS: 'South Georgia and the South Sandwich Islands',
  MF: 'Saint Martin (French part)',
  SX: 'Sint Maarten (Dutch part)',
  MO: 'Macao',
  VA: 'Holy See', // matches the French "Saint-Siège"
};

const wcByCca2 = new Map(worldCountries.map((c) => [c.cca2, c]));
const countries = readCodelist('Country.xml')
  .filter((c) => !c.withdrawn && !/^X[A-Z]$/.test(c.code)) // XA-XZ: user-assigned (e.g. XK Kosovo)
  .map((c) => {
    const wc = wcByCca2.get(c.code);
    check(wc, `country ${c.code}: not in world-countries`);
    const cldr = frRegion.of(c.code);
    check(cldr, `country ${c.code}: no French name in Intl`);
    return {
      code: c.code,
      code3: wc?.cca3 ?? '',
      name_fr: tidy(FR_OVERRIDES[c.code] ?? cldr ?? ''),
      name_en: tidy(EN_OVERRIDES[c.code] ?? wc?.name.common ?? c.name),
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
for (const c of countries) {
  check(/^[A-Z]{2}$/.test(c.code) && /^[A-Z]{3}$/.test(c.code3), `country ${c.code}: bad codes`);
  check(c.name_fr && c.name_en, `country ${c.code}: missing name`);
}
check(new Set(countries.map((c) => c.code3)).size === countries.length, 'duplicate alpha-3 codes');
check(new Set(countries.map((c) => c.name_fr)).size === countries.length, 'duplicate French country names');
check(countries.length >= 249, `countries: ${countries.length} < 249`);
const expectFr = { MA: 'Maroc', LB: 'Liban', EG: 'Égypte', TN: 'Tunisie', US: 'États-Unis', GB: 'Royaume-Uni',
  CN: 'Chine', ZA: 'Afrique du Sud', CZ: 'République tchèque', CI: "Côte d'Ivoire", SN: 'Sénégal', FR: 'France' };
for (const [code, name] of Object.entries(expectFr)) {
  const got = countries.find((c) => c.code === code)?.name_fr;
  check(got === name, `country ${code}: expected "${name}", got "${got}" (ICU/CLDR changed?)`);
}
writeCsv('countries.csv', ['code', 'code3', 'name_fr', 'name_en'],
  countries.map((c) => [c.code, c.code3, c.name_fr, c.name_en]));

// ---------- b. currencies ----------
// Not taken although not marked withdrawn in the IATI codelist:
const CURRENCY_SKIP = {
  HRK: 'withdrawn from ISO 4217 (Croatia adopted the euro on 2023-01-01)',
  XBT: 'not an ISO 4217 code (Bitcoin, an IATI addition)',
};
// Names CLDR lacks or gets wrong.
const CURRENCY_FR_OVERRIDES = {
  VED: 'bolivar digital vénézuélien', // CLDR has no French name
  ERN: 'nakfa érythréen', //             CLDR: "nafka"
  USN: 'dollar des États-Unis (jour suivant)', // CLDR: "Etats-Unis" without accent
};
const currencies = readCodelist('Currency.xml')
  .filter((c) => !c.withdrawn && !CURRENCY_SKIP[c.code])
  .map((c) => {
    const name = CURRENCY_FR_OVERRIDES[c.code] ?? frCurrency.of(c.code);
    check(name && name !== c.code, `currency ${c.code}: no French name`);
    return { code: c.code, name_fr: tidy(name ?? '') };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
for (const [code, name] of Object.entries({ MAD: 'dirham marocain', EUR: 'euro', XOF: 'franc CFA (BCEAO)' })) {
  const got = currencies.find((c) => c.code === code)?.name_fr;
  check(got === name, `currency ${code}: expected "${name}", got "${got}"`);
}
writeCsv('currencies.csv', ['code', 'name_fr'], currencies.map((c) => [c.code, c.name_fr]));

// ---------- c. regions ----------
const regions = regionsData
  .filter((r) => r.zone === 'metro' || r.zone === 'drom') // drop COM (975, 977, ...)
  .map((r) => ({ code: r.code, name: tidy(r.nom) }))
  .sort((a, b) => a.code.localeCompare(b.code));
check(regions.length === 18, `regions: ${regions.length} != 18`);
const regionCodes = new Set(regions.map((r) => r.code));
writeCsv('regions.csv', ['code', 'name'], regions.map((r) => [r.code, r.name]));

// ---------- d. départements ----------
const depSortKey = (code) => code.replace(/^2A$/, '20A').replace(/^2B$/, '20B').padStart(3, '0');
const departements = departementsData
  .filter((d) => d.zone === 'metro' || d.zone === 'drom')
  .map((d) => ({ code: d.code, name: tidy(d.nom), region_code: d.region }))
  .sort((a, b) => depSortKey(a.code).localeCompare(depSortKey(b.code)));
check(departements.length === 101, `départements: ${departements.length} != 101`);
for (const d of departements) check(regionCodes.has(d.region_code), `département ${d.code}: unknown region ${d.region_code}`);
writeCsv('departements.csv', ['code', 'name', 'region_code'],
  departements.map((d) => [d.code, d.name, d.region_code]));

// ---------- e. legacy (pre-2016) regions ----------
// The 22 metropolitan regions and 5 overseas regions in force until 2015-12-31,
// each with its départements; the current region is checked against the
// current region of every one of its départements (from the etalab data).
const LEGACY = [
  ['Alsace', ['67', '68']],
  ['Aquitaine', ['24', '33', '40', '47', '64']],
  ['Auvergne', ['03', '15', '43', '63']],
  ['Basse-Normandie', ['14', '50', '61']],
  ['Bourgogne', ['21', '58', '71', '89']],
  ['Bretagne', ['22', '29', '35', '56']],
  ['Centre', ['18', '28', '36', '37', '41', '45']],
  ['Champagne-Ardenne', ['08', '10', '51', '52']],
  ['Corse', ['2A', '2B']],
  ['Franche-Comté', ['25', '39', '70', '90']],
  ['Haute-Normandie', ['27', '76']],
  ['Île-de-France', ['75', '77', '78', '91', '92', '93', '94', '95']],
  ['Languedoc-Roussillon', ['11', '30', '34', '48', '66']],
  ['Limousin', ['19', '23', '87']],
  ['Lorraine', ['54', '55', '57', '88']],
  ['Midi-Pyrénées', ['09', '12', '31', '32', '46', '65', '81', '82']],
  ['Nord-Pas-de-Calais', ['59', '62']],
  ['Pays de la Loire', ['44', '49', '53', '72', '85']],
  ['Picardie', ['02', '60', '80']],
  ['Poitou-Charentes', ['16', '17', '79', '86']],
  ["Provence-Alpes-Côte d'Azur", ['04', '05', '06', '13', '83', '84']],
  ['Rhône-Alpes', ['01', '07', '26', '38', '42', '69', '73', '74']],
  ['Guadeloupe', ['971']],
  ['Martinique', ['972']],
  ['Guyane', ['973']],
  ['La Réunion', ['974']],
  ['Mayotte', ['976']],
];
const depRegion = new Map(departements.map((d) => [d.code, d.region_code]));
const allLegacyDeps = LEGACY.flatMap(([, deps]) => deps);
check(allLegacyDeps.length === 101 && new Set(allLegacyDeps).size === 101, 'legacy regions do not partition the 101 départements');
const legacy = LEGACY.map(([name, deps]) => {
  const targets = new Set(deps.map((d) => depRegion.get(d)));
  check(targets.size === 1 && !targets.has(undefined), `legacy region ${name}: départements in regions ${[...targets]}`);
  return { name, region_code: [...targets][0] };
}).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
writeCsv('legacy-regions.csv', ['name', 'region_code'], legacy.map((l) => [l.name, l.region_code]));

// ---------- report ----------
console.log(`sources: world-countries ${pkgVersion('world-countries')}, ` +
  `@etalab/decoupage-administratif ${pkgVersion('@etalab/decoupage-administratif')}, ` +
  `Node ${process.version} ICU ${process.versions.icu} CLDR ${process.versions.cldr}, IATI codelists ${iatiDir}`);
if (errors.length) {
  console.error(`\n${errors.length} check(s) failed:\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
console.log('all checks passed');
