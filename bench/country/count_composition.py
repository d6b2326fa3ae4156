#!/usr/bin/env python3
"""Counts what an OSM extract holds by kind, for the proportions in bench/country/composition.hpp.

    /usr/bin/python3 bench/country/count_composition.py FILE.osm.pbf ...   # needs python3-pyosmium

Per file: highway / building / landuse / natural+water / other ways, the way-node refs of each,
buildings with addr:housenumber, POI nodes (amenity, shop or tourism) and address-only nodes,
and the ratios per highway way that composition.hpp uses.
"""
import sys

import osmium


class Count(osmium.SimpleHandler):
    def __init__(self):
        super().__init__()
        self.c = {}

    def add(self, key, n=1):
        self.c[key] = self.c.get(key, 0) + n

    def node(self, n):
        self.add('nodes')
        t = n.tags
        if 'amenity' in t or 'shop' in t or 'tourism' in t:
            self.add('poi_nodes')
        elif any(k.startswith('addr:') for k, _ in t):
            self.add('address_nodes')

    def way(self, w):
        self.add('ways')
        t = w.tags
        kind = ('highway' if 'highway' in t else 'building' if 'building' in t else 'landuse' if 'landuse' in t
                else 'natural_water' if ('natural' in t or 'waterway' in t) else 'other')
        self.add(kind + '_ways')
        self.add(kind + '_refs', len(w.nodes))
        if kind == 'building' and 'addr:housenumber' in t:
            self.add('building_ways_with_addr')

    def relation(self, r):
        self.add('relations')


for path in sys.argv[1:]:
    h = Count()
    h.apply_file(path)
    c = h.c
    hw = c.get('highway_ways', 0) or 1
    b = c.get('building_ways', 0) or 1
    print(path)
    for k in sorted(c):
        print(f'  {k:24s} {c[k]:>10,}')
    print(f"  buildings / highway way  {c.get('building_ways', 0) / hw:.3f}")
    print(f"  refs / building          {c.get('building_refs', 0) / b:.2f}")
    print(f"  polygons / highway way   {(c.get('landuse_ways', 0) + c.get('natural_water_ways', 0)) / hw:.3f}")
    print(f"  refs / landuse way       {c.get('landuse_refs', 0) / max(1, c.get('landuse_ways', 0)):.1f}")
    print(f"  POI nodes / highway way  {c.get('poi_nodes', 0) / hw:.3f}")
    print(f"  buildings with addr      {100 * c.get('building_ways_with_addr', 0) / b:.2f} %")
    print(f"  address nodes / building {100 * c.get('address_nodes', 0) / b:.2f} %")
