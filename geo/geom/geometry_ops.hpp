#pragma once
// Polygon operations backed by GEOS (validity, repair, area, overlap, point on surface).
#include <optional>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::geo {

/// nullopt when valid; otherwise GEOS's reason, e.g. "Self-intersection[494150 6073520]".
std::optional<std::string> invalid_reason(const MultiPolygon& mp);

/// GEOS MakeValid, keeping only the polygonal result.
MultiPolygon make_valid(const MultiPolygon& mp);

/// Planar area in CRS units squared.
double area(const MultiPolygon& mp);

/// Area of the intersection of two (valid) multipolygons.
double intersection_area(const MultiPolygon& a, const MultiPolygon& b);

/// The union of polygons (a municipality from its wards), GEOS UnaryUnion.
MultiPolygon dissolve(const std::vector<MultiPolygon>& parts);

/// A point guaranteed inside the polygon (for labels and ward markers).
XY point_on_surface(const MultiPolygon& mp);

/// The area within `distance` of the lines, dissolved (catchment polygons from reached streets).
MultiPolygon buffer_lines(const MultiLineString& lines, double distance, int quarter_segments = 4);

/// A regular polygon of `segments` vertices on a circle (a straight-line catchment).
MultiPolygon circle(XY centre, double radius, int segments);

/// Triangles covering the polygons (holes and several parts handled), three XY per triangle;
/// GEOS constrained Delaunay triangulation. For drawing fills.
std::vector<XY> triangulate(const MultiPolygon& mp);

} // namespace apreptis::geo
