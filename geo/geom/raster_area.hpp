#pragma once
// The area within `distance` of a set of lines, built on a raster: cells along the lines are
// dilated by a disc and polygonised with GDAL (GDALPolygonize). Linear in the number of
// cells, unlike a vector buffer-union of thousands of street pieces; edges follow the cell
// grid (cell_m), which is fine for catchment maps.
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

/// Largest raster raster_buffer() builds (one byte a cell): 200 M cells.
inline constexpr double max_raster_cells = 2e8;

/// distance and cell_m must be finite and > 0. Throws apreptis::Error when the raster would
/// exceed max_raster_cells.
MultiPolygon raster_buffer(const MultiLineString& lines, double distance, double cell_m);

/// Nested areas from one raster: area b is within `distance` of the lines of bands 0..b
/// (`increments[b]` holds what band b adds; catchment_increments gives them). Each cell keeps
/// the first band that reaches it, so the lines are drawn once, not once per band: the same
/// cells as raster_buffer of each band's whole linework on this grid (the grid is placed on
/// the envelope of all bands, so a smaller band's outline may sit up to a cell apart from its
/// own raster_buffer). Same preconditions and limit as raster_buffer.
std::vector<MultiPolygon> raster_buffer_bands(const std::vector<MultiLineString>& increments, double distance,
                                              double cell_m);

} // namespace apreptis::geo
