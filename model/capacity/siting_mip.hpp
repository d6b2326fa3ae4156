#pragma once
// Site suggestion's exact solve (model/capacity/siting.cpp): capacitated maximal covering as a
// mixed-integer program over units, solved by GLPK's branch and cut, started from the
// heuristic's sites so that it never returns less, and limited by work (nodes, simplex
// iterations), not wall-clock time, so that its answer does not depend on how busy the machine is.
#include <vector>

#include "model/capacity/capacity_allocation.hpp"
#include "model/capacity/demand.hpp"
#include "model/capacity/reach_matrix.hpp"
#include "model/capacity/siting.hpp"

namespace apreptis::model {

struct ExactSiting {
    bool solved = false;            ///< false: the work limit came before any integer solution
    std::vector<std::size_t> chosen; ///< candidate indices (ascending)
    bool proven = false;            ///< optimal, proven by branch and cut
    double bound = 0;               ///< proven upper bound on the demand served (== value when proven)
    std::size_t nodes = 0;
};

/// `start_sites` and `start` (their allocation, suppliers = providers then start_sites in that
/// order) are offered to branch and cut as its first incumbent.
ExactSiting exact_sites(const Demand& d, const Supply& supply, const ReachMatrix& providers, const ReachMatrix& candidates,
                        const SitingSettings& st, const std::vector<std::size_t>& start_sites,
                        const AllocationResult& start);

} // namespace apreptis::model
