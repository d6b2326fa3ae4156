#include "app/core/comparison_robustness.hpp"

#include <cstdio>

namespace apreptis::app {

void add_robustness(model::Comparison& c, const Analysis& a, const model::RobustnessResult& r) {
    const model::StudyArea& s = a.study();
    std::string varied;
    for (const auto& v : r.varied) varied += (varied.empty() ? "" : "; ") + v;
    if (varied.empty()) varied = "nothing";
    const std::string method = a.out().access ? a.out().access->method_label : "";
    const std::string runs = std::to_string(r.settings.runs) + " runs (seed " + std::to_string(r.settings.seed) + ")";
    for (const auto& row : r.rows) {
        if (row.level != model::AreaLevel::municipality || row.indicator != model::RobustIndicator::share_within) continue;
        const auto* st = s.catalogue.find_service(row.service_type);
        const std::string lt = st ? st->name_lt : row.service_type, en = st ? st->name_en : row.service_type;
        const std::string key = row.service_type + ":" + row.target_group;
        const std::string est = row.estimated ? " (įvertis)" : "", est_en = row.estimated ? " (estimate)" : "";
        char interval[160];
        std::snprintf(interval, sizeof interval, "median of %s; 90 %% of runs: %.1f-%.1f %%", runs.c_str(),
                      row.p05 * 100, row.p95 * 100);
        c.set(row.area_code,
              {"share_within_median:" + key, lt + ": dalis per slenkstį, " + std::to_string(r.settings.runs) +
                                                  " skaičiavimų mediana" + est,
               en + ": share within the threshold, median of " + std::to_string(r.settings.runs) + " runs" + est_en,
               "%", model::RankOrder::high_first},
              row.median * 100, std::string(interval) + "; varied: " + varied + "; " + method);
        if (row.ranked <= r.settings.k_worst) continue; // every municipality of the project is among the k worst
        const std::string k = std::to_string(r.settings.k_worst);
        c.set(row.area_code,
              {"p_worst_k:" + key, lt + ": skaičiavimų dalis tarp " + k + " blogiausių projekto savivaldybių",
               en + ": share of runs among the " + k + " worst municipalities of its project", "%",
               model::RankOrder::none},
              row.p_worst_k * 100,
              "among the " + k + " worst of " + std::to_string(row.ranked) + " municipalities by share within, in " +
                  runs + (row.robustly_underserved ? ": robustly underserved" : ""));
    }
    model::rank(c);
}

} // namespace apreptis::app
