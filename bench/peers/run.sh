#!/usr/bin/env bash
# Our nearest-provider walking times against peers, on Liechtenstein, Andorra and Monaco. See
# docs/PEERS.md.
#
#   bash bench/peers/run.sh --install   # once, as root: apt-get the peers (not product dependencies)
#   bash bench/peers/run.sh             # after cmake --preset release && cmake --build --preset release
#   APREPTIS=/path/to/apreptis REPEAT=5 COUNTRIES="liechtenstein monaco" bash bench/peers/run.sh
#
# Per country:
#   ours      `apreptis analyze` of the project, end to end from the raw OSM file;
#   raw peers what a user of each peer runs, END TO END FROM THE RAW OSM FILE and the project's
#             unit and provider files: networkx (pyosmium reads the PBF), osm2pgrouting +
#             pgRouting, GRASS GIS. Timed; ours / peer is the figure of issue 17 (goal <= 0.05).
#             They build their own network, so their answers are close to ours, not equal:
#             reported as closeness, not failed on;
#   network peers  networkx and pgRouting routing on the network OUR run wrote (the roads layer):
#             the agreement check (equal within float32 rounding), and the exit status.
# Liechtenstein is datasets/liechtenstein/; Andorra and Monaco projects are written by
# make_project.py from $SHARED (default ../shared/data: the extracts and their admin boundaries).
#
# Exit 0 when every installed network peer agrees (missing peers are reported as skipped),
# 1 when a network peer's answers disagree beyond tolerance or a peer fails, 2 on a setup error.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1   # leave no __pycache__ in bench/peers

PEER_PACKAGES="gdal-bin python3-gdal python3-numpy python3-networkx python3-pyosmium osmium-tool osm2pgrouting
  postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting grass-core bc"
if [[ ${1:-} == --install ]]; then
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PEER_PACKAGES
    exit
fi

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APREPTIS=${APREPTIS:-$ROOT/build/release/app/apreptis}
SHARED=${SHARED:-$ROOT/../shared/data}
COUNTRIES=${COUNTRIES:-"liechtenstein andorra monaco"}
REPEAT=${REPEAT:-3}
PY=${PEERS_PYTHON:-/usr/bin/python3}   # Debian's python: python3-gdal, python3-numpy, python3-networkx, python3-pyosmium
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT_PEERS=${PGPORT_PEERS:-54329}

[[ -x $APREPTIS ]] || { echo "no $APREPTIS: cmake --preset release && cmake --build --preset release (or set APREPTIS)" >&2; exit 2; }
"$PY" -c 'from osgeo import ogr; import numpy' 2>/dev/null ||
    { echo "$PY lacks osgeo/numpy: bash $0 --install (or apt-get install python3-gdal python3-numpy)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/apreptis-peers.XXXXXX)
PGDATA_DIR=""
cleanup() {
    if [[ -n $PGDATA_DIR && -f $PGDATA_DIR/postmaster.pid ]]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
    fi
    [[ -n ${KEEP:-} ]] && echo "work files kept in $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { "$PY" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
minof() { "$PY" -c "import sys; print(f'{min(map(float, sys.argv[1:])):.3f}')" "$@"; }
ratio() { "$PY" -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$1" "$2"; }
share() { "$PY" -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }

# --- which peers are installed ---------------------------------------------------------------
have_nx=""; "$PY" -c 'import networkx' 2>/dev/null && have_nx=1
have_osmium_py=""; "$PY" -c 'import osmium' 2>/dev/null && have_osmium_py=1
pg_missing=""
[[ -x $PGBIN/initdb ]] || pg_missing="postgresql-15"
[[ -z $pg_missing && -f /usr/share/postgresql/15/extension/postgis.control ]] || pg_missing=${pg_missing:-postgresql-15-postgis-3}
[[ -z $pg_missing && -f /usr/share/postgresql/15/extension/pgrouting.control ]] || pg_missing=${pg_missing:-postgresql-15-pgrouting}
[[ -z $pg_missing ]] && ! ogr2ogr --formats 2>/dev/null | grep -q PostgreSQL && pg_missing="gdal-bin with the PostgreSQL driver"
[[ -z $pg_missing ]] && ! id postgres >/dev/null 2>&1 && pg_missing="postgresql-15 (no postgres user)"
o2p_missing=$pg_missing
[[ -z $o2p_missing ]] && ! command -v osm2pgrouting >/dev/null && o2p_missing=osm2pgrouting
[[ -z $o2p_missing ]] && ! command -v osmium >/dev/null && o2p_missing=osmium-tool
grass_missing=""; command -v grass >/dev/null || grass_missing=grass-core
[[ -z $grass_missing ]] && ! command -v bc >/dev/null && grass_missing=bc

if [[ -z $pg_missing ]]; then
    # A throw-away cluster on a Unix socket in the work directory (no TCP); stopped on exit.
    PGDATA_DIR=$WORK/pg/data
    mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg" && chmod o+x "$WORK"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres >"$WORK/pg/initdb.log" 2>&1
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/log" -w \
        -o "-k $WORK/pg -p $PGPORT_PEERS -c listen_addresses=''" start >/dev/null
    export PGHOST=$WORK/pg PGPORT=$PGPORT_PEERS PGUSER=postgres
fi

status=0
summary=()
table=()

# run_peer KIND NAME COMMAND...: best of REPEAT (wall clock, or the command's own $CW/NAME.elapsed).
# KIND net: answers must equal ours (exit status); raw: closeness reported, ours / peer computed.
run_peer() {
    local kind=$1 name=$2; shift 2
    local ts=() t0
    for _ in $(seq "$REPEAT"); do
        t0=$(now)
        "$@" >"$CW/$name.log" 2>&1 || { tail -20 "$CW/$name.log"; echo "  $name: FAILED to run"; status=1; summary+=("$C $name: failed to run"); PEER_T=failed; return; }
        if [[ -f $CW/$name.elapsed ]]; then ts+=("$(cat "$CW/$name.elapsed")"); rm "$CW/$name.elapsed"
        else ts+=("$(secs "$t0" "$(now)")"); fi
    done
    grep ' graph: ' "$CW/$name.log" || true   # the peer's own summary line (the rest stays in the log)
    local best; best=$(minof "${ts[@]}")
    PEER_T=$best
    [[ -f $CW/$name.stages ]] && sed "s/^/    stage /" "$CW/$name.stages"
    if [[ $kind == raw ]]; then
        echo "  $name: ${best} s (runs: ${ts[*]}); ours / $name = $(share "$OURS" "$best")"
        "$PY" "$HERE/compare.py" --closeness "$CW/ours/unit_access.csv" "$CW/$name.csv" "$name" "$SPEED"
        summary+=("$C $name: ${best} s vs ours ${OURS} s: ours / peer = $(share "$OURS" "$best")")
    else
        echo "  $name: ${best} s (runs: ${ts[*]}); ${name} / ours = $(ratio "$best" "$OURS")x"
        if "$PY" "$HERE/compare.py" "$CW/ours/unit_access.csv" "$CW/$name.csv" "$name" "$SPEED"; then
            summary+=("$C $name: ${best} s vs ours ${OURS} s (x$(ratio "$best" "$OURS")), answers agree")
        else
            status=1
            summary+=("$C $name: ${best} s vs ours ${OURS} s (x$(ratio "$best" "$OURS")), ANSWERS DISAGREE")
        fi
    fi
}
skip() { echo "  $1: skipped (package $2 not installed)"; summary+=("$C $1: skipped (package $2 not installed)"); PEER_T=-; }

# --- peers on the network we wrote (agreement) ------------------------------------------------
pgr_net_once() { # fresh database each time; loading (ogr2ogr) and solving (psql) are timed
    local db=peer$RANDOM$RANDOM t0 t1 t2
    createdb "$db" && psql -qd "$db" -c 'CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;' >/dev/null
    t0=$(now)
    ogr2ogr -f PostgreSQL PG:"dbname=$db" "$CW/ours/coverage.gpkg" roads units providers \
        -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE
    t1=$(now)
    (cd "$CW" && psql -qd "$db" -v max_snap="$MAXSNAP" -v speed="$SPEED" -f "$HERE/pgrouting.sql")
    t2=$(now)
    mv "$CW/pgr_answers.csv" "$CW/pgRouting.csv"
    printf 'load_ogr2ogr_s\t%s\nsql_topology_snap_route_evaluate_s\t%s\n' "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" >"$CW/pgRouting.stages"
    secs "$t0" "$t2" >"$CW/pgRouting.elapsed"   # createdb/extensions/dropdb not timed
    dropdb "$db"
}

# --- peers from the raw OSM file (what a user runs) -------------------------------------------
pgr_raw_once() { # osmium cat (osm2pgrouting reads only OSM XML), osm2pgrouting, the CSVs, SQL
    local db=peer$RANDOM$RANDOM t0 t1 t2 t3
    createdb "$db" && psql -qd "$db" -c 'CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;' >/dev/null
    t0=$(now)
    osmium cat -f osm -o "$CW/raw.osm" --overwrite "$PBF"
    osm2pgrouting -f "$CW/raw.osm" -c "$HERE/osm2pgrouting_walk.xml" -d "$db" -U postgres -h "$PGHOST" -p "$PGPORT" --clean
    t1=$(now)
    ogr2ogr -f PostgreSQL PG:"dbname=$db" "$UNITS_CSV" -nln units_csv -oo X_POSSIBLE_NAMES="$UX" -oo Y_POSSIBLE_NAMES="$UY" \
        -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs "EPSG:$EPSG" -lco GEOMETRY_NAME=geom
    ogr2ogr -f PostgreSQL PG:"dbname=$db" "$PROV_CSV" -nln providers -oo X_POSSIBLE_NAMES="$PX" -oo Y_POSSIBLE_NAMES="$PY_" \
        -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs "EPSG:$EPSG" -lco GEOMETRY_NAME=geom
    psql -qd "$db" -v ON_ERROR_STOP=1 -c "CREATE TABLE roads AS SELECT gid AS edge_id, ST_Multi(ST_Transform(the_geom, $EPSG)) AS geom FROM ways;
        CREATE VIEW units AS SELECT ogc_fid - 1 AS unit_id, geom FROM units_csv;"   # unit k = row k, as ours
    t2=$(now)
    (cd "$CW" && psql -qd "$db" -v max_snap="$MAXSNAP" -v speed="$SPEED" -f "$HERE/pgrouting.sql")
    t3=$(now)
    mv "$CW/pgr_answers.csv" "$CW/pgRouting_raw.csv"
    printf 'osmium_cat_and_osm2pgrouting_s\t%s\nload_units_providers_s\t%s\nsql_topology_snap_route_evaluate_s\t%s\n' \
        "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" "$(secs "$t2" "$t3")" >"$CW/pgRouting_raw.stages"
    secs "$t0" "$t3" >"$CW/pgRouting_raw.elapsed"   # createdb/extensions/dropdb not timed
    dropdb "$db"
}
grass_raw_once() { # a temporary GRASS location in the working CRS, the whole session timed
    rm -rf "$CW/grass" && mkdir -p "$CW/grass"
    (cd "$CW/grass" && grass --tmp-location "EPSG:$EPSG" --exec bash "$HERE/grass_raw.sh" "$PBF" "$ROOT/datasets/osm/osmconf_roads.ini" \
        "$UNITS_CSV" "$PROV_CSV" "$UX" "$UY" "$MAXSNAP" "$CW/grass")
    "$PY" "$HERE/grass_answers.py" "$CW/grass/grass_dist.csv" "$PROV_CSV" "$N_UNITS" "$SPEED" "$CW/GRASS_raw.csv"
    cp "$CW/grass/grass.stages" "$CW/GRASS_raw.stages"
}

project_of() { # country -> project file (Andorra, Monaco: written into the work directory)
    case $1 in
        liechtenstein) echo "$ROOT/datasets/liechtenstein/liechtenstein.toml" ;;
        andorra) "$PY" "$HERE/make_project.py" Andorra "$SHARED/osm-andorra-2013-graphhopper/andorra.osm.pbf" \
                     "$SHARED/osm-andorra-2013-graphhopper/andorra-admin.geojson" 7 32631 "$WORK/andorra" >&2 &&
                 echo "$WORK/andorra/project.toml" ;;
        monaco) "$PY" "$HERE/make_project.py" Monaco "$SHARED/osm-monaco-2016-osrm/monaco.osm.pbf" \
                    "$SHARED/osm-monaco-2016-osrm/monaco-admin.geojson" 10 32632 "$WORK/monaco" >&2 &&
                echo "$WORK/monaco/project.toml" ;;
        *) echo "run.sh: unknown country $1 (liechtenstein, andorra, monaco)" >&2; exit 2 ;;
    esac
}

for C in $COUNTRIES; do
    CW=$WORK/run-$C; mkdir -p "$CW"
    PROJECT=$(project_of "$C") || { echo "run.sh: cannot make the $C project (is $SHARED there?)" >&2; exit 2; }
    read -r PROFILE SPEED MAXSNAP < <("$PY" -c "
import sys; sys.path.insert(0, '$HERE'); import common
p = common.project_params('$PROJECT'); print(p['profile'], repr(p['speed_mps']), p['max_snap_m'])")
    IFS=$'\t' read -r PBF EPSG UNITS_CSV UX UY PROV_CSV PX PY_ < <("$PY" "$HERE/raw_osm.py" "$PROJECT" "$CW")   # units inside the wards, not timed

    echo
    echo "=== $C: $APREPTIS analyze $PROJECT (best of $REPEAT, wall clock)"
    ours_t=()
    for _ in $(seq "$REPEAT"); do
        rm -rf "$CW/ours"
        t0=$(now)
        "$APREPTIS" analyze "$PROJECT" --out "$CW/ours" >"$CW/ours.log" 2>&1 ||
            { cat "$CW/ours.log" >&2; echo "apreptis analyze failed" >&2; exit 2; }
        ours_t+=("$(secs "$t0" "$(now)")")
    done
    OURS=$(minof "${ours_t[@]}")
    N_UNITS=$(jq .distances.population_surface.units "$CW/ours/run.json")
    "$PY" - "$CW/ours/run.json" "$OURS" "${ours_t[*]}" "$PBF" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
n = d["distances"]["network"]
print(f"  whole run {sys.argv[2]} s (runs: {sys.argv[3]}) from {sys.argv[4]}; run.json seconds: "
      f"load {d['seconds']['load']:.3f}, compute {d['seconds']['compute']:.3f}")
print(f"  network: {n['nodes']} nodes, {n['edges']} edges, {n['components']} connected parts; "
      f"{d['distances']['population_surface']['units']} units; profile {n['profile']}")
PYEOF

    echo "-- from the raw OSM file (timed end to end; ours / peer)"
    row="$C $OURS"
    if [[ -n $have_nx && -n $have_osmium_py ]]; then
        echo "  networkx $("$PY" -c 'import networkx; print(networkx.__version__)') + pyosmium: read the PBF and the project's CSVs, build, snap, route"
        run_peer raw networkx_raw "$PY" "$HERE/peer_networkx_raw.py" "$PROJECT" "$UNITS_CSV" "$CW/networkx_raw.csv" "$CW/networkx_raw.stages"
    else skip networkx_raw "$([[ -n $have_nx ]] && echo python3-pyosmium || echo python3-networkx)"; fi
    row+=" $PEER_T"
    if [[ -z $o2p_missing ]]; then
        echo "  osmium cat to XML, osm2pgrouting $(dpkg-query -W -f '${Version}' osm2pgrouting 2>/dev/null) (osm2pgrouting_walk.xml), ogr2ogr the CSVs, pgrouting.sql"
        run_peer raw pgRouting_raw pgr_raw_once
    else skip pgRouting_raw "$o2p_missing"; fi
    row+=" $PEER_T"
    if [[ -z $grass_missing ]]; then
        echo "  GRASS GIS $(dpkg-query -W -f '${Version}' grass-core 2>/dev/null): ogr2ogr + v.in.ogr, v.clean, v.net connect, v.net.distance (grass_raw.sh)"
        run_peer raw GRASS_raw grass_raw_once
    else skip GRASS_raw "$grass_missing"; fi
    row+=" $PEER_T"
    table+=("$row")

    echo "-- on the network our run wrote (agreement)"
    if [[ -n $have_nx ]]; then
        run_peer net networkx "$PY" "$HERE/peer_networkx.py" "$PROJECT" "$CW/ours" "$CW/networkx.csv" "$CW/networkx.stages"
    else skip networkx python3-networkx; fi
    if [[ -z $pg_missing ]]; then
        run_peer net pgRouting pgr_net_once
    else skip pgRouting "$pg_missing"; fi
done

echo
echo "== Summary ($(nproc) cores; wall clock, best of $REPEAT)"
for s in "${summary[@]}"; do echo "  $s"; done
echo
echo "From the raw OSM file, seconds and ours / peer (issue 17 goal: <= 0.05 of every peer):"
printf '  %-14s %8s %22s %22s %22s\n' country ours networkx_raw pgRouting_raw GRASS_raw
for r in "${table[@]}"; do
    read -r c o a b g <<<"$r"
    cell() { [[ $1 == - || $1 == failed ]] && echo "$1" || echo "$1 s ($(share "$o" "$1"))"; }
    printf '  %-14s %8s %22s %22s %22s\n' "$c" "$o s" "$(cell "$a")" "$(cell "$b")" "$(cell "$g")"
done
exit $status
