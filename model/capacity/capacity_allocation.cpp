#include "model/capacity/capacity_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/preconditions.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

namespace apreptis::model {

namespace {

/// Cost of leaving a unit of demand unserved, in tenths of a second: above any sum of
/// rerouting times along a path (each leg under a day, at most every provider once), so the
/// flow serves as much as it can before it looks at time.
constexpr long long unserved_cost = 1'000'000'000'000LL;
constexpr double flow_scale = 1000.0; // thousandths of a person
constexpr double cost_scale = 10.0;   // tenths of a second

/// The problem in canonical order as integers, solved by LEMON's network simplex.
struct Solved {
    std::vector<double> served;   // per unit, persons
    std::vector<double> realised; // per canonical provider
    std::vector<std::vector<std::pair<std::uint32_t, double>>> flows; // per canonical provider
    double total_time_s = 0;
    bool rerouted = false;
};

Solved solve_flow(const std::vector<double>& demand, const std::vector<double>& capacity, const ReachMatrix& reach,
                  double threshold_s, const std::vector<std::uint32_t>& canonical_of_row) {
    const std::size_t units = demand.size(), providers = capacity.size();
    // unit-major arcs in canonical order: (canonical provider, time, reach row)
    struct Arc {
        std::uint32_t provider;
        float time_s;
    };
    std::vector<std::vector<Arc>> arcs(units);
    for (std::size_t r = 0; r < reach.points(); ++r)
        for (const ReachEntry& e : reach.row(r))
            if (e.time_s <= threshold_s && demand[e.unit] > 0) arcs[e.unit].push_back({canonical_of_row[r], e.time_s});
    for (auto& a : arcs)
        std::sort(a.begin(), a.end(), [](const Arc& x, const Arc& y) {
            return x.time_s < y.time_s || (x.time_s == y.time_s && x.provider < y.provider);
        });
    Solved out;
    out.served.assign(units, 0);
    out.realised.assign(providers, 0);
    out.flows.resize(providers);
    // Everyone at the nearest provider: optimal when no provider is over capacity.
    for (std::size_t u = 0; u < units; ++u)
        if (!arcs[u].empty()) out.realised[arcs[u].front().provider] += demand[u];
    bool over = false;
    for (std::size_t j = 0; j < providers; ++j) over = over || out.realised[j] > capacity[j];
    if (!over) {
        for (std::size_t u = 0; u < units; ++u) {
            if (arcs[u].empty()) continue;
            out.served[u] = demand[u];
            out.flows[arcs[u].front().provider].push_back({static_cast<std::uint32_t>(u), demand[u]});
            out.total_time_s += demand[u] * arcs[u].front().time_s;
        }
        return out;
    }
    out.rerouted = true;
    std::fill(out.realised.begin(), out.realised.end(), 0.0);
    // Min-cost flow, in integers (network simplex is exact on integers): units supply their
    // demand; it reaches the sink through providers (capacity) or unserved (high cost).
    lemon::SmartDigraph g;
    std::vector<lemon::SmartDigraph::Node> unit_node(units), provider_node(providers);
    const auto sink = g.addNode();
    for (std::size_t j = 0; j < providers; ++j) provider_node[j] = g.addNode();
    std::vector<long long> supply_of(units, 0);
    for (std::size_t u = 0; u < units; ++u)
        if (!arcs[u].empty()) {
            unit_node[u] = g.addNode();
            supply_of[u] = std::llround(demand[u] * flow_scale);
        }
    lemon::SmartDigraph::ArcMap<long long> cap(g), cost(g);
    lemon::SmartDigraph::NodeMap<long long> supply(g, 0);
    std::vector<std::vector<std::pair<lemon::SmartDigraph::Arc, std::uint32_t>>> unit_arcs(units);
    std::vector<lemon::SmartDigraph::Arc> unserved_arc(units);
    long long total = 0;
    for (std::size_t u = 0; u < units; ++u) {
        if (arcs[u].empty()) continue;
        supply[unit_node[u]] = supply_of[u];
        total += supply_of[u];
        for (std::size_t k = 0; k < arcs[u].size(); ++k) {
            const auto a = g.addArc(unit_node[u], provider_node[arcs[u][k].provider]);
            cap[a] = supply_of[u];
            cost[a] = std::llround(arcs[u][k].time_s * cost_scale);
            unit_arcs[u].push_back({a, static_cast<std::uint32_t>(k)});
        }
        const auto un = g.addArc(unit_node[u], sink);
        cap[un] = supply_of[u];
        cost[un] = unserved_cost;
        unserved_arc[u] = un;
    }
    std::vector<lemon::SmartDigraph::Arc> to_sink(providers);
    for (std::size_t j = 0; j < providers; ++j) {
        to_sink[j] = g.addArc(provider_node[j], sink);
        cap[to_sink[j]] = static_cast<long long>(std::floor(capacity[j] * flow_scale)); // never above capacity
        cost[to_sink[j]] = 0;
    }
    supply[sink] = -total;
    lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    if (ns.run() != decltype(ns)::OPTIMAL) throw std::logic_error("capacity allocation: the min-cost flow has no optimum");
    for (std::size_t u = 0; u < units; ++u)
        for (const auto& [a, k] : unit_arcs[u]) {
            const long long f = ns.flow(a);
            if (f <= 0) continue;
            const double persons = static_cast<double>(f) / flow_scale;
            out.served[u] += persons;
            out.flows[arcs[u][k].provider].push_back({static_cast<std::uint32_t>(u), persons});
            out.realised[arcs[u][k].provider] += persons;
            out.total_time_s += persons * arcs[u][k].time_s;
        }
    // a unit with nothing unserved is served in full (its demand, not its rounded thousandths)
    for (std::size_t u = 0; u < units; ++u) {
        if (arcs[u].empty()) continue;
        out.served[u] = ns.flow(unserved_arc[u]) == 0 ? demand[u] : std::min(out.served[u], demand[u]);
    }
    return out;
}

} // namespace

AllocationResult allocate_capacity(const std::vector<double>& demand, const std::vector<double>& capacity,
                                   const ReachMatrix& reach, double threshold_s,
                                   const std::vector<std::string>& provider_keys) {
    geo::require(capacity.size() == reach.points() && provider_keys.size() == capacity.size(),
                 "allocate_capacity: one capacity and key per reach row");
    for (double d : demand) geo::require(std::isfinite(d) && d >= 0, "allocate_capacity: demand >= 0");
    for (double c : capacity) geo::require(std::isfinite(c) && c >= 0, "allocate_capacity: capacity >= 0");
    // canonical provider order: by key, then by row (equal keys keep their order)
    std::vector<std::uint32_t> order(capacity.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return provider_keys[a] < provider_keys[b]; });
    std::vector<std::uint32_t> canonical_of_row(capacity.size());
    std::vector<double> canonical_capacity(capacity.size());
    for (std::uint32_t c = 0; c < order.size(); ++c) {
        canonical_of_row[order[c]] = c;
        canonical_capacity[c] = capacity[order[c]];
    }
    Solved solved = solve_flow(demand, canonical_capacity, reach, threshold_s, canonical_of_row);
    AllocationResult r;
    r.rerouted = solved.rerouted;
    const std::size_t units = demand.size();
    std::vector<char> reachable(units, 0);
    for (std::size_t row = 0; row < reach.points(); ++row)
        for (const ReachEntry& e : reach.row(row))
            if (e.time_s <= threshold_s) reachable[e.unit] = 1;
    r.served = std::move(solved.served);
    r.no_capacity.assign(units, 0);
    r.too_far.assign(units, 0);
    for (std::uint32_t u = 0; u < units; ++u) {
        if (demand[u] <= 0) continue;
        if (!reachable[u]) r.too_far[u] = demand[u];
        else r.no_capacity[u] = demand[u] - r.served[u];
    }
    r.realised.resize(capacity.size());
    r.residual.resize(capacity.size());
    r.flows.resize(capacity.size());
    for (std::size_t row = 0; row < capacity.size(); ++row) {
        r.flows[row] = std::move(solved.flows[canonical_of_row[row]]);
        r.realised[row] = solved.realised[canonical_of_row[row]];
        r.residual[row] = std::max(0.0, capacity[row] - r.realised[row]);
    }
    r.total_time_s = solved.total_time_s;
    return r;
}

} // namespace apreptis::model
