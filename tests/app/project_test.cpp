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
