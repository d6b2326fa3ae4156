#!/usr/bin/env bash
# Whole `apreptis analyze` runs from Kaunas size to Lithuania size, wall time and peak RSS.
#
#   bash bench/country/run.sh [WORK_DIR]
#
# For each size it generates a synthetic input set with make_country_pbf (bench/country/
# make_country_pbf.cpp: real ward boundaries and census populations, a synthetic national OSM
# extract (road grid, buildings, addresses, POIs, landuse), population points and providers), runs `apreptis analyze` under /usr/bin/time -v and prints
# wall time, peak RSS and the stage seconds of run.json. The first row is the real Kaunas project
# (datasets/kaunas/kaunas.toml, straight line).
#
# Environment:
#   BUILD=...      build directory with app/apreptis and bench/make_country_pbf (default build/release)
#   APREPTIS=...   the binary to time (default $BUILD/app/apreptis)
#   SIZES="..."    area fractions of Lithuania, nearest to Kaunas first (default "0.01 0.1 0.3 1")
#   REPEAT=N       runs per size, best wall time reported (default 1)
#   REUSE=1        keep input sets generated earlier in WORK_DIR
#   CATCHMENTS=... [access] catchments of the generated projects: service (default: one area per
#                  service type and band, a coordinator's country map) or provider (per provider)
#   GEN_ARGS="..." more make_country_pbf options, e.g. --roads-only (the ~30 MB road grid alone,
#                  the file of the measurements before issue 17)
# The issue 17 goals (Kaunas clip of the national file; whole country) are bench/country/national.sh.
# Generated data goes to WORK_DIR (default ${TMPDIR:-/tmp}/apreptis-country), never into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
APREPTIS=${APREPTIS:-$BUILD/app/apreptis}
GEN=${GEN:-$BUILD/bench/make_country_pbf}
WORK=${1:-${TMPDIR:-/tmp}/apreptis-country}
SIZES=${SIZES:-"0.01 0.1 0.3 1"}
REPEAT=${REPEAT:-1}
for b in "$APREPTIS" "$GEN" /usr/bin/time; do
  [ -x "$b" ] || { echo "run.sh: $b not found (build with: cmake --build $BUILD; apt install time libosmium2-dev)" >&2; exit 2; }
done
case "$(cd "$WORK" 2>/dev/null && pwd || echo "$WORK")" in "$ROOT"/*) echo "run.sh: WORK_DIR must be outside the repository" >&2; exit 2;; esac
mkdir -p "$WORK"

source "$ROOT/bench/country/timed.sh"   # timed PROJECT OUT -> "wall_s rss_mb load_s compute_s cpu_s"

printf '%-10s %6s %10s %9s %8s %10s %10s %8s %8s %9s %9s\n' size wards residents units providers road_nodes graph_nodes wall_s rss_MB load_s compute_s
# Kaunas, the real project (straight-line distances)
read -r wall rss load compute _ < <(timed "$ROOT/datasets/kaunas/kaunas.toml" "$WORK/kaunas.out")
printf '%-10s %6s %10s %9s %8s %10s %10s %8.2f %8s %9.2f %9.2f\n' kaunas \
  "$(jq .counts.wards "$WORK/kaunas.out/run.json")" "$(jq .counts.residents "$WORK/kaunas.out/run.json")" \
  "$(jq .distances.population_surface.units "$WORK/kaunas.out/run.json")" "$(jq .counts.providers "$WORK/kaunas.out/run.json")" \
  - - "$wall" "$rss" "$load" "$compute"

for f in $SIZES; do
  tag=$(printf '%s' "${GEN_ARGS:-}" | tr -dc 'a-z0-9.')
  dir="$WORK/f$f-${CATCHMENTS:-service}${tag:+-$tag}"
  if [ "${REUSE:-0}" != 1 ] || [ ! -f "$dir/country.toml" ]; then
    "$GEN" --out "$dir" --fraction "$f" --catchments "${CATCHMENTS:-service}" --wards "$ROOT/datasets/lithuania/wards.geojson" \
      --catalogue "$ROOT/datasets/catalogue" --osmconf "$ROOT/datasets/osm/osmconf_roads.ini" ${GEN_ARGS:-} >"$dir.gen.log" 2>&1 ||
      { cat "$dir.gen.log" >&2; exit 1; }
  fi
  read -r wall rss load compute _ < <(timed "$dir/country.toml" "$dir.out")
  r="$dir.out/run.json"
  osm_nodes=$(grep -o '[0-9]* intersections + [0-9]* shape' "$dir.gen.log" | awk '{print $1+$4}')
  printf '%-10s %6s %10s %9s %8s %10s %10s %8.2f %8s %9.2f %9.2f\n' "f$f" "$(jq .counts.wards "$r")" \
    "$(jq .counts.residents "$r")" "$(jq .distances.population_surface.units "$r")" "$(jq .counts.providers "$r")" \
    "$osm_nodes" "$(jq .distances.network.nodes "$r")" "$wall" "$rss" "$load" "$compute"
done
echo "(wall and peak RSS from /usr/bin/time -v, best of REPEAT=$REPEAT; load/compute from run.json; the rest of"
echo " the wall time is writing the outputs. road_nodes: OSM nodes in the PBF; graph_nodes: routing graph nodes.)"
