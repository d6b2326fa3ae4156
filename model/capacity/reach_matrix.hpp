#pragma once
// Who can reach whom (PRODUCT C10-C12): for each supply point (a provider, or a candidate
// site), every population unit from which it is reached within a cut-off, with time and
// distance. One bounded search per point on the shared TravelQuery (towards the point, as
// people travel to it), using the same formula as the nearest-provider times; or, without a
// network, straight lines (labelled). Sparse: memory is entries x 12 bytes, entries per point
// = units within the cut-off (Kaunas, 30 min walk: about 3,000-9,000 of 49,000 units).
#include <span>
#include <stop_token>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/routing/network_check.hpp"
#include "model/access.hpp"
#include "model/routing_index.hpp"
#include "model/travel/reach.hpp"

namespace apreptis::model {

/// For each point, the units of `routing` from which it is reached within cutoff_s (walking
/// access legs at walk_mps). A point farther than the snap limit from any road reaches no one.
/// Throws Cancelled when `stop` is requested, and apreptis::Error before the entries would pass
/// `max_entries` (the 32-bit offsets' limit; a test passes a small one).
ReachMatrix build_reach_matrix(const RoutingIndex& routing, std::span<const geo::XY> points, double cutoff_s,
                               double walk_mps, std::stop_token stop = {}, std::size_t max_entries = geo::max_index32);

} // namespace apreptis::model
