#!/bin/sh
# An offline basemap from an OpenStreetMap extract: water, buildings and streets rendered
# with GDAL (ogr2ogr + gdal_rasterize) into an RGB GeoTIFF in the project's working CRS, for
# `[basemap] source = "..."` where the planner's machine has no network (docs/PROJECT_FILE.md).
# The picture is OSM data: its attribution is "© OpenStreetMap contributors, ODbL 1.0".
#   scripts/osm_basemap.sh EXTRACT.osm.pbf OUT.tif EPSG:3346 [PIXEL_M=5]
set -eu
[ $# -ge 3 ] || { echo "usage: $0 EXTRACT.osm.pbf OUT.tif EPSG:CODE [PIXEL_M]" >&2; exit 64; }
pbf=$1 out=$2 crs=$3 px=${4:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# features in the working CRS; streets buffered to a width by class (metres)
ogr2ogr -q -f GPKG "$tmp/osm.gpkg" "$pbf" -t_srs "$crs" -nln buildings multipolygons -where "building IS NOT NULL"
ogr2ogr -q -f GPKG -update "$tmp/osm.gpkg" "$pbf" -t_srs "$crs" -nln water multipolygons \
  -where "natural = 'water' OR landuse = 'reservoir' OR other_tags LIKE '%\"waterway\"=>\"riverbank\"%'"
ogr2ogr -q -f GPKG -update "$tmp/osm.gpkg" "$pbf" -t_srs "$crs" -nln streets lines -where "highway IS NOT NULL"
ogr2ogr -q -f GPKG -update "$tmp/osm.gpkg" "$tmp/osm.gpkg" -nln wide -dialect sqlite -sql \
  "SELECT ST_Buffer(geom, CASE WHEN highway IN ('motorway','trunk','primary') THEN 9
        WHEN highway IN ('secondary','tertiary') THEN 7 WHEN highway IN ('footway','path','track','cycleway','steps','bridleway') THEN 1.5
        ELSE 4.5 END) AS geom, highway FROM streets"
# the extent of the streets and 2 km around them
ext=$(ogrinfo -so "$tmp/osm.gpkg" streets | sed -n 's/^Extent: (\(.*\), \(.*\)) - (\(.*\), \(.*\))$/\1 \2 \3 \4/p')
set -- $(echo $ext | awk '{ printf "%.0f %.0f %.0f %.0f", $1 - 2000, $2 - 2000, $3 + 2000, $4 + 2000 }')
gdal_rasterize -q -a_srs "$crs" -te "$1" "$2" "$3" "$4" -tr "$px" "$px" -ot Byte -init 232 228 220 \
  -burn 170 211 223 -l water "$tmp/osm.gpkg" "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 196 184 172 -l buildings "$tmp/osm.gpkg" "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 160 160 160 -l wide -where "highway IN ('footway','path','track','cycleway','steps','bridleway')" "$tmp/osm.gpkg" "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 255 255 255 -l wide -where "highway NOT IN ('footway','path','track','cycleway','steps','bridleway')" "$tmp/osm.gpkg" "$tmp/base.tif"
gdal_rasterize -q -b 1 -b 2 -b 3 -burn 250 214 140 -l wide -where "highway IN ('motorway','trunk','primary','secondary')" "$tmp/osm.gpkg" "$tmp/base.tif"
gdal_translate -q -co COMPRESS=DEFLATE -co TILED=YES "$tmp/base.tif" "$tmp/out.tif"
gdaladdo -q -r average "$tmp/out.tif" 2 4 8 16
mv "$tmp/out.tif" "$out"
echo "Wrote $out ($crs, $px m pixels); attribution: © OpenStreetMap contributors, ODbL 1.0"
