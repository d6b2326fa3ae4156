#include "model/capacity/capacity_allocation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/preconditions.hpp"

namespace apreptis::model {

namespace {

/// Cost of leaving a unit of demand unserved: above any sum of rerouting times (a path
/// alternates at most every provider once, each leg under a day), so the flow serves as much
/// as it can before it looks at time.
constexpr double unserved_cost = 1e9;
constexpr double eps = 1e-9;
constexpr std::uint32_t no_arc = UINT32_MAX;        // a search source
constexpr std::uint32_t to_outlet = UINT32_MAX - 1; // unit -> unserved

struct Arc {
    std::uint32_t provider; ///< canonical index
    double cost;
    double flow = 0;
};

/// The flow problem in canonical order, and its solver.
class Flow {
public:
    Flow(const std::vector<double>& demand, const std::vector<double>& capacity, const ReachMatrix& reach,
         double threshold_s, const std::vector<std::uint32_t>& canonical_of_row)
        : m_units(demand.size()), m_providers(capacity.size()), m_demand(demand) {
        // unit-major arcs, each unit's in (cost, provider) order: the first is its nearest
        std::vector<std::uint32_t> count(m_units + 1, 0);
        for (std::size_t r = 0; r < reach.points(); ++r)
            for (const ReachEntry& e : reach.row(r))
                if (e.time_s <= threshold_s && demand[e.unit] > 0) count[e.unit + 1]++;
        m_first.assign(count.begin(), count.end());
        std::partial_sum(m_first.begin(), m_first.end(), m_first.begin());
        m_arcs.resize(m_first.back());
        std::vector<std::uint32_t> pos(m_first.begin(), m_first.end() - 1);
        for (std::size_t r = 0; r < reach.points(); ++r)
            for (const ReachEntry& e : reach.row(r))
                if (e.time_s <= threshold_s && demand[e.unit] > 0)
                    m_arcs[pos[e.unit]++] = {canonical_of_row[r], static_cast<double>(e.time_s)};
        for (std::size_t u = 0; u < m_units; ++u)
            std::sort(m_arcs.begin() + m_first[u], m_arcs.begin() + m_first[u + 1], [](const Arc& a, const Arc& b) {
                return a.cost < b.cost || (a.cost == b.cost && a.provider < b.provider);
            });
        // provider -> the arcs into it, for the reverse (rerouting) arcs
        std::vector<std::uint32_t> in(m_providers + 1, 0);
        for (const Arc& a : m_arcs) in[a.provider + 1]++;
        m_in_first.assign(in.begin(), in.end());
        std::partial_sum(m_in_first.begin(), m_in_first.end(), m_in_first.begin());
        m_in_arcs.resize(m_arcs.size());
        m_arc_unit.resize(m_arcs.size());
        std::vector<std::uint32_t> ipos(m_in_first.begin(), m_in_first.end() - 1);
        for (std::uint32_t u = 0; u < m_units; ++u)
            for (std::uint32_t a = m_first[u]; a < m_first[u + 1]; ++a) {
                m_in_arcs[ipos[m_arcs[a].provider]++] = a;
                m_arc_unit[a] = u;
            }
        m_capacity = capacity;
    }

    void solve(AllocationResult& out) {
        // Start: all demand at the nearest provider; potentials make every residual arc's
        // reduced cost >= 0 (units: -nearest cost, providers and terminals: 0).
        m_load.assign(m_providers, 0);
        m_out.assign(m_units, 0);
        m_potential.assign(m_units + m_providers + 1, 0);
        for (std::uint32_t u = 0; u < m_units; ++u) {
            if (m_first[u] == m_first[u + 1]) continue;
            Arc& nearest = m_arcs[m_first[u]];
            nearest.flow = m_demand[u];
            m_load[nearest.provider] += m_demand[u];
            m_potential[u] = -nearest.cost;
        }
        while (reroute_once()) ++out.augmentations;
    }

    double flow_to(std::uint32_t canonical) const { return m_load[canonical]; }
    double unserved(std::uint32_t u) const { return m_out[u]; }
    bool reachable(std::uint32_t u) const { return m_first[u] != m_first[u + 1]; }
    double served(std::uint32_t u) const {
        double s = 0;
        for (std::uint32_t a = m_first[u]; a < m_first[u + 1]; ++a) s += m_arcs[a].flow;
        return s;
    }
    /// (unit, flow) into each canonical provider.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> flows() const {
        std::vector<std::vector<std::pair<std::uint32_t, double>>> out(m_providers);
        for (std::size_t a = 0; a < m_arcs.size(); ++a)
            if (m_arcs[a].flow > 0) out[m_arcs[a].provider].push_back({m_arc_unit[a], m_arcs[a].flow});
        return out;
    }
    double total_time() const {
        double t = 0;
        for (const Arc& a : m_arcs) t += a.flow * a.cost;
        return t;
    }

private:
    // node ids: units [0, U), providers [U, U + P), the unserved outlet U + P
    std::uint32_t provider_node(std::uint32_t j) const { return static_cast<std::uint32_t>(m_units) + j; }
    std::uint32_t out_node() const { return static_cast<std::uint32_t>(m_units + m_providers); }
    double excess(std::uint32_t j) const { return m_load[j] - m_capacity[j]; }

    /// One shortest path from the full providers to spare capacity (or to the unserved outlet),
    /// and the flow pushed along it. False when no provider is over capacity.
    bool reroute_once() {
        const std::size_t n = m_units + m_providers + 1;
        constexpr double inf = std::numeric_limits<double>::infinity();
        if (m_dist.size() != n) {
            m_dist.assign(n, inf);
            m_pred_arc.assign(n, 0);
            m_pred_node.assign(n, 0);
            m_done.assign(n, 0);
        }
        using Item = std::pair<double, std::uint32_t>;
        std::vector<Item>& heap = m_heap;
        heap.clear();
        auto later = [](const Item& a, const Item& b) { return a > b; };
        m_touched.clear();
        auto relax = [&](std::uint32_t v, double d, std::uint32_t from, std::uint32_t arc) {
            if (d >= m_dist[v]) return;
            if (m_dist[v] == inf) m_touched.push_back(v);
            m_dist[v] = d;
            m_pred_node[v] = from;
            m_pred_arc[v] = arc;
            heap.push_back({d, v});
            std::push_heap(heap.begin(), heap.end(), later);
        };
        bool any = false;
        for (std::uint32_t j = 0; j < m_providers; ++j)
            if (excess(j) > eps * std::max(1.0, m_capacity[j])) {
                relax(provider_node(j), 0, provider_node(j), no_arc);
                any = true;
            }
        if (!any) return false;
        std::uint32_t terminal = UINT32_MAX; // a provider with spare capacity, or the outlet
        double terminal_dist = inf;
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), later);
            const auto [d, v] = heap.back();
            heap.pop_back();
            if (m_done[v] || d > m_dist[v]) continue;
            if (d >= terminal_dist) break;
            m_done[v] = 1;
            if (v == out_node()) {
                terminal = v;
                terminal_dist = d;
                break;
            }
            if (v >= m_units) { // a provider: spare capacity ends the path; else reroute its units
                const std::uint32_t j = v - static_cast<std::uint32_t>(m_units);
                if (excess(j) < -eps) {
                    terminal = v;
                    terminal_dist = d;
                    break;
                }
                for (std::uint32_t k = m_in_first[j]; k < m_in_first[j + 1]; ++k) {
                    const std::uint32_t a = m_in_arcs[k];
                    if (m_arcs[a].flow <= eps) continue;
                    const std::uint32_t u = m_arc_unit[a];
                    relax(u, d + (-m_arcs[a].cost + m_potential[v] - m_potential[u]), v, a);
                }
            } else { // a unit: to any provider it reaches, or unserved
                const std::uint32_t u = v;
                for (std::uint32_t a = m_first[u]; a < m_first[u + 1]; ++a) {
                    const std::uint32_t w = provider_node(m_arcs[a].provider);
                    relax(w, d + (m_arcs[a].cost + m_potential[u] - m_potential[w]), u, a);
                }
                relax(out_node(), d + (unserved_cost + m_potential[u] - m_potential[out_node()]), u, to_outlet);
            }
        }
        if (terminal == UINT32_MAX) { // cannot happen: the outlet is always reachable
            reset_search();
            return false;
        }
        // the path, terminal first; how much can move along it
        m_path.clear();
        for (std::uint32_t v = terminal;; v = m_pred_node[v]) {
            m_path.push_back(v);
            if (m_pred_arc[v] == no_arc) break; // a source: a provider over capacity
        }
        const std::uint32_t source = m_path.back();
        double push = excess(source - static_cast<std::uint32_t>(m_units));
        if (terminal != out_node()) push = std::min(push, -excess(terminal - static_cast<std::uint32_t>(m_units)));
        for (std::uint32_t v : m_path)
            if (v < m_units) push = std::min(push, m_arcs[m_pred_arc[v]].flow); // reverse arc into a unit
        for (std::uint32_t v : m_path) {
            if (v == source) break;
            if (v == out_node()) m_out[m_pred_node[v]] += push;
            else if (v < m_units) m_arcs[m_pred_arc[v]].flow -= push; // the unit leaves that provider
            else m_arcs[m_pred_arc[v]].flow += push;                  // ... and goes to this one
        }
        m_load[source - static_cast<std::uint32_t>(m_units)] -= push;
        if (terminal != out_node()) m_load[terminal - static_cast<std::uint32_t>(m_units)] += push;
        // potentials: p += min(dist, D) for every node keeps every reduced cost >= 0. Only
        // differences matter, so the nodes the search never touched (+D) stay and the
        // touched ones move by min(dist, D) - D.
        for (std::uint32_t t : m_touched) m_potential[t] += std::min(m_dist[t], terminal_dist) - terminal_dist;
        reset_search();
        return true;
    }

    void reset_search() {
        for (std::uint32_t t : m_touched) {
            m_dist[t] = std::numeric_limits<double>::infinity();
            m_done[t] = 0;
        }
    }

    std::size_t m_units, m_providers;
    const std::vector<double>& m_demand;
    std::vector<double> m_capacity;
    std::vector<std::uint32_t> m_first;
    std::vector<Arc> m_arcs;
    std::vector<std::uint32_t> m_in_first, m_in_arcs, m_arc_unit;
    std::vector<double> m_load, m_out, m_potential;
    // search buffers, kept between reroutings
    std::vector<double> m_dist;
    std::vector<std::uint32_t> m_pred_arc, m_pred_node, m_touched, m_path;
    std::vector<char> m_done;
    std::vector<std::pair<double, std::uint32_t>> m_heap;
};

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
    Flow flow(demand, canonical_capacity, reach, threshold_s, canonical_of_row);
    AllocationResult r;
    flow.solve(r);
    const std::size_t units = demand.size();
    r.served.assign(units, 0);
    r.no_capacity.assign(units, 0);
    r.too_far.assign(units, 0);
    for (std::uint32_t u = 0; u < units; ++u) {
        if (demand[u] <= 0) continue;
        if (!flow.reachable(u)) {
            r.too_far[u] = demand[u];
            continue;
        }
        r.no_capacity[u] = flow.unserved(u);
        r.served[u] = demand[u] - r.no_capacity[u];
    }
    r.realised.resize(capacity.size());
    r.residual.resize(capacity.size());
    auto canonical_flows = flow.flows();
    r.flows.resize(capacity.size());
    for (std::size_t row = 0; row < capacity.size(); ++row) {
        r.flows[row] = std::move(canonical_flows[canonical_of_row[row]]);
        r.realised[row] = flow.flow_to(canonical_of_row[row]);
        r.residual[row] = std::max(0.0, capacity[row] - r.realised[row]);
    }
    r.total_time_s = flow.total_time();
    return r;
}

} // namespace apreptis::model
