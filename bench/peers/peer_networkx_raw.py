#!/usr/bin/python3
"""networkx peer from the raw OSM file (what a user of networkx would run): pyosmium reads the
extract's walkable ways (raw_osm.py), networkx routes with the same snapping and evaluation as
peer_networkx.py. Nothing is read from our output.

usage: peer_networkx_raw.py PROJECT.toml [UNITS_IN_WARDS.csv] ANSWERS.csv TIMINGS.tsv
(UNITS_IN_WARDS.csv: the project's points cut to its wards, written by raw_osm.py describe, as
the other raw peers get them; without it they are cut here, inside the timed part.)
"""
import sys
import time

import common
import peer_networkx
import raw_osm


def main():
    project, units_csv, answers, timings = sys.argv[1:5] if len(sys.argv) == 5 else (sys.argv[1], None, *sys.argv[2:4])
    prm = common.project_params(project)
    st = {}
    t0 = time.perf_counter()
    pbf, crs, units, providers = raw_osm.read_project(project, units_csv)
    edges = raw_osm.read_edges(pbf, raw_osm.transformer(crs))
    st["read_osm_and_inputs_s"] = time.perf_counter() - t0
    rows = peer_networkx.solve(edges, units, providers, prm, st)
    common.write_answers(answers, rows)
    common.timer_report(timings, st)


if __name__ == "__main__":
    main()
