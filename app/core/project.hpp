#pragma once
// The project file (TOML) names every input and parameter of a run; paths are relative to
// the file. Format: docs/PROJECT_FILE.md.
#include <optional>
#include <string>
#include <map>
#include <vector>

#include "geo/routing/road_reader.hpp"
#include "model/scenario.hpp"

namespace apreptis::app {

struct LayerSource {
    std::string path;  ///< absolute after loading
    std::string layer; ///< empty: the only layer
    std::string crs;   ///< declared CRS (needed for x/y columns or files without one)
    std::string x_field;
    std::string y_field;
};

struct RoadsConfig {
    std::string path;
    std::string format = "osm";   ///< osm | lines
    std::string osmconf;          ///< default: datasets/osm/osmconf_roads.ini next to the catalogue
    std::string profile = "walk"; ///< walk | senior_walk | drive
    double margin_m = 2000;       ///< ways within this distance of the wards' bounding box are kept
    double snap_tolerance_m = 0.5;///< generic lines: ends closer than this are joined
    geo::LineFieldMap fields;     ///< generic lines only
};

struct SurfaceConfig {
    std::string method = "grid";  ///< grid | points
    double grid_cell_m = 250;
    LayerSource points;           ///< method = points
    std::string weight_field;     ///< e.g. floors; 0 or empty counts as 1
    std::string purpose_field;
    std::vector<std::string> residential_codes; ///< empty: every point
    std::string description;      ///< the rule in words, written to the outputs
};

struct AccessConfig {
    std::string profile = "walk";
    double max_snap_distance_m = 500;
    std::map<std::string, double> threshold_min;
    std::vector<double> catchment_bands_min{10, 20, 30};
    double catchment_buffer_m = 50;
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

    std::optional<RoadsConfig> roads;
    std::optional<SurfaceConfig> surface;
    std::optional<AccessConfig> access; ///< travel-distance analysis runs when set

    model::Scenario scenario;  ///< what-if edits (empty for a plain project)
    std::string scenario_file; ///< the scenario file when the project came through one
};

/// A scenario file: [scenario] base = "<project.toml>" plus edits; see docs/PROJECT_FILE.md.
/// load_project() accepts both kinds.
void write_scenario_file(const std::string& path, const std::string& base_project, const model::Scenario& scenario);

/// Throws apreptis::Error with file:line:column for TOML syntax errors and for missing or
/// mistyped keys.
Project load_project(const std::string& path);

} // namespace apreptis::app
