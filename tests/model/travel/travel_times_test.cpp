// The travel seam (model/travel/travel_times.hpp) through its straight-line implementation,
// checked against hand-computed distances; the road network one is checked through the access
// and reach matrix tests on the Liechtenstein network. What each method answers about itself
// (its speed, whether its times are at one speed, its warning and label) is checked against
// what the outputs said before the seam asked the method (written out by hand).
#include "model/travel/travel_times.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "fixtures.hpp"
#include "geo/street_grid.hpp"
#include "model/access.hpp"
#include "model/capacity/reach_matrix.hpp"
#include "model/provider_placement.hpp"
#include "model/routing_index.hpp"
#include "model/travel/straight_line_travel.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(DistanceMethod, codes_are_the_ones_written_into_the_outputs) {
    EXPECT_STREQ(to_string(DistanceMethod::network), "network");
    EXPECT_STREQ(to_string(DistanceMethod::straight_line), "straight_line");
}

TEST(DistanceMethod, labels_are_the_ones_printed_after_travel_figures) {
    EXPECT_STREQ(label(DistanceMethod::network).lt, "kelių tinklu");
    EXPECT_STREQ(label(DistanceMethod::network).en, "road network");
    EXPECT_STREQ(label(DistanceMethod::straight_line).lt, "tiesia linija");
    EXPECT_STREQ(label(DistanceMethod::straight_line).en, "straight line");
}

TEST(TravelTimes, a_straight_line_is_at_the_project_speed_else_walking_and_says_it_is_an_estimate) {
    const RoutingIndex routing({{{0, 0}, 0, 1}}, SurfaceReport{});
    const TravelTimes& travel = routing.travel();
    AccessSettings st;
    st.profile = geo::Profile::walk;
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 1.25); // 4.5 km/h
    EXPECT_EQ(travel.estimate_warning(st), "no road network: travel distances are STRAIGHT-LINE estimates at walking speed");
    st.profile = geo::Profile::senior_walk;
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 3.0 / 3.6);
    st.profile = geo::Profile::drive; // a drive without roads: [access] straight_line_kmh = 50
    st.straight_line_mps = 50 / 3.6;
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 50 / 3.6);
    EXPECT_EQ(travel.estimate_warning(st), "no road network: travel distances are STRAIGHT-LINE estimates at 50 km/h");
    st.straight_line_mps = 12.5 / 3.6;
    EXPECT_EQ(travel.estimate_warning(st), "no road network: travel distances are STRAIGHT-LINE estimates at 12.5 km/h");
    // one speed the whole way, whatever the profile: the report prints it, robustness varies it
    EXPECT_TRUE(travel.one_speed(geo::Profile::walk));
    EXPECT_TRUE(travel.one_speed(geo::Profile::drive));
}

TEST(TravelTimes, a_road_network_walks_its_access_legs_and_drives_at_each_roads_speed) {
    geo::NetworkReport rep;
    geo::RoadNetwork net = geo::build_network(test::street_grid(3), {}, rep);
    const RoutingIndex routing({{{10, 10}, 0, 1}}, SurfaceReport{}, std::move(net), rep, 500);
    const TravelTimes& travel = routing.travel();
    EXPECT_EQ(travel.method(), DistanceMethod::network);
    AccessSettings st;
    st.straight_line_mps = 50 / 3.6; // only without roads
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 1.25);
    st.profile = geo::Profile::senior_walk;
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 3.0 / 3.6);
    st.profile = geo::Profile::drive; // the legs to and from the car are walked
    EXPECT_DOUBLE_EQ(travel.speed_mps(st), 1.25);
    EXPECT_TRUE(travel.estimate_warning(st).empty());
    EXPECT_TRUE(travel.one_speed(geo::Profile::walk));
    EXPECT_TRUE(travel.one_speed(geo::Profile::senior_walk));
    EXPECT_FALSE(travel.one_speed(geo::Profile::drive));
    EXPECT_EQ(travel.describe(geo::Profile::drive, 1.25), "network, drive profile (access legs walked at 4.5 km/h)");
}

TEST(TravelTimes, straight_line_nearest_areas_and_label_by_hand) {
    // units on a line at 0, 100 and 1000 m; sources at 0 and 900 m; 2 m/s
    const RoutingIndex routing({{{0, 0}, 0, 1}, {{100, 0}, 0, 1}, {{1000, 0}, 0, 1}}, SurfaceReport{});
    const TravelTimes& travel = routing.travel();
    EXPECT_EQ(travel.method(), DistanceMethod::straight_line);
    EXPECT_EQ(travel.describe(geo::Profile::walk, 2.0), "straight line at 7.2 km/h: NO road network loaded");

    const std::vector<geo::XY> sources{{0, 0}, {900, 0}};
    const std::vector<std::string> who{"a", "b"};
    std::vector<std::string> warnings;
    auto search = travel.search(sources, who, std::nullopt, 2.0, warnings);
    const auto near = search->nearest();
    ASSERT_EQ(near.size(), 3u);
    EXPECT_EQ(near[0].source, 0u);
    EXPECT_FLOAT_EQ(near[0].time_s, 0);
    EXPECT_EQ(near[1].source, 0u);
    EXPECT_FLOAT_EQ(near[1].distance_m, 100);
    EXPECT_FLOAT_EQ(near[1].time_s, 50);
    EXPECT_EQ(near[2].source, 1u);
    EXPECT_FLOAT_EQ(near[2].time_s, 50);
    EXPECT_TRUE(search->allocation().empty()); // no streets to allocate
    EXPECT_TRUE(warnings.empty());

    // source b's area within 30 s: a circle of 60 m around (900, 0)
    const auto areas = search->source_areas(1, {30.0}, 50);
    ASSERT_EQ(areas.size(), 1u);
    ASSERT_FALSE(areas[0].empty());
    for (const geo::XY& p : areas[0].front().outer) EXPECT_NEAR(std::hypot(p.x - 900, p.y), 60, 1e-6);
    // the service's area within 30 s: the two circles, apart (900 m > 2 x 60 m)
    EXPECT_EQ(search->service_areas({30.0}, 50).at(0).size(), 2u);
}

TEST(TravelTimes, straight_line_reach_keeps_the_units_within_the_cutoff) {
    const RoutingIndex routing({{{0, 0}, 0, 1}, {{30, 40}, 0, 1}, {{300, 0}, 0, 1}}, SurfaceReport{});
    ReachMatrix m;
    m.cutoff_s = 60; // 1 m/s: 60 m
    m.first.push_back(0);
    const std::vector<geo::XY> points{{0, 0}};
    routing.travel().reach(m, points, 1.0, {}, 1000);
    EXPECT_EQ(m.method, DistanceMethod::straight_line);
    ASSERT_EQ(m.row(0).size(), 2u);
    EXPECT_EQ(m.row(0)[1].unit, 1u);
    EXPECT_FLOAT_EQ(m.row(0)[1].distance_m, 50);
}

namespace {

/// A travel method of the test's own, registered where the index is built: a straight line
/// at a fixed 2 m/s whatever the settings, with its own sentence and warning.
class FixedSpeedMode final : public TravelTimes {
public:
    explicit FixedSpeedMode(const RoutingIndex& routing) : m_line(straight_line_travel(routing.units())) {}
    DistanceMethod method() const override { return DistanceMethod::straight_line; }
    std::string describe(geo::Profile, double speed_mps) const override {
        return "fixed mode at " + std::to_string(static_cast<int>(speed_mps * 10)) + " dm/s";
    }
    double speed_mps(const AccessSettings&) const override { return 2.0; }
    bool one_speed(geo::Profile) const override { return true; }
    std::string estimate_warning(const AccessSettings&) const override { return "fixed mode: an estimate"; }
    std::unique_ptr<SourceSearch> search(std::span<const geo::XY> points, std::span<const std::string> who,
                                         const std::optional<geo::Envelope>& clip, double speed_mps,
                                         std::vector<std::string>& warnings) const override {
        return m_line->search(points, who, clip, speed_mps, warnings);
    }
    void reach(ReachMatrix& m, std::span<const geo::XY> points, double speed_mps, std::stop_token stop,
               std::size_t max_entries) const override {
        m_line->reach(m, points, speed_mps, stop, max_entries);
    }

private:
    std::unique_ptr<const TravelTimes> m_line;
};

} // namespace

TEST(TravelTimes, a_method_registered_where_the_index_is_built_answers_every_travel_question) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P", geo::XY{0, 500})};
    s.lines = {test::line(0, "day_centre", 10, 10)};
    place_providers(s);
    geo::NetworkReport rep;
    geo::RoadNetwork net = geo::build_network(test::street_grid(3), {}, rep);
    // a unit 300 m from P: 150 s at the mode's 2 m/s (at walking speed it would be 240 s)
    const RoutingIndex routing({{{300, 500}, 0, 1000}}, SurfaceReport{"test", 0, 0, {}}, std::move(net), rep, 500,
                               [](const RoutingIndex& r) { return std::make_unique<FixedSpeedMode>(r); });
    const AccessSettings st;
    const AccessAnalysis a = analyse_access(s, routing, st);
    EXPECT_EQ(a.method_label, "fixed mode at 20 dm/s");
    ASSERT_EQ(a.services.size(), 1u);
    EXPECT_FLOAT_EQ(a.services[0].per_unit[0].distance_m, 300);
    EXPECT_FLOAT_EQ(a.services[0].per_unit[0].time_s, 150);
    // the reach of capacity and siting goes through it too
    const std::vector<geo::XY> sites{{0, 500}};
    const ReachMatrix m = build_reach_matrix(routing, sites, 200, routing.travel().speed_mps(st));
    ASSERT_EQ(m.row(0).size(), 1u);
    EXPECT_FLOAT_EQ(m.row(0)[0].time_s, 150);
}
