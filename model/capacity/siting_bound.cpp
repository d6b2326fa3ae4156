#include "model/capacity/siting_bound.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <queue>
#include <map>
#include <unordered_map>

#include "model/optim/max_flow.hpp"
#include "model/parallel.hpp"

namespace apreptis::model {

namespace {

using Groups = DemandGroups;

/// Grid cells of cell_m: a cell reaches a supplier when any of its units does (a relaxation).
Groups cell_groups(const RoutingIndex& routing, const Demand& d, const ReachMatrix& providers,
                   const ReachMatrix& candidates, const SitingSettings& st, double cell_m) {
    Groups g;
    const auto& units = routing.units();
    std::unordered_map<std::int64_t, std::uint32_t> group_of_cell;
    std::vector<std::uint32_t> group(units.size(), UINT32_MAX);
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (d.per_unit[u] <= 0) continue;
        const auto cx = static_cast<std::int64_t>(std::floor(units[u].point.x / cell_m));
        const auto cy = static_cast<std::int64_t>(std::floor(units[u].point.y / cell_m));
        auto [it, fresh] = group_of_cell.try_emplace((cx << 32) ^ (cy & 0xffffffff), static_cast<std::uint32_t>(g.demand.size()));
        if (fresh) g.demand.push_back(0);
        group[u] = it->second;
        g.demand[it->second] += d.per_unit[u];
    }
    std::vector<std::uint32_t> seen(g.demand.size(), UINT32_MAX);
    auto groups_of = [&](std::span<const ReachEntry> row, std::uint32_t supplier) {
        std::vector<std::uint32_t> gs;
        for (const ReachEntry& e : row)
            if (e.time_s <= st.threshold_s && group[e.unit] != UINT32_MAX && seen[group[e.unit]] != supplier) {
                seen[group[e.unit]] = supplier;
                gs.push_back(group[e.unit]);
            }
        g.arcs += gs.size();
        return gs;
    };
    for (std::size_t j = 0; j < providers.points(); ++j) g.reach.push_back(groups_of(providers.row(j), static_cast<std::uint32_t>(j)));
    for (std::size_t c = 0; c < candidates.points(); ++c)
        g.reach.push_back(groups_of(candidates.row(c), static_cast<std::uint32_t>(providers.points() + c)));
    char basis[120];
    std::snprintf(basis, sizeof basis, "%.0f m demand cells, %zu cells", cell_m, g.demand.size());
    g.basis = basis;
    return g;
}

/// The max flow: groups -> providers (their places) or candidates (places each) -> one arc
/// "new sites" of k x places -> sink; amounts rounded up to thousandths, so still a bound.
double flow_bound(const Groups& g, const Supply& supply, std::size_t p, const SitingSettings& st) {
    constexpr double scale = 1000;
    auto up = [&](double v) { return static_cast<long long>(std::ceil(v * scale)); };
    MaxFlow flow;
    const int source = flow.add_node(), sink = flow.add_node(), new_sites = flow.add_node();
    flow.add_arc(new_sites, sink, up(st.places * static_cast<double>(st.k)));
    std::vector<int> node(g.demand.size());
    for (std::size_t i = 0; i < g.demand.size(); ++i) {
        node[i] = flow.add_node();
        flow.add_arc(source, node[i], up(g.demand[i]));
    }
    for (std::size_t s = 0; s < g.reach.size(); ++s) {
        if (g.reach[s].empty()) continue;
        const int n = flow.add_node();
        for (std::uint32_t i : g.reach[s]) flow.add_arc(node[i], n, up(g.demand[i]));
        flow.add_arc(n, s < p ? sink : new_sites, up(s < p ? supply.capacity[s] : st.places));
    }
    return static_cast<double>(flow.solve(source, sink)) / scale;
}

/// The Lagrangian dual, demand rows relaxed with prices lambda in [0, 1]:
/// L(lambda) = sum_g lambda_g D_g + sum_providers K_j + (the k largest K_c of the candidates),
/// K_s = max sum_g (1 - lambda_g) y_gs, sum_g y_gs <= places_s, 0 <= y_gs <= D_g (a fractional
/// knapsack). Every L(lambda) bounds the optimum; subgradient steps lower it.
double lagrangian_bound(const Groups& g, const Supply& supply, std::size_t p, const SitingSettings& st, double found) {
    const std::size_t n = g.reach.size(), ng = g.demand.size();
    std::vector<double> lambda(ng, 0.0), served(ng, 0.0);
    auto places = [&](std::size_t s) { return s < p ? supply.capacity[s] : st.places; };
    // the knapsack of supplier s; `take` (when given) adds what it serves per group
    auto knapsack = [&](std::size_t s, std::vector<std::pair<double, std::uint32_t>>& buf, std::vector<double>* take) {
        buf.clear();
        double reachable = 0;
        for (std::uint32_t i : g.reach[s])
            if (lambda[i] < 1) {
                buf.push_back({1 - lambda[i], i});
                reachable += g.demand[i];
            }
        double left = places(s), v = 0;
        if (reachable > left) std::sort(buf.begin(), buf.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [price, i] : buf) {
            if (left <= 0) break;
            const double y = std::min(left, g.demand[i]);
            v += price * y;
            left -= y;
            if (take) (*take)[i] += y;
        }
        return v;
    };
    // prices start at 1/2 and the step factor at 2 (Held and Karp's): at Kaunas size 40 steps
    // then reach what 60 from 0 with factor 1 did (gap 3.8 % against 3.9 %)
    std::fill(lambda.begin(), lambda.end(), 0.5);
    double best = INFINITY, mu = 2.0;
    int since_better = 0;
    const std::size_t parts = 8;
    for (std::size_t step = 0; step < st.bound_steps; ++step) {
        // the k largest knapsacks without solving them all: each candidate's value is at most
        // min(sum of its prices x demand, its places); solve them in that order and stop when the
        // k-th best solved is at least the next one's ceiling (exact, and most need no sort)
        std::vector<double> ceiling(n, 0.0);
        std::vector<std::function<void()>> jobs;
        for (std::size_t k = 0; k < parts; ++k)
            jobs.push_back([&, k] {
                for (std::size_t s = p + (n - p) * k / parts; s < p + (n - p) * (k + 1) / parts; ++s) {
                    double sum = 0;
                    for (std::uint32_t i : g.reach[s]) sum += (1 - lambda[i]) * g.demand[i];
                    ceiling[s] = std::min(sum, places(s));
                }
            });
        run_in_parallel(jobs);
        std::vector<std::size_t> order(n - p);
        std::iota(order.begin(), order.end(), p);
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return ceiling[a] > ceiling[b] || (ceiling[a] == ceiling[b] && a < b); });
        const std::size_t k = std::min(st.k, order.size());
        std::vector<std::size_t> open; // the solved, best first
        {
            std::vector<std::pair<double, std::uint32_t>> buf;
            std::vector<std::pair<double, std::size_t>> solved;
            std::priority_queue<double, std::vector<double>, std::greater<>> top; // the k best values solved
            for (std::size_t s : order) {
                if (top.size() >= k && top.top() >= ceiling[s]) break;
                const double v = knapsack(s, buf, nullptr);
                solved.push_back({v, s});
                top.push(v);
                if (top.size() > k) top.pop();
            }
            std::sort(solved.begin(), solved.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
            for (std::size_t i = 0; i < k && i < solved.size(); ++i) open.push_back(solved[i].second);
        }
        for (std::size_t s = 0; s < p; ++s) open.push_back(s);
        double L = 0;
        for (std::size_t i = 0; i < ng; ++i) L += lambda[i] * g.demand[i];
        std::fill(served.begin(), served.end(), 0.0);
        std::vector<std::pair<double, std::uint32_t>> buf;
        for (std::size_t s : open) L += knapsack(s, buf, &served);
        if (step == 0 || L < best - 1e-9 * std::max(1.0, best)) {
            best = L;
            since_better = 0;
        } else if (++since_better >= 4) {
            mu /= 2;
            since_better = 0;
        }
        double norm = 0;
        std::vector<double> sub(ng);
        for (std::size_t i = 0; i < ng; ++i) {
            sub[i] = g.demand[i] - served[i];
            if ((lambda[i] <= 0 && sub[i] > 0) || (lambda[i] >= 1 && sub[i] < 0)) sub[i] = 0; // projected
            norm += sub[i] * sub[i];
        }
        if (norm <= 0 || best - found <= 1e-9 * std::max(1.0, found)) break; // no better bound to find
        const double t = mu * std::max(L - found, 1e-6 * std::max(1.0, found)) / norm;
        for (std::size_t i = 0; i < ng; ++i) lambda[i] = std::clamp(lambda[i] - t * sub[i], 0.0, 1.0);
    }
    return best;
}

} // namespace

DemandGroups same_reach_groups(const Demand& d, const ReachMatrix& providers, const ReachMatrix& candidates,
                               const SitingSettings& st) {
    DemandGroups g;
    const std::size_t p = providers.points(), n = p + candidates.points();
    auto row = [&](std::size_t s) { return s < p ? providers.row(s) : candidates.row(s - p); };
    std::size_t arcs = 0;
    for (std::size_t s = 0; s < n; ++s)
        for (const ReachEntry& e : row(s)) arcs += e.time_s <= st.threshold_s && d.per_unit[e.unit] > 0;
    if (arcs > st.bound_arcs) return g;
    std::vector<std::vector<std::uint32_t>> suppliers(d.per_unit.size());
    for (std::size_t s = 0; s < n; ++s)
        for (const ReachEntry& e : row(s))
            if (e.time_s <= st.threshold_s && d.per_unit[e.unit] > 0) suppliers[e.unit].push_back(static_cast<std::uint32_t>(s));
    std::map<std::vector<std::uint32_t>, std::uint32_t> group_of;
    g.reach.resize(n);
    g.group_of_unit.assign(d.per_unit.size(), UINT32_MAX);
    for (std::size_t u = 0; u < suppliers.size(); ++u) {
        if (suppliers[u].empty()) continue; // reached by no supplier: never served
        auto [it, fresh] = group_of.try_emplace(suppliers[u], static_cast<std::uint32_t>(g.demand.size()));
        if (fresh) {
            g.demand.push_back(0);
            for (std::uint32_t s : suppliers[u]) g.reach[s].push_back(it->second);
            g.arcs += suppliers[u].size();
        }
        g.demand[it->second] += d.per_unit[u];
        g.group_of_unit[u] = it->second;
    }
    g.basis = std::to_string(g.demand.size()) + " groups of units with the same sites in reach";
    return g;
}

SitingBound coverage_bound(const RoutingIndex& routing, const Demand& d, const Supply& supply, const ReachMatrix& providers,
                           const ReachMatrix& candidates, const SitingSettings& st, double found) {
    Groups g = same_reach_groups(d, providers, candidates, st);
    // cells of 1/12 of the reach radius: at Kaunas size about 10,000 cells, a bound within 4 %
    // of the answer (cells of 1/8 gave 5.5-6 %, docs/PERFORMANCE.md)
    double cell = std::max(25.0, st.threshold_s * st.walk_mps / 12);
    for (int attempt = 0; g.reach.empty() && attempt < 10; ++attempt, cell *= 2) {
        g = cell_groups(routing, d, providers, candidates, st, cell);
        if (g.arcs > st.bound_arcs && attempt < 9) g.reach.clear(); // coarser cells: a looser but quicker bound
    }
    const std::size_t p = providers.points();
    const double flow = flow_bound(g, supply, p, st);
    const double lagrange = lagrangian_bound(g, supply, p, st, found);
    // the Lagrangian sums in floating point: a relative hair added keeps it a bound
    const double lagrange_safe = lagrange + 1e-9 * std::max(1.0, lagrange);
    SitingBound b;
    b.value = std::min({flow, lagrange_safe, d.total});
    b.basis = std::string(lagrange_safe < flow ? "Lagrangian dual of the LP relaxation (sites' places and cardinality kept)"
                                               : "LP relaxation solved as a max flow (new sites share k x places)") +
              " over " + g.basis;
    return b;
}

} // namespace apreptis::model
