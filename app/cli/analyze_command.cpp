// apreptis analyze: the whole analysis of a project or scenario file, written to a folder.
#include <iostream>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/summary.hpp"

namespace apreptis::cli {

const char* analyze_usage = R"(  apreptis analyze <project.toml | scenario.toml> --out <dir> [--repair-invalid] [--crs EPSG:nnnn] [--quiet]

      Reads every input the project names, checks it, computes coverage per ward and
      municipality, the plan audit and travel distances, and writes <dir>/coverage.gpkg,
      *.csv and run.json, all or nothing: a failed run leaves <dir> as it was. <dir> must be
      new, empty or an earlier output of apreptis (it has our run.json), and may not hold
      an input.
      --repair-invalid  make invalid ward polygons valid (GEOS MakeValid), report the change
      --crs             working CRS (projected, metres); default from the project, else EPSG:3346
)";

int analyze(const std::vector<std::string>& argv) {
    const Args args = parse_args(argv, {"--out", "--crs"}, {"--repair-invalid", "--quiet"});
    if (args.positional.size() != 1) throw UsageError("analyze needs one project or scenario file");
    if (!args.has("--out")) throw UsageError("analyze needs --out <dir>");
    const std::string out = args.option("--out");
    app::ProjectRun run = app::load_run(args.positional[0]);
    if (args.flag("--repair-invalid")) run.project.repair_invalid = true;
    if (args.has("--crs")) app::set_working_crs(run.project, args.option("--crs"), "--crs");
    // Refuse a bad --out before the work, not after it.
    geo::check_output_folder(out, app::output_options(run.project, run.scenario_file));

    const app::Analysis a = app::run_analysis(run);
    const std::vector<std::string> notes = app::write_outputs(a, out);
    if (!args.flag("--quiet")) std::cout << app::summary_text(a);
    for (const auto& n : notes) std::cout << "Note: " << n << "\n";
    const bool access = a.out().access.has_value();
    const bool network = access && a.in().routing->has_network();
    std::cout << "\nWrote " << out << "/coverage.gpkg (layers wards, coverage, providers, plan_audit"
              << (access ? ", units, unit_access, access, catchments" : "") << (network ? ", allocation, roads" : "")
              << "), wards.csv, coverage.csv, providers.csv, plan_audit.csv"
              << (access ? ", access.csv, unit_access.csv" : "") << ", run.json\n";
    return 0;
}

} // namespace apreptis::cli
