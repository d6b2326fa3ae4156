#include "geo/io/raster_reader.hpp"

#include <gtest/gtest.h>

#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "grid_fixture.hpp"
#include "test_util.hpp"

using namespace apreptis;
using apreptis::test::SyntheticGrid;

namespace {

/// 3 columns x 2 rows of 100 m at (500000, 6100200) top-left: values 1 2 0 / nodata 5 6.
SyntheticGrid small_grid() {
    SyntheticGrid g;
    g.x0 = 500000;
    g.y1 = 6100200;
    g.cell_w = g.cell_h = 100;
    g.columns = 3;
    g.rows = 2;
    g.values = {1.0, 2.0, 0.0, std::nullopt, 5.0, 6.0};
    return g;
}

} // namespace

TEST(RasterReader, cells_are_polygons_in_the_working_crs_with_nodata_kept_and_zeros_counted) {
    test::ScratchDir dir;
    const std::string tif = dir / "grid.tif";
    test::write_geotiff(small_grid(), tif);
    const geo::RasterGrid r = geo::read_raster_grid(tif, {});
    EXPECT_EQ(r.source_crs, "EPSG:3346");
    EXPECT_EQ(r.columns, 3);
    EXPECT_EQ(r.rows, 2);
    EXPECT_EQ(r.cells_in_window, 6);
    EXPECT_EQ(r.zero_cells, 1);
    ASSERT_EQ(r.cells.size(), 5u); // 1 2 (0 dropped) nodata 5 6
    ASSERT_TRUE(r.nodata);
    EXPECT_EQ(*r.nodata, -9999);
    EXPECT_EQ(*r.cells[0].value, 1);
    EXPECT_FALSE(r.cells[2].value); // the nodata cell, row 1 column 0
    EXPECT_EQ(r.cells[2].row, 1);
    EXPECT_EQ(r.cells[2].column, 0);
    const auto& ring = r.cells[4].polygon.outer; // row 1, column 2: x 500200..500300, y 6100000..6100100
    ASSERT_EQ(ring.size(), 5u);
    EXPECT_NEAR(ring[0].x, 500200, 1e-6);
    EXPECT_NEAR(ring[0].y, 6100100, 1e-6);
    EXPECT_NEAR(ring[2].x, 500300, 1e-6);
    EXPECT_NEAR(ring[2].y, 6100000, 1e-6);
    EXPECT_NEAR(r.extent.min_x, 500000, 1e-6);
    EXPECT_NEAR(r.extent.max_y, 6100200, 1e-6);
}

TEST(RasterReader, only_the_cells_over_the_window_are_read) {
    test::ScratchDir dir;
    SyntheticGrid g = small_grid();
    g.columns = 40; // 4 km wide; the window covers the first 100 m column only
    g.values.assign(80, 3.0);
    test::write_geotiff(g, dir / "wide.tif");
    geo::RasterReadOptions o;
    o.window = geo::Envelope{500010, 6100010, 500090, 6100190};
    const geo::RasterGrid r = geo::read_raster_grid(dir / "wide.tif", o);
    EXPECT_LE(r.cells_in_window, 2 * 3); // one cell of margin each side
    EXPECT_GE(r.cells_in_window, 2);
    o.window = geo::Envelope{600000, 6200000, 600100, 6200100}; // far away
    EXPECT_EQ(geo::read_raster_grid(dir / "wide.tif", o).cells.size(), 0u);
}

TEST(RasterReader, a_grid_in_wgs84_is_placed_by_reprojecting_each_corner) {
    test::ScratchDir dir;
    SyntheticGrid g;
    g.crs = "EPSG:4326";
    g.x0 = 23.90;
    g.y1 = 54.90;
    g.cell_w = g.cell_h = 0.01;
    g.columns = g.rows = 2;
    g.values = {1.0, 2.0, 3.0, 4.0};
    test::write_geotiff(g, dir / "wgs84.tif");
    const geo::RasterGrid r = geo::read_raster_grid(dir / "wgs84.tif", {});
    EXPECT_EQ(r.source_crs, "EPSG:4326");
    ASSERT_EQ(r.cells.size(), 4u);
    // independently: PROJ through the same normalised transformer, lon/lat order
    const geo::XY expected = geo::Transformer("EPSG:4326", "EPSG:3346").transform({23.91, 54.89});
    EXPECT_NEAR(r.cells[0].polygon.outer[2].x, expected.x, 1e-6);
    EXPECT_NEAR(r.cells[0].polygon.outer[2].y, expected.y, 1e-6);
    // and where GDAL's own tool puts it (echo "23.91 54.89" | gdaltransform -s_srs EPSG:4326
    // -t_srs EPSG:3346 gives 494225.938 6083771.549)
    EXPECT_NEAR(expected.x, 494225.938, 0.01);
    EXPECT_NEAR(expected.y, 6083771.549, 0.01);
}

TEST(RasterReader, a_rotated_raster_is_refused) {
    test::ScratchDir dir;
    SyntheticGrid g = small_grid();
    g.rotation = 5;
    test::write_geotiff(g, dir / "rotated.tif");
    test::expect_error<geo::IoError>([&] { geo::read_raster_grid(dir / "rotated.tif", {}); },
                                     {"rotated.tif", "rotated", "gdalwarp"});
}

TEST(RasterReader, a_raster_without_crs_needs_one_declared_and_a_declared_one_must_agree) {
    test::ScratchDir dir;
    test::write_geotiff(small_grid(), dir / "nocrs.tif", false);
    test::expect_error<geo::CrsError>([&] { geo::read_raster_grid(dir / "nocrs.tif", {}); }, {"nocrs.tif", "grid_crs"});
    geo::RasterReadOptions o;
    o.declared_crs = "EPSG:3346";
    EXPECT_EQ(geo::read_raster_grid(dir / "nocrs.tif", o).cells.size(), 5u);
    test::write_geotiff(small_grid(), dir / "crs.tif");
    o.declared_crs = "EPSG:3035";
    test::expect_error<geo::CrsError>([&] { geo::read_raster_grid(dir / "crs.tif", o); }, {"crs.tif", "EPSG:3035", "EPSG:3346"});
}

TEST(RasterReader, a_file_that_is_no_raster_says_what_a_vector_grid_needs) {
    test::ScratchDir dir;
    test::write_file(dir / "grid.csv", "id,persons\n1,5\n");
    test::expect_error<geo::IoError>([&] { geo::read_raster_grid(dir / "grid.csv", {}); }, {"grid.csv", "grid_field"});
    test::expect_error<geo::IoError>([&] { geo::read_raster_grid(dir / "missing.tif", {}); }, {"missing.tif", "not found"});
}
