#include "app/cli/args.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>

namespace apreptis::cli {

Args parse_args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
                const std::set<std::string>& without_value) {
    Args a;
    CLI::App app;
    app.set_help_flag(); // main() answers --help with the command's usage before parsing
    app.allow_extras(false);
    app.positionals_at_end(false);
    app.add_option("positional", a.positional)->expected(0, -1);
    // Each option's value is checked as it is met (trigger_on_parse), so that the message says
    // which option: given twice, or given an empty value (an unset shell variable is never meant:
    // analyze --out "" once ran and wrote nothing, exit 0).
    for (const std::string& name : with_value)
        app.add_option_function<std::string>(
               name,
               [&a, name, &with_value, &without_value](const std::string& v) {
                   if (a.options.count(name)) throw UsageError(name + " is given twice");
                   if (with_value.count(v) || without_value.count(v)) // "--out --quiet": --out has none
                       throw UsageError(name + " needs a value, found the option " + v);
                   if (v.empty()) throw UsageError(name + " needs a value, found an empty one");
                   a.options[name] = v;
               })
            ->trigger_on_parse()
            ->expected(1)
            ->allow_extra_args(false);
    for (const std::string& name : without_value)
        app.add_flag_callback(name, [&a, name] { a.flags.insert(name); });
    // CLI11 parses a reversed vector (it pops arguments from the back)
    std::vector<std::string> reversed(argv.rbegin(), argv.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ExtrasError&) {
        // the first argument that is no known option: what the person mistyped
        for (const std::string& s : argv)
            if (s.size() > 1 && s[0] == '-' && !with_value.count(s.substr(0, s.find('='))) && !without_value.count(s))
                throw UsageError("unknown option '" + s + "'");
        throw UsageError("unexpected arguments");
    } catch (const CLI::ArgumentMismatch&) {
        for (std::size_t i = 0; i < argv.size(); ++i)
            if (with_value.count(argv[i]) && (i + 1 >= argv.size() || with_value.count(argv[i + 1]) || without_value.count(argv[i + 1])))
                throw UsageError(argv[i] + " needs a value");
        throw UsageError("an option is missing its value");
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
    return a;
}

} // namespace apreptis::cli
