"""What a peer reads when it starts from the raw OSM file, as a user would (bench/peers/run.sh,
"from the raw file"): the walkable ways of the extract and the project's own unit and provider
files, nothing from our output.

* Ways: python3-pyosmium (libosmium's Python bindings) reads the PBF with node locations; a way
  is walkable by the walk rule of docs/ROUTING.md (its highway values; not foot=no; not access=no
  unless foot=yes). Ways are cut into edges at every node that two ways share (node-id
  topology). Not done here, by design: highway areas walked across (ours does; ROUTING.md,
  "Walkable areas"), the study-area clip, detached-street snapping. So the answers are close to
  ours but not equal; the agreement check stays on the network we wrote (compare.py).
* Units: the project's [population_surface] points inside its wards (ours drops the others and
  numbers the rest in file order); providers: its [providers] file (both CSV in EPSG:4326,
  reprojected to the working CRS with GDAL/OSR).
"""
import csv
import os
import tomllib

import osmium
from osgeo import osr

WALK = {"trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link", "tertiary",
        "tertiary_link", "unclassified", "residential", "living_street", "service", "road", "pedestrian",
        "footway", "path", "steps", "track", "cycleway", "bridleway", "corridor"}
NO = {"no", "private", "agricultural", "forestry"}
YES = {"yes", "designated", "permissive", "destination"}


class _Ways(osmium.SimpleHandler):
    def __init__(self):
        super().__init__()
        self.ways = []  # [(node ids, [(lon, lat)])]

    def way(self, w):
        t = w.tags
        if t.get("highway") not in WALK or t.get("area") == "yes":
            return
        foot, access = t.get("foot"), t.get("access")
        if foot in NO or (access in NO and foot not in YES):
            return
        try:
            ids = [n.ref for n in w.nodes]
            locs = [(n.lon, n.lat) for n in w.nodes]
        except osmium.InvalidLocationError:
            return  # a node outside the extract
        self.ways.append((ids, locs))


def transformer(epsg):
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.SetFromUserInput(epsg)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    return lambda pts: [(x, y) for x, y, *_ in ct.TransformPoints(pts)] if pts else []


def read_edges(pbf, to_xy):
    """Edges of the walkable ways, cut at shared nodes: [(edge_id, [(x, y), ...])]."""
    h = _Ways()
    h.apply_file(pbf, locations=True)
    uses = {}
    for ids, _ in h.ways:
        for n in ids:
            uses[n] = uses.get(n, 0) + 1
    edges = []
    for ids, locs in h.ways:
        xy = to_xy(locs)
        start = 0
        for k in range(1, len(ids)):
            if k == len(ids) - 1 or uses[ids[k]] > 1:
                if k > start:
                    edges.append((len(edges), xy[start:k + 1]))
                start = k
    return edges


def read_points(project_dir, section, to_xy_from):
    """The CSV of a project section (x_field, y_field, crs): [(row dict, x, y)] in file order."""
    path = os.path.join(project_dir, section["path"])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    xy = to_xy_from(section.get("crs", "EPSG:4326"))([(float(r[section["x_field"]]), float(r[section["y_field"]])) for r in rows])
    return [(r, x, y) for r, (x, y) in zip(rows, xy)]


def in_wards(project_file, lonlat):
    """The points (lon, lat) inside the project's wards, in order: ours drops the others
    (run.json population_surface.points_outside_wards) and numbers units after that."""
    from osgeo import ogr
    with open(project_file, "rb") as f:
        p = tomllib.load(f)
    ds = ogr.Open(os.path.join(os.path.dirname(os.path.abspath(project_file)), p["wards"]["path"]))
    lyr = ds.GetLayer(0)
    srs = lyr.GetSpatialRef()
    if srs is not None and srs.GetAuthorityCode(None) not in (None, "4326"):
        raise SystemExit(f"raw_osm: {project_file}: wards not in EPSG:4326 are not handled here")
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for f in lyr:
        union = union.Union(f.GetGeometryRef())
    keep = []
    for x, y in lonlat:
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(x, y)
        if union.Contains(pt):
            keep.append((x, y))
    return keep


def read_project(project_file, units_csv=None):
    """(pbf path, working crs, units [(unit_id, x, y)], providers [(id, service, x, y)]). With
    units_csv (lon, lat; describe() writes it), the units are read from there, already cut to
    the wards, instead of being cut here."""
    with open(project_file, "rb") as f:
        p = tomllib.load(f)
    d = os.path.dirname(os.path.abspath(project_file))
    crs = p["project"]["working_crs"]

    def to_xy_from(src):
        if src == "EPSG:4326":
            return transformer(crs)
        raise SystemExit(f"raw_osm: {src} points are not handled here (only EPSG:4326)")
    u = p["population_surface"]
    with open(os.path.join(d, u["path"]), newline="", encoding="utf-8") as f:
        lonlat = [(float(r[u["x_field"]]), float(r[u["y_field"]])) for r in csv.DictReader(f)]
    if u.get("crs", "EPSG:4326") != "EPSG:4326":
        raise SystemExit(f"raw_osm: {project_file}: points in {u['crs']} are not handled here (only EPSG:4326)")
    if units_csv:
        with open(units_csv, newline="", encoding="utf-8") as f:
            lonlat = [(float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)]
    else:
        lonlat = in_wards(project_file, lonlat)
    units = [(i, x, y) for i, (x, y) in enumerate(transformer(crs)(lonlat))]
    providers = [(r["provider_id"], r["service_type"], x, y) for r, x, y in read_points(d, p["providers"], to_xy_from)]
    return os.path.join(d, p["roads"]["path"]), crs, units, providers


def describe(project_file, work_dir=None):
    """For the shell peers: pbf, working EPSG code, units CSV, its x/y fields, providers CSV, its
    x/y fields. With work_dir, the units CSV is work_dir/units_in_wards.csv (lon, lat): the
    project's points inside its wards, as ours numbers them."""
    with open(project_file, "rb") as f:
        p = tomllib.load(f)
    d = os.path.dirname(os.path.abspath(project_file))
    crs = p["project"]["working_crs"]
    u, pr = p["population_surface"], p["providers"]
    for s in (u, pr):
        if s.get("crs", "EPSG:4326") != "EPSG:4326":
            raise SystemExit(f"raw_osm: {project_file}: points in {s['crs']} are not handled here (only EPSG:4326)")
    units_csv, ux, uy = os.path.join(d, u["path"]), u["x_field"], u["y_field"]
    if work_dir:
        with open(units_csv, newline="", encoding="utf-8") as f:
            lonlat = [(float(r[ux]), float(r[uy])) for r in csv.DictReader(f)]
        units_csv, ux, uy = os.path.join(work_dir, "units_in_wards.csv"), "lon", "lat"
        with open(units_csv, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["lon", "lat"])
            w.writerows(in_wards(project_file, lonlat))
    return [os.path.join(d, p["roads"]["path"]), crs.split(":")[1], units_csv, ux, uy,
            os.path.join(d, pr["path"]), pr["x_field"], pr["y_field"]]


if __name__ == "__main__":
    import sys
    print("\t".join(describe(*sys.argv[1:3])))
