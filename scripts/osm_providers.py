#!/usr/bin/env python3
"""A real providers list, without coordinates, from an OpenStreetMap extract: for `apreptis locate`.

    python3 scripts/osm_providers.py datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf /tmp/li-locate

Writes into the output folder:
  providers.csv   every hospital, pharmacy, doctor, dentist, clinic, social facility, nursing home,
                  kindergarten and school mapped in the extract (nodes and outlines), with its OSM
                  name and its address as a plan would print it ("Landstrasse 97, Schaan", from
                  addr:street / addr:housenumber / addr:city; empty when OSM has none) and NO
                  coordinates (location_precision = unknown): the positions are what locate finds.
  catalogue/      the Liechtenstein fixture's catalogue plus one entry per further type found
                  (marked as entries of this example, walk 15 min), so that `apreptis analyze`
                  and the viewer accept the file.
  project.toml    the Liechtenstein project (its wards, roads and synthetic population) with these
                  providers.
  addresses-without-providers.osm.pbf
                  the extract with the providers' own objects removed: a source in which no
                  provider can find its own tagged point (the leave-one-out of docs/LOCATE.md,
                  for all of them at once).

Data: © OpenStreetMap contributors, ODbL 1.0 (shared/data/osm-liechtenstein-2013-osm2pgsql/
PROVENANCE.md); the files written are derived from it and stay under the ODbL.
Needs osmium-tool (Debian: osmium-tool).
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

KINDS = ["hospital", "pharmacy", "doctors", "dentist", "clinic", "social_facility", "nursing_home",
         "kindergarten", "school"]
NAMES_LT = {"hospital": "Ligoninė", "pharmacy": "Vaistinė", "doctors": "Gydytojas", "dentist": "Odontologas",
            "clinic": "Poliklinika", "social_facility": "Socialinių paslaugų įstaiga",
            "nursing_home": "Slaugos namai", "kindergarten": "Darželis", "school": "Mokykla"}


def osmium(*args):
    subprocess.run(["osmium", *args], check=True)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: osm_providers.py EXTRACT.osm.pbf OUT_DIR")
    extract, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fixture = os.path.join(repo, "datasets", "liechtenstein")
    os.makedirs(os.path.join(out, "catalogue"), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pois = os.path.join(tmp, "pois.osm.pbf")
        osmium("tags-filter", "--overwrite", "-o", pois, extract, "nw/amenity=" + ",".join(KINDS))
        seq = os.path.join(tmp, "pois.geojsonseq")
        osmium("export", "--overwrite", "-a", "type,id", "--geometry-types=point,polygon", "-f", "geojsonseq",
               "-o", seq, pois)
        rows, ids = [], []
        for line in open(seq, encoding="utf-8"):
            line = line.strip().lstrip("\x1e")
            if not line:
                continue
            p = json.loads(line)["properties"]
            kind = "N" if p["@type"] == "node" else "W"
            street, house, city = p.get("addr:street", ""), p.get("addr:housenumber", ""), p.get("addr:city", "")
            address = " ".join(s for s in (street, house) if s)
            if address and city:
                address += ", " + city
            rows.append({"provider_id": f"OSM-{kind}{p['@id']}", "name": p.get("name", f"({p['amenity']}, unnamed)"),
                         "service_type": p["amenity"], "target_group": "residents", "places": "", "recipients": "",
                         "location_precision": "unknown", "lon": "", "lat": "", "address": address,
                         "location_basis": "", "source": f"{os.path.basename(extract)} {p['@type']} {p['@id']} "
                                                         "(© OpenStreetMap contributors, ODbL 1.0)"})
            ids.append(("n" if kind == "N" else "w") + str(p["@id"]))
        rows.sort(key=lambda r: (r["service_type"], r["provider_id"]))
        # The address source with every provider's own object removed.
        idfile = os.path.join(tmp, "ids.txt")
        with open(idfile, "w") as f:
            f.write("\n".join(ids) + "\n")
        osmium("removeid", "--overwrite", "-i", idfile, "-o", os.path.join(out, "addresses-without-providers.osm.pbf"),
               extract)

    with open(os.path.join(out, "providers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    shutil.copy(os.path.join(fixture, "catalogue", "target_groups.csv"), os.path.join(out, "catalogue"))
    with open(os.path.join(fixture, "catalogue", "service_types.csv"), encoding="utf-8") as f:
        types = list(csv.DictReader(f))
    known = {t["code"] for t in types}
    for kind in sorted({r["service_type"] for r in rows} - known):
        types.append({"code": kind, "tier": "health" if kind not in ("kindergarten", "school") else "education",
                      "setting": "community", "counting_unit": "persons", "name_lt": NAMES_LT[kind],
                      "name_en": kind.replace("_", " ").capitalize(), "target_groups": "residents",
                      "default_mode": "walk", "default_threshold_min": "15",
                      "note": "entry of the locate example (scripts/osm_providers.py), not a planning norm"})
    with open(os.path.join(out, "catalogue", "service_types.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(types[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(types)

    with open(os.path.join(fixture, "liechtenstein.toml"), encoding="utf-8") as f:
        toml = f.read()
    toml = toml.split("\n# Capacity (docs/CAPACITY.md).")[0]  # capacity figures name the fixture's providers
    for name in ("gemeinden.geojson", "liechtenstein-2013-08-03.osm.pbf", "buildings.csv"):
        toml = toml.replace(f'"{name}"', json.dumps(os.path.join(fixture, name)))
    toml = toml.replace('"../osm/osmconf_roads.ini"', json.dumps(os.path.join(repo, "datasets", "osm", "osmconf_roads.ini")))
    toml = toml.replace('name = "Liechtenstein (routing fixture, synthetic population)"',
                        'name = "Liechtenstein: OSM providers to locate (synthetic population)"')
    with open(os.path.join(out, "project.toml"), "w", encoding="utf-8") as f:
        f.write("# Written by scripts/osm_providers.py: the Liechtenstein fixture with the extract's own\n"
                "# health, care and school POIs as providers, without coordinates.\n" + toml)
    with_address = sum(1 for r in rows if r["address"])
    print(f"{len(rows)} providers ({with_address} with an address in OSM) -> {out}/providers.csv; "
          f"project {out}/project.toml; address source without them: {out}/addresses-without-providers.osm.pbf")


if __name__ == "__main__":
    main()
