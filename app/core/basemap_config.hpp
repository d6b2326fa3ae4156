#pragma once
// [basemap] in the project file: the streets drawn under the wards in the viewer, its PNG
// export and the report's maps (docs/PROJECT_FILE.md#basemap). Reading the pixels is
// geo/io/basemap_source.hpp; a source that fails there is a warning, never a failed run.
#include <string>

#include "app/core/toml_reader.hpp"

namespace apreptis::app {

struct BasemapConfig {
    /// Any GDAL raster: a file (absolute after loading), an XYZ template with {z}/{x}/{y}, a
    /// GDAL_WMS description, "WMTS:...", "WMS:...".
    std::string source;
    std::string attribution;   ///< whose map it is, shown wherever the map is
    double ward_opacity = 0.6; ///< the ward fills over the basemap (1 = opaque: no streets show)
};

/// Reads the section's keys (the caller calls finish()). A relative file path is taken from
/// the project file's folder; URLs, GDAL_WMS descriptions and "DRIVER:..." names as written.
/// Throws apreptis::Error naming the key when the source or attribution is missing.
BasemapConfig basemap_config(const TomlTable& t);

/// Whether `source` names a file (resolved against the project's folder), not a URL or a
/// GDAL connection string.
bool basemap_source_is_file(const std::string& source);

} // namespace apreptis::app
