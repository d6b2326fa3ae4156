#pragma once
// Private to geo/*.cpp: RAII over the GEOS reentrant C API.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <memory>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::geo::detail {

/// One GEOS context per thread; keeps GEOS's last error/notice text for exceptions.
class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t get() const { return m_handle; }
    const std::string& last_error() const { return m_last_error; }

    /// The calling thread's context.
    static GeosContext& for_this_thread();

private:
    static void on_error(const char* message, void* userdata);
    GEOSContextHandle_t m_handle = nullptr;
    std::string m_last_error;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const noexcept {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const noexcept {
        if (g) GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

/// Checks a GEOS result: throws GeometryError("<what>: <GEOS message>") when null.
GEOSGeometry* check(GEOSGeometry* g, const char* what, const GeosContext& ctx = GeosContext::for_this_thread());

/// Made in `ctx`: the geometry must not outlive it (PolygonIndex owns a context for that).
GeomPtr to_geos(const MultiPolygon& mp, const GeosContext& ctx = GeosContext::for_this_thread());
GeomPtr to_geos(XY p, const GeosContext& ctx = GeosContext::for_this_thread());
/// Polygons and multipolygons (and polygonal parts of collections) back to plain values.
MultiPolygon polygons_from_geos(const GEOSGeometry* g);

} // namespace apreptis::geo::detail
