// [basemap] under the report's map: the page image (pdftoppm) shows the basemap's colour
// around and, blended, under the wards; its attribution is printed; a source that fails is a
// warning and the report is still written, saying the basemap is missing.
#include <gtest/gtest.h>

#include <fstream>

#include "basemap_fixture.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {

/// Pixels of page 1 (72 dpi, no anti-aliasing) exactly of colour (r, g, b).
long count_colour(const std::string& pdf, const std::string& stem, int r, int g, int b) {
    test::shell_stdout("pdftoppm -r 72 -f 1 -l 1 -aa no -aaVector no " + pdf + " " + stem);
    std::ifstream f(stem + "-1.ppm", std::ios::binary);
    std::string magic;
    int w = 0, h = 0, maxval = 0;
    f >> magic >> w >> h >> maxval;
    f.get();
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    f.read(reinterpret_cast<char*>(rgb.data()), static_cast<std::streamsize>(rgb.size()));
    EXPECT_EQ(magic, "P6");
    long n = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
        if (rgb[i] == r && rgb[i + 1] == g && rgb[i + 2] == b) ++n;
    return n;
}

} // namespace

TEST(ReportBasemap, the_map_is_drawn_over_the_basemap_with_its_attribution) {
    test::ScratchDir d;
    test::write_green_kaunas_basemap(d / "green.tif"); // one colour no palette uses

    const std::string with = test::kaunas_wards_project(d, "[basemap]\nsource = \"green.tif\"\nattribution = \"Test basemap (one green)\"\n");
    const test::CliRun r = test::run_cli("report " + with + " --out " + d / "with.pdf");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
    // the map box around the wards is the basemap's colour: thousands of pixels at 72 dpi (8236 when written)
    EXPECT_GT(count_colour(d / "with.pdf", d / "with", 0, 200, 0), 4000);
    EXPECT_NE(test::shell_stdout("pdftotext " + d / "with.pdf" + " -").find("Pagrindas: Test basemap (one green)"),
              std::string::npos);

    const std::string without = test::kaunas_wards_project(d, "");
    ASSERT_EQ(test::run_cli("report " + without + " --out " + d / "without.pdf").rc, 0);
    EXPECT_EQ(count_colour(d / "without.pdf", d / "without", 0, 200, 0), 0);
}

TEST(ReportBasemap, a_basemap_that_fails_is_a_warning_and_the_report_is_written_without_it) {
    test::ScratchDir d;
    const std::string p = test::kaunas_wards_project(d, "[basemap]\nsource = \"missing.tif\"\nattribution = \"nobody\"\n");
    const test::CliRun r = test::run_cli("report " + p + " --out " + d / "r.pdf");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("warning: basemap " + d / "missing.tif"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 warning"), std::string::npos) << r.output;
    ASSERT_TRUE(std::filesystem::exists(d / "r.pdf"));
    const std::string text = test::shell_stdout("pdftotext " + d / "r.pdf" + " -");
    EXPECT_NE(text.find("Pagrindo žemėlapis nenubraižytas"), std::string::npos);
    EXPECT_EQ(text.find("nobody"), std::string::npos);
}

TEST(ReportBasemap, a_tile_url_with_an_api_key_is_named_without_it) {
    // A failing tile source (the local tile server answers 404 off /tiles/) with a key and a
    // password in its URL: the warning names the source, never the secrets; the report is written.
    test::ScratchDir d;
    test::write_tile_png(d / "tile.png", 40, 200, 60);
    test::TileServer server(d / "tile.png", d / "port");
    ::setenv("GDAL_DEFAULT_WMS_CACHE_PATH", (d / "cache").c_str(), 1); // the CLI inherits it
    const std::string url = "http://anna:pa55word@127.0.0.1:" + std::to_string(server.port()) +
                            "/missing/{z}/{x}/{y}.png?style=light&ApiKey=SECRET-KEY-123";
    const std::string p = test::kaunas_wards_project(d, "[basemap]\nsource = \"" + url + "\"\nattribution = \"Test tiles\"\n");
    const test::CliRun r = test::run_cli("report " + p + " --out " + d / "r.pdf");
    ::unsetenv("GDAL_DEFAULT_WMS_CACHE_PATH");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_FALSE(server.requests().empty()); // the source was asked, and failed
    EXPECT_NE(r.output.find("warning: basemap http://***@127.0.0.1:" + std::to_string(server.port()) +
                            "/missing/{z}/{x}/{y}.png?style=light&ApiKey=***"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("1 warning"), std::string::npos) << r.output;
    for (const char* secret : {"SECRET-KEY-123", "pa55word", "anna"}) EXPECT_EQ(r.output.find(secret), std::string::npos) << secret;
    const std::string text = test::shell_stdout("pdftotext " + d / "r.pdf" + " -");
    EXPECT_NE(text.find("Pagrindo žemėlapis nenubraižytas"), std::string::npos);
    EXPECT_EQ(text.find("SECRET-KEY-123"), std::string::npos);
}
