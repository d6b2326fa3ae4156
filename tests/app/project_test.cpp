#include "app/core/project.hpp"

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {
std::string project_with(const test::ScratchDir& d, const std::string& access) {
    const std::string src = test::source_dir() + "/datasets";
    return test::write_file(d / "p.toml", "[catalogue]\nservice_types = \"" + src + "/catalogue/service_types.csv\"\n"
                                          "target_groups = \"" + src + "/catalogue/target_groups.csv\"\n"
                                          "[wards]\npath = \"w.geojson\"\nmunicipality = \"M\"\n" + access);
}
} // namespace

TEST(ProjectFile, access_thresholds_and_bands_are_read) {
    test::ScratchDir d;
    auto p = app::load_project(project_with(d, "[access]\ncatchment_bands_min = [30, 10]\n"
                                               "[access.threshold_min]\nhome_help = 25\n"));
    ASSERT_TRUE(p.access);
    EXPECT_EQ(p.access->catchment_bands_min, (std::vector<double>{10, 30}));
    EXPECT_DOUBLE_EQ(p.access->threshold_min["home_help"], 25);
}

TEST(ProjectFile, a_threshold_that_is_not_minutes_is_refused_with_its_line) {
    test::ScratchDir d;
    test::expect_error<Error>([&] {
        app::load_project(project_with(d, "[access]\n[access.threshold_min]\nhome_help = \"soon\"\n"));
    }, {"p.toml:9:", "[access.threshold_min] home_help", "minutes", "found text"});
    test::expect_error<Error>([&] { app::load_project(project_with(d, "[access]\ncatchment_bands_min = [10, -5]\n")); },
                              {"p.toml:8:", "catchment_bands_min"});
}

TEST(ProjectFile, a_basemap_file_is_taken_from_the_project_folder_and_a_url_as_written) {
    test::ScratchDir d;
    auto p = app::load_project(project_with(d, "[basemap]\nsource = \"tiles/streets.mbtiles\"\n"
                                               "attribution = \"© OpenStreetMap contributors\"\n"));
    ASSERT_TRUE(p.basemap);
    EXPECT_EQ(p.basemap->source, (d.path() / "tiles/streets.mbtiles").lexically_normal().string());
    EXPECT_EQ(p.basemap->attribution, "© OpenStreetMap contributors");
    EXPECT_DOUBLE_EQ(p.basemap->ward_opacity, 0.6);
    for (const std::string url : {"https://tile.openstreetmap.org/{z}/{x}/{y}.png", "WMTS:https://example.org/wmts",
                                  "<GDAL_WMS><Service name=\\\"TMS\\\"/></GDAL_WMS>"}) {
        p = app::load_project(project_with(d, "[basemap]\nsource = \"" + url + "\"\nattribution = \"x\"\nward_opacity = 0.8\n"));
        EXPECT_NE(p.basemap->source.find(url.substr(0, 12)), std::string::npos) << p.basemap->source;
        EXPECT_EQ(p.basemap->source.rfind(d.path().string(), 0), std::string::npos) << p.basemap->source;
        EXPECT_DOUBLE_EQ(p.basemap->ward_opacity, 0.8);
    }
    EXPECT_FALSE(app::load_project(project_with(d, "")).basemap);
}

TEST(ProjectFile, a_basemap_needs_a_source_and_an_attribution) {
    test::ScratchDir d;
    test::expect_error<Error>([&] { app::load_project(project_with(d, "[basemap]\nattribution = \"x\"\n")); },
                              {"p.toml:", "[basemap] needs source"});
    test::expect_error<Error>([&] { app::load_project(project_with(d, "[basemap]\nsource = \"b.tif\"\n")); },
                              {"p.toml:", "[basemap] needs attribution"});
    test::expect_error<Error>(
        [&] { app::load_project(project_with(d, "[basemap]\nsource = \"b.tif\"\nattribution = \"x\"\nward_opacity = 0\n")); },
        {"ward_opacity"});
}

namespace {
/// The Location of the apreptis::Error that loading `text` gives.
Location error_location(const test::ScratchDir& d, const std::string& text) {
    try {
        app::load_project(project_with(d, text));
    } catch (const Error& e) {
        EXPECT_TRUE(e.location()) << e.what();
        if (e.location()) return *e.location();
    }
    ADD_FAILURE() << "no error for: " << text;
    return {};
}
} // namespace

TEST(ProjectFile, errors_carry_the_file_line_column_and_key_as_fields) {
    // what the viewer and tests read, besides the message: p.toml lines 1-6 are the catalogue
    // and wards above; line 7 on is the text given here
    test::ScratchDir d;
    const std::string file = d / "p.toml";
    Location l = error_location(d, "[access]\n[access.threshold_min]\nhome_help = \"soon\"\n");
    EXPECT_EQ(l.path, file);
    EXPECT_EQ(l.line, 9);
    EXPECT_EQ(l.column, 13); // the value's column: home_help = "soon"
    EXPECT_EQ(l.key, "access.threshold_min.home_help");
    l = error_location(d, "[access]\ncatchment_bands_min = [10, 10]\n"); // checked in project.cpp
    EXPECT_EQ(l.line, 8);
    EXPECT_EQ(l.key, "access.catchment_bands_min");
    l = error_location(d, "[roads]\npath = \"r.gpkg\"\nformat = \"lines\"\n"); // the table's place
    EXPECT_EQ(l.line, 7);
    EXPECT_EQ(l.column, 1);
    EXPECT_EQ(l.key, "roads");
    l = error_location(d, "[project]\nworking_crs = \"EPSG:4326\"\n");
    EXPECT_EQ(l.line, 8);
    EXPECT_EQ(l.key, "project.working_crs");
    l = error_location(d, "[acces]\n"); // an unknown table: every problem listed, the file named
    EXPECT_EQ(l.path, file);
    EXPECT_EQ(l.line, -1);
    // the message keeps the form people read: path:line:column: [table] key ...
    test::expect_error<Error>([&] { app::load_project(project_with(d, "[access]\ncatchment_bands_min = [10, 10]\n")); },
                              {file + ":8:", ": [access] catchment_bands_min lists a band twice"});
}
