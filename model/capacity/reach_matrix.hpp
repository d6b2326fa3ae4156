#pragma once
// Who can reach whom (PRODUCT C10-C12): for each supply point (a provider, or a candidate
// site), every population unit from which it is reached within a cut-off, with time and
// distance. One bounded search per point on the shared TravelQuery (towards the point, as
// people travel to it), using the same formula as the nearest-provider times; or, without a
// network, straight lines (labelled). Sparse: memory is entries x 12 bytes, entries per point
// = units within the cut-off (Kaunas, 30 min walk: about 3,000-9,000 of 49,000 units).
#include <cstdint>
#include <span>
#include <stop_token>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/routing/network_check.hpp"
#include "model/access.hpp"
#include "model/routing_index.hpp"

namespace apreptis::model {

struct ReachEntry {
    std::uint32_t unit = 0;
    float time_s = 0;
    float distance_m = 0;
};

struct ReachMatrix {
    DistanceMethod method = DistanceMethod::straight_line;
    double cutoff_s = 0;
    std::vector<std::uint32_t> first; ///< CSR: point i's entries are [first[i], first[i+1])
    std::vector<ReachEntry> entries;  ///< per point, ascending unit

    std::size_t points() const { return first.empty() ? 0 : first.size() - 1; }
    std::span<const ReachEntry> row(std::size_t point) const {
        return {entries.data() + first[point], entries.data() + first[point + 1]};
    }
    std::size_t memory_bytes() const {
        return entries.capacity() * sizeof(ReachEntry) + first.capacity() * sizeof(std::uint32_t);
    }
};

/// For each point, the units of `routing` from which it is reached within cutoff_s (walking
/// access legs at walk_mps). A point farther than the snap limit from any road reaches no one.
/// Throws Cancelled when `stop` is requested, and apreptis::Error before the entries would pass
/// `max_entries` (the 32-bit offsets' limit; a test passes a small one).
ReachMatrix build_reach_matrix(const RoutingIndex& routing, std::span<const geo::XY> points, double cutoff_s,
                               double walk_mps, std::stop_token stop = {}, std::size_t max_entries = geo::max_index32);

} // namespace apreptis::model
