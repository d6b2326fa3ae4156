// apreptis: the command-line front end. Dispatches to one file per subcommand and translates
// errors into messages and exit codes: 0 success, 2 bad input (named file/layer/feature/
// field), 1 internal error, 64 usage (the command line, or a value in it the run cannot use).
#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/option_error.hpp"
#include "geo/errors.hpp"

namespace {

using apreptis::cli::Command;

const Command commands[] = {
    {"analyze", &apreptis::cli::analyze_line, &apreptis::cli::analyze},
    {"suggest", &apreptis::cli::suggest_line, &apreptis::cli::suggest},
    {"plan", &apreptis::cli::plan_line, &apreptis::cli::plan},
    {"report", &apreptis::cli::report_line, &apreptis::cli::report},
    {"compare", &apreptis::cli::compare_line, &apreptis::cli::compare},
    {"init", &apreptis::cli::init_line, &apreptis::cli::init},
    {"locate", &apreptis::cli::locate_line, &apreptis::cli::locate},
    {"robustness", &apreptis::cli::robustness_line, &apreptis::cli::robustness},
    {"version", &apreptis::cli::version_line, &apreptis::cli::version},
};

/// `apreptis --help`: every command's synopsis; `apreptis <command> --help` has its options.
void print_usage(std::ostream& os) {
    os << "usage:\n";
    for (const Command& c : commands) os << c.line().synopsis() << "\n";
    os << "apreptis <command> --help (or apreptis help <command>): what it does and every option\n";
}

} // namespace

int main(int argc, char** argv) {
    // Past a file-size limit (ulimit -f) a write fails with EFBIG and the writer says so; the
    // default SIGXFSZ would kill the run with no word.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "help") // apreptis help <command>: as <command> --help
        args = {args[1], "--help"};
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        print_usage(std::cout);
        return args.empty() ? 64 : 0;
    }
    if (args[0] == "--version") args[0] = "version";
    for (const Command& c : commands) {
        if (args[0] != c.name) continue;
        // `apreptis <command> --help` anywhere on the line: the command's help, nothing run
        for (std::size_t i = 1; i < args.size(); ++i)
            if (args[i] == "--help" || args[i] == "-h") {
                std::cout << c.line().help();
                return 0;
            }
        try {
            return c.run({args.begin() + 1, args.end()});
        } catch (const apreptis::cli::UsageError& e) {
            std::cerr << "apreptis " << c.name << ": " << e.what() << "\n" << c.line().help();
            return 64;
        } catch (const apreptis::app::OptionError& e) {
            std::cerr << "apreptis " << c.name << ": " << e.what() << "\n" << c.line().help();
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
