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
    /// The nearest road piece lies on a part not connected to the main one, and a piece of the
    /// main part within the limit was taken instead; detached_m is how far the passed-over
    /// piece was (distance_m is the longer leg actually walked).
    bool passed_detached = false;
    float detached_m = 0;
};

/// What one nearest-road search looked at (tests and benchmarks; a null pointer costs nothing).
struct SnapSearchStats {
    std::size_t cells = 0;    ///< grid cells read
    std::size_t segments = 0; ///< road segments measured
};

class SnapIndex {
public:
    explicit SnapIndex(const RoadNetwork& network, double cell_m = 250.0);
    /// The documented rule (docs/ROUTING.md, Snapping): the nearest point of a usable street
    /// within max_distance_m, except that when it lies on a part of the network not connected
    /// to the main (largest) one, the nearest point of the main part is taken if one is within
    /// max_distance_m (marked passed_detached). A loop of service road or a clipped stub near
    /// a building then does not cut its people off from everyone.
    SnappedPoint snap(XY p, double max_distance_m) const;
    /// The nearest point of any usable street within max_distance_m, whatever part it is on.
    SnappedPoint snap_nearest(XY p, double max_distance_m, SnapSearchStats* stats = nullptr) const;

private:
    /// Nearest point on an edge of `component` (invalid_index: of any part). The cells are
    /// read ring by ring around p's cell, each ring only where it overlaps the grid: the cost
    /// grows with the radius searched, not its square (a point with no road within 50 km read
    /// 10^7 cells, all but 160,000 of them to be skipped).
    SnappedPoint nearest(XY p, double max_distance_m, std::uint32_t component, SnapSearchStats* stats = nullptr) const;

    const RoadNetwork& m_net;
    double m_cell;
    double m_x0 = 0, m_y0 = 0;
    std::int64_t m_nx = 0, m_ny = 0;
    std::vector<std::uint32_t> m_first; ///< per cell, into m_items (CSR)
    std::vector<std::uint32_t> m_items; ///< global segment index = edge_points index of the segment start
    std::vector<std::uint32_t> m_edge_of_point;
};

} // namespace apreptis::geo
