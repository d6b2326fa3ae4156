#include "geo/crs/transformer.hpp"

#include <proj.h>

#include <cmath>
#include <optional>

#include "geo/errors.hpp"

namespace apreptis::geo {
namespace {

struct CtxDeleter {
    void operator()(PJ_CONTEXT* c) const noexcept { proj_context_destroy(c); }
};
struct PjDeleter {
    void operator()(PJ* p) const noexcept { proj_destroy(p); }
};
using CtxPtr = std::unique_ptr<PJ_CONTEXT, CtxDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

CtxPtr make_context() {
    CtxPtr ctx(proj_context_create());
    if (!ctx) throw CrsError("PROJ: cannot create a context");
    proj_context_set_enable_network(ctx.get(), 0); // never fetch grids at run time
    proj_log_level(ctx.get(), PJ_LOG_NONE);
    return ctx;
}

std::string proj_message(PJ_CONTEXT* ctx) {
    int err = proj_context_errno(ctx);
    const char* s = err ? proj_context_errno_string(ctx, err) : nullptr;
    return s ? s : "unknown PROJ error";
}

/// This thread's context for looking CRSs up. A fresh context reads proj.ini and prepares its
/// proj.db queries again, with empty caches (~1-6 ms each; a small run made ~20); the look-ups
/// below and the making of a Transformer's operation share one per thread. What a Transformer
/// keeps is cloned into a context of its own, as it may be used on another thread.
PJ_CONTEXT* lookup_context() {
    struct Lookup {
        CtxPtr ctx = make_context();
        PjPtr probe{proj_create(ctx.get(), "+proj=noop")}; // an object of this context, to clear its error
    };
    thread_local Lookup lookup;
    if (!lookup.probe) throw CrsError("PROJ: cannot create a context: " + proj_message(lookup.ctx.get()));
    // errors read after a call are that call's alone, as in a fresh context
    proj_errno_reset(lookup.probe.get());
    return lookup.ctx.get();
}

PjPtr create_crs(PJ_CONTEXT* ctx, const std::string& def) {
    PjPtr crs(proj_create(ctx, def.c_str()));
    if (!crs) {
        std::string shown = def.size() > 80 ? def.substr(0, 80) + "..." : def;
        throw CrsError("unknown or invalid CRS '" + shown + "': " + proj_message(ctx));
    }
    return crs;
}

} // namespace

struct Transformer::Impl {
    CtxPtr ctx;
    PjPtr op;
    bool identity = false;
};

Transformer::Transformer(const std::string& source_crs, const std::string& target_crs)
    : m_impl(std::make_unique<Impl>()) {
    PJ_CONTEXT* ctx = lookup_context();
    PjPtr src = create_crs(ctx, source_crs);
    PjPtr dst = create_crs(ctx, target_crs);
    m_impl->identity = proj_is_equivalent_to(src.get(), dst.get(), PJ_COMP_EQUIVALENT) != 0;
    PjPtr raw(proj_create_crs_to_crs_from_pj(ctx, src.get(), dst.get(), nullptr, nullptr));
    if (!raw) {
        const std::string why = proj_message(ctx); // before describe_crs uses (and clears) the context
        throw CrsError("no transformation from '" + describe_crs(source_crs) + "' to '" + describe_crs(target_crs) +
                       "': " + why);
    }
    // Axis order: inputs and outputs are always x=lon/easting, y=lat/northing.
    PjPtr op(proj_normalize_for_visualization(ctx, raw.get()));
    if (!op) throw CrsError("PROJ: cannot normalise axis order: " + proj_message(ctx));
    m_impl->ctx = make_context();
    m_impl->op.reset(proj_clone(m_impl->ctx.get(), op.get()));
    if (!m_impl->op) throw CrsError("PROJ: cannot copy the operation: " + proj_message(m_impl->ctx.get()));
}

Transformer::~Transformer() = default;
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

bool Transformer::is_identity() const { return m_impl->identity; }

void Transformer::transform(std::span<XY> points) const {
    if (points.empty() || m_impl->identity) return;
    proj_errno_reset(m_impl->op.get());
    const std::size_t stride = sizeof(XY);
    std::size_t n = proj_trans_generic(m_impl->op.get(), PJ_FWD, &points[0].x, stride, points.size(),
                                       &points[0].y, stride, points.size(), nullptr, 0, 0, nullptr, 0, 0);
    if (n != points.size()) throw CrsError("PROJ transformed " + std::to_string(n) + " of " +
                                           std::to_string(points.size()) + " points");
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y))
            throw CrsError("coordinate " + std::to_string(i) + " could not be transformed (outside the CRS's area?): " +
                           proj_message(m_impl->ctx.get()));
    }
}

XY Transformer::transform(XY p) const {
    transform(std::span<XY>(&p, 1));
    return p;
}

std::string describe_crs(const std::string& crs) {
    PJ_CONTEXT* ctx = lookup_context();
    PjPtr pj = create_crs(ctx, crs);
    const char* auth = proj_get_id_auth_name(pj.get(), 0);
    const char* code = proj_get_id_code(pj.get(), 0);
    if (auth && code) return std::string(auth) + ":" + code;
    // WKT without an ID: ask PROJ for the best matching authority code.
    int* confidence = nullptr;
    PJ_OBJ_LIST* matches = proj_identify(ctx, pj.get(), "EPSG", nullptr, &confidence);
    std::string out;
    if (matches && proj_list_get_count(matches) > 0 && confidence && confidence[0] >= 90) {
        PjPtr best(proj_list_get(ctx, matches, 0));
        const char* a = proj_get_id_auth_name(best.get(), 0);
        const char* c = proj_get_id_code(best.get(), 0);
        if (a && c) out = std::string(a) + ":" + c;
    }
    proj_int_list_destroy(confidence);
    proj_list_destroy(matches);
    if (!out.empty()) return out;
    const char* name = proj_get_name(pj.get());
    return name ? name : "unnamed CRS";
}

bool is_metric_projected(const std::string& crs) {
    PJ_CONTEXT* ctx = lookup_context();
    PjPtr pj = create_crs(ctx, crs);
    if (proj_get_type(pj.get()) != PJ_TYPE_PROJECTED_CRS) return false;
    PjPtr cs(proj_crs_get_coordinate_system(ctx, pj.get()));
    if (!cs) return false;
    double factor = 0;
    if (!proj_cs_get_axis_info(ctx, cs.get(), 0, nullptr, nullptr, nullptr, &factor, nullptr, nullptr, nullptr))
        return false;
    return std::abs(factor - 1.0) < 1e-12;
}

} // namespace apreptis::geo

namespace apreptis::geo {

std::optional<Envelope> area_of_use_lonlat(const std::string& crs) {
    PJ_CONTEXT* ctx = lookup_context();
    PjPtr pj = create_crs(ctx, crs);
    double w = 0, so = 0, e = 0, n = 0;
    const char* name = nullptr;
    if (!proj_get_area_of_use(ctx, pj.get(), &w, &so, &e, &n, &name) || w <= -1000) return std::nullopt;
    if (w > e) e += 360; // crosses the antimeridian: compare on 0..360 as well
    return Envelope{w, so, e, n};
}

} // namespace apreptis::geo
