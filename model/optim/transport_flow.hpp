#pragma once
// A min-cost transportation problem with many clients and few suppliers, solved exactly in
// integers: the shape of the capacity allocation (tens of thousands of population units, tens
// of providers). Every client sends its demand to suppliers it has an arc to, or leaves it
// unserved at `unserved_cost` per unit; suppliers take at most their capacity.
//
// Method: successive shortest paths on the supplier graph (docs/CAPACITY.md). Start from
// every client at its cheapest supplier (optimal without capacities); then move the excess of
// over-full suppliers along shortest augmenting chains "supplier a gives client u to supplier
// b" until every supplier is within capacity. The chains are found by Dijkstra with node
// potentials over suppliers only: the arc a -> b costs the cheapest move of any client now at
// a, kept in a lazy heap per (a, b). A unit-level network simplex (LEMON) spends its pivots on
// the tens of thousands of clients, most of which never move; here they are touched only
// when they do. After each search every chain of zero reduced cost is moved before the next
// search (as in the primal-dual method). Deterministic: ties go to the lower supplier, then
// the lower client.
#include <cstdint>
#include <utility>
#include <vector>

namespace apreptis::model {

struct TransportArc {
    std::uint32_t supplier = 0;
    long long cost = 0; ///< >= 0
};

struct TransportProblem {
    std::vector<long long> demand;      ///< per client, >= 0
    std::vector<std::uint32_t> first;   ///< CSR: client c's arcs are [first[c], first[c+1])
    std::vector<TransportArc> arcs;     ///< per client, ascending cost, then supplier
    std::vector<long long> capacity;    ///< per supplier, >= 0
    long long unserved_cost = 0;        ///< above any chain of moves (e.g. 1e12 for tenths of seconds)
};

struct TransportFlow {
    std::uint32_t client = 0, supplier = 0;
    long long amount = 0; ///< > 0
};

struct TransportSolution {
    std::vector<TransportFlow> flows; ///< ascending client, then supplier
    std::vector<long long> unserved;  ///< per client
    long long total_cost = 0;         ///< sum over flows of amount x cost (unserved not included)
    std::size_t augmentations = 0;    ///< chains moved (0: the cheapest supplier of everyone fits)
    std::size_t searches = 0;         ///< shortest-path searches (each followed by every chain of equal cost)
};

TransportSolution solve_transport(const TransportProblem& problem);

} // namespace apreptis::model
