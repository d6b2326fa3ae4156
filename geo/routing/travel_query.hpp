#pragma once
// A reusable shortest-path search over a RoadNetwork: multi-source Dijkstra by travel time,
// carrying the length of the chosen path and the label of the nearest source. Owns its
// scratch buffers (one query object per thread); resetting is O(touched nodes).
#include <span>
#include <vector>

#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

struct Seed {
    NodeId node = 0;
    float time_s = 0;   ///< cost already spent before reaching the node
    float length_m = 0;
    std::uint32_t label = 0;
};

enum class Direction {
    from_seeds, ///< times from the seeds outwards (forward arcs)
    to_seeds,   ///< times from every node to the nearest seed (backward arcs)
};

class TravelQuery {
public:
    explicit TravelQuery(const RoadNetwork& network);

    /// Settles nodes in time order up to cutoff_s.
    void run(std::span<const Seed> seeds, Direction direction, float cutoff_s = unreachable);

    float time_s(NodeId n) const { return m_stamp[n] == m_round ? m_time[n] : unreachable; }
    float length_m(NodeId n) const { return m_stamp[n] == m_round ? m_length[n] : unreachable; }
    std::uint32_t label(NodeId n) const { return m_stamp[n] == m_round ? m_label[n] : invalid_index; }
    std::size_t settled() const { return m_settled; }
    /// Every node the last run reached within its cutoff (each once, in no particular order).
    const std::vector<NodeId>& reached() const { return m_reached; }
    const RoadNetwork& network() const { return m_net; }

private:
    const RoadNetwork& m_net;
    std::vector<float> m_time, m_length;
    std::vector<std::uint32_t> m_label, m_stamp;
    using Item = std::pair<float, NodeId>;
    std::vector<Item> m_heap;
    std::vector<NodeId> m_reached;
    std::uint32_t m_round = 0;
    std::size_t m_settled = 0;
};

} // namespace apreptis::geo
