#pragma once
// From OGR's objects to the plain records of geo/geometry.hpp and vector_reader.hpp: field
// kinds, geometries (curves linearised; a collection keeps its polygonal parts) and the axis
// order a layer's coordinates are stored in. Private to geo/io.
#include "geo/geometry.hpp"
#include "geo/io/vector_reader.hpp"

class OGRFieldDefn;
class OGRGeometry;
class OGRSpatialReference;

namespace apreptis::geo::detail {

/// How the source stores a field (GDAL's type and subtype).
FieldKind kind_of(const OGRFieldDefn* d);

/// The geometry of `g` (nothing for none, an empty one or a type not kept).
Geometry convert(const OGRGeometry* g);

/// The file's coordinates are (lon,lat)/(E,N) unless GDAL says it stores the CRS's own
/// lat-first order.
bool data_is_lat_first(const OGRSpatialReference& srs);

} // namespace apreptis::geo::detail
