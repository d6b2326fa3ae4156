#include "app/cli/args.hpp"

#include <cmath>
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

namespace apreptis::cli {

namespace {

/// 10 -> "10", 0.5 -> "0.5", 1000000 -> "1000000" (not "1e+06").
std::string plain(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

/// The help of one command: "usage:", the hand-written synopsis and prose, then the option list
/// CLI11 makes from the declarations.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter(std::string synopsis, std::string prose) : m_synopsis(std::move(synopsis)), m_prose(std::move(prose)) {}
    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode mode) const override {
        return "usage:\n" + m_synopsis + "\n" + m_prose + make_positionals(app) + make_groups(app, mode);
    }

private:
    std::string m_synopsis, m_prose;
};

} // namespace

std::optional<long long> parse_whole(const std::string& text) {
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

long long whole_number(const std::string& option, const std::string& text, long long min, long long max) {
    const auto v = parse_whole(text);
    if (!v || *v < min || *v > max)
        throw UsageError(option + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", found '" + text + "'");
    return *v;
}

double number(const std::string& option, const std::string& text, double min, double max, const std::string& unit) {
    std::size_t used = 0;
    double v = 0;
    try {
        v = std::stod(text, &used);
    } catch (...) {
        used = 0;
    }
    if (text.empty() || used != text.size() || !std::isfinite(v) || v < min || v > max)
        throw UsageError(option + " needs a number from " + plain(min) + " to " + plain(max) +
                         (unit.empty() ? "" : " (" + unit + ")") + ", found '" + text + "'");
    return v;
}

std::string one_of(const std::string& option, const std::string& text, std::initializer_list<std::string> words) {
    std::string list;
    std::size_t i = 0;
    for (const std::string& w : words) {
        if (w == text) return text;
        list += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + w;
        ++i;
    }
    throw UsageError(option + " must be " + list + ", found '" + text + "'");
}

CommandLine::CommandLine(std::string name, std::string synopsis, std::string prose)
    : m_name(std::move(name)), m_synopsis(std::move(synopsis)), m_prose(std::move(prose)) {}

CommandLine& CommandLine::positionals(std::string name, std::string description, bool many) {
    m_many = many;
    m_positional_name = std::move(name);
    m_positional_description = std::move(description);
    return *this;
}

CommandLine& CommandLine::option(std::string name, std::string value_name, std::string description) {
    m_options.push_back({std::move(name), std::move(value_name), std::move(description), true});
    return *this;
}

CommandLine& CommandLine::flag(std::string name, std::string description) {
    m_options.push_back({std::move(name), {}, std::move(description), false});
    return *this;
}

std::vector<std::string> CommandLine::names() const {
    std::vector<std::string> n;
    for (const auto& d : m_options) n.push_back(d.name);
    return n;
}

Args CommandLine::parse(const std::vector<std::string>& argv) const {
    std::set<std::string> with_value, without_value;
    for (const auto& d : m_options) (d.takes_value ? with_value : without_value).insert(d.name);
    Args a;
    CLI::App app;
    app.set_help_flag(); // main() answers --help with the command's help before parsing
    app.allow_extras(false);
    app.positionals_at_end(false);
    app.add_option("positional", a.positional)->expected(0, -1);
    // Each option's value is checked as it is met (trigger_on_parse), so that the message says
    // which option: given twice, or given an empty value (an unset shell variable is never meant:
    // analyze --out "" once ran and wrote nothing, exit 0).
    for (const auto& d : m_options) {
        const std::string name = d.name;
        if (!d.takes_value) {
            app.add_flag_callback(name, [&a, name] { a.flags.insert(name); });
            continue;
        }
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
    }
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

std::string CommandLine::help() const {
    CLI::App app("", "apreptis " + m_name);
    app.formatter(std::make_shared<HelpFormatter>(m_synopsis, m_prose));
    app.get_formatter()->column_width(24);
    app.get_formatter()->label("Positionals", "arguments");
    app.option_defaults()->group("options");
    app.set_help_flag("-h,--help", "this text; nothing is run");
    if (!m_positional_description.empty())
        app.add_option(m_positional_name)->description(m_positional_description)->type_name("")->expected(m_many ? -1 : 1);
    for (const auto& d : m_options) {
        if (d.takes_value) app.add_option(d.name)->description(d.description)->type_name(d.value_name)->expected(1);
        else app.add_flag(d.name)->description(d.description);
    }
    return app.help();
}

} // namespace apreptis::cli
