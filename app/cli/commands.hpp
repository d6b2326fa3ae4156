#pragma once
// The subcommands of `apreptis`, one file each. Each returns the exit code: 0 done, 2 bad
// input (apreptis::Error, thrown through), 64 usage (UsageError, thrown through).
#include <string>
#include <vector>

namespace apreptis::cli {

struct Command {
    const char* name;
    const char* usage;   ///< synopsis and options
    int (*run)(const std::vector<std::string>& args);
};

int analyze(const std::vector<std::string>& args);
extern const char* analyze_usage;
int suggest(const std::vector<std::string>& args);
extern const char* suggest_usage;
int plan(const std::vector<std::string>& args);
extern const char* plan_usage;
int report(const std::vector<std::string>& args);
extern const char* report_usage;
int compare(const std::vector<std::string>& args);
extern const char* compare_usage;
int init(const std::vector<std::string>& args);
extern const char* init_usage;
int locate(const std::vector<std::string>& args);
extern const char* locate_usage;
int robustness(const std::vector<std::string>& args); extern const char* robustness_usage;

} // namespace apreptis::cli
