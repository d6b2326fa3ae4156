#include "geo/geom/geometry_ops.hpp"

#include <algorithm>
#include <cmath>

#include "geo/detail/geos_handle.hpp"
#include "geo/errors.hpp"
#include "geo/preconditions.hpp"

namespace apreptis::geo {

using detail::check;
using detail::GeomDeleter;
using detail::GeomPtr;
using detail::GeosContext;
using detail::to_geos;

Envelope envelope_of(const MultiPolygon& mp) {
    Envelope e;
    for (const Polygon& p : mp)
        for (const XY& c : p.outer) e.expand(c);
    return e;
}

Envelope envelope_of(const MultiLineString& lines) {
    Envelope e;
    for (const LineString& l : lines)
        for (const XY& c : l) e.expand(c);
    return e;
}

std::optional<std::string> invalid_reason(const MultiPolygon& mp) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GeomPtr g = to_geos(mp);
    char v = GEOSisValid_r(h, g.get());
    if (v == 1) return std::nullopt;
    char* reason = GEOSisValidReason_r(h, g.get());
    std::string out = reason ? reason : "invalid geometry";
    GEOSFree_r(h, reason);
    return out;
}

MultiPolygon make_valid(const MultiPolygon& mp) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GeomPtr g = to_geos(mp);
    GeomPtr fixed(check(GEOSMakeValid_r(h, g.get()), "make valid"), GeomDeleter{h});
    return detail::polygons_from_geos(fixed.get());
}

double area(const MultiPolygon& mp) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GeomPtr g = to_geos(mp);
    double a = 0;
    if (!GEOSArea_r(h, g.get(), &a)) throw GeometryError("area: " + GeosContext::for_this_thread().last_error());
    return a;
}

double intersection_area(const MultiPolygon& a, const MultiPolygon& b) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GeomPtr ga = to_geos(a), gb = to_geos(b);
    GeomPtr i(check(GEOSIntersection_r(h, ga.get(), gb.get()), "intersection"), GeomDeleter{h});
    double out = 0;
    GEOSArea_r(h, i.get(), &out);
    return out;
}

XY point_on_surface(const MultiPolygon& mp) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GeomPtr g = to_geos(mp);
    GeomPtr p(check(GEOSPointOnSurface_r(h, g.get()), "point on surface"), GeomDeleter{h});
    XY out;
    GEOSGeomGetX_r(h, p.get(), &out.x);
    GEOSGeomGetY_r(h, p.get(), &out.y);
    return out;
}

MultiPolygon circle(XY c, double radius, int segments) {
    require(std::isfinite(radius) && radius >= 0, "circle: finite radius >= 0");
    require(segments >= 3, "circle: at least 3 segments");
    Ring r;
    for (int i = 0; i <= segments; ++i) {
        const double a = 2 * 3.14159265358979323846 * (i % segments) / segments;
        r.push_back({c.x + radius * std::cos(a), c.y + radius * std::sin(a)});
    }
    return {Polygon{std::move(r), {}}};
}

MultiPolygon buffer_lines(const MultiLineString& lines, double distance, int quarter_segments) {
    if (lines.empty()) return {};
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(lines.size());
    for (const LineString& l : lines) {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(l.size()), 2);
        for (unsigned i = 0; i < l.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, l[i].x, l[i].y);
        parts.push_back(check(GEOSGeom_createLineString_r(h, seq), "line"));
    }
    GeomPtr ml(check(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(),
                                                 static_cast<unsigned>(parts.size())),
                     "multilinestring"),
               GeomDeleter{h});
    // 4 segments per quarter circle are enough around streets; circles ask for more
    GeomPtr buf(check(GEOSBuffer_r(h, ml.get(), distance, quarter_segments), "buffer"), GeomDeleter{h});
    return detail::polygons_from_geos(buf.get());
}

namespace {

void append_triangles(GEOSContextHandle_t h, const GEOSGeometry* tris, std::vector<XY>& out) {
    const int n = GEOSGetNumGeometries_r(h, tris);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* t = GEOSGetGeometryN_r(h, tris, i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, t));
        for (unsigned k = 0; k < 3; ++k) {
            XY c;
            GEOSCoordSeq_getXY_r(h, seq, k, &c.x, &c.y);
            out.push_back(c);
        }
    }
}

/// Constrained Delaunay of one polygonal geometry. GEOS 3.11's ear clipper gives up on some
/// valid polygons with many holes (raster outlines: holes touching the shell at cell corners,
/// long collinear runs). Then the polygon is cut into quadrants (exact intersections) and the
/// simpler pieces are triangulated in turn.
void triangulate_geos(GEOSContextHandle_t h, const GEOSGeometry* g, int depth, std::vector<XY>& out) {
    if (GEOSisEmpty_r(h, g)) return;
    if (GEOSGeometry* raw = GEOSConstrainedDelaunayTriangulation_r(h, g)) {
        GeomPtr tris(raw, GeomDeleter{h});
        append_triangles(h, tris.get(), out);
        return;
    }
    if (depth >= 8) throw GeometryError("triangulation: " + GeosContext::for_this_thread().last_error());
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(h, g, &x0);
    GEOSGeom_getYMin_r(h, g, &y0);
    GEOSGeom_getXMax_r(h, g, &x1);
    GEOSGeom_getYMax_r(h, g, &y1);
    const double mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
    const double boxes[4][4] = {{x0, y0, mx, my}, {mx, y0, x1, my}, {x0, my, mx, y1}, {mx, my, x1, y1}};
    for (const auto& b : boxes) {
        GeomPtr box(check(GEOSGeom_createRectangle_r(h, b[0], b[1], b[2], b[3]), "box"), GeomDeleter{h});
        GeomPtr part(check(GEOSIntersection_r(h, g, box.get()), "split for triangulation"), GeomDeleter{h});
        const int n = GEOSGetNumGeometries_r(h, part.get());
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* piece = GEOSGetGeometryN_r(h, part.get(), i);
            if (GEOSGeomTypeId_r(h, piece) == GEOS_POLYGON) triangulate_geos(h, piece, depth + 1, out);
        }
    }
}

} // namespace

std::vector<XY> triangulate(const MultiPolygon& mp) {
    std::vector<XY> out;
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    for (const Polygon& p : mp) { // one polygon at a time keeps the triangulation local
        GeomPtr g = to_geos(MultiPolygon{p});
        triangulate_geos(h, GEOSGetGeometryN_r(h, g.get(), 0), 0, out);
    }
    return out;
}

MultiPolygon multipolygon_from_wkt(const std::string& wkt) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
    GEOSGeometry* raw = GEOSWKTReader_read_r(h, reader, wkt.c_str());
    GEOSWKTReader_destroy_r(h, reader);
    GeomPtr g(check(raw, "WKT"), GeomDeleter{h});
    return detail::polygons_from_geos(g.get());
}

} // namespace apreptis::geo
