// What a national OSM extract holds besides roads, for make_country_pbf: how many buildings,
// address nodes, POIs and landuse/natural polygons per highway way, and their shapes.
//
// Source of the proportions: the three real national extracts in shared/data (checkable with
// `osmium tags-count` or pyosmium; counted 2026-12-02 with bench/country/count_composition.py):
//
//                                   Liechtenstein 2013   Andorra 2013   Monaco 2016   mean
//   highway ways                          2,753             1,615          2,927
//   building ways / highway way            1.35              0.18           7.98        3.17
//   way-node refs per building             7.19              6.70           8.31
//   landuse + natural/water ways / hw way  0.091             0.22           0.052       0.12
//   way-node refs per landuse way          36                61             36
//   POI nodes (amenity/shop/tourism) / hw  0.121             0.201          0.204       0.175
//   buildings with addr:housenumber        3.5 %             0 %            0.05 %
//   address-only nodes / building          0.9 %             0              0.16 %
//
// The synthetic file uses the mean of the three for buildings, polygons and POIs. Addresses are
// the exception, and an ASSUMPTION, not a count: these 2013/2016 extracts predate the address
// imports of many countries, so --addr-share (default 0.4 of the buildings carry addr:*) and
// address nodes at 2 % of the buildings are set, not measured; say so wherever they matter.
// Nothing here reproduces Lithuania's real map: on the synthetic road grid (380,591 highway ways
// at fraction 1) these ratios give a 228 MB file, about the size issue 17 quotes for the
// Lithuania extract of the usual OSM extract services (~200 MB PBF).
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace country {

struct Composition {
    double buildings_per_highway_way = 3.17; ///< mean of LI 1.35, AD 0.18, MC 7.98
    double polygons_per_highway_way = 0.12;  ///< landuse + natural/water, mean of LI, AD, MC
    double pois_per_highway_way = 0.175;     ///< amenity/shop/tourism nodes, mean of LI, AD, MC
    double addr_share = 0.4;                 ///< buildings with addr:* (assumption, see above)
    double addr_nodes_per_building = 0.02;   ///< address-only nodes (assumption, see above)
};

/// Building kinds and their weights (an assumption: mostly houses and outbuildings, as rural
/// Lithuania; only the building key matters to a road reader).
inline const char* building_kind(double r) {
    return r < 0.35 ? "yes" : r < 0.6 ? "house" : r < 0.72 ? "residential" : r < 0.8 ? "apartments"
         : r < 0.88 ? "shed" : r < 0.95 ? "garage" : r < 0.98 ? "farm_auxiliary" : "commercial";
}

/// Landuse / natural polygon tag (key, value).
inline std::pair<const char*, const char*> polygon_kind(double r) {
    if (r < 0.25) return {"landuse", "farmland"};
    if (r < 0.40) return {"landuse", "meadow"};
    if (r < 0.50) return {"landuse", "residential"};
    if (r < 0.55) return {"landuse", "industrial"};
    if (r < 0.80) return {"natural", "wood"};
    if (r < 0.92) return {"natural", "water"};
    return {"landuse", "forest"};
}

/// POI tag (key, value).
inline std::pair<const char*, const char*> poi_kind(double r) {
    static const char* amenity[] = {"cafe", "restaurant", "school", "kindergarten", "pharmacy", "place_of_worship",
                                    "parking", "bench", "post_office", "fuel", "bank", "doctors"};
    static const char* shop[] = {"convenience", "supermarket", "clothes", "hairdresser", "car_repair", "bakery"};
    if (r < 0.6) return {"amenity", amenity[static_cast<int>(r / 0.6 * 12) % 12]};
    if (r < 0.9) return {"shop", shop[static_cast<int>((r - 0.6) / 0.3 * 6) % 6]};
    return {"tourism", "information"};
}

/// A building footprint round `c` (metres, a projected CRS): a rotated rectangle of w x h with
/// `corners` - 4 extra vertices on its sides (real footprints have 6-8 refs); open ring.
template <class XY>
std::vector<XY> footprint(XY c, double w, double h, double angle, int corners) {
    const double ca = std::cos(angle), sa = std::sin(angle);
    std::vector<XY> local = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
    for (int k = 4; k < corners; ++k) { // a notch on side k % 4, at its middle
        const std::size_t s = static_cast<std::size_t>(k % 4);
        const XY a = local[s], b = local[(s + 1) % local.size()];
        local.insert(local.begin() + static_cast<long>(s) + 1, XY{(a.x + b.x) / 2, (a.y + b.y) / 2});
    }
    std::vector<XY> out;
    out.reserve(local.size());
    for (const XY& p : local) out.push_back(XY{c.x + p.x * ca - p.y * sa, c.y + p.x * sa + p.y * ca});
    return out;
}

/// An irregular polygon (open ring) of `n` vertices round `c`, radius r x (0.6..1.0) per vertex.
template <class XY, class Rand>
std::vector<XY> blob(XY c, double r, int n, Rand&& u01) {
    std::vector<XY> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
        const double a = 2 * 3.14159265358979323846 * k / n, rr = r * (0.6 + 0.4 * u01());
        out.push_back(XY{c.x + rr * std::cos(a), c.y + rr * std::sin(a)});
    }
    return out;
}

} // namespace country
