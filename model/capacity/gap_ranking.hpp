#pragma once
// Where the unserved are, and why (PRODUCT C11): wards ranked by unserved demand with the
// dominant reason, and clusters of unserved population units: units on a grid (cluster_cell_m,
// default 500 m) whose cells touch (8-neighbours) form one cluster, with its unserved demand,
// centre (weighted by unserved demand) and dominant reason.
#include <algorithm>
#include <string>
#include <vector>

#include "model/capacity/capacity_allocation.hpp"
#include "model/capacity/demand.hpp"
#include "model/coverage.hpp"

namespace apreptis::model {

enum class UnservedReason { none, no_capacity, too_far };
const char* to_string(UnservedReason r);

struct CapacityRow {
    AreaLevel level = AreaLevel::ward;
    std::string area_code, area_name, municipality;
    double demand = 0, served = 0, no_capacity = 0, too_far = 0;
    UnservedReason dominant = UnservedReason::none;
    int rank = 0; ///< wards: 1 = most unserved demand (ties: ward code)
    double unserved() const { return no_capacity + too_far; }
    /// unserved / demand in [0, 1] (0 without demand): the parts are float sums and can add up
    /// to a hair over the demand (Palanga: 100.00000000000009 %), which a share never is.
    double unserved_share() const { return demand > 0 ? std::clamp(unserved() / demand, 0.0, 1.0) : 0.0; }
};

struct UnservedCluster {
    int id = 0;
    geo::XY centre;
    std::size_t units = 0, cells = 0;
    double unserved = 0, no_capacity = 0, too_far = 0;
    UnservedReason dominant = UnservedReason::none;
    std::vector<std::string> wards; ///< codes of the wards it touches
};

struct GapRanking {
    std::vector<CapacityRow> wards;          ///< ranked, most unserved first
    std::vector<CapacityRow> municipalities;
    std::vector<UnservedCluster> clusters;   ///< most unserved first
};

GapRanking rank_gaps(const StudyArea& study, const RoutingIndex& routing, const AllocationResult& allocation,
                     double cluster_cell_m = 500);

} // namespace apreptis::model
