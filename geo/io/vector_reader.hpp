#pragma once
// Reads one layer of any GDAL vector source (GeoPackage, Shapefile, GeoJSON, CSV, ...)
// into plain records, with geometries reprojected into the working CRS.
// Attribute values are kept as text exactly as the source gives them, so that every
// loader parses numbers the same strict way and reports broken ones with their location.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

struct ReadOptions {
    std::string layer;          ///< empty: the only layer (error if there are several)
    std::string x_field;        ///< with y_field: build points from these columns (CSV and tables)
    std::string y_field;
    std::string declared_crs;   ///< CRS of x/y columns or of a source without one; must agree with the file's
    std::string target_crs = "EPSG:3346";
    bool allow_empty = false;   ///< an empty layer is an error unless allowed
    bool geometry_required = false; ///< every feature must have a geometry
};

struct FeatureRecord {
    std::int64_t fid = -1;
    std::vector<std::optional<std::string>> values; ///< one per field; nullopt = null/unset
    Geometry geometry;
};

struct FeatureTable {
    std::string path;
    std::string layer;
    std::string driver;
    std::string source_crs;   ///< "EPSG:4326", or empty when the layer has no geometry
    std::vector<std::string> fields;
    std::vector<FeatureRecord> features;

    /// -1 when absent.
    int field_index(const std::string& name) const;
    /// Throws IoError naming the file, layer, the missing field and the fields present.
    int require_field(const std::string& name) const;
    /// "path:layer:fid N:field" (with the CSV line number for CSV sources).
    std::string where(const FeatureRecord& f, const std::string& field = {}) const;
};

FeatureTable read_vector(const std::string& path, const ReadOptions& options = {});

/// Names of the layers of a source (for messages and the viewer).
std::vector<std::string> list_layers(const std::string& path);

/// GDAL's version string, for the run record.
std::string gdal_version();

} // namespace apreptis::geo
