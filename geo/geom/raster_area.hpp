#pragma once
// The area within `distance` of a set of lines, built on a raster: cells along the lines are
// dilated by a disc and polygonised with GDAL (GDALPolygonize). Linear in the number of
// cells, unlike a vector buffer-union of thousands of street pieces; edges follow the cell
// grid (cell_m), which is fine for catchment maps.
#include "geo/geometry.hpp"

namespace apreptis::geo {

MultiPolygon raster_buffer(const MultiLineString& lines, double distance, double cell_m);

} // namespace apreptis::geo
