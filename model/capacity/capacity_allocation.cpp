#include "model/capacity/capacity_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/preconditions.hpp"
#include "model/optim/transport_flow.hpp"


namespace apreptis::model {

namespace {

/// Cost of leaving a unit of demand unserved, in tenths of a second: above any sum of
/// rerouting times along a path (each leg under a day, at most every provider once), so the
/// flow serves as much as it can before it looks at time.
constexpr long long unserved_cost = 1'000'000'000'000LL;
constexpr double flow_scale = 1000.0; // thousandths of a person
constexpr double cost_scale = 10.0;   // tenths of a second

/// The problem in canonical order as integers, solved by the transportation solver.
struct Solved {
    std::vector<double> served;   // per unit, persons
    std::vector<double> realised; // per canonical provider
    std::vector<std::vector<std::pair<std::uint32_t, double>>> flows; // per canonical provider
    double total_time_s = 0;
    bool rerouted = false;
    std::size_t augmentations = 0;
};

/// Unit-major arcs in canonical order (CSR, one block per unit, nearest first): built by
/// counting rather than a vector per unit, as siting solves this for every trial.
struct UnitArcs {
    struct Arc {
        std::uint32_t provider;
        float time_s;
    };
    std::vector<std::uint32_t> first;
    std::vector<Arc> arcs;
    UnitArcs(const std::vector<double>& demand, const ReachMatrix& reach, double threshold_s,
             const std::vector<std::uint32_t>& canonical_of_row) {
        first.assign(demand.size() + 1, 0);
        auto used = [&](const ReachEntry& e) { return e.time_s <= threshold_s && demand[e.unit] > 0; };
        for (const ReachEntry& e : reach.entries)
            if (used(e)) ++first[e.unit + 1];
        for (std::size_t u = 1; u < first.size(); ++u) first[u] += first[u - 1];
        arcs.resize(first.back());
        std::vector<std::uint32_t> pos(first.begin(), first.end() - 1);
        for (std::size_t r = 0; r < reach.points(); ++r)
            for (const ReachEntry& e : reach.row(r))
                if (used(e)) arcs[pos[e.unit]++] = {canonical_of_row[r], e.time_s};
        auto before = [](const Arc& x, const Arc& y) {
            return x.time_s < y.time_s || (x.time_s == y.time_s && x.provider < y.provider);
        };
        for (std::size_t u = 0; u + 1 < first.size(); ++u) { // a few arcs each: insertion sort
            for (std::uint32_t i = first[u] + 1; i < first[u + 1]; ++i)
                for (std::uint32_t j = i; j > first[u] && before(arcs[j], arcs[j - 1]); --j) std::swap(arcs[j], arcs[j - 1]);
        }
    }
    bool empty(std::size_t u) const { return first[u] == first[u + 1]; }
    const Arc& nearest(std::size_t u) const { return arcs[first[u]]; }
    float time_to(std::size_t u, std::uint32_t provider) const {
        for (std::uint32_t k = first[u]; k < first[u + 1]; ++k)
            if (arcs[k].provider == provider) return arcs[k].time_s;
        return 0;
    }
};

Solved solve_flow(const std::vector<double>& demand, const std::vector<double>& capacity, const ReachMatrix& reach,
                  double threshold_s, const std::vector<std::uint32_t>& canonical_of_row) {
    const std::size_t units = demand.size(), providers = capacity.size();
    const UnitArcs arcs(demand, reach, threshold_s, canonical_of_row);
    Solved out;
    out.served.assign(units, 0);
    out.realised.assign(providers, 0);
    out.flows.resize(providers);
    // Everyone at the nearest provider: optimal when no provider is over capacity.
    for (std::size_t u = 0; u < units; ++u)
        if (!arcs.empty(u)) out.realised[arcs.nearest(u).provider] += demand[u];
    bool over = false;
    for (std::size_t j = 0; j < providers; ++j) over = over || out.realised[j] > capacity[j];
    if (!over) {
        for (std::size_t u = 0; u < units; ++u) {
            if (arcs.empty(u)) continue;
            out.served[u] = demand[u];
            out.flows[arcs.nearest(u).provider].push_back({static_cast<std::uint32_t>(u), demand[u]});
            out.total_time_s += demand[u] * arcs.nearest(u).time_s;
        }
        return out;
    }
    out.rerouted = true;
    std::fill(out.realised.begin(), out.realised.end(), 0.0);
    // Min-cost flow in integers (exact): units supply their demand to providers within reach
    // (capacity) or leave it unserved (at a cost above any rerouting).
    TransportProblem tp;
    tp.unserved_cost = unserved_cost;
    tp.demand.resize(units);
    tp.first = arcs.first;
    tp.arcs.reserve(arcs.arcs.size());
    for (std::size_t u = 0; u < units; ++u) tp.demand[u] = arcs.empty(u) ? 0 : std::llround(demand[u] * flow_scale);
    for (const auto& a : arcs.arcs) tp.arcs.push_back({a.provider, std::llround(a.time_s * cost_scale)});
    tp.capacity.resize(providers);
    for (std::size_t j = 0; j < providers; ++j)
        tp.capacity[j] = static_cast<long long>(std::floor(capacity[j] * flow_scale)); // never above capacity
    const TransportSolution sol = solve_transport(tp);
    out.augmentations = sol.augmentations;
    for (const TransportFlow& f : sol.flows) { // ascending unit, so each provider's flows are too
        const double persons = static_cast<double>(f.amount) / flow_scale;
        out.served[f.client] += persons;
        out.flows[f.supplier].push_back({f.client, persons});
        out.realised[f.supplier] += persons;
        out.total_time_s += persons * arcs.time_to(f.client, f.supplier);
    }
    // a unit with nothing unserved is served in full (its demand, not its rounded thousandths)
    for (std::size_t u = 0; u < units; ++u) {
        if (arcs.empty(u)) continue;
        out.served[u] = sol.unserved[u] == 0 ? demand[u] : std::min(out.served[u], demand[u]);
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
    r.augmentations = solved.augmentations;
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
