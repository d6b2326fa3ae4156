#include "geo/geom/raster_area.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/preconditions.hpp"

namespace apreptis::geo {

namespace {
Ring ring_of(const OGRLinearRing* r) {
    Ring out(static_cast<std::size_t>(r->getNumPoints()));
    for (int i = 0; i < r->getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {r->getX(i), r->getY(i)};
    return out;
}

/// Polygons of the cells of `grid` (nx x ny, one byte each, origin x0 / y1, north up) that
/// are non-zero, through GDALPolygonize (the band is its own mask).
MultiPolygon polygonize(std::vector<unsigned char>& grid, int nx, int ny, double x0, double y1, double cell) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!mem || !vmem) throw IoError("GDAL has no MEM / Memory driver");
    GDALDatasetUniquePtr ras(mem->Create("", nx, ny, 1, GDT_Byte, nullptr));
    double gt[6] = {x0, cell, 0, y1, 0, -cell};
    ras->SetGeoTransform(gt);
    GDALRasterBand* band = ras->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, nx, ny, grid.data(), nx, ny, GDT_Byte, 0, 0) != CE_None)
        throw IoError("raster buffer: write failed: " + quiet.last_message());
    GDALDatasetUniquePtr vec(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = vec->CreateLayer("area", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("v", OFTInteger);
    layer->CreateField(&fd);
    if (GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr) != CE_None)
        throw IoError("raster buffer: polygonize failed: " + quiet.last_message());
    MultiPolygon out;
    layer->ResetReading();
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPolygon) continue;
        const OGRPolygon* p = g->toPolygon();
        Polygon poly;
        poly.outer = ring_of(p->getExteriorRing());
        for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.holes.push_back(ring_of(p->getInteriorRing(i)));
        out.push_back(std::move(poly));
    }
    return out;
}

} // namespace

std::vector<MultiPolygon> raster_buffer_bands(const std::vector<MultiLineString>& increments, double distance,
                                              double cell) {
    require(positive_finite(distance), "raster_buffer: distance > 0 and finite");
    require(positive_finite(cell), "raster_buffer: cell > 0 and finite");
    std::vector<MultiPolygon> out(increments.size());
    Envelope e;
    for (const auto& lines : increments) e.expand(envelope_of(lines));
    if (e.empty()) return out;
    const double pad = distance + 2 * cell;
    const double x0 = e.min_x - pad, y1 = e.max_y + pad;
    const double cols = std::ceil((e.width() + 2 * pad) / cell), rows = std::ceil((e.height() + 2 * pad) / cell);
    // The grid is held in memory: refuse sizes that would exhaust it, with the numbers that matter.
    if (!(cols * rows <= max_raster_cells))
        throw Error("a catchment of " + std::to_string(static_cast<long long>(e.width())) + " x " +
                    std::to_string(static_cast<long long>(e.height())) + " m at a " + std::to_string(cell) +
                    " m cell needs " + std::to_string(cols * rows) + " raster cells (limit " +
                    std::to_string(static_cast<long long>(max_raster_cells)) +
                    "); use a larger catchment_buffer_m (the cell is half of it)");
    if (increments.size() > 254) throw Error("raster_buffer_bands: at most 254 bands");
    const int nx = static_cast<int>(cols), ny = static_cast<int>(rows);
    // a cell belongs to band b when its centre is within `distance` of a line of bands 0..b
    // (exact point-to-segment distance, so the area is unbiased to within half a cell at its
    // edge); it keeps the first band that reaches it, bands drawn in ascending order
    std::vector<unsigned char> grid(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny), 0);
    const double inner2 = (distance * (1 - 1e-9)) * (distance * (1 - 1e-9)),
                 outer2 = (distance * (1 + 1e-9)) * (distance * (1 + 1e-9));
    for (std::size_t b = 0; b < increments.size(); ++b) {
        const auto value = static_cast<unsigned char>(b + 1);
        for (const auto& l : increments[b])
            for (std::size_t k = 1; k < l.size(); ++k) {
                const XY a = l[k - 1], c = l[k];
                const double dx = c.x - a.x, dy = c.y - a.y, len2 = dx * dx + dy * dy;
                const int i0 = std::max(0, static_cast<int>((std::min(a.x, c.x) - distance - x0) / cell));
                const int i1 = std::min(nx - 1, static_cast<int>((std::max(a.x, c.x) + distance - x0) / cell));
                const int j0 = std::max(0, static_cast<int>((y1 - std::max(a.y, c.y) - distance) / cell));
                const int j1 = std::min(ny - 1, static_cast<int>((y1 - std::min(a.y, c.y) + distance) / cell));
                for (int j = j0; j <= j1; ++j) {
                    unsigned char* row = grid.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(nx);
                    const double cy = y1 - (j + 0.5) * cell;
                    for (int i = i0; i <= i1; ++i) {
                        if (row[i]) continue; // already inside (this band or a smaller one)
                        const double cx = x0 + (i + 0.5) * cell;
                        double t = len2 > 0 ? ((cx - a.x) * dx + (cy - a.y) * dy) / len2 : 0;
                        t = std::clamp(t, 0.0, 1.0);
                        const double ex = a.x + t * dx - cx, ey = a.y + t * dy - cy, d2 = ex * ex + ey * ey;
                        // squared distances decide all but a hair's breadth at the edge, where
                        // hypot decides (the same cells, without a hypot per cell)
                        if (d2 <= inner2 || (d2 <= outer2 && std::hypot(ex, ey) <= distance)) row[i] = value;
                    }
                }
            }
    }
    for (std::size_t b = 0; b < increments.size(); ++b) {
        const auto value = static_cast<unsigned char>(b + 1);
        // one value for the band's cells (polygonize outlines each value's regions apart);
        // the last band takes every marked cell, in place
        if (b + 1 == increments.size()) {
            for (unsigned char& g : grid) g = g != 0;
            out[b] = polygonize(grid, nx, ny, x0, y1, cell);
            break;
        }
        std::vector<unsigned char> mask(grid.size());
        for (std::size_t i = 0; i < grid.size(); ++i) mask[i] = grid[i] != 0 && grid[i] <= value;
        out[b] = polygonize(mask, nx, ny, x0, y1, cell);
    }
    return out;
}

MultiPolygon raster_buffer(const MultiLineString& lines, double distance, double cell) {
    return std::move(raster_buffer_bands({lines}, distance, cell).front());
}

} // namespace apreptis::geo
