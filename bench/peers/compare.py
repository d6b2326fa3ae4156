#!/usr/bin/python3
"""Compare a peer's answers with our unit_access.csv.

usage: compare.py [--closeness] OUR_unit_access.csv PEER_answers.csv PEER_NAME SPEED_MPS
Exit 0 when every answer agrees within tolerance, 1 otherwise. With --closeness (peers that
built their own network from the raw OSM file): shares within 1 % / 5 % and the median
difference, always exit 0.

Tolerance. We keep times and distances in 32-bit floats (geo/routing/network_point.hpp,
travel_query.hpp: the search accumulates edge costs in float), the peers in doubles. One
float32 rounding is a relative 6e-8; a route of a few hundred edges accumulates up to a few
hundred of them. So a distance agrees when |ours - peer| <= max(1 mm, 1e-5 x distance)
(1e-5 is 0.1 m at 10 km), and a time when it agrees to the same relative bound (1 mm of
walking at least). Reachability must agree exactly. The provider may differ only where the
two nearest providers are tied within that tolerance (reported, not a failure).
"""
import csv
import sys

ABS_M = 0.001
REL = 1e-5


def load(path):
    out = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            t = r["time_min"]
            out[(int(r["unit_id"]), r["service_type"])] = (
                None if t == "" else (float(t), float(r["distance_m"]), r["provider_id"]))
    return out


def closeness(ours, peer, name):
    """For a peer that built its own network from the raw file (a different graph by design):
    how close, not whether equal. Always exit 0."""
    both = [k for k in set(ours) & set(peer) if ours[k] is not None and peer[k] is not None]
    rel = sorted(abs(ours[k][1] - peer[k][1]) / max(ours[k][1], 1.0) for k in both)
    reach = sum(1 for k in set(ours) & set(peer) if (ours[k] is None) != (peer[k] is None))
    same_p = sum(1 for k in both if ours[k][2] == peer[k][2])
    if not rel:
        print(f"  {name} (own network): no answer reachable in both")
        return 0
    share = lambda x: 100.0 * sum(1 for r in rel if r <= x) / len(rel)
    print(f"  {name} (own network from the raw file, not expected equal): {len(both)} answers reachable in both, "
          f"reachability differs for {reach}; distance within 1 %: {share(0.01):.1f} %, within 5 %: {share(0.05):.1f} %, "
          f"median difference {100 * rel[len(rel) // 2]:.2f} %; same nearest provider {100.0 * same_p / len(both):.1f} %")
    return 0


def main():
    loose = sys.argv[1] == "--closeness"
    if loose:
        sys.argv.pop(1)
    ours_path, peer_path, name, speed = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    ours, peer = load(ours_path), load(peer_path)
    if loose:
        return closeness(ours, peer, name)
    bad = []
    missing = sorted(set(ours) ^ set(peer))
    reach_mismatch = [k for k in set(ours) & set(peer) if (ours[k] is None) != (peer[k] is None)]
    both = [k for k in set(ours) & set(peer) if ours[k] is not None and peer[k] is not None]
    within_mm = within_tol = 0
    max_dd = max_dt_s = max_rel = 0.0
    worst = None
    provider_diff = 0
    for k in both:
        (to, do, po), (tp, dp, pp) = ours[k], peer[k]
        dd = abs(do - dp)
        dt_s = abs(to - tp) * 60.0
        tol_m = max(ABS_M, REL * max(do, dp))
        ok = dd <= tol_m and dt_s * speed <= tol_m
        within_mm += dd <= ABS_M
        within_tol += ok
        if dd > max_dd:
            max_dd, worst = dd, k
        max_dt_s = max(max_dt_s, dt_s)
        max_rel = max(max_rel, dd / max(do, 1e-9))
        if po != pp:
            provider_diff += 1
        if not ok:
            bad.append((k, ours[k], peer[k]))
    n = len(ours)
    print(f"  {name}: {n} unit x service answers; {len(both)} reachable in both, "
          f"{sum(1 for v in ours.values() if v is None)} unreachable in ours, "
          f"{sum(1 for v in peer.values() if v is None)} in {name}")
    print(f"  {name}: distance equal within 1 mm: {within_mm}/{len(both)}; within tolerance "
          f"(max(1 mm, 1e-5 x d)): {within_tol}/{len(both)}")
    print(f"  {name}: max |distance diff| {max_dd * 1000:.3f} mm (unit {worst[0] if worst else '-'} "
          f"{worst[1] if worst else ''}), max relative {max_rel:.2e}, max |time diff| {max_dt_s * 1000:.3f} ms; "
          f"nearest provider differs for {provider_diff} (ties within tolerance)")
    if missing:
        print(f"  {name}: DISAGREE: {len(missing)} answers present on one side only, e.g. {missing[:3]}")
    if reach_mismatch:
        print(f"  {name}: DISAGREE: reachability differs for {len(reach_mismatch)}, e.g. "
              f"{[(k, ours[k], peer[k]) for k in sorted(reach_mismatch)[:3]]}")
    for k, o, p in sorted(bad)[:10]:
        print(f"  {name}: DISAGREE unit {k[0]} {k[1]}: ours {o}, {name} {p}")
    if bad:
        print(f"  {name}: {len(bad)} answers beyond tolerance")
    return 1 if (bad or missing or reach_mismatch) else 0


if __name__ == "__main__":
    sys.exit(main())
