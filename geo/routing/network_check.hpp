#pragma once
// Validation of a built road graph (RoutingKit's check_if_graph_is_valid, for our arrays), and
// the guard on the 32-bit indices the graph and the reach matrix use: past 2^32 - 1 a count
// would wrap silently, so it is refused in words first.
#include <cstddef>
#include <string>

#include "geo/constants.hpp"

namespace apreptis::geo {

struct RoadNetwork;

/// The most items a 32-bit index may number (invalid_index, 2^32 - 1, marks "none").
inline constexpr std::size_t max_index32 = invalid_index - 1;

/// Throws apreptis::Error "<what>: N pass the 32-bit index limit of L; <hint>" when count > limit.
void check_fits_index32(std::size_t count, const std::string& what, const std::string& hint,
                        std::size_t limit = max_index32);

/// Every invariant the searches rely on without checking: CSR offsets from 0, non-decreasing,
/// ending at the arc count, forward and backward arcs alike; heads, edges and shape points in
/// range; times and lengths finite and not negative (an edge's time may be `unreachable` for a
/// direction it is not allowed in); node coordinates finite; components covering every node.
/// Throws apreptis::Error naming `source` and the first broken invariant.
void check_road_network(const RoadNetwork& net, const std::string& source = "road network");

} // namespace apreptis::geo
