#pragma once
// The project file (TOML) names every input and parameter of a run; paths are relative to
// the file. Format: docs/PROJECT_FILE.md.
#include <optional>
#include <string>
#include <vector>

namespace apreptis::app {

struct LayerSource {
    std::string path;  ///< absolute after loading
    std::string layer; ///< empty: the only layer
    std::string crs;   ///< declared CRS (needed for x/y columns or files without one)
    std::string x_field;
    std::string y_field;
};

struct Project {
    std::string file;           ///< the project file itself
    std::string name;
    std::string working_crs = "EPSG:3346";

    std::string service_types;  ///< catalogue CSVs
    std::string target_groups;

    LayerSource wards;
    std::string ward_code_field = "code";
    std::string ward_name_field = "name";
    std::string ward_municipality_field;
    std::string ward_municipality_name; ///< when the layer has no municipality field
    std::string ward_population_field = "population";
    std::string ward_population_source;
    bool repair_invalid = false;
    double overlap_tolerance_m2 = 100.0;

    std::optional<LayerSource> providers;
    std::string default_municipality;
    std::optional<std::string> population_groups;
    std::optional<std::string> needs;
    std::vector<std::string> attribution;
};

/// Throws apreptis::Error with file:line:column for TOML syntax errors and for missing or
/// mistyped keys.
Project load_project(const std::string& path);

} // namespace apreptis::app
