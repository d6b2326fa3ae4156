#pragma once
// Writes layers to a GeoPackage and tables to CSV. Both write to a temporary file in the
// same directory and rename it into place, so a failed run never leaves a partial file.
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

enum class FieldType { integer, real, text };
enum class GeometryType { none, point, multipolygon, multilinestring };

struct FieldDef {
    std::string name;
    FieldType type = FieldType::text;
};

/// null, integer, real or text
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct OutFeature {
    std::vector<Value> values; ///< one per field
    Geometry geometry;
};

struct OutLayer {
    std::string name;
    GeometryType geometry_type = GeometryType::none;
    std::vector<FieldDef> fields;
    std::vector<OutFeature> features;
    std::string description; ///< stored as the layer's description where the format allows
    /// GeoPackage R-tree for this layer. For held rows GDAL 3.6 fills it row by row when the
    /// file is closed (~17 us a feature); generated rows get it packed in one pass.
    bool spatial_index = true;
    /// A layer too large to hold (units x service types rows at country scale: ~350 bytes a
    /// row held) is made while it is written instead: `generated_rows` rows, generate(i, f)
    /// filling row i into f (all its values). `features` then stays empty. Such rows go into
    /// a GeoPackage straight through SQLite (geo/io/gpkg_bulk.hpp), ~10x faster than OGR;
    /// generate may be called from several threads at once (the CSV and the GeoPackage of one
    /// layer are written side by side, rows made ahead): it must only read what it captures.
    std::size_t generated_rows = 0;
    std::function<void(std::size_t, OutFeature&)> generate;

    std::size_t size() const { return generate ? generated_rows : features.size(); }
    /// f(i, const OutFeature&) for every row in order, held or made.
    template <class F> void for_each(F f) const {
        if (!generate) {
            for (std::size_t i = 0; i < features.size(); ++i) f(i, features[i]);
            return;
        }
        OutFeature row;
        for (std::size_t i = 0; i < generated_rows; ++i) {
            generate(i, row);
            f(i, static_cast<const OutFeature&>(row));
        }
    }
};

/// All layers into one GeoPackage, geometries in `crs` (e.g. "EPSG:3346"). Throws IoError.
void write_geopackage(const std::string& path, const std::string& crs, const std::vector<OutLayer>& layers);

/// One layer's attributes as RFC 4180 CSV (UTF-8, header row; geometry not written).
void write_csv(const std::string& path, const OutLayer& layer);

/// Any text file, atomically.
void write_text_file(const std::string& path, const std::string& content);

/// Shortest decimal text that reads back as the same double.
std::string format_number(double v);

} // namespace apreptis::geo
