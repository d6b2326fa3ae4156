#!/usr/bin/env python3
"""Builds the national health and municipality inputs of datasets/lithuania/ (standard library only).

    python3 datasets/tools/build_lithuania.py ../shared/data datasets/lithuania

* hospitals.csv: the 142 Eurostat/GISCO hospitals (LT.csv) in the provider layout
  (docs/INPUTS.md): nursing hospitals as nursing_hospital, the others as hospital; beds as
  places. geo_qual 2 points are kept and say they are approximate.
* municipalities.geojson: the 60 municipalities (lt-municipalities.geojson) with their
  population as the sum of their elderships' 2021 census figures (wards.geojson here).
It prints which municipality each hospital lies in (point in polygon), and any that lie in none.
"""
import csv
import json
import os
import sys


def rings_of(geom):
    polys = geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]
    return polys


def inside_ring(ring, x, y):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def inside(geom, x, y):
    for poly in rings_of(geom):
        if inside_ring(poly[0], x, y) and not any(inside_ring(h, x, y) for h in poly[1:]):
            return True
    return False


def main(shared, out):
    wards = json.load(open(os.path.join(out, 'wards.geojson'), encoding='utf-8'))
    population = {}
    for f in wards['features']:
        p = f['properties']
        population[p['SAV_KODAS']] = population.get(p['SAV_KODAS'], 0) + p['SEN_GYV']
    munis = json.load(open(os.path.join(shared, 'lt-admin-boundaries-govlt/derived/lt-municipalities.geojson'),
                           encoding='utf-8'))
    features = []
    for f in munis['features']:
        p = f['properties']
        features.append({'type': 'Feature', 'geometry': f['geometry'], 'properties': {
            'code': str(p['SAV_KODAS']), 'name': p['SAV_PAV'], 'county': p['APS_PAV'], 'NUTS_3': p['NUTS_3'],
            'population': population[p['SAV_KODAS']], 'area_ha': p['SAV_PLOTAS_ha'],
            'population_source': 'sum of the municipality\'s elderships, Statistics Lithuania 2021 census'}})
    assert len(features) == 60 and sum(population.values()) == 2810755, 'census total must be 2,810,755'
    with open(os.path.join(out, 'municipalities.geojson'), 'w', encoding='utf-8') as fo:
        json.dump({'type': 'FeatureCollection', 'name': 'municipalities', 'features': features}, fo,
                  ensure_ascii=False, separators=(',', ':'))

    rows, missing = [], []
    with open(os.path.join(shared, 'eurostat-healthcare-lt/LT.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            x, y = float(r['lon']), float(r['lat'])
            hits = [g['properties']['name'] for g in features if inside(g['geometry'], x, y)]
            if len(hits) != 1:
                missing.append((r['id'], r['hospital_name'], hits))
            nursing = r['facility_type'] == 'nursing'
            approx = r['geo_qual'] != '1'
            rows.append({
                'provider_id': 'EUROSTAT' + r['id'], 'name': r['hospital_name'], 'name_as_printed': r['hospital_name'],
                'ownership': r['public_private'],
                'service_type': 'nursing_hospital' if nursing else 'hospital', 'target_group': 'residents',
                'unit': 'beds', 'service_detail': r['facility_type'], 'places': r['cap_beds'], 'recipients': '',
                'municipality_funded': '', 'waiting_list': '', 'reference_date': '2018-12-31',
                'serves_municipality': '', 'location_precision': 'address', 'municipality': '', 'ward_code': '',
                'address': ' '.join(v for v in (r['street'], r['house_number'], r['postcode'], r['city']) if v),
                'lon': r['lon'], 'lat': r['lat'],
                'location_basis': 'Eurostat/GISCO geocoded address, geo_qual ' + r['geo_qual'] +
                                  (' (APPROXIMATE: some such points are misplaced, see PROVENANCE)' if approx else ''),
                'source': 'Eurostat/GISCO Healthcare services in Europe, LT.csv id ' + r['id'],
            })
    with open(os.path.join(out, 'hospitals.csv'), 'w', encoding='utf-8', newline='') as fo:
        w = csv.DictWriter(fo, fieldnames=list(rows[0].keys()), lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
    beds = sum(float(r['places']) for r in rows if r['service_type'] == 'nursing_hospital')
    print(f'{len(rows)} hospitals, {sum(1 for r in rows if r["service_type"] == "nursing_hospital")} nursing '
          f'with {beds:.0f} beds = {beds / 2810755 * 1000:.4f} per 1000 residents')
    for m in missing:
        print('not in exactly one municipality:', m)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
