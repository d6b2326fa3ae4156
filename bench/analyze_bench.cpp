// Load + check + analyse the embedded datasets, and write the outputs.
// Run: build/release/bench/apreptis_bench  (figures in docs/PERFORMANCE.md)
#include <filesystem>
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/project.hpp"
#include "apreptis/build_info.hpp"

using namespace apreptis::app;

namespace {

std::string dataset(const char* rel) { return std::string(source_dir) + "/datasets/" + rel; }

void report_peak_rss(benchmark::State& state) {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    state.counters["peak_rss_MB"] = static_cast<double>(u.ru_maxrss) / 1024.0;
}

void BM_AnalyzeKaunas(benchmark::State& state) {
    Project p = load_project(dataset("kaunas/kaunas.toml"));
    for (auto _ : state) {
        Analysis a = run_analysis(ProjectRun{p, {}, {}});
        benchmark::DoNotOptimize(a.out().coverage.rows.data());
    }
    state.counters["wards"] = 11;
    report_peak_rss(state);
}
BENCHMARK(BM_AnalyzeKaunas)->Unit(benchmark::kMillisecond);

void BM_AnalyzeLithuania(benchmark::State& state) {
    // 554 units: read 3.8 MB GeoJSON, reproject, validate and repair 2, overlap check, coverage
    Project p = load_project(dataset("lithuania/lithuania.toml"));
    for (auto _ : state) {
        Analysis a = run_analysis(ProjectRun{p, {}, {}});
        benchmark::DoNotOptimize(a.study().wards.data());
    }
    state.counters["wards"] = 554;
    report_peak_rss(state);
}
BENCHMARK(BM_AnalyzeLithuania)->Unit(benchmark::kMillisecond);

void BM_WriteOutputsKaunas(benchmark::State& state) {
    Analysis a = run_analysis(load_run(dataset("kaunas/kaunas.toml")));
    const auto out = std::filesystem::temp_directory_path() / "apreptis_bench_out";
    for (auto _ : state) write_outputs(a, out.string());
    std::filesystem::remove_all(out);
    report_peak_rss(state);
}
BENCHMARK(BM_WriteOutputsKaunas)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
