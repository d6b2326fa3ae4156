#pragma once
// Reads one layer of any GDAL vector source (GeoPackage, Shapefile, GeoJSON, CSV, ...)
// into plain records, with geometries reprojected into the working CRS.
// Attribute values are kept as text exactly as the source gives them, so that every
// loader parses numbers the same strict way and reports broken ones with their location.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/errors.hpp"
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
    /// Text encoding of a CSV or Shapefile source: empty or "UTF-8", or e.g. "CP1257" (Lithuanian
    /// Excel exports); text is decoded to UTF-8. Any text that is not valid UTF-8 after this is
    /// an error naming the feature and field.
    std::string encoding;
    char separator = 0;         ///< CSV: ',' ';' or '\t'; 0 detects it from the header
    bool decimal_comma = false; ///< numbers are written 12,5 (x/y columns and every numeric field read as text)
    /// Every feature must lie in the target CRS's area of use (with a margin): swapped lat/lon
    /// or a wrong declared CRS are caught here.
    bool check_area_of_use = true;
};

/// How the source stores a field (GDAL's type and subtype).
enum class FieldKind { integer, real, text, boolean, date, other };

struct FeatureRecord {
    std::int64_t fid = -1;
    long long line = -1;        ///< CSV: the physical line the record starts on
    std::vector<std::optional<std::string>> values; ///< one per field; nullopt = null/unset
    Geometry geometry;
};

struct FeatureTable {
    std::string path;
    std::string layer;
    std::string driver;
    std::string source_crs;   ///< "EPSG:4326", or empty when the layer has no geometry
    std::vector<std::string> fields;
    std::vector<FieldKind> kinds;   ///< one per field
    bool decimal_comma = false;     ///< numbers in text fields use a decimal comma
    std::vector<FeatureRecord> features;

    /// -1 when absent.
    int field_index(const std::string& name) const;
    /// Throws IoError naming the file, layer, the missing field and the fields present.
    int require_field(const std::string& name) const;
    /// Where a feature (and field) is: path, layer, fid, CSV line, field.
    Location at(const FeatureRecord& f, const std::string& field = {}) const;
    /// at(f, field).to_string()
    std::string where(const FeatureRecord& f, const std::string& field = {}) const;
};

/// True when GDAL (iconv) can decode text from this encoding.
bool is_known_encoding(const std::string& encoding);

/// A number written in text, strictly: the whole text, finite; with decimal_comma, "12,5".
bool parse_number(const std::string& text, bool decimal_comma, double& out);

/// Throws IoError / CrsError naming the path (credentials of a database source redacted),
/// layer, feature, line and field.
FeatureTable read_vector(const std::string& path, const ReadOptions& options = {});

/// Names of the layers of a source (for messages and the viewer).
std::vector<std::string> list_layers(const std::string& path);

/// GDAL's version string, for the run record.
std::string gdal_version();

} // namespace apreptis::geo
