#!/usr/bin/env bash
# Side-by-side: our nearest-provider walking times on Liechtenstein against peers (networkx,
# pgRouting), same network, same snapping rules. See docs/PEERS.md.
#
#   bash bench/peers/run.sh            # after cmake --preset release && cmake --build --preset release
#   APREPTIS=/path/to/apreptis REPEAT=5 bash bench/peers/run.sh
#
# Exit 0 when every installed peer agrees (missing peers are reported as skipped),
# 1 when a peer's answers disagree beyond tolerance, 2 on a setup error.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1   # leave no __pycache__ in bench/peers

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APREPTIS=${APREPTIS:-$ROOT/build/release/app/apreptis}
PROJECT=${PROJECT:-$ROOT/datasets/liechtenstein/liechtenstein.toml}
REPEAT=${REPEAT:-3}
PY=${PEERS_PYTHON:-/usr/bin/python3}   # Debian's python: python3-gdal, python3-numpy, python3-networkx
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT_PEERS=${PGPORT_PEERS:-54329}

[[ -x $APREPTIS ]] || { echo "no $APREPTIS: cmake --preset release && cmake --build --preset release (or set APREPTIS)" >&2; exit 2; }
"$PY" -c 'from osgeo import ogr; import numpy' 2>/dev/null ||
    { echo "$PY lacks osgeo/numpy: apt-get install python3-gdal python3-numpy" >&2; exit 2; }

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

read -r PROFILE SPEED MAXSNAP < <("$PY" -c "
import sys; sys.path.insert(0, '$HERE'); import common
p = common.project_params('$PROJECT'); print(p['profile'], repr(p['speed_mps']), p['max_snap_m'])")

echo "== Aprėptis: $APREPTIS analyze $(realpath --relative-to="$ROOT" "$PROJECT") (best of $REPEAT, wall clock)"
ours_t=()
for i in $(seq "$REPEAT"); do
    rm -rf "$WORK/ours"
    t0=$(now)
    "$APREPTIS" analyze "$PROJECT" --out "$WORK/ours" >"$WORK/ours.log" 2>&1 ||
        { cat "$WORK/ours.log" >&2; echo "apreptis analyze failed" >&2; exit 2; }
    ours_t+=("$(secs "$t0" "$(now)")")
done
OURS=$(minof "${ours_t[@]}")
"$PY" - "$WORK/ours/run.json" "$OURS" "${ours_t[*]}" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
n = d["distances"]["network"]
print(f"  whole run {sys.argv[2]} s (runs: {sys.argv[3]}); run.json seconds: load {d['seconds']['load']:.3f}, "
      f"compute {d['seconds']['compute']:.3f}")
print(f"  network: {n['nodes']} nodes, {n['edges']} edges, {n['components']} connected parts; "
      f"{d['distances']['population_surface']['units']} units; profile {n['profile']}")
print("  (the whole run also reads wards/providers, aggregates per ward, draws catchments, solves the capacity "
      "allocation and writes the GeoPackage; the peers below only route)")
EOF

status=0
summary=()

run_peer() { # name, command...; best of REPEAT (wall clock, or the command's own $WORK/NAME.elapsed), compares the last answers
    local name=$1; shift
    local ts=() t0
    for i in $(seq "$REPEAT"); do
        t0=$(now)
        "$@" >"$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log"; echo "  $name: FAILED to run"; status=1; summary+=("$name: failed to run"); return; }
        if [[ -f $WORK/$name.elapsed ]]; then ts+=("$(cat "$WORK/$name.elapsed")"); rm "$WORK/$name.elapsed"
        else ts+=("$(secs "$t0" "$(now)")"); fi
    done
    cat "$WORK/$name.log"
    local best; best=$(minof "${ts[@]}")
    echo "  $name: ${best} s (runs: ${ts[*]}); ${name} / ours = $(ratio "$best" "$OURS")x"
    [[ -f $WORK/$name.stages ]] && sed "s/^/    stage /" "$WORK/$name.stages"
    if "$PY" "$HERE/compare.py" "$WORK/ours/unit_access.csv" "$WORK/$name.csv" "$name" "$SPEED"; then
        summary+=("$name: ${best} s vs ours ${OURS} s (x$(ratio "$best" "$OURS")), answers agree")
    else
        status=1
        summary+=("$name: ${best} s vs ours ${OURS} s (x$(ratio "$best" "$OURS")), ANSWERS DISAGREE")
    fi
}

echo
echo "== networkx"
if "$PY" -c 'import networkx' 2>/dev/null; then
    echo "  networkx $("$PY" -c 'import networkx; print(networkx.__version__)'): read our roads/units/providers, build graph, snap, route, evaluate"
    run_peer networkx "$PY" "$HERE/peer_networkx.py" "$PROJECT" "$WORK/ours" "$WORK/networkx.csv" "$WORK/networkx.stages"
else
    echo "  skipped (package python3-networkx not installed)"
    summary+=("networkx: skipped (package python3-networkx not installed)")
fi

echo
echo "== pgRouting"
pg_missing=""
[[ -x $PGBIN/initdb ]] || pg_missing="postgresql-15"
[[ -z $pg_missing && -f /usr/share/postgresql/15/extension/postgis.control ]] || pg_missing=${pg_missing:-postgresql-15-postgis-3}
[[ -z $pg_missing && -f /usr/share/postgresql/15/extension/pgrouting.control ]] || pg_missing=${pg_missing:-postgresql-15-pgrouting}
[[ -z $pg_missing ]] && ! ogr2ogr --formats 2>/dev/null | grep -q PostgreSQL && pg_missing="gdal-bin with the PostgreSQL driver"
[[ -z $pg_missing ]] && ! id postgres >/dev/null 2>&1 && pg_missing="postgresql-15 (no postgres user)"
if [[ -n $pg_missing ]]; then
    echo "  skipped (package $pg_missing not installed)"
    summary+=("pgRouting: skipped (package $pg_missing not installed)")
else
    # A throw-away cluster on a Unix socket in the work directory (no TCP); stopped on exit.
    PGDATA_DIR=$WORK/pg/data
    mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg" && chmod o+x "$WORK"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres >"$WORK/pg/initdb.log" 2>&1
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg/log" -w \
        -o "-k $WORK/pg -p $PGPORT_PEERS -c listen_addresses=''" start >/dev/null
    export PGHOST=$WORK/pg PGPORT=$PGPORT_PEERS PGUSER=postgres
    pgr_once() { # fresh database each time; loading (ogr2ogr) and solving (psql) are timed
        local db=peer$RANDOM$RANDOM
        createdb "$db" && psql -qd "$db" -c 'CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;' >/dev/null
        local t0 t1 t2
        t0=$(now)
        ogr2ogr -f PostgreSQL PG:"dbname=$db" "$WORK/ours/coverage.gpkg" roads units providers \
            -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE
        t1=$(now)
        (cd "$WORK" && psql -qd "$db" -v max_snap="$MAXSNAP" -v speed="$SPEED" -f "$HERE/pgrouting.sql")
        t2=$(now)
        mv "$WORK/pgr_answers.csv" "$WORK/pgRouting.csv"
        printf 'load_ogr2ogr_s\t%s\nsql_topology_snap_route_evaluate_s\t%s\n' "$(secs "$t0" "$t1")" "$(secs "$t1" "$t2")" >"$WORK/pgRouting.stages"
        secs "$t0" "$t2" >"$WORK/pgRouting.elapsed"   # createdb/extensions/dropdb not timed
        dropdb "$db"
    }
    echo "  PostgreSQL $(psql -d postgres -qAtc 'show server_version'), PostGIS $(psql -d postgres -qAtc "select default_version from pg_available_extensions where name='postgis'"), pgRouting $(psql -d postgres -qAtc "select default_version from pg_available_extensions where name='pgrouting'"): load our layers with ogr2ogr, then SQL (pgrouting.sql); cluster start-up not timed"
    run_peer pgRouting pgr_once
fi

echo
echo "== GRASS GIS"
if command -v grass >/dev/null 2>&1; then
    echo "  skipped (grass is installed, but no GRASS comparison is written yet: see docs/PEERS.md)"
    summary+=("GRASS: skipped (installed; comparison not written)")
else
    echo "  skipped (package grass-core not installed)"
    summary+=("GRASS: skipped (package grass-core not installed)")
fi

echo
echo "== Summary ($(nproc) cores; times are wall clock, best of $REPEAT)"
echo "  ours (whole analyze): ${OURS} s"
for s in "${summary[@]}"; do echo "  $s"; done
exit $status
