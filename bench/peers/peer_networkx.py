#!/usr/bin/python3
"""networkx peer: nearest-provider walking time/distance for every unit (see common.py).

usage: peer_networkx.py PROJECT.toml OUR_OUTPUT_DIR ANSWERS.csv TIMINGS.tsv
"""
import sys
import time
from collections import defaultdict

import networkx as nx
import numpy as np

import common


def snap_all(points, seg, max_d, cell=250.0):
    """Nearest point on any segment for each (x, y), searched ring by ring on a uniform grid of
    segment bounding boxes; ties go to the lowest segment index, as ours. Returns per point
    (segment index, t along the segment, distance), or None beyond max_d."""
    ax, ay, bx, by = seg["ax"], seg["ay"], seg["bx"], seg["by"]
    x0, y0 = min(ax.min(), bx.min()), min(ay.min(), by.min())
    nx_ = int((max(ax.max(), bx.max()) - x0) / cell) + 1
    ny_ = int((max(ay.max(), by.max()) - y0) / cell) + 1
    cells = defaultdict(list)
    cx0 = ((np.minimum(ax, bx) - x0) / cell).astype(int)
    cx1 = ((np.maximum(ax, bx) - x0) / cell).astype(int)
    cy0 = ((np.minimum(ay, by) - y0) / cell).astype(int)
    cy1 = ((np.maximum(ay, by) - y0) / cell).astype(int)
    for s in range(len(ax)):
        for cx in range(cx0[s], cx1[s] + 1):
            for cy in range(cy0[s], cy1[s] + 1):
                cells[(cx, cy)].append(s)
    cells = {k: np.asarray(v) for k, v in cells.items()}
    max_ring = int(np.ceil(max_d / cell)) + 1
    out = []
    for px, py in points:
        cx, cy = int(np.floor((px - x0) / cell)), int(np.floor((py - y0) / cell))
        best = None  # (distance, segment, t)
        for r in range(max_ring + 1):
            if best is not None and (r - 1) * cell > best[0]:
                break
            cand = [cells[(x, y)] for x in range(cx - r, cx + r + 1) for y in range(cy - r, cy + r + 1)
                    if max(abs(x - cx), abs(y - cy)) == r and 0 <= x < nx_ and 0 <= y < ny_ and (x, y) in cells]
            if not cand:
                continue
            k = np.concatenate(cand)
            dx, dy = bx[k] - ax[k], by[k] - ay[k]
            len2 = dx * dx + dy * dy
            t = np.where(len2 > 0, ((px - ax[k]) * dx + (py - ay[k]) * dy) / np.where(len2 > 0, len2, 1.0), 0.0)
            t = np.clip(t, 0.0, 1.0)
            d = np.hypot(ax[k] + t * dx - px, ay[k] + t * dy - py)
            i = np.lexsort((k, d))[0]  # smallest distance, then lowest segment index
            if best is None or d[i] < best[0] or (d[i] == best[0] and k[i] < best[1]):
                best = (float(d[i]), int(k[i]), float(t[i]))
        out.append((best[1], best[2], best[0]) if best is not None and best[0] <= max_d else None)
    return out


def main():
    project, ours, answers, timings = sys.argv[1:5]
    gpkg = f"{ours}/coverage.gpkg"
    prm = common.project_params(project)
    st = {}

    t0 = time.perf_counter()
    edges = common.read_roads(gpkg)
    units = common.read_units(gpkg)
    providers = common.read_providers(gpkg)
    st["read_inputs_s"] = time.perf_counter() - t0
    rows = solve(edges, units, providers, prm, st)
    common.write_answers(answers, rows)
    common.timer_report(timings, st)


def solve(edges, units, providers, prm, st):
    """edges: (edge_id, [(x, y), ...], ...) polylines; units: (unit_id, x, y); providers:
    (provider_id, service_type, x, y). Returns the answer rows of common.write_answers; adds
    its stage times to st."""
    v = prm["speed_mps"]
    # Graph: a node wherever edge ends coincide exactly; weight = geometric length (double).
    t0 = time.perf_counter()
    node_of = {}
    E = []  # (from, to, length, first_segment_index)
    ax, ay, bx, by, seg_edge, seg_off = [], [], [], [], [], []
    for i, (_, pts, *_) in enumerate(edges):
        a = node_of.setdefault(pts[0], len(node_of))
        b = node_of.setdefault(pts[-1], len(node_of))
        off = 0.0
        for p, q in zip(pts, pts[1:]):
            ax.append(p[0]); ay.append(p[1]); bx.append(q[0]); by.append(q[1])
            seg_edge.append(i); seg_off.append(off)
            off += ((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2) ** 0.5
        E.append((a, b, common.polyline_length(pts)))
    G = nx.Graph()  # walk: every edge both ways (docs/ROUTING.md)
    G.add_nodes_from(range(len(node_of)))
    for a, b, ln in E:
        if a == b:
            continue
        if not G.has_edge(a, b) or G[a][b]["w"] > ln:
            G.add_edge(a, b, w=ln)
    seg = {k: np.asarray(val, dtype=float) for k, val in (("ax", ax), ("ay", ay), ("bx", bx), ("by", by))}
    seg_edge = np.asarray(seg_edge)
    seg_off = np.asarray(seg_off)
    st["build_graph_s"] = time.perf_counter() - t0
    print(f"  networkx graph: {G.number_of_nodes()} nodes, {len(E)} edges "
          f"({G.number_of_edges()} distinct node pairs), {nx.number_connected_components(G)} connected parts")

    def located(snap):
        s, t, d = snap
        e = int(seg_edge[s])
        seglen = ((seg["bx"][s] - seg["ax"][s]) ** 2 + (seg["by"][s] - seg["ay"][s]) ** 2) ** 0.5
        off = min(float(seg_off[s]) + t * seglen, E[e][2])
        return e, off, d

    t0 = time.perf_counter()
    # docs/ROUTING.md, "Snapping": a point whose nearest street is on a part not connected to
    # the main (largest) part goes to the nearest street of the main part, if one is within
    # the limit. Segments keep their order, so ties still go to the lowest segment.
    main = max(nx.connected_components(G), key=len) if G.number_of_nodes() else set()
    on_main = np.asarray([E[int(e)][0] in main for e in seg_edge], dtype=bool)
    main_idx = np.flatnonzero(on_main)
    main_seg = {k: v[main_idx] for k, v in seg.items()}

    def snap_rule(points):
        first = snap_all(points, seg, prm["max_snap_m"])
        off = [i for i, s in enumerate(first) if s is not None and not on_main[s[0]]]
        if off and len(main_idx):
            for i, s in zip(off, snap_all([points[i] for i in off], main_seg, prm["max_snap_m"])):
                if s is not None:
                    first[i] = (int(main_idx[s[0]]), s[1], s[2])
        return first

    usnap = [None if s is None else located(s) for s in snap_rule([(x, y) for _, x, y in units])]
    psnap = [None if s is None else located(s) for s in snap_rule([(x, y) for _, _, x, y in providers])]
    st["snap_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    rows = []
    for service in sorted({p[1] for p in providers}):
        H = G.copy()
        sources, on_edge = [], defaultdict(list)
        for i, (pid, stype, _, _) in enumerate(providers):
            if stype != service or psnap[i] is None:
                continue
            e, off, leg = psnap[i]
            a, b, ln = E[e]
            vn = ("P", i)
            if a == b:  # closed loop: either way round to its one end
                H.add_edge(vn, a, w=leg + min(off, ln - off))
            else:
                H.add_edge(vn, a, w=leg + off)
                H.add_edge(vn, b, w=leg + ln - off)
            sources.append(vn)
            on_edge[e].append((off, leg, pid))
        dist, paths = nx.multi_source_dijkstra(H, set(sources), weight="w")
        for j, (uid, _, _) in enumerate(units):
            best = None
            if usnap[j] is not None:
                e, off, leg = usnap[j]
                a, b, ln = E[e]
                cands = []
                if a in dist:
                    cands.append((off + dist[a], providers[paths[a][0][1]][0]))
                if b in dist:
                    cands.append((ln - off + dist[b], providers[paths[b][0][1]][0]))
                for poff, pleg, pid in on_edge.get(e, ()):
                    cands.append((abs(poff - off) + pleg, pid))
                if cands:
                    d, pid = min(cands, key=lambda c: c[0])
                    best = (d + leg, pid)
            if best is None:
                rows.append((uid, service, None, None, None))
            else:
                rows.append((uid, service, best[0] / v / 60.0, best[0], best[1]))
    st["route_and_evaluate_s"] = time.perf_counter() - t0
    return rows


if __name__ == "__main__":
    main()
