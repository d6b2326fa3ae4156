#pragma once
// Reads band 1 of any GDAL raster (GeoTIFF, ...) as cells: each cell a polygon in the working
// CRS (its four corners reprojected) with its value, or none where the band says nodata.
// Only the cells over a window of interest are read, so a country's grid costs what the
// study area needs. Used for population grids (persons per cell); knows nothing of people.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

struct RasterReadOptions {
    std::string declared_crs;            ///< for a raster without a CRS; must agree with the file's
    std::string target_crs = "EPSG:3346";
    std::optional<Envelope> window;      ///< in the target CRS: only cells over it are read
    double max_cells = 5e7;              ///< larger windows are refused (memory)
};

struct RasterCell {
    Polygon polygon;              ///< corners top-left, top-right, bottom-right, bottom-left, closed
    std::optional<double> value;  ///< nullopt: nodata (or NaN)
    long long row = 0, column = 0; ///< in the whole raster, from the top-left
};

struct RasterGrid {
    std::string path;
    std::string driver;
    std::string source_crs;       ///< "EPSG:3035", as the file says (or as declared)
    int bands = 0;                ///< only band 1 is read
    long long columns = 0, rows = 0; ///< of the whole raster
    double cell_width = 0, cell_height = 0; ///< in the source CRS's units
    std::optional<double> nodata;
    long long cells_in_window = 0; ///< cells read (every cell of the window)
    long long zero_cells = 0;     ///< read, value 0: not kept in `cells`
    Envelope extent;              ///< of every cell read, in the target CRS
    std::vector<RasterCell> cells; ///< cells with a non-zero value, and nodata cells, row by row
};

/// Throws IoError (unreadable, not a raster, rotated or sheared geotransform, window too
/// large) or CrsError (no CRS and none declared, or one that disagrees) naming the file.
/// A window the raster does not reach gives no cells (the caller says what that means).
RasterGrid read_raster_grid(const std::string& path, const RasterReadOptions& options);

} // namespace apreptis::geo
