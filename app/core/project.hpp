#pragma once
// The project file (TOML) names every input and parameter of a run; paths are relative to
// the file. Format: docs/PROJECT_FILE.md. It is read strictly and validated once, here:
// unknown keys are errors, every length, time and count is range-checked where it is read,
// and every choice is an enum from then on.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/basemap_config.hpp"
#include "geo/routing/profile.hpp"
#include "geo/routing/road_reader.hpp"
#include "model/access.hpp"
#include "model/robustness/variation.hpp"

namespace apreptis::app {

struct LayerSource {
    std::string path;  ///< absolute after loading (or a "PG:" connection string)
    std::string layer; ///< empty: the only layer
    std::string crs;   ///< declared CRS (needed for x/y columns or files without one)
    std::string x_field;
    std::string y_field;
    std::string encoding;       ///< CSV / Shapefile text encoding, e.g. "cp1257"; empty = UTF-8
    char separator = 0;         ///< CSV: ',' ';' '\t'; 0 = detect from the header
    bool decimal_comma = false; ///< numbers written 12,5
};

enum class RoadFormat { osm, lines };
const char* to_string(RoadFormat f);

struct RoadsConfig {
    std::string path;
    RoadFormat format = RoadFormat::osm;
    std::string osmconf;          ///< default: datasets/osm/osmconf_roads.ini next to the catalogue
    double margin_m = 2000;       ///< ways within this distance of the wards' bounding box are kept
    /// OSM: read only the ways within this distance of the wards' box (roads_input.hpp: default)
    std::optional<double> clip_margin_m;
    double snap_tolerance_m = 0.5;///< generic lines: ends closer than this are joined
    geo::LineFieldMap fields;     ///< generic lines only
};

enum class SurfaceMethod { grid, points };
const char* to_string(SurfaceMethod m);

struct SurfaceConfig {
    SurfaceMethod method = SurfaceMethod::grid;
    double grid_cell_m = 250;
    LayerSource points;           ///< method = points
    std::string weight_field;     ///< e.g. floors; 0 or empty counts as 1
    std::string purpose_field;
    std::vector<std::string> residential_codes; ///< empty: every point
    std::string description;      ///< the rule in words, written to the outputs
};

/// [population] grid: persons per cell, a raster or a vector grid (docs/PROJECT_FILE.md).
struct PopulationGridConfig {
    std::string path;
    std::string field;  ///< vector grids: the persons field; empty: the file is a raster
    std::string layer;  ///< vector grids with several layers
    std::string crs;    ///< declared, for a file without one
};

struct AccessConfig {
    geo::Profile profile = geo::Profile::walk;
    double max_snap_distance_m = 500;
    std::map<std::string, double> threshold_min;
    std::vector<double> catchment_bands_min{10, 20, 30}; ///< ascending
    double catchment_buffer_m = 50;
    model::CatchmentScope catchments = model::CatchmentScope::provider;
    std::optional<double> straight_line_kmh; ///< without roads: the straight-line speed (else walking)
};

/// [capacity]: demand, supply and the capacity analysis (docs/CAPACITY.md).
struct CapacityConfig {
    std::map<std::string, double> need_per_1000; ///< "service" or "service/group" -> per 1000
    std::map<std::string, double> places;        ///< provider id -> places (overrides the data)
    std::string places_basis;                    ///< why those places (written beside them)
    std::vector<std::string> services;           ///< empty: all with located providers
    std::vector<double> zones_min{10, 20, 30};   ///< E2SFCA zones
    std::vector<double> weights{1.0, 0.68, 0.22};
    double cluster_cell_m = 500;
};

/// [addresses]: address points for `apreptis locate` (docs/LOCATE.md). An .osm.pbf is read
/// with its addr:* tags; any other layer names its fields here.
struct AddressesConfig {
    LayerSource source;
    std::string municipality_field, locality_field, street_field, house_number_field, letter_field,
        building_number_field;
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
    double gap_tolerance_m2 = 1000.0;

    std::optional<LayerSource> providers;
    std::string default_municipality;
    std::optional<AddressesConfig> addresses;
    std::optional<std::string> population_groups;
    std::optional<PopulationGridConfig> population_grid; ///< the population surface when set
    std::optional<std::string> needs;
    std::vector<std::string> plans; ///< [plan] paths: measures plans and reports (docs/INPUTS.md)
    std::vector<std::string> attribution;
    std::optional<BasemapConfig> basemap; ///< [basemap]: streets under the wards (viewer, PNG export, report maps)

    std::optional<RoadsConfig> roads;
    std::optional<SurfaceConfig> surface;
    std::optional<AccessConfig> access; ///< travel-distance analysis runs when set (or with [roads], [capacity])
    std::optional<CapacityConfig> capacity; ///< capacity analysis runs when set
    std::optional<model::RobustnessSettings> robustness; ///< [robustness]: what `apreptis robustness` varies

    /// Every input file the project names (for run.json and to protect them from --out).
    std::vector<std::string> input_files() const;
};

/// Throws apreptis::Error with file:line:column for TOML syntax errors, unknown keys (with a
/// suggestion), missing or mistyped keys and values out of range.
Project load_project(const std::string& path);

/// Overrides from the command line, checked like the file's values (messages name the flag).
void set_working_crs(Project& project, const std::string& crs, const std::string& origin);

} // namespace apreptis::app
