#pragma once
// Plain geometry values in the working (metric) CRS: x = easting, y = northing.
// These are what model/ and the viewer see; GEOS objects never leave geo/*.cpp.
#include <algorithm>
#include <limits>
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
    friend bool operator==(const Polygon&, const Polygon&) = default;
};

using MultiPolygon = std::vector<Polygon>;
using LineString = std::vector<XY>;
using MultiLineString = std::vector<LineString>;

/// No geometry, a point, polygons or lines.
using Geometry = std::variant<std::monostate, XY, MultiPolygon, MultiLineString>;

/// An axis-aligned box. Default-constructed it is empty (contains nothing) and grows with
/// expand(); the one way to accumulate bounds in this code base.
struct Envelope {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    void expand(XY p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void expand(const Envelope& e) {
        if (e.empty()) return;
        expand(XY{e.min_x, e.min_y});
        expand(XY{e.max_x, e.max_y});
    }
    Envelope grown(double margin) const {
        return empty() ? *this : Envelope{min_x - margin, min_y - margin, max_x + margin, max_y + margin};
    }
    bool contains(XY p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    double width() const { return empty() ? 0 : max_x - min_x; }
    double height() const { return empty() ? 0 : max_y - min_y; }
};

/// Bounds of the outer rings (holes lie inside them).
Envelope envelope_of(const MultiPolygon& mp);
Envelope envelope_of(const MultiLineString& lines);

} // namespace apreptis::geo
