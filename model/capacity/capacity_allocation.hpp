#pragma once
// Capacity allocation, optimal and order-free (PRODUCT C10): every unit's demand goes to
// providers within the threshold, never beyond a provider's capacity, serving as much demand
// as possible and, among those allocations, minimising the total travel time. A min-cost flow
// (docs/CAPACITY.md): units -> providers (cost = travel time) -> sink (capacity), plus an
// "unserved" outlet whose cost exceeds any rerouting, so serving more always wins.
//
// Solver: when everyone at their nearest provider fits, that is the optimum and nothing more
// is solved. Otherwise the min-cost flow is solved exactly, in integers (demand in thousandths
// of a person, times in tenths of a second, each provider's capacity rounded down, never
// exceeded), by successive shortest paths over the providers only (model/optim/
// transport_flow.hpp): only the units that move are touched. Measured against the earlier
// solvers on the same problems (docs/PERFORMANCE.md): Boost's successive_shortest_path over
// all units took 4.2 s on the national nursing-hospital case, LEMON's network simplex tens of
// milliseconds there but ~60 % of the Kaunas-size capacity benchmark; LEMON stays the test
// oracle (tests/model/capacity/transport_flow_test.cpp).
//
// Order-free: providers are processed in the order of their keys (ids), units in index order,
// and ties go to the lower key, so shuffling the input order changes no figure (tested).
#include <cstdint>
#include <string>
#include <vector>

#include "model/capacity/reach_matrix.hpp"

namespace apreptis::model {

struct AllocationResult {
    std::vector<double> served;      ///< per unit
    std::vector<double> no_capacity; ///< per unit: a provider is within reach, but all are full
    std::vector<double> too_far;     ///< per unit: no provider within the threshold
    std::vector<double> realised;    ///< per provider (reach row): demand allocated to it
    std::vector<double> residual;    ///< per provider: capacity left
    std::vector<std::vector<std::pair<std::uint32_t, double>>> flows; ///< per provider: (unit, demand allocated)
    double total_time_s = 0;         ///< sum of allocated demand x travel time
    bool rerouted = false;           ///< false: everyone at their nearest provider was already optimal
    std::size_t augmentations = 0;   ///< chains of moves the solver made (model/optim/transport_flow.hpp)
};

/// demand per unit, capacity per reach row; arcs are the reach entries with time <=
/// threshold_s. provider_keys give the canonical order (e.g. provider ids).
AllocationResult allocate_capacity(const std::vector<double>& demand, const std::vector<double>& capacity,
                                   const ReachMatrix& reach, double threshold_s,
                                   const std::vector<std::string>& provider_keys);

} // namespace apreptis::model
