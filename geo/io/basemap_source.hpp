#pragma once
// Streets underneath the wards: a window of any GDAL raster (GeoTIFF, MBTiles, GeoPackage
// tiles, WMTS, a GDAL_WMS description, or an XYZ tile URL template such as
// "https://tile.openstreetmap.org/{z}/{x}/{y}.png") warped to the map's CRS, extent and pixel
// size, as RGBA pixels. No GL or Cairo here: the viewer uploads the pixels as a texture, the
// report paints them under the ward fills. Tiles come through GDAL's WMS driver with its disk
// cache; GDAL picks the zoom level (overview) that fits the requested pixel size.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

struct BasemapRequest {
    std::string target_crs = "EPSG:3346";
    Envelope extent;          ///< in target_crs
    int width = 0, height = 0; ///< pixels; extent.width() / width metres a pixel
};

struct BasemapImage {
    Envelope extent;                 ///< what the pixels cover (the request's extent)
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  ///< width * height * 4, top row first; alpha 0 where the source has no data
};

/// The GDAL dataset name a project's `[basemap] source` opens: an XYZ template ({z}/{x}/{y},
/// or ${z}/${x}/${y}) becomes a GDAL_WMS description in EPSG:3857 with a disk cache
/// (GDAL_DEFAULT_WMS_CACHE_PATH when set, else $XDG_CACHE_HOME or ~/.cache /apreptis/tiles);
/// anything else is passed to GDAL as written.
std::string basemap_dataset_name(const std::string& source);

/// Throws IoError naming the source and GDAL's reason (unreachable server, 404, not a
/// raster, no CRS, a request of no pixels or over 64 megapixels), both with any API key or
/// password in a URL redacted (redact_url.hpp). Callers turn it into a warning.
BasemapImage read_basemap(const std::string& source, const BasemapRequest& request);

} // namespace apreptis::geo
