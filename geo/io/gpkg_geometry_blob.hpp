#pragma once
// GeoPackage geometry blobs (GeoPackage 1.3 §2.1.3: a header, then little-endian WKB), built
// into one reused buffer per row as GDAL's own writer lays them out (compared byte for byte in
// tests/geo/gpkg_bulk_test.cpp).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo::detail {

class Blob {
public:
    void clear() { m_size = 0; }
    void u8(std::uint8_t v) { raw(&v, 1); }
    void u32(std::uint32_t v) { raw(&v, 4); } // little-endian host (x86-64, arm64)
    void i32(std::int32_t v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void xy(XY p) {
        f64(p.x);
        f64(p.y);
    }
    void raw(const void* p, std::size_t n) {
        if (m_size + n > m_bytes.size()) m_bytes.resize(std::max(2 * m_bytes.size(), m_size + n + 256));
        std::memcpy(m_bytes.data() + m_size, p, n);
        m_size += n;
    }
    /// n points' coordinates in one copy (XY is two packed doubles)
    void points(const XY* p, std::size_t n) { raw(p, n * sizeof(XY)); }
    unsigned char* data() { return m_bytes.data(); }
    const unsigned char* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_size; }

private:
    std::vector<unsigned char> m_bytes; // grown, never shrunk: one allocation serves every row
    std::size_t m_size = 0;
};

/// The blob of `g` (nothing for no geometry or an empty one) and its envelope.
bool geometry_blob(const Geometry& g, std::int32_t srs_id, Blob& b, Envelope& box);

} // namespace apreptis::geo::detail
