// The CLI summary's figures: parts printed as whole numbers add up to the printed total
// (largest remainder), each within 1 of its value. Expected values worked out by hand.
#include "app/core/summary.hpp"

#include <cmath>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

using apreptis::app::rounded_parts;

namespace {

long long sum(const std::vector<long long>& v) { return std::accumulate(v.begin(), v.end(), 0LL); }

} // namespace

TEST(Summary, rounded_parts_add_up_to_the_rounded_total) {
    // issue 16: 18.6 = 0.4 + 0.4 + 17.8 was printed "demand 19, served 0, no capacity 0, too far 18".
    // Floors 0 + 0 + 17 = 17, two short of 19: to the largest remainders, .8 then the first .4.
    EXPECT_EQ(rounded_parts({0.4, 0.4, 17.8}), (std::vector<long long>{1, 0, 18}));
    // 89.6 = 0.4 + 0 + 89.2: 90 = 1 + 0 + 89 (each on its own: 0 + 0 + 89)
    EXPECT_EQ(rounded_parts({0.4, 0.0, 89.2}), (std::vector<long long>{1, 0, 89}));
    EXPECT_EQ(rounded_parts({1.2, 2.3, 3.5}), (std::vector<long long>{1, 2, 4}));   // 7.0
    EXPECT_EQ(rounded_parts({0.5, 0.5}), (std::vector<long long>{1, 0}));           // a tie: the earlier part
    EXPECT_EQ(rounded_parts({3, 4, 5}), (std::vector<long long>{3, 4, 5}));         // whole numbers unchanged
    EXPECT_EQ(rounded_parts({0.2, 0.2}), (std::vector<long long>{0, 0}));           // 0.4 rounds to 0
    EXPECT_TRUE(rounded_parts({}).empty());
}

TEST(Summary, rounded_parts_stay_within_one_of_each_value) {
    std::mt19937 rng(16);
    std::uniform_real_distribution<double> value(0, 50);
    for (int trial = 0; trial < 1000; ++trial) {
        std::vector<double> parts(1 + trial % 5);
        double total = 0;
        for (double& p : parts) total += (p = value(rng));
        const auto shown = rounded_parts(parts);
        ASSERT_EQ(shown.size(), parts.size());
        EXPECT_EQ(sum(shown), std::llround(total));
        for (std::size_t i = 0; i < parts.size(); ++i) EXPECT_LT(std::abs(static_cast<double>(shown[i]) - parts[i]), 1.0);
    }
}
