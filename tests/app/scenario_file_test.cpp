// The scenario document: ordered edits that round-trip through the file, the older layout,
// and every malformed edit refused with its line.
#include "app/core/scenario_file.hpp"

#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

namespace {

const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";

const model::CoverageRow& row(const Analysis& a, const std::string& area, const std::string& type) {
    for (const auto& r : a.out().coverage.rows)
        if (r.area_code == area && r.service_type == type && r.target_group == "children") return r;
    throw std::runtime_error("no row");
}

model::ScenarioEdit add(const std::string& id, geo::XY at, double places) {
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = id;
    e.name = "Naujas vaikų dienos centras";
    e.service_type = "children_day_centre";
    e.target_group = "children";
    e.point = at;
    e.places = places;
    return e;
}

std::shared_ptr<const LoadedInputs> loaded() {
    static auto in = load_inputs(load_run(kaunas).project);
    return in;
}

geo::XY inside(const std::string& ward) { return geo::point_on_surface(loaded()->study->find_ward(ward)->geometry); }

std::string scenario_text(const std::string& body) {
    return "[scenario]\nbase = \"" + kaunas + "\"\nname = \"t\"\n" + body;
}

} // namespace

TEST(ScenarioFile, a_new_site_changes_its_ward_by_what_the_model_computes) {
    Analysis after = with_scenario(loaded(), {"new VDC", {add("NEW-VDC", inside("1904"), 30)}});
    const auto& r = row(after, "1904", "children_day_centre");
    // 30 new places over Dainava's estimated children (51 735 x 53 053 / 298 753)
    const double children = 51735.0 * 53053.0 / 298753.0;
    EXPECT_DOUBLE_EQ(*r.places, 30);
    EXPECT_NEAR(*r.places_per_1000, 30 / children * 1000, 1e-9);
    EXPECT_EQ(after.study().providers.back().ward_code, "1904");
    bool has = false; // the distance analysis now covers children's day centres (straight line)
    for (const auto& sa : after.out().access->services) has |= sa.service_type == "children_day_centre";
    EXPECT_TRUE(has);
    // the loaded inputs were not touched by the edit
    EXPECT_EQ(loaded()->study->providers.size() + 1, after.study().providers.size());
}

TEST(ScenarioFile, add_then_move_then_set_places_round_trips_in_order) {
    test::ScratchDir d;
    model::ScenarioEdit move;
    move.kind = model::ScenarioEdit::Kind::move;
    move.provider_id = "PLAN-1";
    move.point = inside("1901");
    model::ScenarioEdit resize;
    resize.kind = model::ScenarioEdit::Kind::set_places;
    resize.provider_id = "PLAN-1";
    resize.places = 12;
    model::ScenarioEdit rm;
    rm.kind = model::ScenarioEdit::Kind::remove;
    rm.provider_id = "KNS107"; // Senamiesčio VDC (Centro sen.)
    const model::Scenario sc{"what if", {add("PLAN-1", inside("1904"), 30), move, resize, rm}};
    write_scenario_file(d / "what_if.toml", kaunas, sc);
    const ProjectRun run = load_run(d / "what_if.toml");
    ASSERT_EQ(run.scenario.edits.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(run.scenario.edits[i].kind, sc.edits[i].kind) << i;
    EXPECT_EQ(run.scenario_file, std::filesystem::absolute(d / "what_if.toml").lexically_normal().string());
    const Analysis from_file = run_analysis(run);
    const Analysis in_memory = with_scenario(loaded(), sc);
    EXPECT_EQ(from_file.study().providers.back().ward_code, "1901"); // moved
    EXPECT_DOUBLE_EQ(*row(from_file, "1901", "children_day_centre").places, 12);
    EXPECT_DOUBLE_EQ(*row(from_file, "1901", "children_day_centre").places_per_1000,
                     *row(in_memory, "1901", "children_day_centre").places_per_1000);
}

TEST(ScenarioFile, the_older_layout_is_still_read) {
    test::ScratchDir d;
    const geo::XY at = inside("1904");
    test::write_file(d / "old.toml", scenario_text("[[scenario.add]]\nid = \"PLAN-1\"\nservice_type = "
                                                   "\"children_day_centre\"\ntarget_group = \"children\"\nplaces = 30\n"
                                                   "x = " + std::to_string(at.x) + "\ny = " + std::to_string(at.y) +
                                                   "\n[[scenario.remove]]\nid = \"KNS107\"\n"));
    const ProjectRun run = load_run(d / "old.toml");
    ASSERT_EQ(run.scenario.edits.size(), 2u);
    EXPECT_EQ(run.scenario.edits[0].kind, model::ScenarioEdit::Kind::remove); // the old order
    EXPECT_EQ(run.scenario.edits[1].kind, model::ScenarioEdit::Kind::add);
}

TEST(ScenarioFile, malformed_edits_are_refused_with_their_line) {
    test::ScratchDir d;
    auto refuse = [&](const std::string& body, std::initializer_list<std::string> needles) {
        test::write_file(d / "s.toml", scenario_text(body));
        test::expect_error<Error>([&] { load_run(d / "s.toml"); }, needles);
    };
    const std::string edit = "[[scenario.edit]]\nkind = \"add\"\nid = \"P\"\nservice_type = \"children_day_centre\"\n"
                             "target_group = \"children\"\nx = 499000\ny = 6086000\n";
    refuse(edit + "places = \"30\"\n", {"s.toml:11:", "places must be a number", "found text"});
    refuse(edit + "places = nan\n", {"places must be a number", "found nan"});
    refuse(edit + "places = -3\n", {"places must be a number from 0", "found -3"});
    refuse(edit, {"s.toml:4:", "needs places"});
    refuse(edit + "places = 3\nplaces_extra = 1\n", {"unknown key [scenario.edit] places_extra"});
    refuse("[[scenario.edit]]\nkind = \"ad\"\nid = \"P\"\n", {"unknown edit kind \"ad\"", "did you mean \"add\""});
    refuse("[[scenario.edit]]\nkind = \"move\"\nid = \"P\"\nx = 1\n", {"needs x and y"});
    refuse("[scenario.add]\nid = \"P\"\n", {"[[scenario.add]]", "one table"});
    refuse("[[scenario.edits]]\nkind = \"add\"\n", {"unknown table [scenario.edits]", "did you mean edit"});
}

TEST(ScenarioFile, a_refused_edit_carries_its_place_in_the_file) {
    test::ScratchDir d;
    const std::string edit = "[[scenario.edit]]\nkind = \"add\"\nid = \"P\"\nservice_type = \"children_day_centre\"\n"
                             "target_group = \"children\"\nx = 499000\ny = 6086000\n";
    test::write_file(d / "s.toml", scenario_text(edit)); // no places
    try {
        load_run(d / "s.toml");
        FAIL() << "an add without places was taken";
    } catch (const Error& e) {
        ASSERT_TRUE(e.location().has_value()) << e.what();
        EXPECT_EQ(std::filesystem::path(e.location()->path).filename(), "s.toml");
        EXPECT_EQ(e.location()->line, 4); // the [[scenario.edit]] header, after scenario_text's three lines
        EXPECT_GE(e.location()->column, 1);
        EXPECT_EQ(e.location()->key, "scenario.edit");
        EXPECT_EQ(std::string(e.what()), e.location()->to_string() + ": " + e.detail());
        EXPECT_NE(e.detail().find("needs places"), std::string::npos) << e.detail();
    }
    test::write_file(d / "s.toml", scenario_text("[[scenario.edit]]\nkind = \"ad\"\nid = \"P\"\n"));
    try {
        load_run(d / "s.toml");
        FAIL() << "an unknown edit kind was taken";
    } catch (const Error& e) {
        ASSERT_TRUE(e.location().has_value()) << e.what();
        EXPECT_EQ(e.location()->key, "scenario.edit.kind");
        EXPECT_EQ(e.location()->line, 5);
        EXPECT_EQ(e.location()->column, 8); // kind = "ad": the value
    }
}

TEST(ScenarioFile, a_scenario_cannot_be_its_own_base_or_stack_on_another) {
    test::ScratchDir d;
    test::write_file(d / "self.toml", "[scenario]\nbase = \"self.toml\"\n");
    test::expect_error<Error>([&] { load_run(d / "self.toml"); }, {"base must be a project file", "self.toml"});
    test::write_file(d / "a.toml", "[scenario]\nbase = \"b.toml\"\n");
    test::write_file(d / "b.toml", "[scenario]\nbase = \"a.toml\"\n");
    test::expect_error<Error>([&] { load_run(d / "a.toml"); }, {"base must be a project file", "b.toml"});
}

TEST(ScenarioFile, unknown_ids_and_types_are_refused) {
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = "NOPE";
    e.point = {0, 0};
    test::expect_error<model::DataError>([&] { with_scenario(loaded(), {"x", {e}}); }, {"edit 1 (move NOPE)", "NOPE"});
    auto bad = add("P", inside("1904"), 3);
    bad.service_type = "spa";
    test::expect_error<model::DataError>([&] { with_scenario(loaded(), {"x", {bad}}); }, {"'spa'", "catalogue"});
}
