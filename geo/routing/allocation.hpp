#pragma once
// Allocation of the network: every piece of street assigned to its nearest source.
#include <vector>

#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"

namespace apreptis::geo {

/// Each piece of the network assigned to its nearest source (labels as in `sources`);
/// pieces reaching no source are left out.
std::vector<MultiLineString> allocation_lines(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                              double walk_mps);

} // namespace apreptis::geo
