#include "wkt.hpp"
#include "geo/geom/polygon_index.hpp"

#include <gtest/gtest.h>

#include "geo/geom/geometry_ops.hpp"

using namespace apreptis::geo;

namespace {
std::vector<MultiPolygon> three_wards() {
    // A | B | C, each 1 km square; C has an exclave far away (like Liechtenstein's).
    return {apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"),
            apreptis::test::multipolygon_from_wkt("POLYGON((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))"),
            apreptis::test::multipolygon_from_wkt("MULTIPOLYGON(((2000 0, 3000 0, 3000 1000, 2000 1000, 2000 0)),"
                                  "((9000 9000, 9100 9000, 9100 9100, 9000 9100, 9000 9000)))")};
}
} // namespace

TEST(PolygonIndex, locates_points_including_exclaves) {
    PolygonIndex idx(three_wards());
    EXPECT_EQ(idx.locate({500, 500}), 0u);
    EXPECT_EQ(idx.locate({1500, 500}), 1u);
    EXPECT_EQ(idx.locate({2500, 500}), 2u);
    EXPECT_EQ(idx.locate({9050, 9050}), 2u);
    EXPECT_FALSE(idx.locate({5000, 5000}).has_value());
}

TEST(PolygonIndex, shared_boundary_goes_to_the_lowest_index) {
    PolygonIndex idx(three_wards());
    EXPECT_EQ(idx.locate({1000, 500}), 0u);
    EXPECT_EQ(idx.locate({2000, 500}), 1u);
}

TEST(PolygonIndex, neighbours_touching_do_not_overlap) {
    PolygonIndex idx(three_wards());
    EXPECT_TRUE(idx.overlaps(0.0).empty());
}

TEST(PolygonIndex, overlap_is_found_with_its_area) {
    auto w = three_wards();
    w.push_back(apreptis::test::multipolygon_from_wkt("POLYGON((900 0, 1100 0, 1100 1000, 900 1000, 900 0))"));
    PolygonIndex idx(w);
    auto o = idx.overlaps(1.0);
    ASSERT_EQ(o.size(), 2u); // with A and with B, 100 m x 1000 m each
    EXPECT_NEAR(o[0].area, 100000.0, 1e-6);
    EXPECT_NEAR(o[1].area, 100000.0, 1e-6);
    EXPECT_TRUE(idx.overlaps(200000.0).empty()); // below tolerance
}
