#pragma once
// The capacity stage of an analysis (PRODUCT C10, C11): for every service type and target
// group with located providers and a need rate, demand and supply, who reaches whom, the
// accessibility scores, the optimal allocation with its split of the unserved, and the gaps.
// A what-if recomputes only the pairs whose providers (ids, points, capacities) changed, and
// reuses the reach rows of providers that stayed put: exact, since nothing else enters.
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "model/access.hpp"
#include "model/capacity/accessibility.hpp"
#include "model/capacity/capacity_allocation.hpp"
#include "model/capacity/demand.hpp"
#include "model/capacity/gap_ranking.hpp"
#include "model/capacity/reach_matrix.hpp"

namespace apreptis::model {

struct CapacitySettings {
    DemandSettings demand;
    AccessibilitySettings scores;
    std::vector<std::string> services; ///< empty: every service type with located providers
    double cluster_cell_m = 500;
};

struct ServiceCapacity {
    std::string service_type, target_group;
    double threshold_min = 0;
    Demand demand;
    Supply supply;
    std::vector<std::string> provider_ids; ///< of supply.providers (for reuse across what-ifs)
    ReachMatrix reach;                     ///< rows = supply.providers
    Accessibility scores;
    AllocationResult allocation;
    GapRanking gaps;
};

struct CapacityAnalysis {
    std::vector<ServiceCapacity> services;
    std::vector<std::string> skipped;      ///< pairs not analysed, and why
    std::size_t services_recomputed = 0;
};

/// `previous` (with its study) lets a what-if reuse unchanged pairs. Throws DataError (a
/// provider without capacity, a bad need rate) and Cancelled.
CapacityAnalysis analyse_capacity(const StudyArea& study, const RoutingIndex& routing, const AccessSettings& access,
                                  const CapacitySettings& settings, const CapacityAnalysis* previous = nullptr,
                                  const StudyArea* previous_study = nullptr, std::stop_token stop = {});

} // namespace apreptis::model
