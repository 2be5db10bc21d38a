#!/usr/bin/env bash
# Re-create the vendored front-end assets of the web page (src/protestdb/web/static/vendor/).
#
# Dev-only: needs node + npm and network access to the npm registry. The runtime never
# downloads anything; the files written here are committed to the repo.
#
#   scripts/vendor_web_assets.sh            # versions pinned below
#
# npm runs in a temporary folder (no node_modules in the repo); only the dist files and
# the LICENSE files are copied, no source maps.
set -euo pipefail

LEAFLET=1.9.4
US_ATLAS=3.0.1
TOPOJSON_CLIENT=3.1.0
SWAGGER_UI=5.35.0
REDOC=2.5.4

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/protestdb/web/static/vendor"
TMP="$(mktemp -d /tmp/protestdb-vendor.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "leaflet@$LEAFLET" "us-atlas@$US_ATLAS" "topojson-client@$TOPOJSON_CLIENT" \
  "swagger-ui-dist@$SWAGGER_UI" "redoc@$REDOC" >/dev/null
NM="$TMP/node_modules"

rm -rf "$DEST"
mkdir -p "$DEST"/{leaflet/images,us-atlas,swagger-ui,redoc}

# Leaflet: script, stylesheet, marker/layer images.
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$NM/leaflet/LICENSE" "$DEST/leaflet/"
cp "$NM"/leaflet/dist/images/*.png "$DEST/leaflet/images/"

# us-atlas: states TopoJSON -> GeoJSON FeatureCollection of state outlines, converted here
# with topojson-client (coordinates rounded to 4 decimals, ~10 m, to keep the file small).
# Each feature gets properties {name, fips}.
node -e '
const topo = require(process.argv[1] + "/topojson-client");
const t = require(process.argv[1] + "/us-atlas/states-10m.json");
const fc = topo.feature(t, t.objects.states);
const r = (x) => Array.isArray(x) ? x.map(r) : Math.round(x * 1e4) / 1e4;
fc.features = fc.features.map((f) => ({
  type: "Feature",
  id: f.id,
  properties: { name: f.properties.name, fips: f.id },
  geometry: { type: f.geometry.type, coordinates: r(f.geometry.coordinates) },
}));
process.stdout.write(JSON.stringify(fc));
' "$NM" > "$DEST/us-atlas/us-states.geo.json"
cp "$NM/us-atlas/LICENSE" "$DEST/us-atlas/LICENSE"
cp "$NM/topojson-client/LICENSE" "$DEST/us-atlas/LICENSE.topojson-client"
# Counties as TopoJSON (decoded in the page by topojson-client: county lines, county shading).
cp "$NM/us-atlas/counties-10m.json" "$DEST/us-atlas/counties-10m.json"
mkdir -p "$DEST/topojson-client"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$NM/topojson-client/LICENSE" "$DEST/topojson-client/"

# Swagger UI (for /docs).
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui.css" \
   "$NM/swagger-ui-dist/favicon-32x32.png" "$NM/swagger-ui-dist/LICENSE" \
   "$NM/swagger-ui-dist/NOTICE" "$DEST/swagger-ui/"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt" "$DEST/swagger-ui/"

# ReDoc (for /redoc).
cp "$NM/redoc/bundles/redoc.standalone.js" "$NM/redoc/bundles/redoc.standalone.js.LICENSE.txt" \
   "$NM/redoc/LICENSE" "$DEST/redoc/"

# ReDoc shows a "by Redocly" logo loaded from cdn.redoc.ly: point it to an empty inline SVG
# so that nothing is fetched from outside the server.
sed -i 's@https://cdn\.redoc\.ly/redoc/logo-mini\.svg@data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E@g' \
  "$DEST/redoc/redoc.standalone.js"
if grep -q 'cdn\.redoc\.ly' "$DEST/redoc/redoc.standalone.js"; then echo "cdn.redoc.ly still referenced" >&2; exit 1; fi

# No source maps are shipped: drop the sourceMappingURL comments that point to them.
sed -i -E 's@//[#@] sourceMappingURL=[^ ]*\.map[[:space:]]*$@@' \
  "$DEST/leaflet/leaflet.js" "$DEST/swagger-ui/swagger-ui-bundle.js" "$DEST/redoc/redoc.standalone.js"

cat > "$DEST/VERSIONS.txt" <<VERS
leaflet $LEAFLET
us-atlas $US_ATLAS (states-10m.json -> us-states.geo.json via topojson-client $TOPOJSON_CLIENT; counties-10m.json as is, for the county lines and county shading)
topojson-client $TOPOJSON_CLIENT (dist/topojson-client.min.js, decodes counties-10m.json in the page)
swagger-ui-dist $SWAGGER_UI
redoc $REDOC
VERS

du -sh "$DEST"/*
