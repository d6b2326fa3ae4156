#include "geo/routing/travel_query.hpp"

#include <algorithm>
#include <cstring>

namespace apreptis::geo {

namespace {

// The queue: a 4-ary min-heap of packed keys (time's bits, then node). For times >= 0 the
// IEEE bits order like the values, so the keys pop in (time, node) order, exactly as the
// binary heap of pairs before (same ties, same results) with half the depth and one compare
// per step.
std::uint64_t key(float t, NodeId v) {
    std::uint32_t bits;
    const float nonneg = t + 0.0f; // -0 -> +0
    std::memcpy(&bits, &nonneg, sizeof bits);
    return static_cast<std::uint64_t>(bits) << 32 | v;
}
float time_of(std::uint64_t k) {
    const auto bits = static_cast<std::uint32_t>(k >> 32);
    float t;
    std::memcpy(&t, &bits, sizeof t);
    return t;
}
void heap_push(std::vector<std::uint64_t>& h, std::uint64_t k) {
    std::size_t i = h.size();
    h.push_back(k);
    while (i > 0) {
        const std::size_t parent = (i - 1) / 4;
        if (h[parent] <= k) break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = k;
}
std::uint64_t heap_pop(std::vector<std::uint64_t>& h) {
    const std::uint64_t top = h.front(), last = h.back();
    h.pop_back();
    const std::size_t n = h.size();
    if (n == 0) return top;
    std::size_t i = 0;
    for (;;) {
        const std::size_t c = 4 * i + 1;
        if (c >= n) break;
        std::size_t best = c;
        const std::size_t end = std::min(c + 4, n);
        for (std::size_t j = c + 1; j < end; ++j)
            if (h[j] < h[best]) best = j;
        if (h[best] >= last) break;
        h[i] = h[best];
        i = best;
    }
    h[i] = last;
    return top;
}

} // namespace

TravelQuery::TravelQuery(const RoadNetwork& network)
    : m_net(network), m_node(network.node_count()) {}

void TravelQuery::run(std::span<const Seed> seeds, Direction direction, float cutoff_s) {
    // Timestamps instead of clearing n entries per query (RoutingKit's TimestampFlags idea).
    if (++m_round == 0) {
        for (NodeState& n : m_node) n.stamp = 0;
        m_round = 1;
    }
    m_settled = 0;
    m_reached.clear();
    m_heap.clear(); // buffers are kept between runs: no allocation once they have grown
    const Csr& g = direction == Direction::from_seeds ? m_net.forward : m_net.backward;
    // Sooner wins; at equal times the lower label (source) does, whatever order the nodes are
    // numbered or settled in (a node improved that way is settled again and passes it on).
    auto better = [&](NodeId v, float t, std::uint32_t label) {
        const NodeState& n = m_node[v];
        return n.stamp != m_round || t < n.time || (t == n.time && label < n.label);
    };
    auto touch = [&](NodeId v, float t, float len, std::uint32_t label) {
        NodeState& n = m_node[v];
        if (n.stamp != m_round) m_reached.push_back(v);
        n = {t, len, label, m_round};
        heap_push(m_heap, key(t, v));
    };
    for (const Seed& s : seeds) {
        if (s.time_s > cutoff_s) continue;
        if (better(s.node, s.time_s, s.label)) touch(s.node, s.time_s, s.length_m, s.label);
    }
    while (!m_heap.empty()) {
        const std::uint64_t k = heap_pop(m_heap);
        const float t = time_of(k);
        const auto u = static_cast<NodeId>(k & 0xffffffffu);
        if (t > m_node[u].time) continue; // stale entry
        ++m_settled;
        const NodeState here = m_node[u];
        for (std::uint32_t a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
            const Csr::Arc& arc = g.arcs[a];
            const float nt = t + arc.time_s;
            if (nt > cutoff_s) continue;
            if (better(arc.head, nt, here.label)) touch(arc.head, nt, here.length + arc.length_m, here.label);
        }
    }
}

} // namespace apreptis::geo
