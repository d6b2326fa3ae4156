#pragma once
// Travel from many points (people) to the nearest of many sources (providers): one
// multi-source search per call, over the network or, without one, in a straight line.
#include <vector>

#include "geo/routing/network_point.hpp"

namespace apreptis::geo {

/// Time from each target to its nearest source, travelling on the network. Access legs
/// (point to road) are walked at walk_mps. Unsnapped points are unreachable.
std::vector<Access> nearest_by_network(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                       const std::vector<SnappedPoint>& targets, double walk_mps);

/// Without a network: straight-line distance at speed_mps.
std::vector<Access> nearest_by_straight_line(const std::vector<XY>& sources, const std::vector<XY>& targets,
                                             double speed_mps);

} // namespace apreptis::geo
