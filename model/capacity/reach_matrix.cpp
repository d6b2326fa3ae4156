#include "model/capacity/reach_matrix.hpp"

#include <cmath>

#include "geo/preconditions.hpp"
#include "model/travel/travel_times.hpp"

namespace apreptis::model {

ReachMatrix build_reach_matrix(const RoutingIndex& routing, std::span<const geo::XY> points, double cutoff_s,
                               double walk_mps, std::stop_token stop, std::size_t max_entries) {
    geo::require(std::isfinite(cutoff_s) && cutoff_s >= 0, "build_reach_matrix: finite cutoff");
    geo::require(geo::positive_finite(walk_mps), "build_reach_matrix: walking speed > 0");
    ReachMatrix m;
    m.cutoff_s = cutoff_s;
    m.first.reserve(points.size() + 1);
    m.first.push_back(0);
    if (points.empty()) { // nothing to search: no index of the units to build
        m.method = routing.travel().method();
        return m;
    }
    routing.travel().reach(m, points, walk_mps, stop, max_entries);
    return m;
}

} // namespace apreptis::model
