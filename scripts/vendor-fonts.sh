#!/usr/bin/env bash
# Vendors the portal's typeface, Public Sans (SIL Open Font License 1.1), into src/Atlas.Web/wwwroot/fonts/ so that no page
# loads a font from the internet. Run it only to change the version or the weights: the files are committed, and neither the
# build nor the app fetches anything.
#
#   scripts/vendor-fonts.sh
#
# Steps: npm pack the @fontsource package into a temp dir, copy the woff2 files of the latin and latin-ext subsets for the
# weights the stylesheet uses, copy the licence, write fonts.css (one @font-face per file, with its subset's unicode-range,
# so that a browser downloads latin-ext only for a page that needs it) and VERSION.
set -euo pipefail

PACKAGE="@fontsource/public-sans"
VERSION="5.3.0"
FAMILY="Public Sans"
SLUG="public-sans"
FACES=("400 normal" "700 normal" "400 italic")
SUBSETS=("latin" "latin-ext")

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$REPO_ROOT/src/Atlas.Web/wwwroot/fonts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null && tar xzf ./*.tgz)
PKG="$WORK/package"

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$PKG/LICENSE" "$DEST/OFL.txt"

css="$DEST/fonts.css"
{
  echo "/* $FAMILY ($PACKAGE $VERSION), SIL Open Font License 1.1 (OFL.txt). Written by scripts/vendor-fonts.sh: do not edit. */"
  for subset in "${SUBSETS[@]}"; do
    range=$(node -e "process.stdout.write(require(process.argv[1])[process.argv[2]])" "$PKG/unicode.json" "$subset")
    for face in "${FACES[@]}"; do
      read -r weight style <<<"$face"
      file="$SLUG-$subset-$weight-$style.woff2"
      cp "$PKG/files/$file" "$DEST/$file"
      echo "@font-face { font-family: \"$FAMILY\"; font-style: $style; font-weight: $weight; font-display: swap; src: url(\"$file\") format(\"woff2\"); unicode-range: $range; }"
    done
  done
} >"$css"

echo "$PACKAGE $VERSION" >"$DEST/VERSION"
du -ch "$DEST"/*.woff2 | tail -1 | sed "s#total#in $DEST#"
