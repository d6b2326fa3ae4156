// [basemap] under the comparison map of `apreptis compare`, as under the report's maps: the
// PNG shows the basemap's colour around the municipality and its attribution is printed; a
// source that fails is a warning, the comparison is still written, without the basemap.
#include <gtest/gtest.h>

#include <gdal_priv.h>


#include "app/core/analysis.hpp"
#include "app/core/comparison_table.hpp"
#include "app/core/scenario_file.hpp"
#include "app/report/comparison_map.hpp"
#include "basemap_fixture.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {

/// Pixels of a PNG (read by GDAL) exactly of colour (r, g, b).
long png_pixels_of(const std::string& png, int r, int g, int b) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds || ds->GetRasterCount() < 3) {
        ADD_FAILURE() << png << ": not an RGB image";
        return -1;
    }
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    std::vector<std::uint8_t> rgb[3];
    for (int k = 0; k < 3; ++k) {
        rgb[k].resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        if (ds->GetRasterBand(k + 1)->RasterIO(GF_Read, 0, 0, w, h, rgb[k].data(), w, h, GDT_Byte, 0, 0) != CE_None)
            ADD_FAILURE() << png << ": unreadable";
    }
    long n = 0;
    for (std::size_t i = 0; i < rgb[0].size(); ++i) n += rgb[0][i] == r && rgb[1][i] == g && rgb[2][i] == b;
    return n;
}

/// The comparison map's figure for `projects` as `apreptis compare` makes it (its text lines:
/// Cairo writes the SVG's and PNG's text as glyphs) and the warnings it printed.
struct Figure {
    app::report::MapFigure fig;
    std::string warnings;
};
Figure comparison_figure(const std::vector<std::string>& projects) {
    std::vector<app::Analysis> analyses;
    for (const auto& p : projects) analyses.push_back(app::run_analysis(app::load_run(p)));
    std::vector<const app::Analysis*> ptrs;
    for (const auto& a : analyses) ptrs.push_back(&a);
    std::vector<std::string> notes;
    const model::Comparison c = app::build_comparison(ptrs, {}, notes);
    std::vector<std::string> warnings;
    Figure f{app::report::comparison_map(ptrs, c, app::municipality_areas(c, ptrs), 0, app::Language::en, {"Data: test"},
                                         warnings),
             ""};
    for (const auto& w : warnings) f.warnings += "warning: " + w + "\n"; // as the command prints them
    return f;
}

} // namespace

TEST(CompareBasemap, the_comparison_map_is_drawn_over_the_first_projects_basemap_with_its_attribution) {
    test::ScratchDir d;
    test::write_green_kaunas_basemap(d / "green.tif");
    const std::string with =
        test::kaunas_wards_project(d, "[basemap]\nsource = \"green.tif\"\nattribution = \"Test basemap (one green)\"\n");
    const test::CliRun r = test::run_cli("compare " + with + " --out " + d / "with --lang en");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
    // around the municipality's outline the map is the basemap's colour
    EXPECT_GT(png_pixels_of(d / "with/comparison_map.png", 0, 200, 0), 20000);
    // under the map: the projects' attribution, then the basemap's
    const Figure f = comparison_figure({with});
    EXPECT_EQ(f.fig.attribution, (std::vector<std::string>{"Data: test", "Basemap: Test basemap (one green)"}));
    ASSERT_TRUE(f.fig.basemap);
    EXPECT_DOUBLE_EQ(f.fig.fill_alpha, 0.6);
    EXPECT_EQ(f.warnings, "");

    const std::string without = test::kaunas_wards_project(d, "");
    ASSERT_EQ(test::run_cli("compare " + without + " --out " + d / "without --lang en").rc, 0);
    EXPECT_EQ(png_pixels_of(d / "without/comparison_map.png", 0, 200, 0), 0);
    EXPECT_EQ(comparison_figure({without}).fig.attribution, std::vector<std::string>{"Data: test"});

    // two projects, the first without [basemap]: the second's is drawn (the first naming one)
    // one SYNTHETIC square ward of a made-up municipality west of Kaunas (inside green.tif)
    const std::string k = test::source_dir() + "/datasets";
    test::write_file(d / "square.geojson",
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"T1","name":"Test",)"
                     R"("municipality":"Bandomoji sav.","pop":100},"geometry":{"type":"Polygon","coordinates":)"
                     R"([[[23.70,54.95],[23.75,54.95],[23.75,54.98],[23.70,54.98],[23.70,54.95]]]}}]})");
    const std::string other = test::write_file(
        d / "other.toml", "[project]\nname = \"other\"\n[catalogue]\nservice_types = \"" + k +
                              "/catalogue/service_types.csv\"\ntarget_groups = \"" + k +
                              "/catalogue/target_groups.csv\"\n[wards]\npath = \"square.geojson\"\ncode_field = \"code\"\n"
                              "name_field = \"name\"\nmunicipality_field = \"municipality\"\npopulation_field = \"pop\"\n"
                              "[basemap]\nsource = \"green.tif\"\nattribution = \"Second's basemap\"\n");
    const std::string first = test::kaunas_wards_project(d, ""); // without [basemap]
    const Figure both = comparison_figure({first, other});
    EXPECT_EQ(both.fig.attribution, (std::vector<std::string>{"Data: test", "Basemap: Second's basemap"}));
    EXPECT_EQ(both.warnings, "");
}

TEST(CompareBasemap, a_basemap_that_fails_is_a_warning_and_the_comparison_is_written_without_it) {
    test::ScratchDir d;
    const std::string p = test::kaunas_wards_project(d, "[basemap]\nsource = \"missing.tif\"\nattribution = \"nobody\"\n");
    const test::CliRun r = test::run_cli("compare " + p + " --out " + d / "out");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("warning: basemap " + d / "missing.tif"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1 warning"), std::string::npos) << r.output;
    for (const char* f : {"comparison.gpkg", "comparison.csv", "comparison_map.svg", "comparison_map.png", "run.json"})
        EXPECT_TRUE(std::filesystem::exists(d / "out/" + std::string(f))) << f;
    const Figure f = comparison_figure({p});
    EXPECT_FALSE(f.fig.basemap);
    EXPECT_EQ(f.fig.attribution,
              (std::vector<std::string>{"Data: test", "Basemap not drawn: its source failed (see the warning)"}));
    EXPECT_EQ(f.warnings.rfind("warning: basemap " + d / "missing.tif" + ": cannot be opened as a raster", 0), 0u) << f.warnings;
}
