#include "geo/io/gpkg_geometry_blob.hpp"

#include <bit>

namespace apreptis::geo::detail {

static_assert(std::endian::native == std::endian::little, "the blobs are written little-endian");

static_assert(sizeof(XY) == 2 * sizeof(double), "XY is two packed doubles");

namespace {

void ring(Blob& b, const Ring& r, Envelope& box) {
    b.u32(static_cast<std::uint32_t>(r.size()));
    b.points(r.data(), r.size());
    for (XY p : r) box.expand(p);
}

} // namespace

/// The blob of `g` (nothing for no geometry or an empty one) and its envelope.
bool geometry_blob(const Geometry& g, std::int32_t srs_id, Blob& b, Envelope& box) {
    b.clear();
    box = Envelope{};
    const bool point = std::holds_alternative<XY>(g);
    if (std::holds_alternative<std::monostate>(g)) return false;
    if (auto* ml = std::get_if<MultiLineString>(&g); ml && ml->empty()) return false;
    if (auto* mp = std::get_if<MultiPolygon>(&g); mp && mp->empty()) return false;
    // header: magic, version 0, flags (little-endian; envelope [minx, maxx, miny, maxy]
    // except for points, as GDAL writes them), srs_id; the envelope is patched in below
    b.u8('G');
    b.u8('P');
    b.u8(0);
    b.u8(point ? 0x01 : 0x03);
    b.i32(srs_id);
    const std::size_t envelope_at = b.size();
    if (!point)
        for (int i = 0; i < 4; ++i) b.f64(0);
    b.u8(1); // WKB little-endian
    if (auto* p = std::get_if<XY>(&g)) {
        b.u32(1);
        b.xy(*p);
        box.expand(*p);
        return true;
    }
    if (auto* ml = std::get_if<MultiLineString>(&g)) {
        b.u32(5);
        b.u32(static_cast<std::uint32_t>(ml->size()));
        for (const LineString& l : *ml) {
            b.u8(1);
            b.u32(2);
            ring(b, l, box);
        }
    } else {
        const auto& mp = std::get<MultiPolygon>(g);
        b.u32(6);
        b.u32(static_cast<std::uint32_t>(mp.size()));
        for (const Polygon& p : mp) {
            b.u8(1);
            b.u32(3);
            b.u32(static_cast<std::uint32_t>(1 + p.holes.size()));
            ring(b, p.outer, box);
            for (const Ring& h : p.holes) ring(b, h, box);
        }
    }
    const double env[4] = {box.min_x, box.max_x, box.min_y, box.max_y};
    std::memcpy(b.data() + envelope_at, env, sizeof env);
    return true;
}

} // namespace apreptis::geo::detail
