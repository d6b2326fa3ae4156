// How sure are we? (issue 20): 1,000 robustness runs on Kaunas (straight line, 49,487
// building points; the what-if benchmark's scripted sites of children_day_centre, as in
// bench/whatif_bench.cpp, since Kaunas's own providers are not located) and on Liechtenstein
// (walking network). Two settings each:
//   fast:  thresholds, speed and group sizes varied (no travel search: the single run's times)
//   moved: the same, and the first `moved` providers of the type made ward-located, so every run
//          puts them at a random building point of their ward and searches that type again
//          through the incremental what-if engine
// Target (issue 20): <= 10 s for 1,000 runs on 2 cores. Figures in docs/PERFORMANCE.md.
// Run: build/release/bench/apreptis_robustness_bench
#include <algorithm>
#include <map>

#include <benchmark/benchmark.h>

#include "app/core/analysis.hpp"
#include "app/core/edit_script.hpp"
#include "apreptis/build_info.hpp"
#include "model/provider_placement.hpp"
#include "model/robustness/robustness.hpp"

using namespace apreptis;

namespace {

struct Fixture {
    std::shared_ptr<const app::LoadedInputs> inputs;
    std::shared_ptr<const app::Results> results;
    model::StudyArea study; ///< with `moved` providers of the type turned ward-located
    model::AccessAnalysis single;
};

Fixture load(const std::string& project, const std::string& service, const std::string& group, int edits, int moved) {
    Fixture f;
    f.inputs = app::load_inputs(app::load_run(std::string(app::source_dir) + "/datasets/" + project).project);
    model::Scenario sc;
    for (int n = 0; n < edits; ++n) sc.edits.push_back(app::scripted_edit(*f.inputs, n, service, group));
    f.results = app::compute(*f.inputs, sc);
    f.study = *f.results->study;
    int located = 0; // keep one located so the type stays ranked
    for (const auto& l : f.study.lines) located += l.service_type == service && f.study.providers[l.provider].point;
    int left = std::min(moved, located - 1);
    for (const auto& l : f.study.lines) {
        model::Provider& p = f.study.providers[l.provider];
        if (left == 0 || l.service_type != service || !p.point || p.ward_code.empty()) continue;
        p.point.reset();
        p.precision = model::LocationPrecision::ward;
        --left;
    }
    f.single = model::analyse_access(f.study, *f.inputs->routing, app::access_settings(*f.inputs));
    return f;
}

void run(benchmark::State& state, const char* project, const char* service, const char* group, int edits, bool move) {
    static std::map<std::string, Fixture> fixtures; // loaded once per project and setting
    const std::string key = std::string(project) + (move ? "/moved" : "/fast");
    if (!fixtures.count(key)) fixtures.emplace(key, load(project, service, group, edits, move ? 3 : 0));
    const Fixture& f = fixtures.at(key);
    model::RobustnessSettings st;
    st.runs = 1000;
    st.thresholds_min = {20, 30, 45};
    st.speed_kmh = std::pair{3.0, 4.5};
    st.group_relative = 0.2;
    st.move_ward_located = move;
    std::size_t rows = 0;
    for (auto _ : state) {
        const auto r = model::analyse_robustness(f.study, *f.inputs->routing, app::access_settings(*f.inputs), f.single, st);
        rows = r.rows.size();
        state.counters["moved_providers"] = static_cast<double>(r.ward_located_moved);
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["units"] = static_cast<double>(f.inputs->routing->units().size());
}

} // namespace

BENCHMARK_CAPTURE(run, kaunas_fast, "kaunas/kaunas.toml", "children_day_centre", "children", 40, false)
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(run, kaunas_moved, "kaunas/kaunas.toml", "children_day_centre", "children", 40, true)
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(run, liechtenstein_fast, "liechtenstein/liechtenstein.toml", "pharmacy", "residents", 0, false)
    ->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(run, liechtenstein_moved, "liechtenstein/liechtenstein.toml", "pharmacy", "residents", 0, true)
    ->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
