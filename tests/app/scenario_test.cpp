// What-if scenarios: a file the CLI runs, edits the viewer makes; the same model code.
#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "app/core/project.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

namespace {
const model::CoverageRow& row(const Analysis& a, const std::string& area, const std::string& type) {
    for (const auto& r : a.coverage.rows)
        if (r.area_code == area && r.service_type == type && r.target_group == "children") return r;
    throw std::runtime_error("no row");
}
model::Scenario new_day_centre(geo::XY at) {
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "NEW-VDC";
    e.name = "Naujas vaikų dienos centras";
    e.service_type = "children_day_centre";
    e.target_group = "children";
    e.point = at;
    e.places = 30;
    return {"new VDC in Dainava", {e}};
}
} // namespace

TEST(Scenario, a_new_site_changes_its_ward_by_what_the_model_computes) {
    const std::string base = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    Analysis loaded = load_inputs(load_project(base));
    const auto* dainava = loaded.study.find_ward("1904");
    ASSERT_NE(dainava, nullptr);
    const geo::XY inside = geo::point_on_surface(dainava->geometry);
    Analysis after = with_scenario(loaded, new_day_centre(inside));
    const auto& r = row(after, "1904", "children_day_centre");
    // 30 new places over Dainava's estimated children (51 735 x 53 053 / 298 753)
    const double children = 51735.0 * 53053.0 / 298753.0;
    EXPECT_DOUBLE_EQ(*r.places, 30);
    EXPECT_NEAR(*r.places_per_1000, 30 / children * 1000, 1e-9);
    EXPECT_EQ(after.study.providers.back().ward_code, "1904");
    // the distance analysis now covers children's day centres (straight line)
    bool has = false;
    for (const auto& sa : after.access->services) has |= sa.service_type == "children_day_centre";
    EXPECT_TRUE(has);
}

TEST(Scenario, the_file_round_trips_and_the_cli_path_gives_the_same_numbers) {
    test::ScratchDir d;
    const std::string base = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    Analysis loaded = load_inputs(load_project(base));
    const geo::XY inside = geo::point_on_surface(loaded.study.find_ward("1904")->geometry);
    auto sc = new_day_centre(inside);
    model::ScenarioEdit rm;
    rm.kind = model::ScenarioEdit::Kind::remove;
    rm.provider_id = "KNS107"; // Senamiesčio VDC (Centro sen.)
    sc.edits.push_back(rm);
    write_scenario_file(d / "what_if.toml", base, sc);
    Project p = load_project(d / "what_if.toml");
    EXPECT_EQ(p.scenario.edits.size(), 2u);
    EXPECT_EQ(p.scenario_file, std::filesystem::absolute(d / "what_if.toml").lexically_normal().string());
    Analysis from_file = run_analysis(p);
    Analysis in_memory = with_scenario(loaded, sc);
    EXPECT_DOUBLE_EQ(*row(from_file, "1904", "children_day_centre").places_per_1000,
                     *row(in_memory, "1904", "children_day_centre").places_per_1000);
    // the removed centre's 20 children are gone from Centro
    EXPECT_EQ(row(from_file, "1901", "children_day_centre").lines, 0);
}

TEST(Scenario, unknown_ids_and_types_are_refused) {
    Analysis loaded = load_inputs(load_project(test::source_dir() + "/datasets/kaunas/kaunas.toml"));
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = "NOPE";
    test::expect_error<model::DataError>([&] { with_scenario(loaded, {"x", {e}}); }, {"edit 1 (move)", "NOPE"});
    auto add = new_day_centre({0, 0});
    add.edits[0].service_type = "spa";
    test::expect_error<model::DataError>([&] { with_scenario(loaded, add); }, {"'spa'", "catalogue"});
}
