#pragma once
// Where to build next (PRODUCT C12): k new sites of `places` each among candidate points,
// existing providers fixed (docs/CAPACITY.md).
//  * coverage (default): most extra demand served, capacities respected (capacitated maximal
//    covering, measured by re-solving the allocation exactly after every choice);
//  * p_median: least total travel time of the demand served (served first, then time).
// Greedy: each step takes the candidate with the best score (coverage: the unserved demand it
// reaches, capped at its places; p-median: the travel time it would save), then the exact
// allocation is re-solved; then swap improvement (each chosen site against the best unchosen
// ones, exact). Every answer states a proven upper bound (model/capacity/siting_bound.hpp);
// small instances are then solved as a mixed-integer program (GLPK), started from the greedy +
// swap sites so that it never returns less (model/capacity/siting_mip.hpp). Every limit is on
// work (allocations solved, nodes, iterations, subgradient steps), never on wall-clock time:
// the same request gives the same answer however busy the machine is.
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "model/capacity/capacity_allocation.hpp"
#include "model/capacity/demand.hpp"
#include "model/capacity/reach_matrix.hpp"

namespace apreptis::model {

enum class SitingObjective { coverage, p_median };
const char* to_string(SitingObjective o);

struct SitingSettings {
    std::size_t k = 1;
    double places = 0;               ///< each new site
    SitingObjective objective = SitingObjective::coverage;
    double threshold_s = 1800;
    double walk_mps = 1.25;
    std::size_t swap_candidates = 4; ///< unchosen candidates tried against each chosen site
    std::size_t swap_max_solves = 400; ///< swap improvement stops after this many allocations (the result says so)
    std::size_t bound_arcs = 2'000'000; ///< bound's size limit: coarser demand cells above it
    std::size_t bound_steps = 40;       ///< subgradient steps of the Lagrangian bound
    std::size_t exact_max_candidates = 40; ///< a MIP when there are at most this many ...
    std::size_t exact_max_units = 3000;    ///< ... and units with demand
    int exact_max_nodes = 20'000;          ///< branch-and-bound nodes before the MIP stops
    int exact_max_simplex_iterations = 200'000; ///< of the MIP's relaxation
};

struct SuggestedSite {
    int rank = 0;
    std::size_t candidate = 0;    ///< index into the candidates
    geo::XY location;
    double marginal_gain = 0;     ///< extra demand served when added (in this order)
    double cumulative_served = 0; ///< total demand served with this and the sites before it
    std::vector<std::pair<std::string, double>> wards_helped; ///< ward code, demand it serves there
};

struct SitingResult {
    SitingObjective objective = SitingObjective::coverage;
    std::string method;           ///< "greedy + swap improvement", then ", then MIP (GLPK, ...)" when one ran
    DistanceMethod distances = DistanceMethod::straight_line; ///< of the reach every figure rests on
    std::vector<SuggestedSite> sites;
    double demand = 0;            ///< total demand of the service and group
    double served_before = 0, served_after = 0;
    double time_before_s = 0, time_after_s = 0; ///< total travel time of the demand served
    std::optional<double> upper_bound; ///< coverage: most demand any k sites could serve
    std::optional<double> gap;         ///< (bound - found) / bound: at most this share of what any k sites could serve is missed
    std::string bound_basis;
    bool optimal = false;         ///< proven: no choice of k candidates serves more (bound == found)
    std::size_t mip_nodes = 0;    ///< branch-and-bound nodes of the exact solve, if one ran
    bool swaps_complete = true;   ///< false: the swap work limit was reached before every site was tried
    std::vector<std::pair<std::string, double>> seconds; ///< per stage: candidate reach, greedy, swap, gains, bound
    std::size_t candidates = 0;
    std::size_t allocations_solved = 0;
};

/// Candidate points: centres of a cell_m grid over the population units with demand > 0.
std::vector<geo::XY> candidate_grid(const RoutingIndex& routing, const Demand& demand, double cell_m);

/// `provider_reach` rows are the supply's providers. Throws DataError for k = 0, k larger than
/// the candidates, no candidates, places <= 0; Cancelled when `stop` is requested.
SitingResult suggest_sites(const StudyArea& study, const RoutingIndex& routing, const Demand& demand,
                           const Supply& supply, const ReachMatrix& provider_reach, std::span<const geo::XY> candidates,
                           const SitingSettings& settings, std::stop_token stop = {});

} // namespace apreptis::model
