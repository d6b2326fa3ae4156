#!/usr/bin/env bash
# GRASS GIS peer from the raw OSM file (bench/peers/run.sh), run inside a GRASS session:
#   grass --tmp-location EPSG:NNNN --exec bash grass_raw.sh PBF OSMCONF UNITS.csv PROVIDERS.csv X Y MAX_SNAP OUT_DIR
# UNITS.csv / PROVIDERS.csv are the project's points (EPSG:4326, columns X and Y); PROVIDERS.csv
# has provider_id and service_type. What a GRASS user runs: the walkable ways of the extract
# (GDAL's OSM driver, the walk highway values of docs/ROUTING.md) selected and reprojected with
# ogr2ogr, imported with v.in.ogr and broken at crossings with v.clean, the points with v.in.ogr, v.net connect (each point joined to the nearest
# point of the nearest line, no farther than MAX_SNAP), then v.net.distance per service type
# (nearest provider over the network, the connecting legs included). Writes OUT_DIR/grass_dist.csv
# (service_type, unit row, provider row, distance m) and OUT_DIR/grass.stages.
set -euo pipefail
pbf=$1 osmconf=$2 units=$3 providers=$4 xf=$5 yf=$6 maxsnap=$7 out=$8
now() { date +%s.%N; }
t0=$(now)
export OSM_CONFIG_FILE=$osmconf
walk="'trunk','trunk_link','primary','primary_link','secondary','secondary_link','tertiary','tertiary_link','unclassified','residential','living_street','service','road','pedestrian','footway','path','steps','track','cycleway','bridleway','corridor'"
no="'no','private','agricultural','forestry'" yes="'yes','designated','permissive','destination'"
EPSG=$(g.proj -g | sed -n 's/^srid=EPSG://p')
# v.import has no attribute filter and v.in.ogr does not reproject: ogr2ogr selects and reprojects
ogr2ogr -f GPKG "$out/grass_roads.gpkg" "$pbf" lines -nln roads -overwrite -t_srs "EPSG:$EPSG" \
  -where "highway IN ($walk) AND (foot IS NULL OR foot NOT IN ($no)) AND (access IS NULL OR access NOT IN ($no) OR foot IN ($yes))"
v.in.ogr input="$out/grass_roads.gpkg" layer=roads output=roads_in --quiet
# v.in.ogr keeps each way whole: break at intersections so ways meeting at a middle vertex are
# joined (it also joins crossings without a shared node, bridges: a known difference)
v.clean input=roads_in output=roads tool=break,rmdupl --quiet
t1=$(now)
for k in units providers; do
  src=$units; [ $k = providers ] && src=$providers
  ogr2ogr -f GPKG "$out/grass_$k.gpkg" "$src" -oo X_POSSIBLE_NAMES="$xf" -oo Y_POSSIBLE_NAMES="$yf" -oo KEEP_GEOM_COLUMNS=NO \
    -s_srs EPSG:4326 -t_srs "EPSG:$EPSG" -nln "$k" -overwrite
  v.in.ogr input="$out/grass_$k.gpkg" layer="$k" output="$k" --quiet -o
done
# one point map: units keep cat = row (1..n), providers cat = 1000000 + row
n_units=$(v.info -t units | sed -n 's/^points=//p')
v.category input=providers output=providers_off option=sum cat=1000000 --quiet
v.patch input=units,providers_off output=points --quiet
v.net input=roads points=points output=net operation=connect threshold="$maxsnap" --quiet
t2=$(now)
: >"$out/grass_dist.csv"
for s in $(v.db.select -c map=providers columns=service_type | sort -u); do
  cats=$(v.db.select -c map=providers columns=cat where="service_type = '$s'" | awk '{printf "%s%d", (NR > 1 ? "," : ""), 1000000 + $1}')
  v.net.distance input=net output="d_$s" from_layer=2 to_layer=2 from_cats="1-$n_units" to_cats="$cats" --quiet --overwrite
  v.db.select -c map="d_$s" columns=cat,tcat,dist separator=comma | sed "s/^/$s,/" >>"$out/grass_dist.csv"
done
t3=$(now)
printf 'import_roads_s\t%s\nimport_points_connect_s\t%s\nv.net.distance_s\t%s\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" >"$out/grass.stages"
