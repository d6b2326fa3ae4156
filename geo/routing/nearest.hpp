#pragma once
// Travel from many points (people) to the nearest of many sources (providers): one
// multi-source search per call, over the network or, without one, in a straight line.
// Also the catchment and allocation linework built from the same searches.
#include <vector>

#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"

namespace apreptis::geo {

struct Access {
    float time_s = unreachable;
    float distance_m = unreachable; ///< network path plus both straight access legs
    std::uint32_t source = UINT32_MAX;
    bool reachable() const { return source != UINT32_MAX; }
};

/// Time from each target to its nearest source, travelling on the network. Access legs
/// (point to road) are walked at walk_mps. Unsnapped points are unreachable.
std::vector<Access> nearest_by_network(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                       const std::vector<SnappedPoint>& targets, double walk_mps);

/// Without a network: straight-line distance at speed_mps.
std::vector<Access> nearest_by_straight_line(const std::vector<XY>& sources, const std::vector<XY>& targets,
                                             double speed_mps);

/// The parts of the network from which `source` is reached within each threshold (seconds,
/// ascending), as linework per threshold.
std::vector<MultiLineString> catchment_lines(TravelQuery& query, const SnappedPoint& source, double walk_mps,
                                             const std::vector<double>& thresholds_s);

/// Each piece of the network assigned to its nearest source (labels as in `sources`);
/// pieces reaching no source are left out.
std::vector<MultiLineString> allocation_lines(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                              double walk_mps);

} // namespace apreptis::geo
