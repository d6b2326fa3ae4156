#include "model/optim/transport_flow.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <unordered_map>

namespace apreptis::model {

namespace {

constexpr long long infinite = std::numeric_limits<long long>::max() / 4;
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

/// A client that could move from one node to another, at `key` = cost there - cost here.
struct Move {
    long long key;
    std::uint32_t client;
};
/// Heap order: the cheapest move on top, ties to the lower client.
bool after(const Move& a, const Move& b) { return a.key > b.key || (a.key == b.key && a.client > b.client); }

/// Nodes: suppliers 0..S-1, then Z ("unserved", unbounded, at unserved_cost) and T (the sink).
///
/// Invariant (reduced-cost optimality, checked on every arc used): with potentials pi, every
/// client's flow sits only on nodes j minimising cost(c, j) - pi[j] over its options; a
/// supplier with room has pi[j] >= pi[T], one with flow pi[j] <= pi[T]. Dijkstra on the
/// reduced costs keeps it (pi += distance, capped at the sink's), so the last flow is optimal.
class Solver {
public:
    explicit Solver(const TransportProblem& p)
        : m_p(p), m_s(static_cast<std::uint32_t>(p.capacity.size())), m_z(m_s), m_t(m_s + 1),
          m_main(p.demand.size()), m_load(m_s, 0), m_pi(m_s + 2, 0), m_out(m_s + 1) {}

    TransportSolution run() {
        start();
        TransportSolution out;
        while (search()) {
            ++out.searches;
            std::size_t moved = 0;
            while (move_chain()) ++moved;
            // a search always leaves its shortest chain at zero reduced cost: never loop on none
            if (moved == 0) throw std::logic_error("transport flow: a search left no chain to move");
            out.augmentations += moved;
        }
        out.unserved.assign(m_p.demand.size(), 0);
        std::vector<Holding> held;
        for (std::uint32_t c = 0; c < m_p.demand.size(); ++c) {
            if (m_p.first[c] == m_p.first[c + 1]) {
                out.unserved[c] = m_p.demand[c];
                continue;
            }
            held.clear();
            for_each_holding(c, [&](const Holding& h) { held.push_back(h); });
            std::sort(held.begin(), held.end(), [](const Holding& a, const Holding& b) { return a.node < b.node; });
            for (const Holding& h : held) {
                if (h.node == m_z) {
                    out.unserved[c] += h.amount;
                    continue;
                }
                out.flows.push_back({c, h.node, h.amount});
                out.total_cost += h.amount * cost(c, h.node);
            }
        }
        return out;
    }

private:
    const TransportProblem& m_p;
    const std::uint32_t m_s, m_z, m_t;
    // Per client where its demand is: one holding inline (almost every client), the rest of
    // the few clients split over several nodes in a side table.
    struct Holding {
        std::uint32_t node = none;
        long long amount = 0;
    };
    std::vector<Holding> m_main;
    std::unordered_map<std::uint32_t, std::vector<Holding>> m_more;
    std::vector<long long> m_load;                                       // per supplier
    std::vector<long long> m_pi;                                         // per node
    struct Pair {
        std::uint32_t to;
        std::vector<Move> heap;
    };
    std::vector<std::vector<Pair>> m_out;                   // per node but T: moves to other nodes
    std::unordered_map<std::uint64_t, std::uint32_t> m_slot; // (from, to) -> index into m_out[from]
    bool m_bulk = false;                                    // filling the heaps before one make_heap

    long long cost(std::uint32_t c, std::uint32_t node) const {
        if (node == m_z) return m_p.unserved_cost;
        for (std::uint32_t k = m_p.first[c]; k < m_p.first[c + 1]; ++k)
            if (m_p.arcs[k].supplier == node) return m_p.arcs[k].cost;
        throw std::logic_error("transport flow: a client is on a supplier it has no arc to");
    }
    long long amount(std::uint32_t c, std::uint32_t node) const {
        if (m_main[c].node == node) return m_main[c].amount;
        if (m_more.empty()) return 0;
        const auto it = m_more.find(c);
        if (it != m_more.end())
            for (const Holding& h : it->second)
                if (h.node == node) return h.amount;
        return 0;
    }
    template <class F> void for_each_holding(std::uint32_t c, F f) const {
        if (m_main[c].node != none) f(m_main[c]);
        if (m_more.empty()) return;
        const auto it = m_more.find(c);
        if (it != m_more.end())
            for (const Holding& h : it->second) f(h);
    }

    void push(std::uint32_t from, std::uint32_t to, long long key, std::uint32_t c) {
        const std::uint64_t id = static_cast<std::uint64_t>(from) * (m_s + 2) + to;
        auto [it, fresh] = m_slot.try_emplace(id, static_cast<std::uint32_t>(m_out[from].size()));
        if (fresh) m_out[from].push_back({to, {}});
        auto& heap = m_out[from][it->second].heap;
        heap.push_back({key, c});
        if (!m_bulk) std::push_heap(heap.begin(), heap.end(), after);
    }
    /// Client c now has flow on `node`: its possible moves from there.
    void moves_from(std::uint32_t c, std::uint32_t node) {
        const long long here = cost(c, node);
        for (std::uint32_t k = m_p.first[c]; k < m_p.first[c + 1]; ++k)
            if (m_p.arcs[k].supplier != node) push(node, m_p.arcs[k].supplier, m_p.arcs[k].cost - here, c);
        if (node != m_z) push(node, m_z, m_p.unserved_cost - here, c);
    }
    void add(std::uint32_t c, std::uint32_t node, long long a) {
        Holding& main = m_main[c];
        if (main.node == node) {
            main.amount += a;
            return;
        }
        if (main.node == none) {
            main = {node, a};
        } else {
            auto& more = m_more[c];
            auto it = std::find_if(more.begin(), more.end(), [&](const Holding& h) { return h.node == node; });
            if (it != more.end()) {
                it->amount += a;
                return;
            }
            more.push_back({node, a});
        }
        moves_from(c, node);
    }
    void take(std::uint32_t c, std::uint32_t node, long long a) {
        Holding& main = m_main[c];
        auto more = m_more.find(c);
        if (main.node == node) {
            main.amount -= a;
            if (main.amount > 0) return;
            main = {};
            if (more != m_more.end()) { // an inline holding again
                main = more->second.back();
                more->second.pop_back();
                if (more->second.empty()) m_more.erase(more);
            }
            return;
        }
        if (more != m_more.end())
            for (std::size_t i = 0; i < more->second.size(); ++i)
                if (more->second[i].node == node) {
                    more->second[i].amount -= a;
                    if (more->second[i].amount == 0) {
                        more->second.erase(more->second.begin() + static_cast<std::ptrdiff_t>(i));
                        if (more->second.empty()) m_more.erase(more);
                    }
                    return;
                }
        throw std::logic_error("transport flow: moving flow a client does not have");
    }
    /// The cheapest move still valid (the client still on `from`), or nullptr.
    const Move* top(std::uint32_t from, Pair& pair) {
        auto& heap = pair.heap;
        while (!heap.empty() && amount(heap.front().client, from) == 0) {
            std::pop_heap(heap.begin(), heap.end(), after);
            heap.pop_back();
        }
        return heap.empty() ? nullptr : &heap.front();
    }

    /// Everyone at their cheapest supplier (arcs are sorted): optimal without capacities.
    void start() {
        m_bulk = true;
        m_slot.reserve(static_cast<std::size_t>(m_s) * 8 + 16);
        for (std::uint32_t c = 0; c < m_p.demand.size(); ++c) {
            if (m_p.first[c] == m_p.first[c + 1] || m_p.demand[c] <= 0) continue;
            const std::uint32_t j = m_p.arcs[m_p.first[c]].supplier;
            add(c, j, m_p.demand[c]);
            m_load[j] += m_p.demand[c];
        }
        for (auto& pairs : m_out)
            for (auto& pair : pairs) std::make_heap(pair.heap.begin(), pair.heap.end(), after);
        m_bulk = false;
    }

    bool over(std::uint32_t j) const { return j < m_s && m_load[j] > m_p.capacity[j]; }
    bool room(std::uint32_t j) const { return j == m_z || m_load[j] < m_p.capacity[j]; }

    /// Dijkstra on reduced costs from every over-full supplier, then pi += distance (capped at
    /// the sink's): afterwards the shortest chains are exactly the chains of zero reduced cost.
    /// False when no supplier is over capacity (the flow is optimal).
    bool search() {
        const std::size_t nodes = m_s + 2;
        std::vector<long long> dist(nodes, infinite);
        std::vector<char> done(nodes, 0);
        using Item = std::pair<long long, std::uint32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        for (std::uint32_t j = 0; j < m_s; ++j)
            if (over(j)) {
                dist[j] = 0;
                queue.push({0, j});
            }
        if (queue.empty()) return false;
        auto relax = [&](std::uint32_t from, std::uint32_t to, long long reduced) {
            if (reduced < 0) throw std::logic_error("transport flow: negative reduced cost");
            const long long d = dist[from] + reduced;
            if (d < dist[to]) {
                dist[to] = d;
                queue.push({d, to});
            }
        };
        while (!queue.empty()) {
            const auto [d, a] = queue.top();
            queue.pop();
            if (done[a] || d != dist[a]) continue;
            done[a] = 1;
            if (a == m_t) break;
            if (room(a)) relax(a, m_t, m_pi[a] - m_pi[m_t]);
            for (Pair& pair : m_out[a])
                if (const Move* mv = top(a, pair)) relax(a, pair.to, mv->key + m_pi[a] - m_pi[pair.to]);
        }
        if (dist[m_t] >= infinite) throw std::logic_error("transport flow: excess with nowhere to go");
        for (std::size_t v = 0; v < nodes; ++v) m_pi[v] += std::min(dist[v], dist[m_t]);
        return true;
    }

    /// One chain of zero reduced cost from an over-full supplier to room (a supplier's or
    /// "unserved"), found depth first, moved as far as its narrowest step allows. Moving it
    /// keeps every reduced cost >= 0 (the reverse steps cost 0). False when there is none.
    bool move_chain() {
        struct Step {
            std::uint32_t from, to, client;
        };
        std::vector<Step> path;
        std::vector<char> visited(m_s + 2, 0);
        // depth first over admissible arcs; returns the node with room reached, or none
        auto dfs = [&](auto&& self, std::uint32_t a) -> std::uint32_t {
            visited[a] = 1;
            if (room(a) && m_pi[a] == m_pi[m_t]) return a;
            for (Pair& pair : m_out[a]) {
                if (visited[pair.to]) continue;
                const Move* mv = top(a, pair);
                if (!mv || mv->key + m_pi[a] - m_pi[pair.to] != 0) continue;
                path.push_back({a, pair.to, mv->client});
                const std::uint32_t end = self(self, pair.to);
                if (end != none) return end;
                path.pop_back();
            }
            return none;
        };
        for (std::uint32_t s = 0; s < m_s; ++s) {
            if (!over(s) || visited[s]) continue;
            const std::uint32_t end = dfs(dfs, s);
            if (end == none) continue;
            long long delta = m_load[s] - m_p.capacity[s];
            if (end != m_z) delta = std::min(delta, m_p.capacity[end] - m_load[end]);
            for (const Step& st : path) delta = std::min(delta, amount(st.client, st.from));
            if (delta <= 0) throw std::logic_error("transport flow: an empty chain");
            for (const Step& st : path) {
                take(st.client, st.from, delta);
                add(st.client, st.to, delta);
                if (st.from != m_z) m_load[st.from] -= delta;
                if (st.to != m_z) m_load[st.to] += delta;
            }
            return true;
        }
        return false;
    }
};

} // namespace

TransportSolution solve_transport(const TransportProblem& p) {
    if (p.first.size() != p.demand.size() + 1 || p.first.back() != p.arcs.size())
        throw std::invalid_argument("solve_transport: one arc range per client");
    return Solver(p).run();
}

} // namespace apreptis::model
