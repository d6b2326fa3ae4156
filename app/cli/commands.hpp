#pragma once
// The subcommands of `apreptis`, one file each. Each returns the exit code: 0 done, 2 bad
// input (apreptis::Error, thrown through), 64 usage (UsageError or app::OptionError, thrown
// through). Each declares its command line once (CommandLine): what it parses and what --help
// lists.
#include <string>
#include <vector>

#include "app/cli/args.hpp"

namespace apreptis::cli {

struct Command {
    const char* name;
    const CommandLine& (*line)(); ///< synopsis, prose, options: parsed and --help
    int (*run)(const std::vector<std::string>& args);
};

int analyze(const std::vector<std::string>& args);
const CommandLine& analyze_line();
int suggest(const std::vector<std::string>& args);
const CommandLine& suggest_line();
int plan(const std::vector<std::string>& args);
const CommandLine& plan_line();
int report(const std::vector<std::string>& args);
const CommandLine& report_line();
int compare(const std::vector<std::string>& args);
const CommandLine& compare_line();
int init(const std::vector<std::string>& args);
const CommandLine& init_line();
int locate(const std::vector<std::string>& args);
const CommandLine& locate_line();
int robustness(const std::vector<std::string>& args);
const CommandLine& robustness_line();
int version(const std::vector<std::string>& args);
const CommandLine& version_line();

} // namespace apreptis::cli
