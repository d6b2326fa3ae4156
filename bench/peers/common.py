"""Shared input reading for the peer comparisons (bench/peers/run.sh).

Every peer solves the same job as `apreptis analyze`: for each population unit and each
service type, the walking time and distance to the nearest provider over the road network,
with the rules of docs/ROUTING.md:

* the network is the `roads` layer our run wrote (docs/OUTPUTS.md: "the graph used"), i.e. the
  edges after the walk profile was applied; ways meet where edge ends coincide exactly;
* units (the `units` layer) and providers (the `providers` layer, only the located ones) are
  snapped to the nearest point of any edge, no farther than `[access] max_snap_distance_m`;
  the straight leg to the street is walked at the profile's speed at both ends;
* a unit's time is its leg + the cheaper way along its own edge to either end + that node's
  time to the nearest provider, or straight along the edge to a provider on the same edge.

The peers take only the topology (which polylines are edges) from our output. Lengths are
recomputed from the geometry in double precision and speeds come from the documentation
(walk: 4.5 km/h), not from our `length_m` / `forward_min` columns.
"""
import csv
import math
import sys
import tomllib
from pathlib import Path

from osgeo import ogr

ogr.UseExceptions()

SPEED_MPS = {"walk": 4.5 / 3.6, "senior_walk": 3.0 / 3.6}


def project_params(project_file):
    with open(project_file, "rb") as f:
        p = tomllib.load(f)
    acc = p.get("access", {})
    profile = acc.get("profile", "walk")
    if profile not in SPEED_MPS:
        sys.exit(f"peer: profile {profile!r} is not a uniform-speed walking profile; not supported here")
    return {"profile": profile, "speed_mps": SPEED_MPS[profile],
            "max_snap_m": float(acc.get("max_snap_distance_m", 500))}


def read_roads(gpkg):
    """Edges in layer order: list of (edge_id, [(x, y), ...], length_m_ours, fwd_min, bwd_min)."""
    ds = ogr.Open(str(gpkg))
    lyr = ds.GetLayerByName("roads")
    edges = []
    for f in lyr:
        g = f.GetGeometryRef()
        if g.GetGeometryCount() != 1:
            raise SystemExit(f"peer: roads edge {f['edge_id']} has {g.GetGeometryCount()} parts")
        pts = g.GetGeometryRef(0).GetPoints()
        edges.append((f["edge_id"], [(p[0], p[1]) for p in pts], f["length_m"], f["forward_min"], f["backward_min"]))
    edges.sort(key=lambda e: e[0])
    return edges


def read_units(gpkg):
    ds = ogr.Open(str(gpkg))
    out = []
    for f in ds.GetLayerByName("units"):
        p = f.GetGeometryRef()
        out.append((f["unit_id"], p.GetX(), p.GetY()))
    return out


def read_providers(gpkg):
    """Located providers: list of (provider_id, service_type, x, y)."""
    ds = ogr.Open(str(gpkg))
    out = []
    for f in ds.GetLayerByName("providers"):
        p = f.GetGeometryRef()
        if p is None or p.IsEmpty():
            continue
        out.append((f["provider_id"], f["service_type"], p.GetX(), p.GetY()))
    return out


def polyline_length(pts):
    return sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(pts, pts[1:]))


def write_answers(path, rows):
    """rows: (unit_id, service_type, time_min|None, distance_m|None, provider_id|None)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit_id", "service_type", "time_min", "distance_m", "provider_id"])
        for u, s, t, d, p in rows:
            w.writerow([u, s, "" if t is None else repr(t), "" if d is None else repr(d), p or ""])


def timer_report(path, stages):
    Path(path).write_text("".join(f"{k}\t{v:.6f}\n" for k, v in stages.items()))
