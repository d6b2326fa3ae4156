// Edit -> updated indicators: a scripted series of 50 what-if edits (add, move, resize,
// remove) on Kaunas and Liechtenstein, each computed from the previous result as the viewer
// does, and each computed from scratch for comparison. Prints p50 / p95 / max per dataset.
// Run: build/release/bench/apreptis_whatif_bench [edits [kaunas|liechtenstein]]   (figures in docs/PERFORMANCE.md)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/edit_script.hpp"
#include "apreptis/build_info.hpp"

using namespace apreptis;

namespace {

struct Series {
    std::vector<double> incremental_ms, full_ms;
};

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

Series run(const std::string& project, const std::string& service, const std::string& group, int edits) {
    const auto inputs = app::load_inputs(app::load_run(project).project);
    Series s;
    model::Scenario sc;
    std::shared_ptr<const app::Results> previous = app::compute(*inputs, sc);
    for (int n = 0; n < edits; ++n) {
        sc.edits.push_back(app::scripted_edit(*inputs, n, service, group));
        auto t0 = std::chrono::steady_clock::now();
        auto next = app::compute(*inputs, sc, previous.get());
        s.incremental_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        t0 = std::chrono::steady_clock::now();
        auto full = app::compute(*inputs, sc);
        s.full_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        previous = std::move(next);
    }
    return s;
}

void print(const char* name, const Series& s) {
    std::printf("%-14s incremental p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms | from scratch p50 %6.1f ms  p95 %6.1f ms\n",
                name, percentile(s.incremental_ms, 0.5), percentile(s.incremental_ms, 0.95),
                percentile(s.incremental_ms, 1.0), percentile(s.full_ms, 0.5), percentile(s.full_ms, 0.95));
}

} // namespace

int main(int argc, char** argv) {
    const int edits = argc > 1 ? std::atoi(argv[1]) : 50;
    const std::string only = argc > 2 ? argv[2] : ""; // "kaunas" or "liechtenstein": one project (for profiling)
    const std::string data = std::string(app::source_dir) + "/datasets/";
    std::printf("%d scripted edits (add, move, set_places, remove), edit -> updated indicators\n", edits);
    if (only.empty() || only == "kaunas")
        print("Kaunas", run(data + "kaunas/kaunas.toml", "children_day_centre", "children", edits));
    if (only.empty() || only == "liechtenstein")
        print("Liechtenstein", run(data + "liechtenstein/liechtenstein.toml", "pharmacy", "residents", edits));
    return 0;
}
