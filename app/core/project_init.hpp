#pragma once
// `apreptis init`: a ready-to-run project for one Lithuanian municipality, made from the
// national wards and census shipped in datasets/lithuania/ (docs/INIT.md).
//
// The folder gets the municipality's elderships (wards.geojson, the national features
// unchanged), project.toml, empty templates for providers, population groups and needs
// (header rows only: no provider is ever invented), a copy of the service catalogue, the
// seed plans of that municipality if datasets/plans/ has any, and README.md (LT + EN) that
// explains every column and lists the catalogue's codes. The folder must be new or empty; it
// is written in a staging folder and moved into place whole.
#include <string>
#include <vector>

namespace apreptis::app {

struct InitOptions {
    std::string folder;          ///< the new project folder (absent or empty)
    std::string municipality;    ///< as typed (matched by app/core/municipality_names.hpp)
    std::string datasets_dir;    ///< empty: the source tree's datasets/ (lithuania/, catalogue/, osm/, plans/)
    std::string roads;           ///< optional: an OSM extract (PBF/XML) or a line layer
    std::string population_grid; ///< optional: written as [population] grid = "..."
};

struct InitResult {
    std::string folder;           ///< absolute
    std::string municipality;     ///< the official name
    std::size_t wards = 0;
    long long population = 0;     ///< sum of the wards' census figures
    std::vector<std::string> files; ///< what the folder holds, sorted
    std::vector<std::string> notes; ///< what the planner should know (printed by the CLI)
};

/// The official names of the municipalities in a national ward layer (its SAV_PAV values), in
/// the order they first appear. Throws apreptis::Error naming the file when unreadable.
std::vector<std::string> municipality_names(const std::string& national_wards);

/// Writes the project. Throws apreptis::Error (exit 2): an unknown municipality (with the
/// nearest names), a folder that is not empty, a --roads or --population-grid file missing.
InitResult init_project(const InitOptions& options);

/// README.md of a new project, Lithuanian and English (app/core/project_readme.cpp).
struct ReadmeFacts {
    std::string municipality;
    std::size_t wards = 0;
    long long population = 0;
    std::string service_types_csv; ///< the copied catalogue, to list its codes
    std::string target_groups_csv;
    std::vector<std::string> providers_columns;
    std::vector<std::string> plans;   ///< copied seed plans (file names under plans/)
    bool roads = false;
    bool population_grid = false;
    std::vector<std::string> attribution;
};
std::string project_readme(const ReadmeFacts& facts);

} // namespace apreptis::app
