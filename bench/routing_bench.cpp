// Road network build and multi-source searches: Liechtenstein (real) and synthetic grids up
// to 1 M nodes. Run: build/release/bench/apreptis_routing_bench (docs/PERFORMANCE.md).
#include <cstdlib>
#include <random>
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "app/core/analysis.hpp"
#include "app/core/project.hpp"
#include "apreptis/build_info.hpp"
#include "geo/routing/nearest.hpp"
#include "geo/routing/osm_road_reader.hpp"
#include "geo/routing/road_reader.hpp"

using namespace apreptis;

namespace {

void peak_rss(benchmark::State& state) {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    state.counters["peak_rss_MB"] = static_cast<double>(u.ru_maxrss) / 1024.0;
}

std::string li(const char* f) { return std::string(app::source_dir) + "/datasets/" + f; }

const std::vector<geo::Way>& li_ways() {
    static const auto w = geo::read_osm_ways(li("liechtenstein/liechtenstein-2013-08-03.osm.pbf"),
                                             li("osm/osmconf_roads.ini"), "EPSG:32632");
    return w;
}

std::vector<geo::Way> grid(int n, double step = 50) {
    std::vector<geo::Way> ways;
    for (int i = 0; i < n; ++i) {
        geo::Way r, c;
        for (int j = 0; j < n; ++j) {
            r.points.push_back({j * step, i * step});
            c.points.push_back({i * step, j * step});
        }
        r.tags.highway = c.tags.highway = "residential";
        ways.push_back(std::move(r));
        ways.push_back(std::move(c));
    }
    return ways;
}

void BM_ReadOsmLiechtenstein(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(geo::read_osm_ways(li("liechtenstein/liechtenstein-2013-08-03.osm.pbf"),
                                                    li("osm/osmconf_roads.ini"), "EPSG:32632"));
    peak_rss(state);
}
BENCHMARK(BM_ReadOsmLiechtenstein)->Unit(benchmark::kMillisecond);

// The same file through libosmium (what a project's [roads] OSM file goes through): whole
// (arg 0), and clipped to a 1 km box around Vaduz plus 2 km (arg 1).
void BM_ReadOsmiumLiechtenstein(benchmark::State& state) {
    geo::OsmRoadsOptions o;
    o.osmconf = li("osm/osmconf_roads.ini");
    if (state.range(0)) o.clip = geo::Envelope{539000, 5220400, 540000, 5221400}.grown(2000);
    for (auto _ : state)
        benchmark::DoNotOptimize(geo::read_osm_roads(li("liechtenstein/liechtenstein-2013-08-03.osm.pbf"), "EPSG:32632", o));
    peak_rss(state);
}
BENCHMARK(BM_ReadOsmiumLiechtenstein)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// A country file, when APREPTIS_COUNTRY_PBF names one (e.g. bench/country/run.sh's
// f1-service/roads.osm.pbf, EPSG:3346): GDAL (arg 0), libosmium whole (1), libosmium clipped to
// a Kaunas-size box, 30 x 30 km round Kaunas plus 2 km (2).
void BM_ReadCountry(benchmark::State& state) {
    const char* pbf = std::getenv("APREPTIS_COUNTRY_PBF");
    if (!pbf) {
        state.SkipWithError("set APREPTIS_COUNTRY_PBF");
        return;
    }
    geo::OsmRoadsOptions o;
    o.osmconf = li("osm/osmconf_roads.ini");
    if (state.range(0) == 2) o.clip = geo::Envelope{480000, 6075000, 510000, 6105000}.grown(2000);
    std::size_t ways = 0;
    for (auto _ : state) {
        if (state.range(0) == 0) ways = geo::read_osm_ways(pbf, o.osmconf, "EPSG:3346").size();
        else ways = geo::read_osm_roads(pbf, "EPSG:3346", o).ways.size();
    }
    state.counters["ways"] = static_cast<double>(ways);
    peak_rss(state);
}
BENCHMARK(BM_ReadCountry)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_BuildLiechtenstein(benchmark::State& state) {
    const auto& ways = li_ways();
    geo::NetworkReport rep;
    for (auto _ : state) benchmark::DoNotOptimize(geo::build_network(ways, {}, rep));
    state.counters["nodes"] = static_cast<double>(rep.nodes);
    state.counters["arcs"] = static_cast<double>(rep.arcs);
}
BENCHMARK(BM_BuildLiechtenstein)->Unit(benchmark::kMillisecond);

void BM_NearestPharmacyLiechtenstein(benchmark::State& state) {
    // one multi-source search (4 pharmacies) + evaluation for 3 719 population units
    app::Analysis a = app::run_analysis(app::load_run(li("liechtenstein/liechtenstein.toml")));
    geo::SnapIndex idx(a.in().routing->network());
    geo::TravelQuery q(a.in().routing->network());
    std::vector<geo::SnappedPoint> units, src;
    for (const auto& u : a.in().routing->units()) units.push_back(idx.snap(u.point, 500));
    for (const auto& sa : a.out().access->services)
        if (sa.service_type == "pharmacy")
            for (auto p : sa.providers) src.push_back(idx.snap(*a.study().providers[p].point, 500));
    for (auto _ : state) benchmark::DoNotOptimize(geo::nearest_by_network(q, src, units, 1.25));
    state.counters["units"] = static_cast<double>(units.size());
}
BENCHMARK(BM_NearestPharmacyLiechtenstein)->Unit(benchmark::kMillisecond);

void BM_AnalyzeLiechtenstein(benchmark::State& state) {
    // everything: read OSM, build, surface, 2 service types, ward/municipal aggregation,
    // 15 catchment polygons, allocation
    app::Project p = app::load_project(li("liechtenstein/liechtenstein.toml"));
    for (auto _ : state) benchmark::DoNotOptimize(app::run_analysis(app::ProjectRun{p, {}, {}}));
    peak_rss(state);
}
BENCHMARK(BM_AnalyzeLiechtenstein)->Unit(benchmark::kMillisecond);

void BM_BuildGrid(benchmark::State& state) {
    const auto ways = grid(static_cast<int>(state.range(0)));
    geo::NetworkReport rep;
    for (auto _ : state) benchmark::DoNotOptimize(geo::build_network(ways, {}, rep));
    state.counters["nodes"] = static_cast<double>(rep.nodes);
    peak_rss(state);
}
BENCHMARK(BM_BuildGrid)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_MultiSourceGrid(benchmark::State& state) {
    // a full multi-source search over the grid from 20 random sources (one service type)
    const int n = static_cast<int>(state.range(0));
    geo::NetworkReport rep;
    const auto net = geo::build_network(grid(n), {}, rep);
    geo::TravelQuery q(net);
    std::mt19937 rng(42);
    std::vector<geo::Seed> seeds;
    for (std::uint32_t i = 0; i < 20; ++i) seeds.push_back({static_cast<geo::NodeId>(rng() % net.node_count()), 0, 0, i});
    for (auto _ : state) {
        q.run(seeds, geo::Direction::to_seeds);
        benchmark::DoNotOptimize(q.time_s(0));
    }
    state.counters["nodes"] = static_cast<double>(net.node_count());
    peak_rss(state);
}
BENCHMARK(BM_MultiSourceGrid)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_SnapGrid(benchmark::State& state) {
    geo::NetworkReport rep;
    const auto net = geo::build_network(grid(1000), {}, rep);
    geo::SnapIndex idx(net);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> d(0, 49950);
    for (auto _ : state) benchmark::DoNotOptimize(idx.snap({d(rng), d(rng)}, 500));
}
BENCHMARK(BM_SnapGrid);

} // namespace

BENCHMARK_MAIN();
