// apreptis init: a new project for one Lithuanian municipality (docs/INIT.md).
#include <iostream>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/project_init.hpp"
#include "app/core/summary.hpp"

namespace apreptis::cli {

const char* init_usage = R"(  apreptis init <dir> --municipality NAME [--roads FILE] [--population-grid FILE] [--datasets DIR]

      Writes a new project for one of the 60 Lithuanian municipalities into <dir> (new or
      empty; nothing is ever replaced): its elderships with 2021 census residents from
      datasets/lithuania/wards.geojson, project.toml, empty templates providers.csv,
      population_groups.csv and needs.csv, a copy of the service catalogue, the seed plans of
      that municipality, and README.md (LT + EN) explaining every column and code. The
      project runs at once: apreptis analyze <dir>/project.toml --out <results>.
      --municipality     as the ward layer writes it ("Palangos m. sav."); case, Lithuanian
                         letters and the long form ("Palangos miesto savivaldybė") do not
                         matter; a unique stem ("Palangos") is accepted; otherwise the
                         nearest names are suggested
      --roads            an OpenStreetMap extract (.osm.pbf, .osm) or a line layer: [roads]
      --population-grid  a population grid: [population] grid
      --datasets         the datasets folder to read (default: the source tree's datasets/)
)";

int init(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help" || a == "-h") {
            std::cout << "usage:\n" << init_usage;
            return 0;
        }
    const Args args = parse_args(argv, {"--municipality", "--roads", "--population-grid", "--datasets"}, {});
    if (args.positional.size() != 1) throw UsageError("init needs one project folder");
    if (!args.has("--municipality")) throw UsageError("init needs --municipality \"NAME\" (e.g. \"Palangos m. sav.\")");
    app::InitOptions o;
    o.folder = args.positional[0];
    o.municipality = args.option("--municipality");
    o.roads = args.option("--roads");
    o.population_grid = args.option("--population-grid");
    o.datasets_dir = args.option("--datasets");
    const app::InitResult r = app::init_project(o);

    std::cout << "Made " << r.folder << " for " << r.municipality << ": " << r.wards << (r.wards == 1 ? " eldership, " : " elderships, ")
              << app::thousands(r.population) << " residents (Statistics Lithuania, 2021 census)\n";
    std::string files;
    for (const auto& f : r.files) files += (files.empty() ? "" : ", ") + f;
    std::cout << "Files: " << files << "\n";
    for (const auto& n : r.notes) std::cout << "Note: " << n << "\n";
    std::cout << "Next: fill in providers.csv, population_groups.csv and needs.csv (README.md explains every "
                 "column and code), then\n  apreptis analyze "
              << r.folder << "/project.toml --out <results folder>\n";
    return 0;
}

} // namespace apreptis::cli
