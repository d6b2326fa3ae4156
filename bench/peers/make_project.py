#!/usr/bin/python3
"""Writes an `apreptis analyze` project for a raw OSM extract, as datasets/liechtenstein/ is made
(datasets/tools/build_liechtenstein.py), so the peers can be timed on Andorra and Monaco too.

usage: make_project.py NAME EXTRACT.osm.pbf ADMIN.geojson ADMIN_LEVEL EPSG OUT_DIR

* wards: the ADMIN.geojson features of ADMIN_LEVEL (Andorra: the 6 parishes, level 7; Monaco:
  the quartiers, level 10), population = the OSM buildings inside (SYNTHETIC, as Liechtenstein's:
  no census figure is in the data);
* population units: one per OSM building (point on surface), from the same file;
* providers: the hospitals and pharmacies mapped as nodes in the same file;
* the walk profile, 500 m snapping, bands 10/20/30 min, the Liechtenstein test catalogue.
Needs python3-gdal. Attribution: (c) OpenStreetMap contributors, ODbL 1.0 (see the PROVENANCE.md
beside each extract in shared/data).
"""
import csv
import json
import os
import sys

from osgeo import gdal, ogr

ogr.UseExceptions()
gdal.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # "Non closed ring" on the extracts' clipped multipolygons
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main(name, pbf, admin, level, epsg, out):
    os.makedirs(out, exist_ok=True)
    osmconf = os.path.join(ROOT, "datasets", "osm", "osmconf_roads.ini")
    gdal_opts = ["CONFIG_FILE=" + osmconf]
    wards = [f for f in json.load(open(admin, encoding="utf-8"))["features"] if f["properties"]["admin_level"] == level]
    if not wards:
        sys.exit(f"make_project: {admin}: no feature of admin_level {level}")
    polys = [ogr.CreateGeometryFromJson(json.dumps(f["geometry"])) for f in wards]

    ds = gdal.OpenEx(pbf, gdal.OF_VECTOR, open_options=gdal_opts)
    buildings = []
    for f in ds.ExecuteSQL("SELECT ST_PointOnSurface(geometry) FROM multipolygons WHERE building IS NOT NULL",
                           dialect="SQLite"):
        g = f.GetGeometryRef()
        if g is not None:
            buildings.append((g.GetX(), g.GetY()))
    counts = [0] * len(wards)
    kept = []
    for x, y in buildings:
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        for i, poly in enumerate(polys):
            if poly.Contains(p):
                counts[i] += 1
                kept.append((x, y))
                break
    features = [{"type": "Feature", "properties": {
        "code": f["properties"]["osm_id"], "name": f["properties"]["name"], "municipality": name,
        "population": counts[i], "population_note": "synthetic test population: 1 per OSM building, not a census"},
        "geometry": f["geometry"]} for i, f in enumerate(wards)]
    json.dump({"type": "FeatureCollection", "name": "wards", "features": features},
              open(os.path.join(out, "wards.geojson"), "w", encoding="utf-8"), ensure_ascii=False)
    with open(os.path.join(out, "buildings.csv"), "w", newline="") as fo:
        w = csv.writer(fo, lineterminator="\n")
        w.writerow(["lon", "lat"])
        for x, y in kept:
            w.writerow([f"{x:.7f}", f"{y:.7f}"])

    ds = gdal.OpenEx(pbf, gdal.OF_VECTOR, open_options=gdal_opts)
    lyr = ds.GetLayerByName("points")
    lyr.SetAttributeFilter("amenity IN ('hospital','pharmacy')")
    with open(os.path.join(out, "providers.csv"), "w", newline="", encoding="utf-8") as fo:
        w = csv.writer(fo, lineterminator="\n")
        w.writerow(["provider_id", "name", "service_type", "target_group", "location_precision", "lon", "lat"])
        for f in lyr:
            g = f.GetGeometryRef()
            w.writerow([f"OSM-N{f['osm_id']}", f["name"] or f"({f['amenity']}, unnamed)", f["amenity"], "residents",
                        "address", f"{g.GetX():.7f}", f"{g.GetY():.7f}"])

    cat = os.path.join(ROOT, "datasets", "liechtenstein", "catalogue")
    with open(os.path.join(out, "project.toml"), "w", encoding="utf-8") as t:
        t.write(f"""# Written by bench/peers/make_project.py: {name}, population SYNTHETIC (1 per OSM building).
[project]
name = "{name} (peer benchmark, synthetic population)"
working_crs = "EPSG:{epsg}"

[catalogue]
service_types = "{cat}/service_types.csv"
target_groups = "{cat}/target_groups.csv"

[wards]
path = "wards.geojson"
code_field = "code"
name_field = "name"
municipality_field = "municipality"
population_field = "population"
population_source = "synthetic: 1 per OSM building"

[providers]
path = "providers.csv"
x_field = "lon"
y_field = "lat"
crs = "EPSG:4326"
default_municipality = "{name}"

[roads]
path = "{os.path.abspath(pbf)}"
format = "osm"
osmconf = "{osmconf}"
margin_m = 2000

[population_surface]
method = "points"
path = "buildings.csv"
x_field = "lon"
y_field = "lat"
crs = "EPSG:4326"
description = "OSM buildings, one resident each (synthetic)"

[access]
profile = "walk"
max_snap_distance_m = 500
catchment_bands_min = [10, 20, 30]
catchment_buffer_m = 50

[attribution]
sources = ["© OpenStreetMap contributors, ODbL 1.0"]
""")
    print(f"  {name}: {len(wards)} wards, {len(kept)} building units ({len(buildings)} buildings in the file), "
          f"providers written to {out}/providers.csv")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
