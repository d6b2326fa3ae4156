#include "wkt.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/raster_area.hpp"

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

TEST(GeometryOps, square_area) {
    auto sq = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
    EXPECT_DOUBLE_EQ(area(sq), 1e6);
    EXPECT_FALSE(invalid_reason(sq).has_value());
}

TEST(GeometryOps, hole_is_subtracted) {
    auto p = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0),(2 2, 2 4, 4 4, 4 2, 2 2))");
    EXPECT_DOUBLE_EQ(area(p), 96.0);
}

TEST(GeometryOps, bowtie_is_invalid_and_repairs_to_two_triangles) {
    auto bow = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))");
    auto reason = invalid_reason(bow);
    ASSERT_TRUE(reason.has_value());
    EXPECT_NE(reason->find("Self-intersection"), std::string::npos) << *reason;
    auto fixed = make_valid(bow);
    EXPECT_FALSE(invalid_reason(fixed).has_value());
    EXPECT_EQ(fixed.size(), 2u);
    EXPECT_NEAR(area(fixed), 50.0, 1e-9); // two triangles of 25
}

TEST(GeometryOps, intersection_area_and_point_on_surface) {
    auto a = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");
    auto b = apreptis::test::multipolygon_from_wkt("POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))");
    EXPECT_DOUBLE_EQ(intersection_area(a, b), 25.0);
    auto u = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))"); // an L
    XY p = point_on_surface(u);
    EXPECT_TRUE((p.x >= 0 && p.x <= 1) || (p.y >= 0 && p.y <= 1));
}

TEST(GeometryOps, dissolve_joins_touching_polygons) {
    const auto a = apreptis::test::multipolygon_from_wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");
    const auto b = apreptis::test::multipolygon_from_wkt("POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))");
    const auto c = apreptis::test::multipolygon_from_wkt("POLYGON((30 0, 40 0, 40 10, 30 10, 30 0))");
    const auto u = dissolve({a, b, c});
    ASSERT_EQ(u.size(), 2u); // a and b join, c stays apart
    EXPECT_DOUBLE_EQ(area(u), 300.0);
    EXPECT_TRUE(dissolve({}).empty());
}

TEST(GeometryOps, triangulation_covers_the_polygon_minus_its_holes) {
    auto p = apreptis::test::multipolygon_from_wkt("MULTIPOLYGON(((0 0, 10 0, 10 10, 0 10, 0 0),(2 2, 2 4, 4 4, 4 2, 2 2)),"
                                   "((20 0, 30 0, 25 5, 20 0)))");
    auto tris = triangulate(p);
    ASSERT_EQ(tris.size() % 3, 0u);
    double total = 0;
    for (std::size_t i = 0; i < tris.size(); i += 3) {
        const XY a = tris[i], b = tris[i + 1], c = tris[i + 2];
        total += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
    }
    EXPECT_NEAR(total, 96.0 + 25.0, 1e-9);
}

TEST(RasterBuffer, area_close_to_the_vector_buffer) {
    // an L of two 1 km streets, 50 m either side: exact area 2 * 1000 * 100 - overlap + caps
    MultiLineString l{{{0, 0}, {1000, 0}}, {{1000, 0}, {1000, 1000}}};
    const double exact = area(buffer_lines(l, 50, 32));
    const auto r = raster_buffer(l, 50, 25);
    EXPECT_FALSE(r.empty());
    EXPECT_NEAR(area(r), exact, 0.08 * exact); // cells of 25 m along a 50 m band
    EXPECT_FALSE(invalid_reason(r).has_value());
    EXPECT_TRUE(raster_buffer({}, 50, 25).empty());
}

TEST(RasterBuffer, bands_from_one_raster_are_nested_and_match_a_raster_per_band) {
    // band 0: a 1 km street; band 1 adds a second one at right angles and a far 200 m piece
    const MultiLineString first{{{0, 0}, {1000, 0}}};
    const MultiLineString added{{{1000, 0}, {1000, 1000}}, {{3000, 3000}, {3200, 3000}}};
    const auto bands = raster_buffer_bands({first, added}, 50, 25);
    ASSERT_EQ(bands.size(), 2u);
    MultiLineString all = first;
    all.insert(all.end(), added.begin(), added.end());
    // the largest band: the same grid (the envelope of everything), so the same cells
    EXPECT_EQ(bands[1], raster_buffer(all, 50, 25));
    // the smaller band sits on that grid, not its own: the same area to within a row of cells
    // along its outline (2 x 1100 m x 25 m), and inside the larger band
    EXPECT_NEAR(area(bands[0]), area(raster_buffer(first, 50, 25)), 2 * 1100 * 25);
    EXPECT_NEAR(intersection_area(bands[0], bands[1]), area(bands[0]), 1e-6);
    EXPECT_FALSE(invalid_reason(bands[0]).has_value());
    // an empty band gives an empty area, the others are still drawn
    const auto sparse = raster_buffer_bands({{}, first}, 50, 25);
    EXPECT_TRUE(sparse[0].empty());
    EXPECT_EQ(sparse[1], raster_buffer(first, 50, 25));
    EXPECT_TRUE(raster_buffer_bands({{}, {}}, 50, 25)[1].empty());
}

TEST(RasterBuffer, outlines_with_corner_touching_cells_still_triangulate) {
    // two diagonal blobs meeting at a cell corner produce a self-touching ring
    MultiLineString l{{{0, 0}, {100, 0}}, {{0, 0}, {0, 100}}, {{300, 300}, {500, 500}}, {{0, 300}, {300, 0}}};
    const auto r = raster_buffer(l, 20, 10);
    EXPECT_NO_THROW({
        auto t = triangulate(r);
        EXPECT_FALSE(t.empty());
    });
}

TEST(Triangulate, a_rectilinear_polygon_with_a_hole_is_cut_into_strips_of_the_same_area) {
    // an L-shaped outline (a raster catchment's kind) with a square hole: 3x3 minus 1x1 in a corner,
    // minus a 0.5x0.5 hole: area 8 - 0.25
    const auto mp = apreptis::test::multipolygon_from_wkt(
        "POLYGON((0 0, 3 0, 3 2, 2 2, 2 3, 0 3, 0 0), (1 1, 1.5 1, 1.5 1.5, 1 1.5, 1 1))");
    const auto t = triangulate(mp);
    ASSERT_EQ(t.size() % 3, 0u);
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); i += 3)
        sum += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
    EXPECT_NEAR(sum, 7.75, 1e-12);
    EXPECT_NEAR(area(mp), 7.75, 1e-12);
}

TEST(Triangulate, a_convex_ring_is_fanned) {
    const auto c = circle({10, 20}, 5, 64);
    const auto t = triangulate(c);
    EXPECT_EQ(t.size(), 3u * 62u); // n - 2 triangles for n = 64 vertices
    double sum = 0;
    for (std::size_t i = 0; i < t.size(); i += 3)
        sum += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
    EXPECT_NEAR(sum, area(c), 1e-9);
}
