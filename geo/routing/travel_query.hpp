#pragma once
// A reusable shortest-path search over a RoadNetwork: multi-source Dijkstra by travel time,
// carrying the length of the chosen path and the label of the nearest source (at equal times,
// the lower label: independent of how nodes are numbered). Owns its
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

    float time_s(NodeId n) const { return m_node[n].stamp == m_round ? m_node[n].time : unreachable; }
    float length_m(NodeId n) const { return m_node[n].stamp == m_round ? m_node[n].length : unreachable; }
    std::uint32_t label(NodeId n) const { return m_node[n].stamp == m_round ? m_node[n].label : invalid_index; }
    std::size_t settled() const { return m_settled; }
    /// Every node the last run reached within its cutoff (each once, in no particular order).
    const std::vector<NodeId>& reached() const { return m_reached; }
    const RoadNetwork& network() const { return m_net; }

private:
    const RoadNetwork& m_net;
    /// A node's state in one cache line's quarter: reading a result touches one place.
    struct NodeState {
        float time = 0, length = 0;
        std::uint32_t label = 0, stamp = 0;
    };
    std::vector<NodeState> m_node;
    std::vector<std::uint64_t> m_heap; ///< 4-ary min-heap of (time bits << 32 | node)
    std::vector<NodeId> m_reached;
    std::uint32_t m_round = 0;
    std::size_t m_settled = 0;
};

} // namespace apreptis::geo
