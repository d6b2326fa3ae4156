#include "model/capacity/capacity_allocation.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "capacity_fixtures.hpp"
#include "model/optim/lp_problem.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

std::vector<std::string> keys(std::size_t n) {
    std::vector<std::string> k;
    for (std::size_t j = 0; j < n; ++j) k.push_back("P" + std::to_string(100 + j));
    return k;
}

/// The same problem as a linear program: maximise the demand served; then, keeping that,
/// minimise the total travel time. GLPK is the independent reference.
std::pair<double, double> lp_optimum(const test::RandomInstance& in, double threshold_s) {
    auto build = [&](LpProblem& lp, std::vector<std::tuple<int, std::uint32_t, double>>& cols, bool served_obj) {
        std::vector<std::vector<std::pair<int, double>>> by_unit(in.demand.size()), by_provider(in.capacity.size());
        for (std::size_t j = 0; j < in.rows.size(); ++j)
            for (const auto& [u, minutes] : in.rows[j]) {
                if (minutes * 60 > threshold_s) continue;
                const int c = lp.add_column(0, INFINITY, served_obj ? 1.0 : minutes * 60);
                cols.push_back({c, u, minutes * 60});
                by_unit[u].push_back({c, 1});
                by_provider[j].push_back({c, 1});
            }
        for (std::size_t u = 0; u < by_unit.size(); ++u)
            if (!by_unit[u].empty()) lp.add_row(by_unit[u], -INFINITY, in.demand[u]);
        for (std::size_t j = 0; j < by_provider.size(); ++j)
            if (!by_provider[j].empty()) lp.add_row(by_provider[j], -INFINITY, in.capacity[j]);
    };
    std::vector<std::tuple<int, std::uint32_t, double>> cols;
    LpProblem max_served(LpProblem::Sense::maximise);
    build(max_served, cols, true);
    if (cols.empty()) return {0, 0};
    max_served.solve();
    const double served = max_served.objective();
    cols.clear();
    LpProblem min_time(LpProblem::Sense::minimise);
    build(min_time, cols, false);
    std::vector<std::pair<int, double>> all;
    for (const auto& [c, u, t] : cols) all.push_back({c, 1});
    min_time.add_row(all, served - 1e-7, INFINITY);
    min_time.solve();
    return {served, min_time.objective()};
}

} // namespace

TEST(CapacityAllocation, equals_the_lp_optimum_on_random_instances) {
    std::mt19937 rng(20261124);
    for (int trial = 0; trial < 60; ++trial) {
        const auto in = test::random_instance(rng, 6 + trial % 10, 2 + trial % 4);
        const auto reach = test::reach_of(in.rows);
        const double threshold_s = 30 * 60;
        const auto r = allocate_capacity(in.demand, in.capacity, reach, threshold_s, keys(in.capacity.size()));
        const auto [served, time] = lp_optimum(in, threshold_s);
        const double ours = std::accumulate(r.served.begin(), r.served.end(), 0.0);
        SCOPED_TRACE("trial " + std::to_string(trial));
        EXPECT_NEAR(ours, served, 1e-6);
        EXPECT_NEAR(r.total_time_s, time, 1e-4 * std::max(1.0, time));
    }
}

TEST(CapacityAllocation, conserves_demand_and_never_exceeds_capacity) {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 40; ++trial) {
        const auto in = test::random_instance(rng, 20, 5);
        const auto reach = test::reach_of(in.rows);
        const auto r = allocate_capacity(in.demand, in.capacity, reach, 30 * 60, keys(5));
        for (std::size_t u = 0; u < in.demand.size(); ++u)
            EXPECT_NEAR(r.served[u] + r.no_capacity[u] + r.too_far[u], in.demand[u], 1e-9) << u;
        for (std::size_t j = 0; j < in.capacity.size(); ++j) {
            EXPECT_LE(r.realised[j], in.capacity[j] + 1e-9) << j;
            EXPECT_NEAR(r.realised[j] + r.residual[j], std::max(in.capacity[j], r.realised[j]), 1e-9);
        }
    }
}

TEST(CapacityAllocation, shuffling_the_providers_changes_no_figure) {
    std::mt19937 rng(99);
    for (int trial = 0; trial < 30; ++trial) {
        auto in = test::random_instance(rng, 15, 5);
        const auto base = allocate_capacity(in.demand, in.capacity, test::reach_of(in.rows), 30 * 60, keys(5));
        std::vector<std::size_t> perm(5);
        std::iota(perm.begin(), perm.end(), 0);
        std::shuffle(perm.begin(), perm.end(), rng);
        test::RandomInstance shuffled = in;
        std::vector<std::string> k(5);
        for (std::size_t i = 0; i < 5; ++i) {
            shuffled.capacity[i] = in.capacity[perm[i]];
            shuffled.rows[i] = in.rows[perm[i]];
            k[i] = keys(5)[perm[i]];
        }
        const auto r = allocate_capacity(shuffled.demand, shuffled.capacity, test::reach_of(shuffled.rows), 30 * 60, k);
        EXPECT_EQ(r.served, base.served);
        EXPECT_EQ(r.no_capacity, base.no_capacity);
        EXPECT_EQ(r.total_time_s, base.total_time_s);
        for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(r.realised[i], base.realised[perm[i]]);
    }
}

TEST(CapacityAllocation, splits_the_unserved_into_no_capacity_and_too_far_by_hand) {
    // unit 0 (4 persons) and unit 1 (6) reach A (5 places); unit 2 (3) reaches nothing in 30 min
    const auto reach = test::reach_of({{{0, 5}, {1, 10}, {2, 45}}});
    const auto r = allocate_capacity({4, 6, 3}, {5}, reach, 30 * 60, {"A"});
    // 5 places go to the nearer unit first (4 at 5 min, then 1 of unit 1 at 10 min)
    EXPECT_DOUBLE_EQ(r.served[0], 4);
    EXPECT_DOUBLE_EQ(r.served[1], 1);
    EXPECT_DOUBLE_EQ(r.no_capacity[1], 5);
    EXPECT_DOUBLE_EQ(r.too_far[2], 3);
    EXPECT_DOUBLE_EQ(r.residual[0], 0);
    EXPECT_DOUBLE_EQ(r.total_time_s, 4 * 300 + 1 * 600);
}

TEST(CapacityAllocation, reroutes_to_serve_more_even_when_it_costs_time) {
    // unit 0 reaches A (1 min) and B (20 min); unit 1 reaches only A. A and B have 1 place each.
    // Nearest-first would put unit 0 at A and leave unit 1 unserved; optimal: 0 -> B, 1 -> A.
    const auto reach = test::reach_of({{{0, 1}, {1, 2}}, {{0, 20}}});
    const auto r = allocate_capacity({1, 1}, {1, 1}, reach, 30 * 60, {"A", "B"});
    EXPECT_DOUBLE_EQ(r.served[0] + r.served[1], 2);
    EXPECT_DOUBLE_EQ(r.total_time_s, 20 * 60 + 2 * 60);
}
