// Does site 1 stay first? (issue 20): the suggested sites under the robustness variations.
// Nothing varied: every run is the suggestion (its gains, its ranks); two sites whose order
// depends on the threshold swap in about half the runs; the same seed gives the same output.
// Figures by hand.
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/provider_placement.hpp"
#include "model/errors.hpp"
#include "model/robustness/siting_robustness.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

/// Three 1 km2 wards in a row (A, B, C). Residents (not estimated) need the service: 50 at
/// x = 500 (ward A) and 51 at x = 2900 (ward C); site 1 stands on the 50 (and is 2400 m from
/// the 51), site 2 at x = 4300, 1400 m from the 51 (3800 m from the 50): at 1.25 m/s, 15 min =
/// 1125 m and 20 min = 1500 m, so at 20 min site 2 adds 51 and goes first, at 15 min nothing.
struct Case {
    StudyArea study = test::three_wards();
    std::vector<PopulationUnit> units{{{500, 500}, 0, 50}, {{2900, 500}, 2, 51}};
    Demand demand;
    Supply supply; // no provider yet
    SitingResult suggested;
    SitingSettings siting;
    Case() {
        demand.service_type = "day_centre";
        demand.target_group = "residents";
        demand.group_population = demand.per_unit = {50, 51};
        demand.total = 101;
        siting.k = 2;
        siting.places = 100;
        siting.threshold_s = 15 * 60;
        siting.walk_mps = 1.25;
        // as suggest_sites gives them at 15 min: site 1 serves the 50, site 2 adds nothing
        suggested.sites = {{1, 0, geo::XY{500, 500}, 50, 50, {}}, {2, 1, geo::XY{4300, 500}, 0, 50, {}}};
    }
    SitingRobustness run(const RobustnessSettings& st) const {
        const RoutingIndex routing(units, SurfaceReport{"test", 0, 0, {}});
        return analyse_siting_robustness(study, routing, demand, supply, suggested, siting, st, 4.5, false);
    }
};

} // namespace

TEST(SitingRobustness, nothing_varied_gives_the_suggestion_in_every_run) {
    const Case c;
    RobustnessSettings st;
    st.runs = 20;
    const SitingRobustness r = c.run(st);
    ASSERT_EQ(r.sites.size(), 2u);
    EXPECT_TRUE(r.varied.empty());
    EXPECT_DOUBLE_EQ(r.sites[0].median, 50);
    EXPECT_DOUBLE_EQ(r.sites[0].p05, 50);
    EXPECT_DOUBLE_EQ(r.sites[0].p95, 50);
    EXPECT_DOUBLE_EQ(r.sites[0].p_same_rank, 1.0);
    EXPECT_DOUBLE_EQ(r.sites[1].median, 0);
    EXPECT_DOUBLE_EQ(r.sites[1].p_same_rank, 1.0);
    EXPECT_EQ(r.sites[1].rank_min, 2u);
}

TEST(SitingRobustness, two_sites_whose_order_depends_on_the_threshold_swap_about_half_the_time) {
    const Case c;
    RobustnessSettings st;
    st.runs = 400;
    st.seed = 3;
    st.thresholds_min = {15, 20};
    const SitingRobustness r = c.run(st);
    ASSERT_EQ(r.sites.size(), 2u);
    // 15 min: site 1 first (+50), site 2 adds 0; 20 min: site 2 first (+51), site 1 adds 50
    EXPECT_GT(r.sites[0].p_same_rank, 0.4);
    EXPECT_LT(r.sites[0].p_same_rank, 0.6);
    EXPECT_DOUBLE_EQ(r.sites[0].p_same_rank, r.sites[1].p_same_rank); // two sites: they swap together
    EXPECT_DOUBLE_EQ(r.sites[0].median, 50);                         // 50 in either order
    EXPECT_DOUBLE_EQ(r.sites[1].p05, 0);
    EXPECT_DOUBLE_EQ(r.sites[1].p95, 51);
    EXPECT_EQ(r.sites[0].rank_min, 1u);
    EXPECT_EQ(r.sites[0].rank_max, 2u);
    // the same seed, the same output; a sentence says what was varied
    const SitingRobustness again = c.run(st);
    EXPECT_EQ(again.sites[0].p_same_rank, r.sites[0].p_same_rank);
    ASSERT_EQ(r.varied.size(), 1u);
    EXPECT_NE(r.varied[0].find("15, 20 min"), std::string::npos);
}

TEST(SitingRobustness, a_faster_speed_reaches_as_far_as_a_longer_threshold) {
    const Case c;
    RobustnessSettings st;
    st.runs = 300;
    st.speed_kmh = std::pair{4.5, 6.0}; // 1400 m within 15 min from 5.6 km/h on: about 27 % of runs
    const SitingRobustness r = c.run(st);
    EXPECT_GT(r.sites[1].p95, 50.9); // site 2 reaches the 51 in some runs ...
    EXPECT_DOUBLE_EQ(r.sites[1].p05, 0); // ... not in others
    EXPECT_GT(r.sites[0].p_same_rank, 0.6);
    EXPECT_LT(r.sites[0].p_same_rank, 0.85);
}

TEST(SitingRobustness, a_speed_range_over_a_driving_network_is_refused) {
    const Case c;
    RobustnessSettings st;
    st.speed_kmh = std::pair{3.0, 4.5};
    const RoutingIndex routing(c.units, SurfaceReport{"test", 0, 0, {}});
    EXPECT_THROW(analyse_siting_robustness(c.study, routing, c.demand, c.supply, c.suggested, c.siting, st, 4.5, true),
                 DataError);
}

// Capacity +/- places ([robustness] capacity_places): an existing provider of 40 places on the
// 50 leaves 10 for site 1; its places drawn in [20, 60] leave 0 to 30.
TEST(SitingRobustness, the_places_of_existing_providers_vary_by_their_id) {
    Case c;
    c.study.providers = {test::provider("P", geo::XY{500, 500})};
    c.study.lines = {test::line(0, "day_centre", 40, 40)};
    place_providers(c.study);
    c.supply.providers = {0};
    c.supply.capacity = {40};
    c.suggested.sites[0].marginal_gain = 10;
    RobustnessSettings st;
    st.runs = 300;
    const SitingRobustness fixed = c.run(st);
    EXPECT_DOUBLE_EQ(fixed.sites[0].median, 10);
    st.capacity_places = 20;
    const SitingRobustness r = c.run(st);
    EXPECT_GE(r.sites[0].p05, 0);
    EXPECT_LT(r.sites[0].p05, 5);
    EXPECT_GT(r.sites[0].p95, 25);
    EXPECT_LE(r.sites[0].p95, 30 + 1e-6);
    EXPECT_NEAR(r.sites[0].median, 10, 3); // about half the draws leave more than 10
    ASSERT_EQ(r.varied.size(), 1u);
    EXPECT_NE(r.varied[0].find("+/- 20"), std::string::npos);
    for (std::size_t run = 0; run < 50; ++run) { // a draw is the provider's own, within the range
        const double p = draw_places(st, run, "P", 40);
        EXPECT_GE(p, 20);
        EXPECT_LE(p, 60);
        EXPECT_EQ(p, draw_places(st, run, "P", 40));
    }
    EXPECT_EQ(draw_places(RobustnessSettings{}, 0, "P", 40), 40);
}
