#pragma once
// The command-line parser shared by the subcommands (CLI11 underneath): positional arguments,
// --flag and --option value. Anything it does not know is a usage error (exit 64), never ignored.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace apreptis::cli {

/// A usage error: printed with the command's usage, exit code 64.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `text` as a whole number, or nothing when it is not one entirely ("12x", "", "1e3").
inline std::optional<long long> parse_whole(const std::string& text) {
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(text, &used);
    } catch (...) {
        return std::nullopt;
    }
    if (used != text.size()) return std::nullopt;
    return v;
}

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; ///< --name value
    std::set<std::string> flags;                ///< --name

    bool flag(const std::string& name) const { return flags.count(name) > 0; }
    std::string option(const std::string& name, const std::string& fallback = {}) const {
        auto it = options.find(name);
        return it == options.end() ? fallback : it->second;
    }
    bool has(const std::string& name) const { return options.count(name) > 0; }
};

/// `with_value` lists the options that take a value, `without_value` the plain flags. Parsed
/// by CLI11 (args.cpp); every problem is a UsageError in the tool's own words: an unknown
/// option, a missing or empty value, an option given twice. `--name=value` is accepted too.
Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
                const std::set<std::string>& without_value);

} // namespace apreptis::cli
