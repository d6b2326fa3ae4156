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

MultiPolygon dissolve(const std::vector<MultiPolygon>& parts) {
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    MultiPolygon all;
    for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
    if (all.empty()) return {};
    GeomPtr g = to_geos(all); // components touch along ward borders: UnaryUnion dissolves them
    GeomPtr u(check(GEOSUnaryUnion_r(h, g.get()), "union"), GeomDeleter{h});
    return detail::polygons_from_geos(u.get());
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

namespace {

/// True for a ring without holes whose turns all go one way (circles, boxes): a fan from its
/// first vertex triangulates it exactly, without GEOS's constrained Delaunay (milliseconds
/// per 128-gon, which a what-if edit cannot afford).
bool convex(const Ring& r) {
    if (r.size() < 4) return false;
    int sign = 0;
    const std::size_t n = r.size() - 1; // closed: last == first
    for (std::size_t i = 0; i < n; ++i) {
        const XY a = r[i], b = r[(i + 1) % n], c = r[(i + 2) % n];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross == 0) continue;
        const int sg = cross > 0 ? 1 : -1;
        if (sign != 0 && sg != sign) return false;
        sign = sg;
    }
    return sign != 0;
}

/// True when every edge of every ring is horizontal or vertical (catchments polygonised from a
/// raster are).
bool rectilinear(const Polygon& p) {
    auto ring_ok = [](const Ring& r) {
        for (std::size_t i = 1; i < r.size(); ++i)
            if (r[i].x != r[i - 1].x && r[i].y != r[i - 1].y) return false;
        return true;
    };
    if (!ring_ok(p.outer)) return false;
    for (const Ring& h : p.holes)
        if (!ring_ok(h)) return false;
    return true;
}

/// A rectilinear polygon (with holes) cut into horizontal strips between its distinct y
/// values; inside each strip the vertical edges crossing it bound the filled intervals
/// (even-odd), each a rectangle of two triangles. Exact, and linear-ish in the vertices,
/// where GEOS's constrained Delaunay takes tens of milliseconds on raster outlines.
void triangulate_rectilinear(const Polygon& p, std::vector<XY>& out) {
    struct Edge {
        double x, y0, y1;
    };
    std::vector<Edge> verticals;
    std::vector<double> ys;
    auto collect = [&](const Ring& r) {
        for (std::size_t i = 1; i < r.size(); ++i) {
            ys.push_back(r[i].y);
            if (r[i].x == r[i - 1].x && r[i].y != r[i - 1].y)
                verticals.push_back({r[i].x, std::min(r[i].y, r[i - 1].y), std::max(r[i].y, r[i - 1].y)});
        }
    };
    collect(p.outer);
    for (const Ring& h : p.holes) collect(h);
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    std::sort(verticals.begin(), verticals.end(), [](const Edge& a, const Edge& b) { return a.y0 < b.y0; });
    std::vector<double> xs;
    std::size_t first = 0; // verticals before this end below the current strip... sorted by y0 only
    for (std::size_t k = 0; k + 1 < ys.size(); ++k) {
        const double lo = ys[k], hi = ys[k + 1], mid = (lo + hi) / 2;
        xs.clear();
        while (first < verticals.size() && verticals[first].y1 <= lo && verticals[first].y0 <= lo) ++first;
        for (std::size_t i = first; i < verticals.size() && verticals[i].y0 < mid; ++i)
            if (verticals[i].y1 > mid) xs.push_back(verticals[i].x);
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const XY a{xs[i], lo}, b{xs[i + 1], lo}, c{xs[i + 1], hi}, d{xs[i], hi};
            out.insert(out.end(), {a, b, c, a, c, d});
        }
    }
}

} // namespace

std::vector<XY> triangulate(const MultiPolygon& mp) {
    std::vector<XY> out;
    GEOSContextHandle_t h = GeosContext::for_this_thread().get();
    for (const Polygon& p : mp) { // one polygon at a time keeps the triangulation local
        if (rectilinear(p)) {
            triangulate_rectilinear(p, out);
            continue;
        }
        if (p.holes.empty() && convex(p.outer)) {
            for (std::size_t i = 1; i + 2 < p.outer.size(); ++i) {
                out.push_back(p.outer[0]);
                out.push_back(p.outer[i]);
                out.push_back(p.outer[i + 1]);
            }
            continue;
        }
        GeomPtr g = to_geos(MultiPolygon{p});
        triangulate_geos(h, GEOSGetGeometryN_r(h, g.get(), 0), 0, out);
    }
    return out;
}


} // namespace apreptis::geo
