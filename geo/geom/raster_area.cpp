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
} // namespace

MultiPolygon raster_buffer(const MultiLineString& lines, double distance, double cell) {
    require(positive_finite(distance), "raster_buffer: distance > 0 and finite");
    require(positive_finite(cell), "raster_buffer: cell > 0 and finite");
    MultiPolygon out;
    if (lines.empty()) return out;
    const Envelope e = envelope_of(lines);
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
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    const int nx = static_cast<int>(cols), ny = static_cast<int>(rows);
    // a cell belongs to the area when its centre is within `distance` of a line (exact
    // point-to-segment distance, so the area is unbiased to within half a cell at its edge)
    std::vector<unsigned char> grid(static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny), 0);
    const double inner2 = (distance * (1 - 1e-9)) * (distance * (1 - 1e-9)),
                 outer2 = (distance * (1 + 1e-9)) * (distance * (1 + 1e-9));
    for (const auto& l : lines)
        for (std::size_t k = 1; k < l.size(); ++k) {
            const XY a = l[k - 1], b = l[k];
            const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
            const int i0 = std::max(0, static_cast<int>((std::min(a.x, b.x) - distance - x0) / cell));
            const int i1 = std::min(nx - 1, static_cast<int>((std::max(a.x, b.x) + distance - x0) / cell));
            const int j0 = std::max(0, static_cast<int>((y1 - std::max(a.y, b.y) - distance) / cell));
            const int j1 = std::min(ny - 1, static_cast<int>((y1 - std::min(a.y, b.y) + distance) / cell));
            for (int j = j0; j <= j1; ++j)
                for (int i = i0; i <= i1; ++i) {
                    unsigned char& g = grid[static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i)];
                    if (g) continue; // already inside: the other segments cannot change it
                    const double cx = x0 + (i + 0.5) * cell, cy = y1 - (j + 0.5) * cell;
                    double t = len2 > 0 ? ((cx - a.x) * dx + (cy - a.y) * dy) / len2 : 0;
                    t = std::clamp(t, 0.0, 1.0);
                    const double ex = a.x + t * dx - cx, ey = a.y + t * dy - cy, d2 = ex * ex + ey * ey;
                    // squared distances decide all but a hair's breadth at the edge, where
                    // hypot decides as before (the same cells as ever, without a hypot per cell)
                    if (d2 <= inner2 || (d2 <= outer2 && std::hypot(ex, ey) <= distance)) g = 1;
                }
        }

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
    // the band is its own mask: only cells set to 1 become polygons
    if (GDALPolygonize(band, band, layer, 0, nullptr, nullptr, nullptr) != CE_None)
        throw IoError("raster buffer: polygonize failed: " + quiet.last_message());
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

} // namespace apreptis::geo
