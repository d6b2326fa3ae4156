#include "geo/routing/travel_query.hpp"

#include <algorithm>

namespace apreptis::geo {

TravelQuery::TravelQuery(const RoadNetwork& network)
    : m_net(network), m_time(network.node_count()), m_length(network.node_count()),
      m_label(network.node_count()), m_stamp(network.node_count(), 0) {}

void TravelQuery::run(std::span<const Seed> seeds, Direction direction, float cutoff_s) {
    // Timestamps instead of clearing n entries per query (RoutingKit's TimestampFlags idea).
    if (++m_round == 0) {
        std::fill(m_stamp.begin(), m_stamp.end(), 0);
        m_round = 1;
    }
    m_settled = 0;
    m_reached.clear();
    m_heap.clear(); // buffers are kept between runs: no allocation once they have grown
    const Csr& g = direction == Direction::from_seeds ? m_net.forward : m_net.backward;
    auto later = [](const Item& a, const Item& b) { return a > b; }; // ties: lower node first, deterministic
    auto touch = [&](NodeId v, float t, float len, std::uint32_t label) {
        if (m_stamp[v] != m_round) m_reached.push_back(v);
        m_stamp[v] = m_round;
        m_time[v] = t;
        m_length[v] = len;
        m_label[v] = label;
        m_heap.push_back({t, v});
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    };
    for (const Seed& s : seeds) {
        if (s.time_s > cutoff_s) continue;
        if (m_stamp[s.node] != m_round || s.time_s < m_time[s.node]) touch(s.node, s.time_s, s.length_m, s.label);
    }
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        const auto [t, u] = m_heap.back();
        m_heap.pop_back();
        if (t > m_time[u]) continue; // stale entry
        ++m_settled;
        for (std::uint32_t a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
            const NodeId v = g.head[a];
            const float nt = t + g.time_s[a];
            if (nt > cutoff_s) continue;
            if (m_stamp[v] != m_round || nt < m_time[v]) touch(v, nt, m_length[u] + g.length_m[a], m_label[u]);
        }
    }
}

} // namespace apreptis::geo
