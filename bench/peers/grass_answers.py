#!/usr/bin/python3
"""grass_dist.csv (grass_raw.sh: service, unit cat, provider cat, distance m) -> the answers CSV of
common.write_answers. Unit cat k is unit k - 1 (file order, as ours); provider cat 1000000 + k is
the k-th row of the providers file; units absent for a service were not reachable.

usage: grass_answers.py grass_dist.csv PROVIDERS.csv N_UNITS SPEED_MPS ANSWERS.csv
"""
import csv
import sys

import common

dist_csv, providers_csv, n_units, speed, out = sys.argv[1:6]
with open(providers_csv, newline="", encoding="utf-8") as f:
    pids = [r["provider_id"] for r in csv.DictReader(f)]
got = {}
for service, ucat, pcat, d in csv.reader(open(dist_csv)):
    if d in ("", "-1"):
        continue
    got[(int(ucat) - 1, service)] = (float(d), pids[int(pcat) - 1000001])
with open(providers_csv, newline="", encoding="utf-8") as f:
    services = sorted({r["service_type"] for r in csv.DictReader(f)})
rows = []
for s in services:
    for u in range(int(n_units)):
        a = got.get((u, s))
        rows.append((u, s, None, None, None) if a is None else (u, s, a[0] / float(speed) / 60.0, a[0], a[1]))
common.write_answers(out, rows)
