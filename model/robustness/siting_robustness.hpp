#pragma once
// Does site 1 stay first? (issue 20, docs/ROBUSTNESS.md#siting): the suggested sites of
// `apreptis suggest` under the same seeded variations as the robustness runs (the threshold,
// the travel speed, the estimated group sizes per ward; keyed_uniform gives every consumer the
// same draws). In each run the k sites are taken again greedily in the best order for that
// run (each step the site that adds the most demand served, the exact allocation re-solved),
// so a site's gain is its marginal gain in that run's order and its rank its place in it.
#include <cstddef>
#include <string>
#include <vector>

#include "model/capacity/demand.hpp"
#include "model/capacity/siting.hpp"
#include "model/robustness/variation.hpp"

namespace apreptis::model {

struct SiteRobustness {
    int rank = 0;                       ///< the suggestion's own (1 = first)
    geo::XY location;
    double gain = 0;                    ///< the suggestion's marginal gain
    double median = 0, p05 = 0, p95 = 0; ///< its gain over the runs (nearest-rank)
    std::size_t rank_min = 0, rank_max = 0;
    double p_same_rank = 0;             ///< share of runs in which it keeps its rank
};

struct SitingRobustness {
    RobustnessSettings settings;
    std::vector<SiteRobustness> sites;
    std::vector<std::string> varied;     ///< one sentence per source varied
    std::vector<std::string> not_varied; ///< sources of [robustness] that do not apply to sites, and why
    double seconds = 0;
};

/// `suggested` must be suggest_sites(study, routing, demand, supply, ..., siting) with the same
/// demand, supply and settings; `nominal_kmh` the speed of its reach. `several_speeds`: the
/// times are not at one speed (!TravelTimes::one_speed: a driving network), so a speed range
/// is refused (DataError), as analyse_robustness does.
SitingRobustness analyse_siting_robustness(const StudyArea& study, const RoutingIndex& routing, const Demand& demand,
                                           const Supply& supply, const SitingResult& suggested,
                                           const SitingSettings& siting, const RobustnessSettings& settings,
                                           double nominal_kmh, bool several_speeds);

} // namespace apreptis::model
