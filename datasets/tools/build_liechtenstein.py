#!/usr/bin/env python3
"""Builds datasets/liechtenstein/ (a routing test country) from shared/data.

Usage: python3 build_liechtenstein.py <osm-liechtenstein dir> <out dir>
Needs ogr2ogr (gdal-bin). Wards: the 11 Gemeinden (admin_level 8) with their BFS numbers.
Population: NO census figure is in the data, so a synthetic test population is used and
labelled so: one resident per OSM building (point on surface), counted per Gemeinde.
Providers: the hospital and the 4 pharmacies mapped in the same OSM file.
"""
import csv, json, os, subprocess, sys


def in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]; xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_polygons(x, y, geom):
    polys = geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]
    for p in polys:
        if in_ring(x, y, p[0]) and not any(in_ring(x, y, h) for h in p[1:]):
            return True
    return False


def main(src, out):
    pbf = os.path.join(src, 'liechtenstein-2013-08-03.osm.pbf')
    admin = json.load(open(os.path.join(src, 'liechtenstein-admin.geojson'), encoding='utf-8'))
    gemeinden = [f for f in admin['features'] if f['properties']['admin_level'] == '8']
    tmp = os.path.join(out, '.buildings.tmp.csv')
    subprocess.run(['ogr2ogr', '-f', 'CSV', tmp, pbf, 'multipolygons', '-dialect', 'SQLite', '-sql',
                    'SELECT ST_X(ST_PointOnSurface(geometry)) AS lon, ST_Y(ST_PointOnSurface(geometry)) AS lat '
                    'FROM multipolygons WHERE building IS NOT NULL'], check=True, capture_output=True)
    buildings = [(float(r['lon']), float(r['lat'])) for r in csv.DictReader(open(tmp))]
    os.remove(tmp)
    counts = {}
    for f in gemeinden:
        counts[f['properties']['osm_id']] = sum(1 for (x, y) in buildings if in_polygons(x, y, f['geometry']))
    features = []
    for f in gemeinden:
        tags = f['properties'].get('other_tags', '')
        bfs = tags.split('"bfs:OBJECTVAL"=>"')[1].split('"')[0]
        features.append({'type': 'Feature', 'properties': {
            'code': bfs, 'name': f['properties']['name'], 'municipality': 'Liechtenstein',
            'population': counts[f['properties']['osm_id']],
            'population_note': 'synthetic test population: 1 per OSM building (2013), not a census'},
            'geometry': f['geometry']})
    json.dump({'type': 'FeatureCollection', 'name': 'gemeinden', 'features': features},
              open(os.path.join(out, 'gemeinden.geojson'), 'w', encoding='utf-8'), ensure_ascii=False)
    with open(os.path.join(out, 'buildings.csv'), 'w', newline='') as fo:
        w = csv.writer(fo, lineterminator='\n')
        w.writerow(['lon', 'lat'])
        for x, y in buildings:
            w.writerow([f'{x:.7f}', f'{y:.7f}'])
    care = subprocess.run(['ogr2ogr', '-f', 'CSV', '/vsistdout/', pbf, 'points', '-oo',
                           'CONFIG_FILE=' + os.path.join(os.path.dirname(__file__), '..', 'osm', 'osmconf_roads.ini'),
                           '-where', "amenity IN ('hospital','pharmacy')", '-lco', 'GEOMETRY=AS_XY',
                           '-select', 'osm_id,name,amenity'], check=True, capture_output=True, text=True).stdout
    with open(os.path.join(out, 'providers.csv'), 'w', newline='', encoding='utf-8') as fo:
        w = csv.writer(fo, lineterminator='\n')
        w.writerow(['provider_id', 'name', 'service_type', 'target_group', 'places', 'recipients',
                    'location_precision', 'lon', 'lat', 'location_basis', 'source'])
        for r in csv.DictReader(care.splitlines()):
            w.writerow([f"OSM-N{r['osm_id']}", r['name'] or f"({r['amenity']}, unnamed)", r['amenity'], 'residents',
                        '', '', 'address', r['X'], r['Y'], 'OpenStreetMap node (mapped POI)',
                        f"liechtenstein-2013-08-03.osm.pbf node {r['osm_id']} (ids renumbered by osm2pgsql)"])


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
