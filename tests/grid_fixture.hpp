#pragma once
// Synthetic population grids for tests, written with GDAL: the same cells as a GeoTIFF (band 1,
// optional nodata) and as a GeoPackage of square polygons with a persons field (null where the
// raster has nodata), corners in the order geo::read_raster_grid builds them.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace apreptis::test {

struct SyntheticGrid {
    double x0 = 0, y1 = 0;        ///< top-left corner
    double cell_w = 1, cell_h = 1;
    int columns = 0, rows = 0;
    std::string crs = "EPSG:3346";
    std::vector<std::optional<double>> values; ///< row by row from the top; nullopt = nodata
    double nodata = -9999;
    bool write_nodata = true;     ///< declare the nodata value in the file
    double rotation = 0;          ///< geotransform term 2 (non-zero: a rotated raster)

    std::optional<double>& at(int row, int col) { return values[static_cast<std::size_t>(row * columns + col)]; }
};

inline void write_geotiff(const SyntheticGrid& g, const std::string& path, bool with_crs = true) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), g.columns, g.rows, 1, GDT_Float64, nullptr));
    double gt[6] = {g.x0, g.cell_w, g.rotation, g.y1, 0, -g.cell_h};
    ds->SetGeoTransform(gt);
    if (with_crs) {
        OGRSpatialReference srs;
        srs.SetFromUserInput(g.crs.c_str());
        ds->SetSpatialRef(&srs);
    }
    std::vector<double> buf;
    for (const auto& v : g.values) buf.push_back(v ? *v : g.nodata);
    GDALRasterBand* b = ds->GetRasterBand(1);
    if (g.write_nodata) b->SetNoDataValue(g.nodata);
    if (b->RasterIO(GF_Write, 0, 0, g.columns, g.rows, buf.data(), g.columns, g.rows, GDT_Float64, 0, 0) != CE_None)
        throw std::runtime_error("test: cannot write " + path);
}

/// Every cell as a polygon (zero cells too, as a published grid may list them), field "persons".
inline void write_grid_polygons(const SyntheticGrid& g, const std::string& path) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.SetFromUserInput(g.crs.c_str());
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("grid", &srs, wkbPolygon, nullptr);
    OGRFieldDefn fd("persons", OFTReal);
    layer->CreateField(&fd);
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.columns; ++c) {
            auto x = [&](int j) { return g.x0 + j * g.cell_w; };
            auto y = [&](int i) { return g.y1 - i * g.cell_h; };
            OGRLinearRing ring;
            ring.addPoint(x(c), y(r));
            ring.addPoint(x(c + 1), y(r));
            ring.addPoint(x(c + 1), y(r + 1));
            ring.addPoint(x(c), y(r + 1));
            ring.addPoint(x(c), y(r));
            OGRPolygon poly;
            poly.addRing(&ring);
            OGRFeature f(layer->GetLayerDefn());
            const auto& v = g.values[static_cast<std::size_t>(r * g.columns + c)];
            if (v) f.SetField("persons", *v);
            else f.SetFieldNull(0);
            f.SetGeometry(&poly);
            if (layer->CreateFeature(&f) != OGRERR_NONE) throw std::runtime_error("test: cannot write " + path);
        }
}

} // namespace apreptis::test
