#include "model/capacity/siting.hpp"

#include <numeric>
#include <set>
#include <span>
#include <random>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/errors.hpp"
#include "model/optim/lp_problem.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

/// A random small world on the three 1 km test wards: units with demand, one existing
/// provider, candidate sites; straight-line reach at walking speed.
struct World {
    StudyArea study = test::three_wards();
    std::unique_ptr<RoutingIndex> routing;
    Demand demand;
    Supply supply;
    ReachMatrix provider_reach;
    std::vector<geo::XY> candidates;
    SitingSettings st;

    explicit World(unsigned seed, std::size_t n_units = 18, std::size_t n_candidates = 7) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> x(0, 3000), y(0, 1000), d(0.5, 4);
        std::vector<PopulationUnit> units;
        for (std::size_t i = 0; i < n_units; ++i) {
            const geo::XY p{x(rng), y(rng)};
            units.push_back({p, static_cast<std::size_t>(std::min(2.0, p.x / 1000)), 10});
        }
        routing = std::make_unique<RoutingIndex>(units, SurfaceReport{});
        demand.per_unit.resize(n_units);
        demand.group_population.assign(n_units, 10);
        for (auto& v : demand.per_unit) v = std::round(d(rng) * 2) / 2;
        demand.total = std::accumulate(demand.per_unit.begin(), demand.per_unit.end(), 0.0);
        const std::vector<geo::XY> existing{{x(rng), y(rng)}};
        supply.providers = {0};
        supply.capacity = {4};
        st.threshold_s = 10 * 60; // 750 m at 1.25 m/s
        st.walk_mps = 1.25;
        st.places = 5;
        st.k = 2;
        provider_reach = build_reach_matrix(*routing, existing, st.threshold_s, st.walk_mps);
        for (std::size_t c = 0; c < n_candidates; ++c) candidates.push_back({x(rng), y(rng)});
    }

    /// The best any k candidates can do: every subset, solved exactly.
    double exhaustive_best() const {
        const ReachMatrix cand = build_reach_matrix(*routing, candidates, st.threshold_s, st.walk_mps);
        double best = 0;
        const std::size_t n = candidates.size();
        for (std::size_t a = 0; a < n; ++a)
            for (std::size_t b = a + 1; b < n; ++b) {
                ReachMatrix m = provider_reach;
                for (std::size_t c : {a, b}) {
                    const auto row = cand.row(c);
                    m.entries.insert(m.entries.end(), row.begin(), row.end());
                    m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
                }
                const auto r = allocate_capacity(demand.per_unit, {4, st.places, st.places}, m, st.threshold_s, {"E", "A", "B"});
                best = std::max(best, std::accumulate(r.served.begin(), r.served.end(), 0.0));
            }
        return best;
    }
};

} // namespace

TEST(Siting, greedy_is_within_one_minus_one_over_e_and_the_bound_covers_the_optimum) {
    for (unsigned seed = 1; seed <= 25; ++seed) {
        World w(seed);
        w.st.exact_max_candidates = 0; // force the heuristic
        const auto r = suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, w.st);
        const double opt = w.exhaustive_best();
        SCOPED_TRACE("seed " + std::to_string(seed));
        EXPECT_EQ(r.method, "greedy + swap improvement");
        EXPECT_GE(r.served_after - r.served_before, (1 - 1 / M_E) * (opt - r.served_before) - 1e-9);
        ASSERT_TRUE(r.upper_bound.has_value());
        EXPECT_GE(*r.upper_bound, opt - 1e-6);
        EXPECT_GE(*r.gap, 0);
        EXPECT_LE(r.served_after, opt + 1e-9);
    }
}

/// The LP relaxation of capacitated maximal covering at unit level, by GLPK's simplex: the
/// independent reference for the bound, which solves the same LP as a max flow.
double lp_relaxation(const World& w) {
    const ReachMatrix cand = build_reach_matrix(*w.routing, w.candidates, w.st.threshold_s, w.st.walk_mps);
    LpProblem lp(LpProblem::Sense::maximise);
    std::vector<std::vector<std::pair<int, double>>> by_unit(w.demand.per_unit.size());
    auto columns = [&](std::span<const ReachEntry> row) {
        std::vector<std::pair<int, double>> supplier;
        for (const ReachEntry& e : row) {
            const int c = lp.add_column(0, INFINITY, 1.0);
            by_unit[e.unit].push_back({c, 1});
            supplier.push_back({c, 1});
        }
        return supplier;
    };
    lp.add_row(columns(w.provider_reach.row(0)), -INFINITY, w.supply.capacity[0]);
    std::vector<std::pair<int, double>> k_row;
    for (std::size_t c = 0; c < cand.points(); ++c) {
        auto row = columns(cand.row(c));
        const int x = lp.add_column(0, 1, 0);
        row.push_back({x, -w.st.places});
        lp.add_row(row, -INFINITY, 0);
        k_row.push_back({x, 1});
    }
    for (std::size_t u = 0; u < by_unit.size(); ++u)
        if (!by_unit[u].empty()) lp.add_row(by_unit[u], -INFINITY, w.demand.per_unit[u]);
    lp.add_row(k_row, -INFINITY, static_cast<double>(w.st.k));
    lp.solve();
    return lp.objective();
}

TEST(Siting, the_bound_is_the_lp_relaxation_solved_as_a_max_flow) {
    int compared = 0;
    for (unsigned seed = 50; seed <= 80; ++seed) {
        World w(seed);
        w.st.exact_max_candidates = 0;
        const auto r = suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, w.st);
        const double lp = lp_relaxation(w);
        SCOPED_TRACE("seed " + std::to_string(seed));
        // demand cells relax the unit LP (and amounts are rounded up to thousandths)
        EXPECT_GE(*r.upper_bound, lp - 1e-6);
        // with every unit alone in its cell (cells of threshold x speed / 8 = 93.75 m) it is that LP
        std::set<std::pair<long, long>> cells;
        for (const auto& u : w.routing->units()) cells.insert({std::lround(std::floor(u.point.x / 93.75)), std::lround(std::floor(u.point.y / 93.75))});
        if (cells.size() == w.routing->units().size()) {
            EXPECT_NEAR(*r.upper_bound, lp, 1e-2);
            ++compared;
        }
    }
    EXPECT_GE(compared, 10);
}

TEST(Siting, the_exact_solve_equals_exhaustive_search) {
    for (unsigned seed = 30; seed <= 45; ++seed) {
        World w(seed);
        const auto r = suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, w.st);
        SCOPED_TRACE("seed " + std::to_string(seed));
        EXPECT_EQ(r.method, "exact (MIP, GLPK)");
        EXPECT_NEAR(r.served_after, w.exhaustive_best(), 1e-6);
        EXPECT_NEAR(*r.gap, 0, 1e-6 + (*r.upper_bound - r.served_after) / std::max(1.0, *r.upper_bound));
    }
}

TEST(Siting, sites_report_their_gain_and_the_wards_they_help) {
    World w(3);
    const auto r = suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, w.st);
    EXPECT_EQ(r.distances, DistanceMethod::straight_line); // no network in this world: said with every answer
    double cumulative = r.served_before;
    for (const auto& s : r.sites) {
        cumulative += s.marginal_gain;
        EXPECT_NEAR(s.cumulative_served, cumulative, 1e-9);
        double helped = 0;
        for (const auto& [ward, demand] : s.wards_helped) helped += demand;
        EXPECT_LE(helped, w.st.places + 1e-9);
    }
}

TEST(Siting, bad_requests_are_refused_with_a_reason) {
    World w(5);
    auto st = w.st;
    st.k = 50;
    test::expect_error<DataError>([&] { suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, st); },
                                  {"k = 50", "7 candidate sites"});
    st.k = 1;
    test::expect_error<DataError>([&] { suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, {}, st); },
                                  {"no candidate sites"});
    st.places = 0;
    test::expect_error<DataError>([&] { suggest_sites(w.study, *w.routing, w.demand, w.supply, w.provider_reach, w.candidates, st); },
                                  {"places"});
}
