#include "model/capacity/reach_matrix.hpp"

#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(ReachMatrix, its_nearest_entry_is_the_nearest_provider_time_on_the_liechtenstein_network) {
    const auto in = app::load_inputs(app::load_run(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml").project);
    const auto r = app::compute(*in, {});
    const RoutingIndex& routing = *in->routing;
    for (const auto& sa : r->access->services) {
        std::vector<geo::XY> points;
        for (std::size_t p : sa.providers) points.push_back(*r->study->providers[p].point);
        const double cutoff_s = 3 * 3600; // far enough to reach everyone the nearest search reaches
        const ReachMatrix m = build_reach_matrix(routing, points, cutoff_s, geo::walking_speed_mps(geo::Profile::walk));
        EXPECT_EQ(m.method, DistanceMethod::network);
        std::vector<float> best(routing.units().size(), geo::unreachable), best_d(routing.units().size(), geo::unreachable);
        for (std::size_t j = 0; j < m.points(); ++j)
            for (const ReachEntry& e : m.row(j))
                if (e.time_s < best[e.unit]) {
                    best[e.unit] = e.time_s;
                    best_d[e.unit] = e.distance_m;
                }
        std::size_t compared = 0;
        for (std::size_t u = 0; u < best.size(); ++u) {
            const UnitTime& t = sa.per_unit[u];
            if (t.provider == geo::invalid_index || t.time_s > cutoff_s) {
                EXPECT_EQ(best[u], geo::unreachable) << sa.service_type << " unit " << u;
                continue;
            }
            EXPECT_EQ(best[u], t.time_s) << sa.service_type << " unit " << u; // the same formula, bit for bit
            EXPECT_EQ(best_d[u], t.distance_m) << sa.service_type << " unit " << u;
            ++compared;
        }
        EXPECT_GT(compared, 1000u);
        EXPECT_LT(m.memory_bytes(), 16u * m.entries.size() + 64u * m.points() + 4096u); // sparse
    }
}

TEST(ReachMatrix, straight_line_rows_hold_the_units_within_the_walking_radius) {
    std::vector<PopulationUnit> units{{{0, 0}, 0, 1}, {{300, 400}, 0, 1}, {{3000, 0}, 0, 1}};
    const RoutingIndex routing(units, SurfaceReport{});
    const std::vector<geo::XY> points{{0, 0}};
    const ReachMatrix m = build_reach_matrix(routing, points, 600, 1.25); // 750 m
    ASSERT_EQ(m.row(0).size(), 2u);
    EXPECT_EQ(m.row(0)[1].unit, 1u);
    EXPECT_FLOAT_EQ(m.row(0)[1].distance_m, 500);
    EXPECT_FLOAT_EQ(m.row(0)[1].time_s, 400);
    EXPECT_EQ(m.method, DistanceMethod::straight_line);
}

TEST(ReachMatrix, entries_past_the_32_bit_limit_are_refused_in_words) {
    // The limit is 2^32 - 2 entries (48 GB): a small one stands for it, on both paths.
    std::vector<PopulationUnit> units{{{0, 0}, 0, 1}, {{300, 400}, 0, 1}, {{3000, 0}, 0, 1}};
    const RoutingIndex routing(units, SurfaceReport{});
    const std::vector<geo::XY> points{{0, 0}, {100, 100}, {2900, 0}};
    EXPECT_EQ(build_reach_matrix(routing, points, 600, 1.25, {}, 5).entries.size(), 5u); // at the limit: kept
    test::expect_error<Error>([&] { build_reach_matrix(routing, points, 600, 1.25, {}, 4); },
                              {"reach matrix", "5 pass the 32-bit index limit of 4", "fewer candidate sites"});
    EXPECT_EQ(geo::max_index32, 4294967294u);
    const auto in = app::load_inputs(app::load_run(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml").project);
    std::vector<geo::XY> sites;
    for (const auto& u : in->routing->units()) {
        sites.push_back(u.point);
        if (sites.size() == 64) break;
    }
    const std::size_t all = build_reach_matrix(*in->routing, sites, 600, 1.25).entries.size();
    ASSERT_GT(all, 10u);
    test::expect_error<Error>([&] { build_reach_matrix(*in->routing, sites, 600, 1.25, {}, all - 1); },
                              {"reach matrix", "pass the 32-bit index limit"});
}
