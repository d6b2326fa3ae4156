// The geocoder on data no one here wrote: in three real OpenStreetMap extracts, every point of
// interest tagged addr:street + addr:housenumber is geocoded from its address text against the
// other address points (its own left out) and the result compared with its own position.
// The shares are in docs/LOCATE.md; the floors below keep them from falling.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "geo/io/osm_addresses.hpp"
#include "model/geocode/address_matcher.hpp"

using namespace apreptis;

namespace {

struct Shares {
    std::size_t pois = 0, exact_twin = 0, placed = 0, within_25 = 0, within_100 = 0, ambiguous = 0, street = 0, not_found = 0;
    double share(std::size_t n) const { return pois ? double(n) / double(pois) : 0.0; }
};

Shares leave_one_out(const std::string& file, const std::string& crs) {
    const auto osm = geo::read_osm_addresses(std::string(APREPTIS_SOURCE_DIR) + "/" + file, crs);
    std::vector<model::AddressPoint> points;
    for (const auto& a : osm) points.push_back({a.street, a.housenumber, a.city, a.xy, a.name});
    const model::AddressMatcher matcher(points);
    Shares s;
    for (std::size_t i = 0; i < osm.size(); ++i) {
        if (!osm[i].poi) continue;
        ++s.pois;
        // independent of the parser: another point carries the very same street and number text
        for (std::size_t j = 0; j < osm.size(); ++j)
            if (j != i && osm[j].street == osm[i].street && osm[j].housenumber == osm[i].housenumber) {
                ++s.exact_twin;
                break;
            }
        // the address as a person would write it: "Street 12, Town"
        const std::string text = osm[i].street + " " + osm[i].housenumber + (osm[i].city.empty() ? "" : ", " + osm[i].city);
        const auto m = matcher.match(model::parse_address(text), i);
        if (std::getenv("APREPTIS_LOO_VERBOSE")) // each POI's outcome, to read why
            std::printf("  %c%lld '%s': %s\n", osm[i].type, static_cast<long long>(osm[i].id), text.c_str(),
                        model::to_string(m.kind));
        switch (m.kind) {
        case model::MatchKind::address_point: {
            ++s.placed;
            const auto p = matcher.points()[*m.point].xy;
            const double d = std::hypot(p.x - osm[i].xy.x, p.y - osm[i].xy.y);
            s.within_25 += d <= 25.0;
            s.within_100 += d <= 100.0;
            break;
        }
        case model::MatchKind::ambiguous: ++s.ambiguous; break;
        case model::MatchKind::street: ++s.street; break;
        case model::MatchKind::not_found: ++s.not_found; break;
        }
    }
    std::printf("%s: %zu address points, %zu POIs with addresses (%zu with the same address text on another point), %zu placed; within 25 m %.1f %%, within 100 m %.1f %%, ambiguous %.1f %%, "
                "street only %.1f %%, not found %.1f %%\n",
                file.c_str(), osm.size(), s.pois, s.exact_twin, s.placed, 100 * s.share(s.within_25), 100 * s.share(s.within_100),
                100 * s.share(s.ambiguous), 100 * s.share(s.street), 100 * s.share(s.not_found));
    return s;
}

} // namespace

TEST(LeaveOneOut, monaco_centre_pois_geocode_near_their_own_position) {
    const Shares s = leave_one_out("tests/data/monaco-centre.osm.pbf", "EPSG:32632");
    ASSERT_GT(s.pois, 0u);
    EXPECT_GE(s.placed, s.exact_twin - s.ambiguous); // every POI whose address text recurs is found
    EXPECT_GE(s.share(s.within_25), 0.11);
    EXPECT_GE(s.share(s.within_100), 0.17);
    EXPECT_LE(s.share(s.ambiguous), 0.0);
}

TEST(LeaveOneOut, andorra_pois_geocode_near_their_own_position) {
    const Shares s = leave_one_out("tests/data/andorra.osm.pbf", "EPSG:32631");
    ASSERT_GT(s.pois, 0u);
    EXPECT_GE(s.placed, s.exact_twin - s.ambiguous); // every POI whose address text recurs is found
    EXPECT_GE(s.share(s.within_25), 0.0);
    EXPECT_GE(s.share(s.within_100), 0.0);
    EXPECT_LE(s.share(s.ambiguous), 0.0);
}

TEST(LeaveOneOut, liechtenstein_pois_geocode_near_their_own_position) {
    const Shares s = leave_one_out("datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf", "EPSG:32632");
    ASSERT_GT(s.pois, 0u);
    EXPECT_GE(s.placed, s.exact_twin - s.ambiguous); // every POI whose address text recurs is found
    EXPECT_GE(s.share(s.within_25), 0.2);
    EXPECT_GE(s.share(s.within_100), 0.23);
    EXPECT_LE(s.share(s.ambiguous), 0.0);
}
