#include "model/access.hpp"

#include <cmath>
#include <numbers>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/provider_placement.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(Quantile, weighted_median_and_p90_by_hand) {
    std::vector<std::pair<double, double>> vw = {{10, 1}, {20, 1}, {30, 2}, {40, 6}};
    EXPECT_DOUBLE_EQ(*weighted_quantile(vw, 0.5), 40);  // cumulative 1,2,4,10: 5 is reached at 40
    EXPECT_DOUBLE_EQ(*weighted_quantile(vw, 0.4), 30);
    EXPECT_DOUBLE_EQ(*weighted_quantile(vw, 0.1), 10);
    EXPECT_FALSE(weighted_quantile({{std::numeric_limits<double>::infinity(), 1.0}}, 0.5).has_value());
}

TEST(Access, straight_line_shares_and_statistics_by_hand) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P", geo::XY{0, 500}), test::provider("Q", std::nullopt)};
    s.lines = {test::line(0, "day_centre", 10, 10), test::line(1, "day_centre", 10, 10)};
    place_providers(s);
    // Units at 150 m, 450 m (ward A) and 1350 m (ward B) from P; speed 1.25 m/s (walk)
    std::vector<PopulationUnit> units = {{{150, 500}, 0, 600}, {{450, 500}, 0, 400}, {{1350, 500}, 1, 2000},
                                         {{2500, 500}, 2, 7000}};
    const RoutingIndex straight(units, SurfaceReport{"test", 0, 0, {}});
    AccessSettings st; // walk, catalogue threshold 20 min = 1500 m
    AccessAnalysis a = analyse_access(s, straight, st);
    EXPECT_EQ(a.method, DistanceMethod::straight_line);
    EXPECT_NE(a.method_label.find("NO road network"), std::string::npos);
    ASSERT_EQ(a.left_out.size(), 1u); // Q has no coordinates
    ASSERT_EQ(a.services.size(), 1u);
    EXPECT_DOUBLE_EQ(a.services[0].threshold_min, 20.0);
    EXPECT_NEAR(a.services[0].per_unit[2].distance_m, 1350, 1e-3);
    EXPECT_NEAR(a.services[0].per_unit[2].time_s, 1080, 1e-2);

    const AccessRow* ward_a = nullptr;
    const AccessRow* muni = nullptr;
    for (const auto& r : a.services[0].rows) {
        if (r.area_code == "A") ward_a = &r;
        if (r.level == AreaLevel::municipality) muni = &r;
    }
    ASSERT_TRUE(ward_a && muni);
    // older = 1500 x 1000/10000 = 150 in A, split 90 / 60 between its units (estimates)
    EXPECT_NEAR(ward_a->target_population, 150, 1e-9);
    EXPECT_TRUE(ward_a->estimated);
    EXPECT_NEAR(*ward_a->mean_m, (150 * 90 + 450 * 60) / 150.0, 1e-3);
    EXPECT_NEAR(*ward_a->median_m, 150, 1e-3);
    EXPECT_DOUBLE_EQ(ward_a->share_within, 1.0);
    // whole municipality: 1500 older; the 1050 in C are 2500 m away (> 1500 m)
    EXPECT_NEAR(muni->share_within, 450.0 / 1500.0, 1e-9);
    EXPECT_EQ(a.services[0].catchments.size(), 3u); // one provider x 3 bands, circles
    EXPECT_NEAR(geo::area(a.services[0].catchments[0].area), std::numbers::pi * 750 * 750, 0.005 * std::numbers::pi * 750 * 750); // 10 min at 1.25 m/s
}

TEST(Access, service_scope_draws_one_area_per_band_the_union_of_the_providers_reach) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P", geo::XY{0, 500}), test::provider("R", geo::XY{1000, 500})};
    s.lines = {test::line(0, "day_centre", 10, 10), test::line(1, "day_centre", 10, 10)};
    place_providers(s);
    std::vector<PopulationUnit> units = {{{150, 500}, 0, 600}, {{2500, 500}, 2, 7000}};
    const RoutingIndex straight(units, SurfaceReport{"test", 0, 0, {}});
    AccessSettings st;
    st.catchments = CatchmentScope::service;
    const AccessAnalysis a = analyse_access(s, straight, st);
    EXPECT_EQ(a.catchments, CatchmentScope::service);
    ASSERT_EQ(a.services.size(), 1u);
    const auto& k = a.services[0].catchments;
    ASSERT_EQ(k.size(), 3u); // one per band, not per provider
    for (const auto& c : k) EXPECT_EQ(c.provider, geo::invalid_index);
    // 10 min at 1.25 m/s = 750 m round each of two points 1000 m apart: two discs overlapping
    // by a lens of 2 r^2 acos(d / 2r) - (d / 2) sqrt(4 r^2 - d^2)
    const double r = 750, d = 1000;
    const double lens = 2 * r * r * std::acos(d / (2 * r)) - d / 2 * std::sqrt(4 * r * r - d * d);
    const double expect = 2 * std::numbers::pi * r * r - lens;
    EXPECT_NEAR(geo::area(k[0].area), expect, 0.005 * expect);
    // the per-unit figures do not depend on the scope
    st.catchments = CatchmentScope::none;
    const AccessAnalysis none = analyse_access(s, straight, st);
    EXPECT_TRUE(none.services[0].catchments.empty());
    EXPECT_EQ(none.services[0].per_unit[1].time_s, a.services[0].per_unit[1].time_s);
}

// Robustness runs ask the what-if engine for times only (AccessSettings::times_only): the
// same per-unit times as a full analysis, from scratch and from a previous one, and no rows.
TEST(Access, times_only_gives_the_same_times_without_rows) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P", geo::XY{0, 500}), test::provider("R", geo::XY{2400, 500})};
    s.lines = {test::line(0, "day_centre", 10, 10), test::line(1, "home_help", 10, 10)};
    place_providers(s);
    std::vector<PopulationUnit> units = {{{150, 500}, 0, 600}, {{450, 500}, 0, 400}, {{1350, 500}, 1, 2000},
                                         {{2500, 500}, 2, 7000}};
    const RoutingIndex straight(units, SurfaceReport{"test", 0, 0, {}});
    AccessSettings full;
    const AccessAnalysis base = analyse_access(s, straight, full);
    StudyArea moved = s;
    moved.providers[0].point = geo::XY{1300, 500}; // day centre moved; home help reused
    AccessSettings times = full;
    times.times_only = true;
    times.catchments = CatchmentScope::none;
    const PreviousAccess previous{s, base};
    const AccessAnalysis want = analyse_access(moved, straight, full, &previous);
    const AccessAnalysis got = analyse_access(moved, straight, times, &previous);
    ASSERT_EQ(got.services.size(), 2u);
    EXPECT_EQ(got.services_recomputed, 1u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(got.services[i].service_type, want.services[i].service_type);
        ASSERT_EQ(got.services[i].per_unit.size(), want.services[i].per_unit.size());
        for (std::size_t u = 0; u < units.size(); ++u) {
            EXPECT_EQ(got.services[i].per_unit[u].time_s, want.services[i].per_unit[u].time_s);
            EXPECT_EQ(got.services[i].per_unit[u].provider, want.services[i].per_unit[u].provider);
        }
        EXPECT_TRUE(got.services[i].rows.empty());
        EXPECT_FALSE(want.services[i].rows.empty());
        EXPECT_TRUE(got.services[i].catchments.empty());
    }
    EXPECT_NEAR(got.services[0].per_unit[2].distance_m, 50, 1e-3); // 1350 - 1300
}
