#include "model/capacity/accessibility.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "capacity_fixtures.hpp"

using namespace apreptis;
using namespace apreptis::model;

// Three units of 100, 200 and 300 residents of the group. Provider A (10 places) is reached
// from unit 0 in 5 min and unit 1 in 15 min; B (20 places) from unit 1 in 8 min and unit 2 in
// 25 min. Catchment 30 min.
namespace {
const std::vector<double> population{100, 200, 300};
const std::vector<double> capacity{10, 20};
const ReachMatrix reach = test::reach_of({{{0, 5}, {1, 15}}, {{1, 8}, {2, 25}}});
} // namespace

TEST(Accessibility, two_step_floating_catchment_by_hand) {
    // R_A = 10 / (100 + 200) = 0.0333.., R_B = 20 / (200 + 300) = 0.04
    // A_0 = R_A, A_1 = R_A + R_B, A_2 = R_B; x 1000 = places per 1000 residents
    const auto a = floating_catchment(population, capacity, reach, [](float t) { return t <= 1800 ? 1.0 : 0.0; });
    EXPECT_NEAR(a[0], 1000.0 * 10 / 300, 1e-9);
    EXPECT_NEAR(a[1], 1000.0 * (10.0 / 300 + 20.0 / 500), 1e-9);
    EXPECT_NEAR(a[2], 1000.0 * 20 / 500, 1e-9);
}

TEST(Accessibility, enhanced_two_step_with_luo_and_qi_zones_by_hand) {
    // zones 0-10 / 10-20 / 20-30 min weigh 1.00 / 0.68 / 0.22
    // R_A = 10 / (100 x 1 + 200 x 0.68) = 10 / 236;  R_B = 20 / (200 x 1 + 300 x 0.22) = 20 / 266
    // A_0 = R_A x 1;  A_1 = R_A x 0.68 + R_B x 1;  A_2 = R_B x 0.22
    const AccessibilitySettings st;
    const auto a = floating_catchment(population, capacity, reach, [&](float t) {
        for (std::size_t z = 0; z < st.zones_min.size(); ++z)
            if (t <= st.zones_min[z] * 60) return st.weights[z];
        return 0.0;
    });
    EXPECT_NEAR(a[0], 1000 * (10.0 / 236), 1e-9);
    EXPECT_NEAR(a[1], 1000 * (10.0 / 236 * 0.68 + 20.0 / 266), 1e-9);
    EXPECT_NEAR(a[2], 1000 * (20.0 / 266 * 0.22), 1e-9);
}

TEST(Accessibility, total_supply_is_conserved_by_the_two_step_method) {
    // sum over units of A_i x P_i / 1000 = total places reached by anyone (a known 2SFCA identity)
    const auto a = floating_catchment(population, capacity, reach, [](float) { return 1.0; });
    double places = 0;
    for (std::size_t i = 0; i < a.size(); ++i) places += a[i] * population[i] / 1000;
    EXPECT_NEAR(places, 30, 1e-9);
}
