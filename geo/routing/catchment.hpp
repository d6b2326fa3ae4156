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

/// The same reach as increments: band b holds only the pieces reached within threshold b and
/// not within threshold b - 1 (band 0 as in catchment_lines), so that every piece of street
/// appears once. The union of bands 0..b is catchment_lines' band b.
std::vector<MultiLineString> catchment_increments(TravelQuery& query, const SnappedPoint& source, double walk_mps,
                                                  const std::vector<double>& thresholds_s);

/// Increments (as above) of the search `query` ran last, which may have had many sources:
/// then this is the union of their catchments (a piece is in band b when the nearest source
/// is within threshold b), read from the times that search left, over every edge.
std::vector<MultiLineString> reached_increments(const TravelQuery& query, const std::vector<double>& thresholds_s);

} // namespace apreptis::geo
