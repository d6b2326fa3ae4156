#include "geo/geom/polygon_index.hpp"

#include <algorithm>
#include <mutex>

#include "geo/detail/geos_handle.hpp"
#include "geo/errors.hpp"

namespace apreptis::geo {

using namespace detail;

// The index owns its GEOS context (a context must outlive the geometries made in it, and a
// thread's own context dies with the thread) and serialises queries on it, so one index built
// at load serves the viewer's worker threads too.
struct PolygonIndex::Impl {
    GeosContext ctx;
    GEOSContextHandle_t h = nullptr;
    mutable std::mutex mutex;
    std::vector<GeomPtr> geoms;
    std::vector<PreparedPtr> prepared;
    std::vector<std::size_t> ids; // stable storage for the tree's item pointers
    GEOSSTRtree* tree = nullptr;
    ~Impl() {
        if (tree) GEOSSTRtree_destroy_r(h, tree);
    }
};

PolygonIndex::PolygonIndex(const std::vector<MultiPolygon>& polygons) : m_impl(std::make_unique<Impl>()) {
    Impl& m = *m_impl;
    m.h = m.ctx.get();
    m.tree = GEOSSTRtree_create_r(m.h, 10);
    if (!m.tree) throw GeometryError("GEOS: cannot create an STRtree");
    m.ids.resize(polygons.size());
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        m.ids[i] = i;
        m.geoms.push_back(to_geos(polygons[i], m.ctx));
        m.prepared.emplace_back(GEOSPrepare_r(m.h, m.geoms.back().get()), PreparedDeleter{m.h});
        if (!m.prepared.back()) throw GeometryError("prepare: " + m.ctx.last_error());
        GEOSSTRtree_insert_r(m.h, m.tree, m.geoms.back().get(), &m.ids[i]);
    }
}

PolygonIndex::~PolygonIndex() = default;
PolygonIndex::PolygonIndex(PolygonIndex&&) noexcept = default;
PolygonIndex& PolygonIndex::operator=(PolygonIndex&&) noexcept = default;

std::size_t PolygonIndex::size() const { return m_impl->geoms.size(); }

namespace {
struct QueryState {
    std::vector<std::size_t> hits;
};
void collect_hit(void* item, void* userdata) {
    static_cast<QueryState*>(userdata)->hits.push_back(*static_cast<std::size_t*>(item));
}
} // namespace

std::optional<std::size_t> PolygonIndex::locate(XY p) const {
    const Impl& m = *m_impl;
    std::lock_guard lock(m.mutex);
    GeomPtr pt = to_geos(p, m.ctx);
    QueryState st;
    GEOSSTRtree_query_r(m.h, m.tree, pt.get(), &collect_hit, &st);
    std::sort(st.hits.begin(), st.hits.end());
    for (std::size_t i : st.hits) {
        // Intersects (not Contains) so that a point on a shared boundary is found.
        char r = GEOSPreparedIntersects_r(m.h, m.prepared[i].get(), pt.get());
        if (r == 2) throw GeometryError("point in polygon: " + m.ctx.last_error());
        if (r == 1) return i;
    }
    return std::nullopt;
}

std::vector<PolygonIndex::Overlap> PolygonIndex::overlaps(double min_area) const {
    const Impl& m = *m_impl;
    std::lock_guard lock(m.mutex);
    std::vector<Overlap> out;
    for (std::size_t i = 0; i < m.geoms.size(); ++i) {
        QueryState st;
        GEOSSTRtree_query_r(m.h, m.tree, m.geoms[i].get(), &collect_hit, &st);
        for (std::size_t j : st.hits) {
            if (j <= i) continue;
            // Touching neighbours share a boundary only: skip the expensive overlay.
            if (GEOSPreparedOverlaps_r(m.h, m.prepared[i].get(), m.geoms[j].get()) != 1 &&
                GEOSPreparedContains_r(m.h, m.prepared[i].get(), m.geoms[j].get()) != 1 &&
                GEOSPreparedWithin_r(m.h, m.prepared[i].get(), m.geoms[j].get()) != 1)
                continue;
            GeomPtr inter(GEOSIntersection_r(m.h, m.geoms[i].get(), m.geoms[j].get()), GeomDeleter{m.h});
            if (!inter) throw GeometryError("overlap check: " + m.ctx.last_error());
            double a = 0;
            GEOSArea_r(m.h, inter.get(), &a);
            if (a > min_area) out.push_back({i, j, a});
        }
    }
    return out;
}

std::vector<PolygonIndex::Gap> PolygonIndex::gaps(double min_area) const {
    const Impl& m = *m_impl;
    std::lock_guard lock(m.mutex);
    std::vector<Gap> out;
    if (m.geoms.empty()) return out;
    std::vector<GEOSGeometry*> clones;
    for (const auto& g : m.geoms) clones.push_back(GEOSGeom_clone_r(m.h, g.get()));
    GeomPtr all(check(GEOSGeom_createCollection_r(m.h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                  static_cast<unsigned>(clones.size())),
                      "collection", m.ctx),
                GeomDeleter{m.h});
    GeomPtr u(check(GEOSUnaryUnion_r(m.h, all.get()), "union of the polygons", m.ctx), GeomDeleter{m.h});
    const int parts = GEOSGetNumGeometries_r(m.h, u.get());
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(m.h, u.get(), i);
        if (GEOSGeomTypeId_r(m.h, poly) != GEOS_POLYGON) continue;
        const int holes = GEOSGetNumInteriorRings_r(m.h, poly);
        for (int k = 0; k < holes; ++k) {
            const GEOSGeometry* ring = GEOSGetInteriorRingN_r(m.h, poly, k);
            GeomPtr shell(check(GEOSGeom_clone_r(m.h, ring), "ring", m.ctx), GeomDeleter{m.h});
            GeomPtr hole(check(GEOSGeom_createPolygon_r(m.h, shell.release(), nullptr, 0), "gap", m.ctx),
                         GeomDeleter{m.h});
            double a = 0;
            GEOSArea_r(m.h, hole.get(), &a);
            if (a <= min_area) continue;
            Gap gap{a, {}, {}};
            GeomPtr at(check(GEOSPointOnSurface_r(m.h, hole.get()), "point in gap", m.ctx), GeomDeleter{m.h});
            GEOSGeomGetX_r(m.h, at.get(), &gap.inside.x);
            GEOSGeomGetY_r(m.h, at.get(), &gap.inside.y);
            QueryState st;
            GEOSSTRtree_query_r(m.h, m.tree, hole.get(), &collect_hit, &st);
            std::sort(st.hits.begin(), st.hits.end());
            for (std::size_t j : st.hits)
                if (GEOSPreparedIntersects_r(m.h, m.prepared[j].get(), hole.get()) == 1) gap.around.push_back(j);
            out.push_back(std::move(gap));
        }
    }
    std::sort(out.begin(), out.end(), [](const Gap& a, const Gap& b) { return a.area > b.area; });
    return out;
}

std::vector<PolygonIndex::Piece> PolygonIndex::pieces(const MultiPolygon& shape) const {
    const Impl& m = *m_impl;
    std::lock_guard lock(m.mutex);
    std::vector<Piece> out;
    GeomPtr g = to_geos(shape, m.ctx);
    QueryState st;
    GEOSSTRtree_query_r(m.h, m.tree, g.get(), &collect_hit, &st);
    std::sort(st.hits.begin(), st.hits.end());
    auto inside_of = [&](const GEOSGeometry* piece, bool whole) {
        // a whole grid cell is convex: its centroid is its middle; a cut piece may not be
        GeomPtr p(check(whole ? GEOSGetCentroid_r(m.h, piece) : GEOSPointOnSurface_r(m.h, piece), "point in piece", m.ctx),
                  GeomDeleter{m.h});
        XY xy;
        GEOSGeomGetX_r(m.h, p.get(), &xy.x);
        GEOSGeomGetY_r(m.h, p.get(), &xy.y);
        return xy;
    };
    for (std::size_t i : st.hits) {
        const char within = GEOSPreparedContainsProperly_r(m.h, m.prepared[i].get(), g.get());
        if (within == 2) throw GeometryError("cut by polygons: " + m.ctx.last_error());
        if (within == 1) {
            double a = 0;
            GEOSArea_r(m.h, g.get(), &a);
            return {{i, a, inside_of(g.get(), true)}};
        }
    }
    for (std::size_t i : st.hits) {
        const char touches = GEOSPreparedIntersects_r(m.h, m.prepared[i].get(), g.get());
        if (touches == 2) throw GeometryError("cut by polygons: " + m.ctx.last_error());
        if (touches != 1) continue;
        GeomPtr cut(check(GEOSIntersection_r(m.h, m.geoms[i].get(), g.get()), "cut by polygons", m.ctx), GeomDeleter{m.h});
        double a = 0;
        GEOSArea_r(m.h, cut.get(), &a);
        if (a > 0) out.push_back({i, a, inside_of(cut.get(), false)});
    }
    return out;
}

} // namespace apreptis::geo
