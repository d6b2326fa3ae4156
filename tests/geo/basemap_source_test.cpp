#include "geo/io/basemap_source.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "basemap_fixture.hpp"
#include "geo/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {

/// The pixel (column, row) of an image as {r, g, b, a}.
std::array<int, 4> px(const geo::BasemapImage& img, int c, int r) {
    const std::size_t i = (static_cast<std::size_t>(r) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(c)) * 4;
    return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

// The fixture covers x 500000..502000, y 6100000..6101000 (LKS94): red west of 501000, blue east.
const geo::Envelope fixture_extent{500000, 6100000, 502000, 6101000};

} // namespace

TEST(BasemapSource, a_geotiff_window_is_read_at_the_asked_pixel_size_with_no_data_outside_transparent) {
    test::ScratchDir dir;
    test::write_rgb_geotiff({}, dir / "base.tif");
    // half a kilometre of margin west: those pixels have no source and stay transparent
    const geo::BasemapImage img = geo::read_basemap(dir / "base.tif", {"EPSG:3346", {499500, 6100000, 502000, 6101000}, 250, 100});
    ASSERT_EQ(img.rgba.size(), 250u * 100u * 4u);
    EXPECT_EQ(px(img, 20, 50)[3], 0);                                 // x 499705: off the raster
    EXPECT_EQ(px(img, 100, 50), (std::array<int, 4>{220, 30, 30, 255})); // x 500505: red
    EXPECT_EQ(px(img, 200, 50), (std::array<int, 4>{30, 30, 220, 255})); // x 501505: blue
}

TEST(BasemapSource, mbtiles_in_web_mercator_are_warped_to_the_working_crs) {
    test::ScratchDir dir;
    test::write_rgb_geotiff({}, dir / "base.tif");
    test::translate(dir / "base.tif", dir / "base.mbtiles", {"-of", "MBTiles"});
    const geo::BasemapImage img = geo::read_basemap(dir / "base.mbtiles", {"EPSG:3346", fixture_extent, 200, 100});
    const auto west = px(img, 40, 50), east = px(img, 160, 50);
    EXPECT_GT(west[0], 180);
    EXPECT_LT(west[2], 80);
    EXPECT_LT(east[0], 80);
    EXPECT_GT(east[2], 180);
    EXPECT_EQ(west[3], 255);
    // the colour boundary at x 501000 (column 100) stays within two pixels (20 m) after two warps
    int edge = -1;
    for (int c = 1; c < 200 && edge < 0; ++c)
        if (px(img, c, 50)[0] < 125 && px(img, c - 1, 50)[0] >= 125) edge = c;
    EXPECT_NEAR(edge, 100, 2);
}

TEST(BasemapSource, geopackage_tiles_and_a_grey_geotiff_read_like_the_rgb_geotiff) {
    test::ScratchDir dir;
    test::write_rgb_geotiff({}, dir / "base.tif");
    test::translate(dir / "base.tif", dir / "base.gpkg", {"-of", "GPKG"});
    test::translate(dir / "base.tif", dir / "grey.tif", {"-b", "3"}); // one band: 30 west, 220 east
    for (const std::string f : {"base.gpkg", "grey.tif"}) {
        const geo::BasemapImage img = geo::read_basemap(dir / f, {"EPSG:3346", fixture_extent, 200, 100});
        const auto west = px(img, 40, 50), east = px(img, 160, 50);
        EXPECT_EQ(west[3], 255) << f;
        EXPECT_EQ(east[3], 255) << f;
        EXPECT_EQ(east[2], 220) << f;
        EXPECT_EQ(west[2], 30) << f;
        if (f == "grey.tif") EXPECT_EQ(east[0], 220) << "grey is drawn as grey";
        else EXPECT_EQ(west[0], 220) << f;
    }
}

TEST(BasemapSource, a_paletted_geotiff_is_expanded_to_its_colours) {
    test::ScratchDir dir;
    test::write_rgb_geotiff({}, dir / "base.tif");
    test::translate(dir / "base.tif", dir / "index.tif", {"-b", "3"}); // one band: 30 west, 220 east
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "index.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        GDALColorTable ct;
        const GDALColorEntry west{10, 120, 10, 255}, east{250, 250, 0, 255};
        ct.SetColorEntry(30, &west);
        ct.SetColorEntry(220, &east);
        ASSERT_EQ(ds->GetRasterBand(1)->SetColorTable(&ct), CE_None);
    }
    const geo::BasemapImage img = geo::read_basemap(dir / "index.tif", {"EPSG:3346", fixture_extent, 200, 100});
    EXPECT_EQ(px(img, 40, 50), (std::array<int, 4>{10, 120, 10, 255}));
    EXPECT_EQ(px(img, 160, 50), (std::array<int, 4>{250, 250, 0, 255}));
}

TEST(BasemapSource, an_xyz_template_is_fetched_from_a_tile_server_through_gdal_with_a_disk_cache) {
    test::ScratchDir dir;
    test::write_tile_png(dir / "tile.png", 40, 200, 60);
    test::TileServer server(dir / "tile.png", dir / "port");
    ::setenv("GDAL_DEFAULT_WMS_CACHE_PATH", (dir / "cache").c_str(), 1);
    EXPECT_NE(geo::basemap_dataset_name(server.url()).find("${z}/${x}/${y}"), std::string::npos);
    const geo::BasemapImage img = geo::read_basemap(server.url(), {"EPSG:3346", fixture_extent, 200, 100});
    EXPECT_EQ(px(img, 100, 50), (std::array<int, 4>{40, 200, 60, 255}));
    const auto requests = server.requests();
    ASSERT_FALSE(requests.empty());
    // 2 km over 200 px is 10 m a pixel: GDAL asks for a zoom level near 14, not the deepest
    const int z = std::stoi(requests[0].substr(7));
    EXPECT_GE(z, 12);
    EXPECT_LE(z, 15);
    EXPECT_TRUE(std::filesystem::exists(dir / "cache"));
    // a second read of the same window is served from the disk cache
    const std::size_t served = requests.size();
    geo::read_basemap(server.url(), {"EPSG:3346", fixture_extent, 200, 100});
    EXPECT_EQ(server.requests().size(), served);
    ::unsetenv("GDAL_DEFAULT_WMS_CACHE_PATH");
}

TEST(BasemapSource, a_source_that_fails_throws_an_io_error_naming_it) {
    test::ScratchDir dir;
    test::write_tile_png(dir / "tile.png", 40, 200, 60);
    test::TileServer server(dir / "tile.png", dir / "port");
    ::setenv("GDAL_DEFAULT_WMS_CACHE_PATH", (dir / "cache").c_str(), 1);
    const std::string missing = "http://127.0.0.1:" + std::to_string(server.port()) + "/missing/{z}/{x}/{y}.png";
    test::expect_error<geo::IoError>([&] { geo::read_basemap(missing, {"EPSG:3346", fixture_extent, 200, 100}); },
                                     {"basemap http://127.0.0.1:", "/missing/{z}/{x}/{y}.png"});
    ::unsetenv("GDAL_DEFAULT_WMS_CACHE_PATH");
    test::expect_error<geo::IoError>(
        [&] { geo::read_basemap(dir / "nothing.tif", {"EPSG:3346", fixture_extent, 200, 100}); },
        {"nothing.tif", "cannot be opened as a raster"});
    try {
        geo::read_basemap(dir / "tile.png", {"EPSG:3346", fixture_extent, 200, 100});
        ADD_FAILURE() << "a PNG without a CRS was read as a basemap";
    } catch (const geo::IoError& e) { // the source is the location; "basemap" says what it is to the project
        ASSERT_TRUE(e.location().has_value()) << e.what();
        EXPECT_EQ(e.location()->path, dir / "tile.png");
        EXPECT_EQ(e.location()->source_kind, "basemap");
        EXPECT_EQ(std::string(e.what()), "basemap " + (dir / "tile.png") + ": " + e.detail());
        EXPECT_EQ(e.detail(), "has no CRS; a basemap must say where it is");
    }
    test::expect_error<geo::IoError>(
        [&] { geo::read_basemap(dir / "tile.png", {"EPSG:3346", fixture_extent, 200, 100}); }, {"tile.png", "no CRS"});
    test::expect_error<geo::IoError>([&] { geo::read_basemap(dir / "tile.png", {"EPSG:3346", fixture_extent, 0, 100}); },
                                     {"nothing to read"});
}
