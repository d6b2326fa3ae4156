#include "model/scenario.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/coverage.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

ScenarioEdit add_at(const std::string& id, geo::XY at, double places) {
    ScenarioEdit e;
    e.kind = ScenarioEdit::Kind::add;
    e.provider_id = id;
    e.service_type = "day_centre";
    e.target_group = "older";
    e.point = at;
    e.places = places;
    return e;
}

/// Ward C moved to a second municipality "N".
StudyArea two_municipalities() {
    StudyArea s = test::three_wards();
    s.wards[2].municipality = "N";
    s.groups.values.push_back({"N", "older", 700, "persons", "2021-01-01", false, "t"});
    return s;
}

} // namespace

TEST(Scenario, a_planned_site_counts_for_the_municipality_of_the_ward_it_lies_in) {
    StudyArea s = two_municipalities();
    apply_scenario(s, {"n", {add_at("PLAN-1", {2500, 500}, 30)}}); // inside C, municipality N
    EXPECT_EQ(s.providers.back().ward_code, "C");
    EXPECT_EQ(s.providers.back().serves_municipality, "N");
    const CoverageResult c = compute_coverage(s);
    bool n_row = false;
    for (const auto& r : c.rows)
        if (r.level == AreaLevel::municipality && r.area_code == "N" && r.service_type == "day_centre") {
            n_row = true;
            EXPECT_DOUBLE_EQ(*r.places, 30);
            EXPECT_EQ(r.lines_unplaced, 0);
        } else if (r.level == AreaLevel::municipality && r.area_code == "M" && r.service_type == "day_centre") {
            ADD_FAILURE() << "the site in N counted for M";
        }
    EXPECT_TRUE(n_row);
}

TEST(Scenario, edits_apply_in_order_so_a_site_can_be_added_then_moved_then_resized) {
    StudyArea s = test::three_wards();
    ScenarioEdit move;
    move.kind = ScenarioEdit::Kind::move;
    move.provider_id = "PLAN-1";
    move.point = {1500, 500};
    ScenarioEdit resize;
    resize.kind = ScenarioEdit::Kind::set_places;
    resize.provider_id = "PLAN-1";
    resize.places = 12;
    apply_scenario(s, {"n", {add_at("PLAN-1", {500, 500}, 30), move, resize}});
    EXPECT_EQ(s.providers.back().ward_code, "B");
    EXPECT_DOUBLE_EQ(*s.lines.back().places, 12);
}

TEST(Scenario, bad_places_points_and_sites_outside_the_wards_are_refused_naming_the_edit) {
    StudyArea s = test::three_wards();
    auto refuse = [&](ScenarioEdit e, std::initializer_list<std::string> needles) {
        StudyArea copy = s;
        test::expect_error<DataError>([&] { apply_scenario(copy, {"n", {e}}); }, needles);
    };
    refuse(add_at("P", {500, 500}, -1), {"edit 1 (add P)", "places", ">= 0"});
    refuse(add_at("P", {500, 500}, std::numeric_limits<double>::quiet_NaN()), {"places", "finite"});
    ScenarioEdit no_places = add_at("P", {500, 500}, 1);
    no_places.places.reset();
    refuse(no_places, {"places is required"});
    refuse(add_at("P", {std::numeric_limits<double>::infinity(), 0}, 1), {"x and y", "finite"});
    refuse(add_at("P", {-5000, 500}, 1), {"planned provider 'P'", "outside every ward"});
    ScenarioEdit wrong = add_at("P", {500, 500}, 1);
    wrong.service_type = "spa";
    refuse(wrong, {"'spa'", "catalogue"});
    ScenarioEdit gone;
    gone.kind = ScenarioEdit::Kind::remove;
    gone.provider_id = "NOPE";
    refuse(gone, {"edit 1 (remove NOPE)", "no provider 'NOPE'"});
}

TEST(Scenario, moving_a_provider_that_had_no_point_places_it_by_hand_and_its_ward_counts_it) {
    // the viewer's "Locate providers": an existing provider (not a planned site) gets a point
    StudyArea s = test::three_wards();
    s.providers = {test::provider("W", std::nullopt, "A"), test::provider("U", std::nullopt)};
    s.lines = {test::line(0, "day_centre", 10, std::nullopt), test::line(1, "day_centre", 7, std::nullopt)};
    ScenarioEdit place;
    place.kind = ScenarioEdit::Kind::move;
    place.provider_id = "U";
    place.point = {2500, 500}; // in C
    ScenarioEdit correct = place;
    correct.provider_id = "W";
    correct.point = {1500, 500}; // named ward A; placed in B
    apply_scenario(s, {"locate", {place, correct}});
    EXPECT_EQ(s.providers[1].precision, LocationPrecision::placed_by_hand);
    EXPECT_STREQ(to_string(s.providers[1].precision), "placed_by_hand");
    EXPECT_EQ(s.providers[1].ward_code, "C");
    EXPECT_EQ(s.providers[0].precision, LocationPrecision::placed_by_hand);
    EXPECT_EQ(s.providers[0].ward_code, "B");
    EXPECT_EQ(precision_from_string("placed_by_hand"), LocationPrecision::placed_by_hand);
    EXPECT_TRUE(has_point(LocationPrecision::placed_by_hand));
    double in_c = -1;
    for (const auto& r : compute_coverage(s).rows)
        if (r.level == AreaLevel::ward && r.area_code == "C" && r.service_type == "day_centre") in_c = r.places.value_or(-1);
    EXPECT_DOUBLE_EQ(in_c, 7);
}
