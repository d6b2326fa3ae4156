// apreptis init: a new project for one Lithuanian municipality (docs/INIT.md).
#include <iostream>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/project_init.hpp"
#include "app/core/summary.hpp"

namespace apreptis::cli {

const CommandLine& init_line() {
    static const CommandLine line = [] {
        CommandLine l("init",
                      "  apreptis init <dir> --municipality NAME [--roads FILE] [--population-grid FILE] [--datasets DIR]\n",
                      R"(      Writes a new project for one of the 60 Lithuanian municipalities into <dir> (new or
      empty; nothing is ever replaced): its elderships with 2021 census residents from
      datasets/lithuania/wards.geojson, project.toml, empty templates providers.csv,
      population_groups.csv and needs.csv, a copy of the service catalogue, the seed plans of
      that municipality, and README.md (LT + EN) explaining every column and code. The
      project runs at once: apreptis analyze <dir>/project.toml --out <results>.
)");
        l.positionals("dir", "the project folder to make (new or empty)");
        l.option("--municipality", "NAME",
                 "as the ward layer writes it (\"Palangos m. sav.\"); case, Lithuanian\n"
                 "letters and the long form (\"Palangos miesto savivaldybė\") do not\n"
                 "matter; a unique stem (\"Palangos\") is accepted; otherwise the\n"
                 "nearest names are suggested");
        l.option("--roads", "FILE", "an OpenStreetMap extract (.osm.pbf, .osm) or a line layer: [roads]");
        l.option("--population-grid", "FILE", "a population grid: [population] grid");
        l.option("--datasets", "DIR", "the datasets folder to read (default: the source tree's datasets/)");
        return l;
    }();
    return line;
}

int init(const std::vector<std::string>& argv) {
    const Args args = init_line().parse(argv);
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
