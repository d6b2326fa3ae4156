#pragma once
// Nearest street edge to a point: a uniform grid over the edges' segments (expected O(1)
// per query; built in one pass, no per-segment allocation, which matters at 2 M edges).
#include <cstdint>
#include <vector>

#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

/// A point attached to the network: where it meets the road and how far it had to go.
struct SnappedPoint {
    XY point;                  ///< the original location
    bool snapped = false;      ///< false: no usable edge within the limit
    std::uint32_t edge = 0;
    double offset_m = 0;       ///< along the edge from its `from` node
    double distance_m = 0;     ///< straight access leg, point to road
    XY on_road;
    std::uint32_t component = invalid_index; ///< connected part of the network
};

class SnapIndex {
public:
    explicit SnapIndex(const RoadNetwork& network, double cell_m = 250.0);
    SnappedPoint snap(XY p, double max_distance_m) const;

private:
    const RoadNetwork& m_net;
    double m_cell;
    double m_x0 = 0, m_y0 = 0;
    std::int64_t m_nx = 0, m_ny = 0;
    std::vector<std::uint32_t> m_first; ///< per cell, into m_items (CSR)
    std::vector<std::uint32_t> m_items; ///< global segment index = edge_points index of the segment start
    std::vector<std::uint32_t> m_edge_of_point;
};

} // namespace apreptis::geo
