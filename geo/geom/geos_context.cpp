#include <cstdarg>
#include <vector>

#include "geo/detail/geos_handle.hpp"
#include "geo/errors.hpp"

namespace apreptis::geo::detail {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    if (!m_handle) throw GeometryError("GEOS: cannot create a context");
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosContext::on_error(const char* message, void* userdata) {
    static_cast<GeosContext*>(userdata)->m_last_error = message ? message : "";
}

GeosContext& GeosContext::for_this_thread() {
    thread_local GeosContext ctx;
    return ctx;
}

GEOSGeometry* check(GEOSGeometry* g, const char* what, const GeosContext& ctx) {
    if (!g) throw GeometryError(std::string(what) + ": " + ctx.last_error());
    return g;
}

namespace {

GEOSGeometry* make_ring(const GeosContext& ctx, const Ring& ring) {
    GEOSContextHandle_t h = ctx.get();
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(ring.size()), 2);
    if (!seq) throw GeometryError("GEOS: cannot allocate a coordinate sequence");
    for (unsigned i = 0; i < ring.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, ring[i].x, ring[i].y);
    return check(GEOSGeom_createLinearRing_r(h, seq), "ring", ctx);
}

Ring ring_from(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    Ring out(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &out[i].x, &out[i].y);
    return out;
}

void collect(GEOSContextHandle_t h, const GEOSGeometry* g, MultiPolygon& out) {
    int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        Polygon p;
        p.outer = ring_from(h, GEOSGetExteriorRing_r(h, g));
        int nh = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < nh; ++i) p.holes.push_back(ring_from(h, GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) collect(h, GEOSGetGeometryN_r(h, g, i), out);
    } // points and lines left over by make-valid carry no area: dropped by design
}

} // namespace

GeomPtr to_geos(const MultiPolygon& mp, const GeosContext& ctx) {
    GEOSContextHandle_t h = ctx.get();
    // Owned until GEOS takes them (it does even when it fails), so that a ring GEOS refuses
    // (an unclosed hole, found by fuzzing) leaks nothing made before it.
    std::vector<GeomPtr> polys;
    polys.reserve(mp.size());
    for (const Polygon& p : mp) {
        GeomPtr shell(make_ring(ctx, p.outer), GeomDeleter{h});
        std::vector<GeomPtr> holes;
        for (const Ring& r : p.holes) holes.emplace_back(make_ring(ctx, r), GeomDeleter{h});
        std::vector<GEOSGeometry*> raw_holes;
        for (auto& g : holes) raw_holes.push_back(g.release());
        polys.emplace_back(check(GEOSGeom_createPolygon_r(h, shell.release(), raw_holes.data(),
                                                          static_cast<unsigned>(raw_holes.size())),
                                 "polygon", ctx),
                           GeomDeleter{h});
    }
    std::vector<GEOSGeometry*> raw;
    for (auto& g : polys) raw.push_back(g.release());
    return GeomPtr(check(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, raw.data(), static_cast<unsigned>(raw.size())),
                         "multipolygon", ctx),
                   GeomDeleter{h});
}

GeomPtr to_geos(XY p, const GeosContext& ctx) {
    GEOSContextHandle_t h = ctx.get();
    return GeomPtr(check(GEOSGeom_createPointFromXY_r(h, p.x, p.y), "point", ctx), GeomDeleter{h});
}

MultiPolygon polygons_from_geos(const GEOSGeometry* g) {
    MultiPolygon out;
    collect(GeosContext::for_this_thread().get(), g, out);
    return out;
}

} // namespace apreptis::geo::detail
