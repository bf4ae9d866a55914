#!/usr/bin/env bash
# Vendors the DSFR (Système de Design de l'État) assets into
# src/Atlas.Web/wwwroot/lib/dsfr/ so that no page loads anything from a CDN.
#
#   DSFR_ACCEPT_LICENSE=1 scripts/vendor-dsfr.sh
#
# @gouvfr/dsfr refuses to install (preinstall script) until its terms of use
# ("modalités d'utilisation", doc/legal/cgu.md in the package) are accepted.
# They restrict the DSFR to French State services on .gouv.fr sites, and the
# Marianne fonts have terms of their own. Setting DSFR_ACCEPT_LICENSE=1 is that
# acceptance: it is for the project owner to give, so this script never sets it.
#
# Steps: npm install into a temp dir, copy what a server-rendered site needs
# (keeping the relative paths the CSS uses), check that every url(...) in the
# copied CSS points to a copied file, write VERSION, print the total size.
set -euo pipefail

DSFR_VERSION="1.15.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$REPO_ROOT/src/Atlas.Web/wwwroot/lib/dsfr"

if [[ "${DSFR_ACCEPT_LICENSE:-}" != "1" ]]; then
  cat >&2 <<EOF
@gouvfr/dsfr $DSFR_VERSION installs only once its terms of use are accepted
(https://www.systeme-de-design.gouv.fr, "modalités d'utilisation"): reserved to
French State services and .gouv.fr sites. If the project owner accepts them, run:
  DSFR_ACCEPT_LICENSE=1 $0
EOF
  exit 2
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dsfr.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "Installing @gouvfr/dsfr@$DSFR_VERSION in $WORK"
(cd "$WORK" && npm init -y >/dev/null && npm install --no-audit --no-fund "@gouvfr/dsfr@$DSFR_VERSION" >/dev/null)
PKG="$WORK/node_modules/@gouvfr/dsfr"
DIST="$PKG/dist"
installed="$(node -p "require('$PKG/package.json').version")"
[[ "$installed" == "$DSFR_VERSION" ]] || { echo "installed $installed, expected $DSFR_VERSION" >&2; exit 1; }

# Fresh copy: remove only our own vendored folder.
case "$DEST" in */src/Atlas.Web/wwwroot/lib/dsfr) rm -rf "$DEST" ;; *) echo "unexpected DEST $DEST" >&2; exit 1 ;; esac
mkdir -p "$DEST/utility/icons" "$DEST/fonts" "$DEST/favicon" "$DEST/icons"

cp "$DIST/dsfr.min.css" "$DIST/dsfr.module.min.js" "$DIST/dsfr.nomodule.min.js" "$DEST/"
cp "$DIST/utility/icons/icons.min.css" "$DEST/utility/icons/"
# The CSS lists woff2 first with woff as fallback: both are kept.
cp "$DIST"/fonts/*.woff2 "$DIST"/fonts/*.woff "$DEST/fonts/"
cp "$DIST"/favicon/* "$DEST/favicon/"
# SVG icons: dsfr.min.css uses url(icons/...), icons.min.css url(../../icons/...),
# both dist/icons/; only the SVG files are taken.
(cd "$DIST/icons" && find . -type f -name '*.svg' -print0 | xargs -0 cp --parents -t "$DEST/icons/")
cp "$PKG/LICENSE.md" "$DEST/LICENSE.md"
cp "$PKG/doc/legal/cgu.md" "$DEST/TERMS-cgu.md"
printf '@gouvfr/dsfr %s\n' "$DSFR_VERSION" > "$DEST/VERSION"

# Every url(...) in the copied CSS must resolve to a copied file.
node - "$DEST" <<'EOF'
const fs = require('fs'), path = require('path');
const root = process.argv[2];
const cssFiles = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (p.endsWith('.css')) cssFiles.push(p);
  }
})(root);
let checked = 0; const missing = [];
for (const css of cssFiles) {
  const text = fs.readFileSync(css, 'utf8');
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g)) {
    const ref = (m[1] ?? m[2] ?? m[3]).trim();
    if (!ref || /^(data:|https?:|\/\/|#)/i.test(ref)) continue;
    if (/^\//.test(ref)) { missing.push(`${path.relative(root, css)}: absolute ${ref}`); continue; }
    const target = path.resolve(path.dirname(css), decodeURI(ref.replace(/[?#].*$/, '')));
    checked++;
    if (!target.startsWith(root + path.sep) || !fs.existsSync(target)) missing.push(`${path.relative(root, css)}: ${ref}`);
  }
}
console.log(`url() check: ${cssFiles.length} CSS files, ${checked} local references`);
if (missing.length) { console.error(`${missing.length} unresolved:\n  ` + [...new Set(missing)].join('\n  ')); process.exit(1); }
console.log('all url() references resolve');
EOF

echo "Vendored @gouvfr/dsfr $DSFR_VERSION into ${DEST#"$REPO_ROOT"/}: $(find "$DEST" -type f | wc -l) files, $(du -sh --apparent-size "$DEST" | cut -f1) (apparent size)"
