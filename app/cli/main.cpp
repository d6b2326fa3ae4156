// apreptis: the command-line front end. Dispatches to one file per subcommand and translates
// errors into messages and exit codes: 0 success, 2 bad input (named file/layer/feature/
// field), 1 internal error, 64 usage.
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "apreptis/build_info.hpp"
#include "geo/errors.hpp"
#include "geo/versions.hpp"

namespace {

using apreptis::cli::Command;

int version(const std::vector<std::string>&) {
    const auto v = apreptis::geo::library_versions();
    std::cout << "apreptis " << apreptis::app::tool_version << " (GDAL " << v.gdal << ", GEOS " << v.geos << ", PROJ "
              << v.proj << ")\n";
    return 0;
}

const Command commands[] = {
    {"analyze", apreptis::cli::analyze_usage, &apreptis::cli::analyze},
    {"suggest", apreptis::cli::suggest_usage, &apreptis::cli::suggest},
    {"plan", apreptis::cli::plan_usage, &apreptis::cli::plan},
    {"report", apreptis::cli::report_usage, &apreptis::cli::report},
    {"compare", apreptis::cli::compare_usage, &apreptis::cli::compare},
    {"init", apreptis::cli::init_usage, &apreptis::cli::init},
    {"locate", apreptis::cli::locate_usage, &apreptis::cli::locate},
    {"robustness", apreptis::cli::robustness_usage, &apreptis::cli::robustness},
    {"version", "  apreptis version\n", &version},
};

void print_usage(std::ostream& os) {
    os << "usage:\n";
    for (const Command& c : commands) os << c.usage << "\n";
}

} // namespace

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) a write fails with EFBIG and the writer says so; the
    // default SIGXFSZ would kill the run with no word.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        print_usage(std::cout);
        return args.empty() ? 64 : 0;
    }
    if (args[0] == "--version") args[0] = "version";
    for (const Command& c : commands) {
        if (args[0] != c.name) continue;
        // `apreptis <command> --help` anywhere on the line: the command's usage, nothing run
        for (std::size_t i = 1; i < args.size(); ++i)
            if (args[i] == "--help" || args[i] == "-h") {
                std::cout << "usage:\n" << c.usage;
                return 0;
            }
        try {
            return c.run({args.begin() + 1, args.end()});
        } catch (const apreptis::cli::UsageError& e) {
            std::cerr << "apreptis " << c.name << ": " << e.what() << "\nusage:\n" << c.usage;
            return 64;
        } catch (const apreptis::Error& e) {
            std::cerr << "apreptis: error: " << e.what() << "\n";
            return 2;
        } catch (const std::bad_alloc&) {
            std::cerr << "apreptis: out of memory; a smaller study area or coarser settings may fit\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "apreptis: internal error: " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "apreptis: unknown command '" << args[0] << "'\n";
    print_usage(std::cerr);
    return 64;
}
