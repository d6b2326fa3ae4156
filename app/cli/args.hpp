#pragma once
// A small command-line parser shared by the subcommands: positional arguments, --flag and
// --option value. Anything it does not know is a usage error (exit 64), never ignored.
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

/// `with_value` lists the options that take a value, `without_value` the plain flags.
inline Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
                       const std::set<std::string>& without_value) {
    Args a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& s = argv[i];
        if (s.size() > 2 && s.rfind("--", 0) == 0) {
            if (with_value.count(s)) {
                if (i + 1 >= argv.size()) throw UsageError(s + " needs a value");
                // an empty value (--out "", an unset shell variable) is never meant: refused, not
                // read as "no such option" (analyze --out "" ran and wrote nothing, exit 0)
                if (argv[i + 1].empty()) throw UsageError(s + " needs a value, found an empty one");
                if (a.options.count(s)) throw UsageError(s + " is given twice");
                a.options[s] = argv[++i];
            } else if (without_value.count(s)) {
                a.flags.insert(s);
            } else {
                throw UsageError("unknown option '" + s + "'");
            }
        } else if (!s.empty() && s[0] == '-' && s.size() > 1) {
            throw UsageError("unknown option '" + s + "'");
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

} // namespace apreptis::cli
