#include "geo/io/raster_reader.hpp"

#include <algorithm>
#include <cmath>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/crs/transformer.hpp"
#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::geo {

namespace {

/// The raster's CRS as a definition PROJ reads; the declared one must agree with the file's.
std::string source_crs_of(GDALDataset& ds, const std::string& path, const std::string& declared) {
    const OGRSpatialReference* file_srs = ds.GetSpatialRef();
    if (file_srs && !file_srs->IsEmpty()) {
        if (!declared.empty()) {
            OGRSpatialReference d;
            if (d.SetFromUserInput(declared.c_str()) != OGRERR_NONE)
                throw CrsError(Location{.path = path}, "declared CRS '" + declared + "' is not a CRS");
            if (!d.IsSame(file_srs))
                throw CrsError(Location{.path = path}, "the project declares " + declared + " but the raster says " +
                               describe_crs(detail::srs_to_wkt(*file_srs)) + "; remove the declaration or fix the file");
        }
        return detail::srs_to_wkt(*file_srs);
    }
    if (declared.empty())
        throw CrsError(Location{.path = path}, "the raster has no CRS; declare one (grid_crs = \"EPSG:...\") in the project file");
    return declared;
}

/// Columns [c0, c1) and rows [r0, r1) of the cells over `window` (target CRS), one cell of
/// margin; the whole raster when the window cannot be expressed in the raster's CRS.
struct Span {
    long long c0, c1, r0, r1;
};
Span window_span(const double gt[6], long long columns, long long rows, const Envelope& window,
                 const std::string& source_def, const std::string& target_crs) {
    // the window's edges, densified: a box in one CRS is curved in another
    constexpr int steps = 16;
    std::vector<XY> edge;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double x = window.min_x + t * window.width(), y = window.min_y + t * window.height();
        edge.insert(edge.end(), {{x, window.min_y}, {x, window.max_y}, {window.min_x, y}, {window.max_x, y}});
    }
    try {
        Transformer(target_crs, source_def).transform(edge);
    } catch (const CrsError&) {
        return {0, columns, 0, rows};
    }
    Envelope src;
    for (const XY& p : edge) src.expand(p);
    const double ca = (src.min_x - gt[0]) / gt[1], cb = (src.max_x - gt[0]) / gt[1];
    const double ra = (src.min_y - gt[3]) / gt[5], rb = (src.max_y - gt[3]) / gt[5];
    auto clamp = [](double v, long long hi) {
        return static_cast<long long>(std::clamp(v, 0.0, static_cast<double>(hi)));
    };
    return {clamp(std::floor(std::min(ca, cb)) - 1, columns), clamp(std::ceil(std::max(ca, cb)) + 1, columns),
            clamp(std::floor(std::min(ra, rb)) - 1, rows), clamp(std::ceil(std::max(ra, rb)) + 1, rows)};
}

} // namespace

RasterGrid read_raster_grid(const std::string& source, const RasterReadOptions& opt) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    RasterGrid g;
    const std::string path = redacted(source);
    g.path = path;
    if (!detail::file_exists(source)) throw IoError(Location{.path = path}, "file not found");
    GDALDatasetUniquePtr ds(
        GDALDataset::FromHandle(GDALOpenEx(source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds)
        throw IoError(Location{.path = path}, "not a raster GDAL can read (" + quiet.last_message() +
                      "); a vector grid needs grid_field = \"...\" naming its population field");
    g.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    g.bands = ds->GetRasterCount();
    if (g.bands < 1) throw IoError(Location{.path = path}, "the raster has no band");
    g.columns = ds->GetRasterXSize();
    g.rows = ds->GetRasterYSize();
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
        throw IoError(Location{.path = path}, "the raster has no georeferencing (geotransform); cells cannot be placed");
    if (gt[2] != 0 || gt[4] != 0)
        throw IoError(Location{.path = path}, "the raster is rotated or sheared (geotransform terms " + format_number(gt[2]) + ", " +
                      format_number(gt[4]) + "); warp it north-up first (gdalwarp)");
    if (gt[1] == 0 || gt[5] == 0) throw IoError(Location{.path = path}, "the raster's cell size is 0 in its geotransform");
    g.cell_width = std::abs(gt[1]);
    g.cell_height = std::abs(gt[5]);
    const std::string source_def = source_crs_of(*ds, path, opt.declared_crs);
    g.source_crs = describe_crs(source_def);
    const Transformer to_target(source_def, opt.target_crs);

    GDALRasterBand* band = ds->GetRasterBand(1);
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    if (has_nodata) g.nodata = nodata;
    int has_scale = 0, has_offset = 0;
    double scale = band->GetScale(&has_scale), offset = band->GetOffset(&has_offset);
    if (!has_scale) scale = 1;
    if (!has_offset) offset = 0;

    const Span s = opt.window ? window_span(gt, g.columns, g.rows, *opt.window, source_def, opt.target_crs)
                              : Span{0, g.columns, 0, g.rows};
    const long long nc = s.c1 - s.c0, nr = s.r1 - s.r0;
    if (nc <= 0 || nr <= 0) return g; // the raster does not reach the window
    if (static_cast<double>(nc) * static_cast<double>(nr) > opt.max_cells)
        throw IoError(Location{.path = path}, std::to_string(nc) + " x " + std::to_string(nr) + " cells over the study area (limit " +
                      format_number(opt.max_cells) + "); use a coarser grid or clip it (gdal_translate -projwin)");
    std::vector<double> values(static_cast<std::size_t>(nc * nr));
    if (band->RasterIO(GF_Read, static_cast<int>(s.c0), static_cast<int>(s.r0), static_cast<int>(nc),
                       static_cast<int>(nr), values.data(), static_cast<int>(nc), static_cast<int>(nr), GDT_Float64, 0,
                       0) != CE_None)
        throw IoError(Location{.path = path}, "reading band 1 failed: " + quiet.last_message());
    g.cells_in_window = nc * nr;

    // every cell corner once, reprojected in one batch (neighbouring cells share them exactly)
    const auto stride = static_cast<std::size_t>(nc + 1);
    std::vector<XY> nodes(stride * static_cast<std::size_t>(nr + 1));
    for (long long i = 0; i <= nr; ++i)
        for (long long j = 0; j <= nc; ++j)
            nodes[static_cast<std::size_t>(i) * stride + static_cast<std::size_t>(j)] = {
                gt[0] + static_cast<double>(s.c0 + j) * gt[1], gt[3] + static_cast<double>(s.r0 + i) * gt[5]};
    to_target.transform(nodes);
    for (const XY& p : nodes) g.extent.expand(p);
    auto node = [&](long long i, long long j) {
        return nodes[static_cast<std::size_t>(i) * stride + static_cast<std::size_t>(j)];
    };
    for (long long i = 0; i < nr; ++i)
        for (long long j = 0; j < nc; ++j) {
            const double raw = values[static_cast<std::size_t>(i * nc + j)];
            std::optional<double> v;
            if (!std::isnan(raw) && !(has_nodata && raw == nodata)) v = raw * scale + offset;
            if (v && *v == 0) {
                ++g.zero_cells;
                continue;
            }
            RasterCell c;
            c.polygon.outer = {node(i, j), node(i, j + 1), node(i + 1, j + 1), node(i + 1, j), node(i, j)};
            c.value = v;
            c.row = s.r0 + i;
            c.column = s.c0 + j;
            g.cells.push_back(std::move(c));
        }
    return g;
}

} // namespace apreptis::geo
