#include "geo/routing/travel_query.hpp"

#include <queue>

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
    const Csr& g = direction == Direction::from_seeds ? m_net.forward : m_net.backward;
    using Item = std::pair<float, NodeId>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    for (const Seed& s : seeds) {
        if (s.time_s > cutoff_s) continue;
        if (m_stamp[s.node] != m_round || s.time_s < m_time[s.node]) {
            m_stamp[s.node] = m_round;
            m_time[s.node] = s.time_s;
            m_length[s.node] = s.length_m;
            m_label[s.node] = s.label;
            heap.push({s.time_s, s.node});
        }
    }
    while (!heap.empty()) {
        auto [t, u] = heap.top();
        heap.pop();
        if (t > m_time[u]) continue; // stale entry
        ++m_settled;
        for (std::uint32_t a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
            const NodeId v = g.head[a];
            const float nt = t + g.time_s[a];
            if (nt > cutoff_s) continue;
            if (m_stamp[v] != m_round || nt < m_time[v]) {
                m_stamp[v] = m_round;
                m_time[v] = nt;
                m_length[v] = m_length[u] + g.length_m[a];
                m_label[v] = m_label[u];
                heap.push({nt, v});
            }
        }
    }
}

} // namespace apreptis::geo
