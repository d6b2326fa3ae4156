#pragma once
// Output layers of the travel-distance analysis (docs/OUTPUTS.md#travel-distance).
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

/// units, unit_access, access, catchments, allocation, roads (those that apply).
std::vector<geo::OutLayer> access_layers(const Analysis& a);

/// The part of run.json about distances: method, network, surface, left-out providers.
std::string access_record_json(const Analysis& a);

} // namespace apreptis::app
