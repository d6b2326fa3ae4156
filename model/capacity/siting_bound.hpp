#pragma once
// Site suggestion's upper bound on the demand any k sites can serve (coverage objective),
// so that the answer can be stated with a proven gap (docs/CAPACITY.md).
#include <cstdint>
#include <string>
#include <vector>

#include "model/capacity/demand.hpp"
#include "model/capacity/reach_matrix.hpp"
#include "model/capacity/siting.hpp"

namespace apreptis::model {

struct SitingBound {
    double value = 0;
    std::string basis; ///< how it was computed, for run.json and the summary
};

/// Demand aggregated to groups, and per supplier (the providers, then the candidates) the
/// groups it reaches within the threshold.
struct DemandGroups {
    std::vector<double> demand;
    std::vector<std::vector<std::uint32_t>> reach;  ///< per supplier, ascending
    std::vector<std::uint32_t> group_of_unit;       ///< UINT32_MAX: no demand or no supplier in reach
    std::size_t arcs = 0;
    std::string basis;
};

/// Units with exactly the same suppliers within reach form one group: no loss, since the
/// coverage problem sees only which suppliers reach a unit. Empty (no reach rows) when the
/// unit-level arcs are more than st.bound_arcs.
DemandGroups same_reach_groups(const Demand& d, const ReachMatrix& providers, const ReachMatrix& candidates,
                               const SitingSettings& st);

/// The smaller of two relaxations, both over demand groups (units with the same reach, or
/// grid cells that reach a site when any of their units does, when the units are too many):
///  * the max flow in which the k new sites share one arc of k x places (weak, but exact);
///  * the Lagrangian dual of the strong LP relaxation (a site serves at most its places, and a
///    unit at most its demand from an open site), the demand rows relaxed: each step is a
///    fractional knapsack per site and the k best sites; the best of a fixed number of
///    subgradient steps (work, not time), each a valid bound by weak duality.
/// `found`: the demand served by the answer, the target of the step size.
SitingBound coverage_bound(const RoutingIndex& routing, const Demand& d, const Supply& supply, const ReachMatrix& providers,
                           const ReachMatrix& candidates, const SitingSettings& st, double found);

} // namespace apreptis::model
