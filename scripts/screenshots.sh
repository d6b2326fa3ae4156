#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ (needs the viewer built: scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
V=./build/release/app/viewer/apreptis-viewer
mkdir -p docs/screenshots
run() { xvfb-run -a -s "-screen 0 1600x1000x24" "$V" --size 1600x1000 --frames 4 "$@"; }
# 1. Kaunas: estimated older persons per ward, Dainava selected
run --indicator older_est --select 1904 --screenshot docs/screenshots/kaunas_choropleth.png
# 2. What-if: a 30-place children's day centre added in Dainava, places per 1000 children
run --whatif 'ward:1904;children_day_centre;children;30' --select 1904 --screenshot docs/screenshots/whatif.png
# 3. Export with legend, scale bar, north arrow and attribution
run --indicator density --export-png docs/screenshots/kaunas_export.png --export-size 1400x1000
# 4. Liechtenstein: network catchments (walk) of the pharmacies
run datasets/liechtenstein/liechtenstein.toml --indicator access:pharmacy:residents --screenshot docs/screenshots/liechtenstein_access.png
# 5. Locate providers: two Kaunas providers without a point placed by clicks (not saved)
run --lang en --indicator coverage:children_day_centre:children:persons:recipients_per_1000 \
  --locate-place 'KNS122;ward:1904' --locate-place 'KNS118;ward:1908' --locate-select KNS122 \
  --screenshot docs/screenshots/locate_providers.png
# 5. How sure? Wards whose rank is not sure hatched (300 runs of [robustness]), Eiguliai selected
run --plain --lang en --indicator density --select 1909 --how-sure 300 --screenshot docs/screenshots/how_sure.png
# 6. Issue 18 on the Liechtenstein extract: its providers without coordinates (scripts/osm_providers.py),
#    located from the extract's addresses, over an offline basemap of it; two pharmacies without an
#    address placed by clicks at the pixels of their OSM positions (3x zoom: 8.94 m a pixel)
li=$(mktemp -d)
pbf=datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf
python3 scripts/osm_providers.py "$pbf" "$li"
./build/release/app/apreptis locate "$li/project.toml" --addresses "$pbf"
sh scripts/osm_basemap.sh "$pbf" "$li/basemap.tif" EPSG:32632 5
sed -e 's|^path = "providers.csv"|path = "providers_located.csv"|' "$li/project.toml" > "$li/located.toml"
printf '\n[basemap]\nsource = "basemap.tif"\nattribution = "© OpenStreetMap contributors, ODbL 1.0"\nward_opacity = 0.45\n' >> "$li/located.toml"
xvfb-run -a -s "-screen 0 1600x1000x24" "$V" "$li/located.toml" --size 1600x1000 --frames 40 --lang en \
  --zoom 3@538800,5222800 --locate-place 'OSM-N22527;770,372' --locate-place 'OSM-N23320;883,735' \
  --locate-select OSM-N22527 --screenshot docs/screenshots/liechtenstein_locate.png
rm -rf "$li"
echo "screenshots in docs/screenshots/"
