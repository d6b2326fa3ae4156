#pragma once
// Travel without a road network: straight-line distance at one speed (an estimate, labelled
// as such in every output).
#include <memory>
#include <vector>

#include "model/population_surface.hpp"
#include "model/travel/travel_times.hpp"

namespace apreptis::model {

std::unique_ptr<const TravelTimes> straight_line_travel(const std::vector<PopulationUnit>& units);

} // namespace apreptis::model
