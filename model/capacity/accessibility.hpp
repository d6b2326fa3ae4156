#pragma once
// Capacity-aware accessibility scores (PRODUCT C10), per population unit, as places per 1000
// of the target group within reach (docs/CAPACITY.md):
//  * 2SFCA (Luo & Wang 2003): R_j = S_j / sum of P_k reaching j within d0; A_i = sum of R_j
//    reachable from i within d0.
//  * E2SFCA (Luo & Qi 2009): the same with travel-time zones weighted W_r (default
//    0-10 / 10-20 / 20-30 min -> 1.00 / 0.68 / 0.22) in both steps.
//  * Gaussian decay (Dai 2010): weight (e^(-(t/t0)^2 / 2) - e^(-1/2)) / (1 - e^(-1/2)) within t0.
// Aggregated per ward and municipality as means weighted by the target-group population.
#include <string>
#include <vector>

#include "model/capacity/demand.hpp"
#include "model/capacity/reach_matrix.hpp"
#include "model/coverage.hpp"

namespace apreptis::model {

struct AccessibilitySettings {
    std::vector<double> zones_min{10, 20, 30};     ///< upper ends of the E2SFCA zones, ascending
    std::vector<double> weights{1.0, 0.68, 0.22};  ///< one per zone
};

enum class ScoreMethod { two_step, enhanced_two_step, gaussian };
const char* to_string(ScoreMethod m);

struct AccessibilityRow {
    AreaLevel level = AreaLevel::ward;
    std::string area_code, area_name, municipality;
    double target_population = 0;
    double two_step = 0, enhanced = 0, gaussian = 0; ///< places per 1000, population-weighted means
};

struct Accessibility {
    std::string service_type, target_group;
    double threshold_min = 0;
    /// Per unit, places per 1000 of the target group within reach, by method.
    std::vector<double> two_step, enhanced, gaussian;
    std::vector<AccessibilityRow> rows; ///< wards, then municipalities
};

/// `reach` rows are the supply's providers (same order); cut-off = the threshold.
Accessibility accessibility_scores(const StudyArea& study, const RoutingIndex& routing, const Demand& demand,
                                   const Supply& supply, const ReachMatrix& reach, double threshold_min,
                                   const AccessibilitySettings& settings);

/// One score on plain arrays (the arithmetic the tests check by hand): population per unit,
/// capacity per provider, reach rows, a weight per travel time (0 outside the catchment).
template <class Weight>
std::vector<double> floating_catchment(const std::vector<double>& population, const std::vector<double>& capacity,
                                       const ReachMatrix& reach, Weight weight) {
    std::vector<double> score(population.size(), 0.0);
    for (std::size_t j = 0; j < reach.points(); ++j) {
        double weighted = 0;
        for (const ReachEntry& e : reach.row(j)) weighted += population[e.unit] * weight(e.time_s);
        if (weighted <= 0) continue;
        const double ratio = capacity[j] / weighted; // R_j: places per weighted resident
        for (const ReachEntry& e : reach.row(j)) score[e.unit] += ratio * weight(e.time_s);
    }
    for (double& a : score) a *= 1000.0; // per 1000 residents of the group
    return score;
}

} // namespace apreptis::model
