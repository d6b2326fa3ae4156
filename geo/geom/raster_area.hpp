#pragma once
// The area within `distance` of a set of lines, built on a raster: cells along the lines are
// dilated by a disc and polygonised with GDAL (GDALPolygonize). Linear in the number of
// cells, unlike a vector buffer-union of thousands of street pieces; edges follow the cell
// grid (cell_m), which is fine for catchment maps.
#include "geo/geometry.hpp"

namespace apreptis::geo {

/// Largest raster raster_buffer() builds (one byte a cell): 200 M cells.
inline constexpr double max_raster_cells = 2e8;

/// distance and cell_m must be finite and > 0. Throws apreptis::Error when the raster would
/// exceed max_raster_cells.
MultiPolygon raster_buffer(const MultiLineString& lines, double distance, double cell_m);

} // namespace apreptis::geo
