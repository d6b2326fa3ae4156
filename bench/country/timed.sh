# Sourced by bench/country/run.sh and national.sh: one timed `apreptis analyze`, best of $REPEAT.
#   timed PROJECT OUT   prints "wall_s rss_mb load_s compute_s cpu_s" (wall, peak RSS and
#                       user+sys CPU from /usr/bin/time -v, load/compute from OUT/run.json); needs $APREPTIS, $REPEAT
timed() { # project out
  local best="" line
  for _ in $(seq "$REPEAT"); do
    rm -rf "$2"
    /usr/bin/time -v -o "$2.time" "$APREPTIS" analyze "$1" --out "$2" --quiet >"$2.log" 2>&1 ||
      { echo "run.sh: analyze $1 failed, see $2.log" >&2; tail -5 "$2.log" >&2; exit 1; }
    local wall rss cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$2.time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$2.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$2.time")
    line="$wall $rss $(jq -r '"\(.seconds.load) \(.seconds.compute)"' "$2/run.json") $cpu"
    if [ -z "$best" ] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
  done
  echo "$best"
}

