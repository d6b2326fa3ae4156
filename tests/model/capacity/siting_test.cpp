#include "model/capacity/siting.hpp"

#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/errors.hpp"
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
