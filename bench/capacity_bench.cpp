// The capacity analysis at Kaunas size on a synthetic city (docs/PERFORMANCE.md): a 224 x 224
// street grid at 56 m, 12.5 km across like Kaunas (50,176 nodes, walk profile), 50,000 population units and 150 providers
// at seeded random places in 16 wards, 3 service types with a 20-minute threshold.
//   BM_CapacityKaunasSize: reach matrices + 2SFCA/E2SFCA/Gaussian + optimal allocation, 3 types
//   BM_SitingKaunasSize:   10 sites among 5,000 candidates, with its bound (the gap it proves is a counter)
// Run: build/release/bench/apreptis_capacity_bench
#include <random>

#include <benchmark/benchmark.h>

#include "geo/geom/geometry_ops.hpp"
#include "geo/routing/road_network.hpp"
#include "model/capacity/accessibility.hpp"
#include "model/capacity/capacity_allocation.hpp"
#include "model/capacity/siting.hpp"

using namespace apreptis;

namespace {

constexpr int grid = 224;
constexpr double spacing = 56; // 12.5 km across, about Kaunas city (157 km2)

struct City {
    model::StudyArea study;
    std::unique_ptr<model::RoutingIndex> routing;
    std::vector<std::vector<geo::XY>> providers; // per service type
    std::vector<std::vector<double>> capacity;
    std::vector<model::Demand> demand;

    City() {
        std::mt19937 rng(2026);
        const double size = (grid - 1) * spacing;
        std::uniform_real_distribution<double> at(0, size), cap(20, 120), pop(2, 12);
        // 16 square wards
        for (int i = 0; i < 16; ++i) {
            model::Ward w;
            w.code = "W" + std::to_string(i);
            w.name = w.code;
            w.municipality = "City";
            const double x0 = (i % 4) * size / 4, y0 = (i / 4) * size / 4;
            w.geometry = {geo::Polygon{{{x0, y0}, {x0 + size / 4, y0}, {x0 + size / 4, y0 + size / 4}, {x0, y0 + size / 4}, {x0, y0}}, {}}};
            study.wards.push_back(w);
        }
        model::index_wards(study);
        std::vector<geo::Way> ways;
        for (int r = 0; r < grid; ++r) {
            geo::Way h, v;
            h.id = r;
            v.id = grid + r;
            h.tags.highway = v.tags.highway = "residential";
            for (int c = 0; c < grid; ++c) {
                h.points.push_back({c * spacing, r * spacing});
                v.points.push_back({r * spacing, c * spacing});
            }
            ways.push_back(h);
            ways.push_back(v);
        }
        geo::NetworkReport rep;
        geo::RoadNetwork net = geo::build_network(ways, {}, rep);
        std::vector<model::PopulationUnit> units;
        for (int u = 0; u < 50000; ++u) {
            const geo::XY p{at(rng), at(rng)};
            units.push_back({p, *study.ward_at(p), pop(rng)});
        }
        routing = std::make_unique<model::RoutingIndex>(units, model::SurfaceReport{}, std::move(net), rep, 500);
        for (int t = 0; t < 3; ++t) {
            providers.emplace_back();
            capacity.emplace_back();
            for (int j = 0; j < 50; ++j) {
                providers.back().push_back({at(rng), at(rng)});
                capacity.back().push_back(std::round(cap(rng)));
            }
            model::Demand d;
            d.group_population.resize(units.size());
            d.per_unit.resize(units.size());
            for (std::size_t u = 0; u < units.size(); ++u) {
                d.group_population[u] = units[u].population;
                d.per_unit[u] = units[u].population * (5.0 + 5 * t) / 1000.0;
                d.total += d.per_unit[u];
            }
            demand.push_back(d);
        }
    }
};

const City& city() {
    static const City c;
    return c;
}

void BM_CapacityKaunasSize(benchmark::State& state) {
    const City& c = city();
    const double threshold_s = 20 * 60;
    std::size_t entries = 0, chains = 0;
    for (auto _ : state) {
        entries = 0;
        chains = 0;
        for (int t = 0; t < 3; ++t) {
            const auto reach = model::build_reach_matrix(*c.routing, c.providers[t], threshold_s, 1.25);
            entries += reach.entries.size();
            model::Supply supply;
            supply.capacity = c.capacity[t];
            for (std::size_t j = 0; j < supply.capacity.size(); ++j) supply.providers.push_back(j);
            const auto scores = model::accessibility_scores(c.study, *c.routing, c.demand[t], supply, reach, 20, {});
            std::vector<std::string> keys;
            for (std::size_t j = 0; j < supply.capacity.size(); ++j) keys.push_back("P" + std::to_string(j));
            const auto alloc = model::allocate_capacity(c.demand[t].per_unit, supply.capacity, reach, threshold_s, keys);
            chains += alloc.augmentations;
            benchmark::DoNotOptimize(alloc.total_time_s);
            benchmark::DoNotOptimize(scores.rows.data());
        }
    }
    state.counters["reach_entries"] = static_cast<double>(entries);
    state.counters["entries_per_provider"] = static_cast<double>(entries) / 150.0;
    state.counters["chains_moved"] = static_cast<double>(chains);
}
BENCHMARK(BM_CapacityKaunasSize)->Unit(benchmark::kMillisecond)->Iterations(3);

std::vector<geo::XY> random_candidates() {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> at(0, (grid - 1) * spacing);
    std::vector<geo::XY> candidates;
    for (int i = 0; i < 5000; ++i) candidates.push_back({at(rng), at(rng)});
    return candidates;
}

void BM_CandidateReachKaunasSize(benchmark::State& state) {
    const City& c = city();
    const auto candidates = random_candidates();
    std::size_t entries = 0;
    for (auto _ : state) entries = model::build_reach_matrix(*c.routing, candidates, 20 * 60, 1.25).entries.size();
    state.counters["entries_per_candidate"] = static_cast<double>(entries) / 5000.0;
}
BENCHMARK(BM_CandidateReachKaunasSize)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_SitingKaunasSize(benchmark::State& state) {
    const City& c = city();
    const double threshold_s = 20 * 60;
    const auto reach = model::build_reach_matrix(*c.routing, c.providers[0], threshold_s, 1.25);
    model::Supply supply;
    supply.capacity = c.capacity[0];
    for (std::size_t j = 0; j < supply.capacity.size(); ++j) supply.providers.push_back(j);
    const auto candidates = random_candidates();
    model::SitingSettings st;
    st.k = 10;
    st.places = 60;
    st.threshold_s = threshold_s;
    double gap = 0, gained = 0;
    model::SitingResult last;
    for (auto _ : state) {
        last = model::suggest_sites(c.study, *c.routing, c.demand[0], supply, reach, candidates, st);
        gap = last.gap.value_or(-1);
        gained = last.served_after - last.served_before;
    }
    for (const auto& [stage, s] : last.seconds) state.counters[stage + " s"] = s; // where the time goes
    state.counters["allocations"] = static_cast<double>(last.allocations_solved);
    state.counters["gap_percent"] = gap * 100;
    state.counters["optimal"] = last.optimal ? 1 : 0;
    state.counters["served_gain"] = gained;
}
BENCHMARK(BM_SitingKaunasSize)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
