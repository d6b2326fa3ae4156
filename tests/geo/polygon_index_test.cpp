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

TEST(PolygonIndex, a_shape_is_cut_into_one_piece_per_polygon_it_overlaps) {
    PolygonIndex idx(three_wards());
    // 600 x 400 over A (400 wide), B (200 wide), and 200 m above both (beyond every polygon)
    const auto pieces = idx.pieces(apreptis::test::multipolygon_from_wkt("POLYGON((600 800, 1200 800, 1200 1200, 600 1200, 600 800))"));
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[0].index, 0u);
    EXPECT_NEAR(pieces[0].area, 400 * 200, 1e-6);
    EXPECT_EQ(pieces[1].index, 1u);
    EXPECT_NEAR(pieces[1].area, 200 * 200, 1e-6);
    EXPECT_EQ(idx.locate(pieces[0].inside), 0u);
    EXPECT_EQ(idx.locate(pieces[1].inside), 1u);
    // inside one polygon: the whole shape at its centre, no overlay
    const auto whole = idx.pieces(apreptis::test::multipolygon_from_wkt("POLYGON((100 100, 300 100, 300 300, 100 300, 100 100))"));
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_NEAR(whole[0].area, 40000, 1e-6);
    EXPECT_NEAR(whole[0].inside.x, 200, 1e-9);
    EXPECT_NEAR(whole[0].inside.y, 200, 1e-9);
    // touching along an edge only is no piece
    EXPECT_TRUE(idx.pieces(apreptis::test::multipolygon_from_wkt("POLYGON((3000 0, 3500 0, 3500 500, 3000 500, 3000 0))")).empty());
}
