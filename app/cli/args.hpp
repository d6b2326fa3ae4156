#pragma once
// The command line of each subcommand, declared once (CLI11 underneath): its positionals, options
// and flags with their descriptions. The same declarations parse the arguments and make the
// option list of `--help`, so the two cannot drift apart. Anything the parser does not know is a
// usage error (exit 64), never ignored; so is every option value the run cannot use (the rule:
// README.md, "Exit codes").
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace apreptis::cli {

/// A usage error: printed with the command's help, exit code 64.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// `text` as a whole number, or nothing when it is not one entirely ("12x", "", "1e3").
std::optional<long long> parse_whole(const std::string& text);

/// `text` as a whole number from `min` to `max`, else a UsageError naming `option`, the range and
/// what was found: "--runs needs a whole number from 1 to 100000, found 'ten'".
long long whole_number(const std::string& option, const std::string& text, long long min, long long max);

/// `text` as a finite number from `min` to `max` (`unit` said after the range, e.g. "metres"),
/// else a UsageError naming `option`, the range and what was found.
double number(const std::string& option, const std::string& text, double min, double max, const std::string& unit = {});

/// `text` when it is one of `words`, else a UsageError: "--lang must be lt or en, found 'de'".
std::string one_of(const std::string& option, const std::string& text, std::initializer_list<std::string> words);

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

/// One subcommand's command line. The synopsis (which options go together, which exclude each
/// other) and the prose under it are written by hand; the option list is made by CLI11 from the
/// declarations, which are also what parse() accepts.
class CommandLine {
public:
    /// `synopsis`: "  apreptis analyze <project.toml> --out <dir> ..." (lines, each ending in \n);
    /// `prose`: what the command does, indented like the synopsis's continuation lines.
    CommandLine(std::string name, std::string synopsis, std::string prose);

    /// The positional arguments, all under one name ("project.toml"); `many`: --help shows "...".
    CommandLine& positionals(std::string name, std::string description, bool many = false);
    /// An option with a value: `--out DIR`; `value_name` is what --help shows after it.
    CommandLine& option(std::string name, std::string value_name, std::string description);
    /// A flag without a value.
    CommandLine& flag(std::string name, std::string description);

    /// Parses the arguments after the command's name. Every problem is a UsageError in the tool's
    /// own words: an unknown option, a missing or empty value, an option given twice.
    /// `--name=value` is accepted too.
    Args parse(const std::vector<std::string>& argv) const;

    /// "usage:\n" + synopsis + prose + the options, as --help prints them.
    std::string help() const;
    const std::string& name() const { return m_name; }
    const std::string& synopsis() const { return m_synopsis; }
    /// Every option and flag name declared ("--out", "--quiet", ...): for the test that the
    /// synopsis names each of them.
    std::vector<std::string> names() const;

private:
    struct Declared {
        std::string name, value_name, description;
        bool takes_value = true;
    };
    std::string m_name, m_synopsis, m_prose;
    std::string m_positional_name = "ARGS", m_positional_description;
    bool m_many = false;
    std::vector<Declared> m_options;
};

} // namespace apreptis::cli
