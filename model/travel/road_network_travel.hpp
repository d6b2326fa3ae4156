#pragma once
// Travel on the road network: Dijkstra searches on geo::TravelQuery, access legs walked.
#include <memory>

#include "model/travel/travel_times.hpp"

namespace apreptis::model {

class RoutingIndex;

/// `routing` has a network and outlives the result.
std::unique_ptr<const TravelTimes> road_network_travel(const RoutingIndex& routing);

} // namespace apreptis::model
