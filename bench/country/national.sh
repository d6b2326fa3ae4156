#!/usr/bin/env bash
# Issue 17's two national-file benchmarks in one command, wall time and peak RSS:
#
#   bash bench/country/national.sh [WORK_DIR]
#
#   clip     Kaunas city (Kauno m. sav., 11 wards, 298,753 residents) whose [roads] path is the
#            WHOLE synthetic national file: what a planner runs with the country extract.
#            Goal: <= 5 s, <= 1 GB.
#   country  all 554 wards of Lithuania on the same file. Goal: <= 40 s, <= 3 GB on 2 cores.
#
# The national file (country.osm.pbf, ~230 MB: roads, buildings, addresses, POIs, landuse in the
# proportions of bench/country/composition.hpp) is written once by make_country_pbf into
# WORK_DIR/f1-service and reused (delete it, or REUSE=0, to write it again). The clip's wards,
# population points and providers are make_country_pbf --fraction 0.0024 (the 11 wards nearest
# Kaunas's centre, exactly Kauno m. sav.) with --osm-from the national file.
#
# Environment: BUILD, APREPTIS, GEN, REPEAT (best of, default 1), REUSE (default 1) as run.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
APREPTIS=${APREPTIS:-$BUILD/app/apreptis}
GEN=${GEN:-$BUILD/bench/make_country_pbf}
WORK=${1:-${TMPDIR:-/tmp}/apreptis-country}
REPEAT=${REPEAT:-1}
for b in "$APREPTIS" "$GEN" /usr/bin/time; do
  [ -x "$b" ] || { echo "national.sh: $b not found (build with: cmake --build $BUILD --target apreptis make_country_pbf; apt install time libosmium2-dev)" >&2; exit 2; }
done
case "$(cd "$WORK" 2>/dev/null && pwd || echo "$WORK")" in "$ROOT"/*) echo "national.sh: WORK_DIR must be outside the repository" >&2; exit 2;; esac
mkdir -p "$WORK"
source "$ROOT/bench/country/timed.sh"

gen() { # dir, make_country_pbf options...
  local dir=$1; shift
  if [ "${REUSE:-1}" != 1 ] || [ ! -f "$dir/country.toml" ]; then
    "$GEN" --out "$dir" --catchments service --wards "$ROOT/datasets/lithuania/wards.geojson" \
      --catalogue "$ROOT/datasets/catalogue" --osmconf "$ROOT/datasets/osm/osmconf_roads.ini" "$@" >"$dir.gen.log" 2>&1 ||
      { cat "$dir.gen.log" >&2; exit 1; }
  fi
}
national=$WORK/f1-service
gen "$national" --fraction 1
[ -f "$national/country.osm.pbf" ] || { echo "national.sh: $national/country.osm.pbf missing (written by an older make_country_pbf? remove $national)" >&2; exit 2; }
clip=$WORK/kaunas-clip
gen "$clip" --fraction 0.0024 --osm-from "$national/country.osm.pbf"

echo "national file: $national/country.osm.pbf, $(( $(stat -c %s "$national/country.osm.pbf") / 1000000 )) MB"
grep "^wards" "$national.gen.log" | sed "s/^/  /"
printf '%-8s %6s %10s %9s %8s %10s %8s %7s %8s %9s %9s  %s\n' run wards residents units providers graph_nodes wall_s cpu_s rss_MB load_s compute_s goal
row() { # name project out goal_s goal_mb
  local wall rss load compute cpu r
  read -r wall rss load compute cpu < <(timed "$2" "$3")
  r="$3/run.json"
  printf '%-8s %6s %10s %9s %8s %10s %8.2f %7s %8s %9.2f %9.2f  <= %s s, <= %s MB: %s\n' "$1" "$(jq .counts.wards "$r")" \
    "$(jq .counts.residents "$r")" "$(jq .distances.population_surface.units "$r")" "$(jq .counts.providers "$r")" \
    "$(jq .distances.network.nodes "$r")" "$wall" "$cpu" "$rss" "$load" "$compute" "$4" "$5" \
    "$(awk -v w="$wall" -v m="$rss" -v gw="$4" -v gm="$5" 'BEGIN{print (w <= gw && m <= gm) ? "met" : "NOT met"}')"
}
row clip "$clip/country.toml" "$clip.out" 5 1000
row country "$national/country.toml" "$national.out" 40 3000
echo "(wall, user+sys CPU and peak RSS from /usr/bin/time -v, best of REPEAT=$REPEAT on $(nproc) cores, load average"
echo " $(cut -d' ' -f1-3 /proc/loadavg) at the end; load/compute from run.json. The goals are on wall time.)"
