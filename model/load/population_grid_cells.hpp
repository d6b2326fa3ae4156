#pragma once
// A population grid's cells from either form it is published in: a raster (band 1, persons
// per cell) or a vector grid (polygons with a population field).
#include <string>

#include "geo/io/raster_reader.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/population_grid.hpp"

namespace apreptis::model::load {

/// Throws DataError naming the cell (row, column) for a negative or non-finite value that is
/// not the band's nodata.
PopulationGrid population_grid_from(const geo::RasterGrid& raster);

/// Every feature a polygon; an empty (null) field is nodata. Throws DataError naming the
/// feature and field for anything else (not a number, negative, not a polygon).
PopulationGrid population_grid_from(const geo::FeatureTable& t, const std::string& field);

} // namespace apreptis::model::load
