#pragma once
// How sure are we? (issue 20, docs/ROBUSTNESS.md): the access indicators of every ward and
// municipality recomputed under many seeded variations of what we only estimate, and per
// ward and indicator the median, the 90 % interval, the rank interval and the probability of
// being among the k worst.
//
// Cheapest correct path per run: thresholds, speed and group sizes change no travel search,
// so they are applied to the single run's per-unit times (times divided by the speed factor:
// exact for a straight line and a walked network, where every second is at that one speed);
// only moved ward-located providers need a search, and that goes through the incremental
// what-if engine (apply_scenario + analyse_access from the single run: the service types
// those providers do not offer are reused, not searched).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/access.hpp"
#include "model/robustness/variation.hpp"

namespace apreptis::model {

enum class RobustIndicator {
    share_within, ///< share of the target group within the threshold: lowest is worst
    beyond,       ///< persons of the target group beyond the threshold (or unreachable): most is worst
};
const char* to_string(RobustIndicator i);

/// One ward or municipality, service type, target group and indicator, over all runs.
struct RobustRow {
    AreaLevel level = AreaLevel::ward;
    std::string area_code, area_name, municipality, service_type, target_group;
    RobustIndicator indicator = RobustIndicator::share_within;
    double single_run = 0;       ///< the value of the single run (nothing varied)
    std::size_t single_rank = 0; ///< 1 = worst, among the areas of its level with people of the group
    double median = 0, p05 = 0, p95 = 0;      ///< nearest-rank quantiles over the runs
    std::size_t rank_p05 = 0, rank_p95 = 0;   ///< the rank's 90 % interval (best / worst ends: 5th and 95th percentile)
    std::size_t rank_min = 0, rank_max = 0;
    std::size_t ranked = 0;      ///< how many areas were ranked
    double p_worst_k = 0;        ///< share of runs in which it ranked among the k worst
    bool robustly_underserved = false; ///< p_worst_k >= settings.robust_probability
    bool estimated = false;      ///< the group's size in this ward is an estimate
};

struct RobustnessResult {
    RobustnessSettings settings;
    std::vector<RobustRow> rows;
    std::vector<std::string> varied;     ///< one sentence per source varied, for every output
    std::size_t ward_located_moved = 0;  ///< providers put at a random point of their ward
    std::size_t ward_located_not_ranked = 0; ///< ward-located, but of no type with a located provider
    double nominal_kmh = 0;              ///< the speed the single run used
    double seconds = 0;
};

/// Runs settings.runs variations. `single` must be analyse_access(study, routing, access_settings)
/// (the single run). Throws DataError for settings that cannot apply (a speed range with a
/// driving network, whose times are not at one speed).
RobustnessResult analyse_robustness(const StudyArea& study, const RoutingIndex& routing, const AccessSettings& access_settings,
                                    const AccessAnalysis& single, const RobustnessSettings& settings);

} // namespace apreptis::model
