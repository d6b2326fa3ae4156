// apreptis: the command-line front end. Translates errors into messages and exit codes:
// 0 success, 2 bad input (named file/layer/feature/field), 1 internal error, 64 usage.
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/project.hpp"
#include "app/core/summary.hpp"
#include "apreptis/build_info.hpp"
#include "geo/errors.hpp"
#include "geo/versions.hpp"

namespace {

const char* usage = R"(usage:
  apreptis analyze <project.toml> --out <dir> [--repair-invalid] [--crs EPSG:nnnn] [--quiet]
  apreptis version

analyze   reads every input the project file names, checks it, computes coverage per ward
          and municipality and the plan audit, and writes <dir>/coverage.gpkg, *.csv and
          run.json (all or nothing: a failed run leaves <dir> untouched).
  --repair-invalid  make invalid ward polygons valid (GEOS MakeValid) and report the change
  --crs             working CRS (projected, metres); default from the project, else EPSG:3346
)";

int analyze(const std::vector<std::string>& args) {
    std::string project_path, out;
    bool repair = false, quiet = false;
    std::string crs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--out" && i + 1 < args.size()) out = args[++i];
        else if (a == "--crs" && i + 1 < args.size()) crs = args[++i];
        else if (a == "--repair-invalid") repair = true;
        else if (a == "--quiet") quiet = true;
        else if (!a.empty() && a[0] != '-' && project_path.empty()) project_path = a;
        else {
            std::cerr << "apreptis: unexpected argument '" << a << "'\n" << usage;
            return 64;
        }
    }
    if (project_path.empty() || out.empty()) {
        std::cerr << usage;
        return 64;
    }
    apreptis::app::Project p = apreptis::app::load_project(project_path);
    if (repair) p.repair_invalid = true;
    if (!crs.empty()) p.working_crs = crs;
    apreptis::app::Analysis a = apreptis::app::run_analysis(p);
    apreptis::app::write_outputs(a, out);
    if (!quiet) std::cout << apreptis::app::summary_text(a);
    std::cout << "\nWrote " << out << "/coverage.gpkg (layers wards, coverage, providers, plan_audit"
              << (a.access ? ", units, unit_access, access, catchments" : "") << (a.network ? ", allocation, roads" : "")
              << "), wards.csv, coverage.csv, providers.csv, plan_audit.csv"
              << (a.access ? ", access.csv, unit_access.csv" : "") << ", run.json\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return args.empty() ? 64 : 0;
    }
    try {
        if (args[0] == "version" || args[0] == "--version") {
            auto v = apreptis::geo::library_versions();
            std::cout << "apreptis " << apreptis::app::tool_version << " (GDAL " << v.gdal << ", GEOS " << v.geos
                      << ", PROJ " << v.proj << ")\n";
            return 0;
        }
        if (args[0] == "analyze") return analyze({args.begin() + 1, args.end()});
        std::cerr << "apreptis: unknown command '" << args[0] << "'\n" << usage;
        return 64;
    } catch (const apreptis::Error& e) {
        std::cerr << "apreptis: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "apreptis: internal error: " << e.what() << "\n";
        return 1;
    }
}
