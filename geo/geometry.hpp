#pragma once
// Plain geometry values in the working (metric) CRS: x = easting, y = northing.
// These are what model/ and the viewer see; GEOS objects never leave geo/*.cpp.
#include <variant>
#include <vector>

namespace apreptis::geo {

struct XY {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const XY&, const XY&) = default;
};

using Ring = std::vector<XY>; // closed: first == last

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;
using LineString = std::vector<XY>;
using MultiLineString = std::vector<LineString>;

/// No geometry, a point, polygons or lines.
using Geometry = std::variant<std::monostate, XY, MultiPolygon, MultiLineString>;

struct Envelope {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

Envelope envelope_of(const MultiPolygon& mp);

} // namespace apreptis::geo
