#pragma once
// Catchments: the parts of the network from which a source is reached within thresholds.
#include <vector>

#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"

namespace apreptis::geo {

/// The parts of the network from which `source` is reached within each threshold (seconds,
/// ascending), as linework per threshold.
std::vector<MultiLineString> catchment_lines(TravelQuery& query, const SnappedPoint& source, double walk_mps,
                                             const std::vector<double>& thresholds_s);

} // namespace apreptis::geo
