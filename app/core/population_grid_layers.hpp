#pragma once
// The population grid against the census: one row per ward (docs/OUTPUTS.md#population-grid),
// the run.json record and the summary's table. Empty when the project has no [population] grid.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

/// The population_grid table (no geometry), or nothing.
std::vector<geo::OutLayer> population_grid_layers(const Analysis& a);

/// run.json's "population_grid" (null without a grid).
std::string population_grid_record_json(const Analysis& a);

/// The summary's "grid against census" table, or "".
std::string population_grid_summary(const Analysis& a);

} // namespace apreptis::app
