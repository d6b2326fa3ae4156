#pragma once
// Allocation of the network: every piece of street assigned to its nearest source.
#include <vector>

#include "geo/routing/network_point.hpp"
#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"

namespace apreptis::geo {

/// Each piece of the network assigned to its nearest source (labels as in `sources`), as
/// edge pieces in edge order; pieces reaching no source are left out. A street between two
/// sources is split where both are equally far. Leaves the multi-source search in `query`.
std::vector<std::vector<EdgePiece>> allocation_pieces(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                                      double walk_mps);

/// The same from the multi-source search `query` ran last towards `source_count` sources
/// (seeds_towards all of them, no cutoff: nearest_by_network's search), without running it again.
std::vector<std::vector<EdgePiece>> allocation_after_search(const TravelQuery& query, std::size_t source_count);

/// The same as linework.
std::vector<MultiLineString> allocation_lines(TravelQuery& query, const std::vector<SnappedPoint>& sources,
                                              double walk_mps);

} // namespace apreptis::geo
