// The travel seam (model/travel/travel_times.hpp) through its straight-line implementation,
// checked against hand-computed distances; the road network one is checked through the access
// and reach matrix tests on the Liechtenstein network.
#include "model/travel/travel_times.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "model/routing_index.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(DistanceMethod, codes_are_the_ones_written_into_the_outputs) {
    EXPECT_STREQ(to_string(DistanceMethod::network), "network");
    EXPECT_STREQ(to_string(DistanceMethod::straight_line), "straight_line");
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
