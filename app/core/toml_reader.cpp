#include "app/core/toml_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "geo/errors.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {
namespace fs = std::filesystem;

namespace {

std::string unit_of(const std::string& key) {
    auto ends = [&](const char* s) {
        const std::size_t n = std::strlen(s);
        return key.size() >= n && key.compare(key.size() - n, n, s) == 0;
    };
    if (ends("_m2")) return " m2";
    if (ends("_m")) return " m";
    if (ends("_min")) return " minutes";
    if (ends("_s")) return " s";
    return "";
}

std::string describe(const Range& r, const std::string& unit) {
    return std::string(r.min_exclusive ? "greater than " : "from ") + geo::format_number(r.min) + " to " +
           geo::format_number(r.max) + unit;
}

std::string type_name(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::string: return "text";
    case toml::node_type::integer: return "a whole number";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::array: return "a list";
    case toml::node_type::table: return "a table";
    default: return "a date/time";
    }
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
    std::string best;
    // close enough to be a slip: up to 2 edits, or a third of the word ("walking" -> "walk")
    std::size_t best_d = std::max<std::size_t>(2, (word.size() + 2) / 3) + 1;
    for (const std::string& k : known) {
        const std::size_t d = edit_distance(word, k);
        if (d < best_d) {
            best_d = d;
            best = k;
        }
    }
    return best;
}

// --- TomlFile -------------------------------------------------------------------------

TomlFile::TomlFile(const std::string& path) : m_path(path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) throw geo::IoError(Location{.path = path}, "file not found");
    if (fs::is_directory(st)) throw geo::IoError(Location{.path = path}, "is a folder, not a TOML file");
    std::ifstream f(path, std::ios::binary);
    if (!f) throw geo::IoError(Location{.path = path}, std::string("cannot read: ") + std::strerror(errno));
    std::stringstream ss;
    ss << f.rdbuf();
    try {
        m_root = std::make_unique<toml::table>(toml::parse(ss.str(), path));
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        throw Error(Location{path, "", -1, static_cast<long long>(src.begin.line), "", static_cast<long long>(src.begin.column), ""},
                    "not valid TOML: " + std::string(e.description()));
    }
}

TomlFile::~TomlFile() = default;

Location TomlFile::where(const toml::node& n, const std::string& key) const {
    const auto& src = n.source();
    return Location{m_path, "", -1, static_cast<long long>(src.begin.line), "", static_cast<long long>(src.begin.column), key};
}

TomlTable TomlFile::root() const { return TomlTable(m_root.get(), "", *this); }

std::string TomlFile::at(const toml::node& n) const {
    const auto& src = n.source();
    return m_path + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column);
}

// --- TomlTable ------------------------------------------------------------------------

TomlTable::TomlTable(const toml::table* table, std::string name, const TomlFile& file)
    : m_table(table), m_name(std::move(name)), m_file(file) {}

std::string TomlTable::at() const { return m_table ? m_file.at(*m_table) : m_file.path(); }

std::string TomlTable::at(const std::string& key) const {
    const toml::node* n = m_table ? m_table->get(key) : nullptr;
    return n ? m_file.at(*n) : at();
}

Location TomlTable::where() const {
    if (m_table) return m_file.where(*m_table, m_name);
    Location l{m_file.path()};
    l.key = m_name;
    return l;
}

Location TomlTable::where(const std::string& key) const {
    const toml::node* n = m_table ? m_table->get(key) : nullptr;
    if (n) return m_file.where(*n, dotted(key));
    Location l = where();
    l.key = dotted(key);
    return l;
}

bool TomlTable::has(const std::string& key) const { return m_table && m_table->get(key); }

const toml::node* TomlTable::get(const std::string& key) const {
    m_read.insert(key);
    return m_table ? m_table->get(key) : nullptr;
}

std::string TomlTable::key_name(const std::string& key) const {
    return m_name.empty() ? key : "[" + m_name + "] " + key;
}

std::string TomlTable::dotted(const std::string& key) const { return m_name.empty() ? key : m_name + "." + key; }

std::string TomlTable::text(const std::string& key, const std::string& fallback) const {
    const toml::node* n = get(key);
    if (!n) return fallback;
    if (!n->is_string())
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be text in quotes, found " + type_name(*n));
    return std::string(*n->value<std::string>());
}

std::string TomlTable::required_text(const std::string& key) const {
    if (!has(key)) {
        get(key);
        throw Error(where(key), (m_name.empty() ? "the file" : "[" + m_name + "]") + " needs " + key +
                    " = \"...\"");
    }
    std::string v = text(key);
    if (v.empty()) throw Error(where(key), key_name(key) + " is empty");
    return v;
}

std::string TomlTable::path(const std::string& key, bool required) const {
    std::string p = required ? required_text(key) : text(key);
    if (p.empty() || p.rfind("PG:", 0) == 0) return p;
    fs::path fp(p);
    if (fp.is_relative()) fp = fs::path(m_file.path()).parent_path() / fp;
    return fs::absolute(fp).lexically_normal().string();
}

std::vector<std::string> TomlTable::paths(const std::string& key) const {
    std::vector<std::string> out;
    for (const std::string& p : texts(key)) {
        if (p.empty()) throw Error(where(key), key_name(key) + " lists an empty path");
        if (p.rfind("PG:", 0) == 0) { out.push_back(p); continue; }
        fs::path fp(p);
        if (fp.is_relative()) fp = fs::path(m_file.path()).parent_path() / fp;
        out.push_back(fs::absolute(fp).lexically_normal().string());
    }
    return out;
}

bool TomlTable::flag(const std::string& key, bool fallback) const {
    const toml::node* n = get(key);
    if (!n) return fallback;
    if (!n->is_boolean())
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be true or false, found " + type_name(*n));
    return *n->value<bool>();
}

std::optional<double> TomlTable::optional_number(const std::string& key, Range r) const {
    return read_number(key, r, unit_of(key));
}

std::optional<double> TomlTable::read_number(const std::string& key, Range r, const std::string& unit) const {
    const toml::node* n = get(key);
    if (!n) return std::nullopt;
    if (!n->is_number())
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a number " + describe(r, unit) + ", found " +
                    type_name(*n));
    const double v = *n->value<double>();
    if (!std::isfinite(v) || v < r.min || (r.min_exclusive && v == r.min) || v > r.max)
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a number " + describe(r, unit) + ", found " +
                    geo::format_number(v));
    return v;
}

double TomlTable::number(const std::string& key, double fallback, Range r) const {
    return optional_number(key, r).value_or(fallback);
}

long long TomlTable::count(const std::string& key, long long fallback, long long min, long long max) const {
    const toml::node* n = get(key);
    if (!n) return fallback;
    if (!n->is_integer())
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a whole number from " + std::to_string(min) +
                    " to " + std::to_string(max) + ", found " + type_name(*n));
    const long long v = *n->value<long long>();
    if (v < min || v > max)
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a whole number from " + std::to_string(min) +
                    " to " + std::to_string(max) + ", found " + std::to_string(v));
    return v;
}

std::vector<double> TomlTable::numbers(const std::string& key, std::vector<double> fallback, Range r) const {
    const toml::node* n = get(key);
    if (!n) return fallback;
    const toml::array* arr = n->as_array();
    if (!arr || arr->empty())
        throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a non-empty list of numbers " +
                    describe(r, unit_of(key)));
    std::vector<double> out;
    for (const toml::node& e : *arr) {
        const auto v = e.value<double>();
        if (!e.is_number() || !v || !std::isfinite(*v) || *v < r.min || (r.min_exclusive && *v == r.min) ||
            *v > r.max)
            throw Error(m_file.where(e, dotted(key)), key_name(key) + " needs numbers " + describe(r, unit_of(key)) +
                        ", found " + (e.is_number() && v ? geo::format_number(*v) : type_name(e)));
        out.push_back(*v);
    }
    return out;
}

std::vector<std::string> TomlTable::texts(const std::string& key) const {
    const toml::node* n = get(key);
    if (!n) return {};
    const toml::array* arr = n->as_array();
    if (!arr) throw Error(m_file.where(*n, dotted(key)), key_name(key) + " must be a list of texts");
    std::vector<std::string> out;
    for (const toml::node& e : *arr) {
        if (!e.is_string()) throw Error(m_file.where(e, dotted(key)), key_name(key) + " needs texts, found " + type_name(e));
        out.push_back(*e.value<std::string>());
    }
    return out;
}

std::map<std::string, double> TomlTable::number_map(const std::string& key, Range r) const {
    TomlTable t = table(key);
    std::map<std::string, double> out;
    if (!t.present()) return out;
    for (const auto& [k, v] : *t.m_table) out[std::string(k.str())] = *t.read_number(std::string(k.str()), r, unit_of(key));
    return out;
}

TomlTable TomlTable::table(const std::string& key) const {
    const toml::node* n = get(key);
    const std::string name = m_name.empty() ? key : m_name + "." + key;
    if (!n) return TomlTable(nullptr, name, m_file);
    if (!n->is_table())
        throw Error(m_file.where(*n, dotted(key)), (m_name.empty() ? "[" + key + "]" : key_name(key)) +
                    " must be a table, found " + type_name(*n));
    return TomlTable(n->as_table(), name, m_file);
}

std::string TomlTable::choice(const std::string& key, const std::string& fallback,
                              const std::vector<std::string>& choices) const {
    const std::string v = text(key, fallback);
    if (std::find(choices.begin(), choices.end(), v) != choices.end()) return v;
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    const std::string guess = did_you_mean(v, choices);
    throw Error(where(key), key_name(key) + " must be one of " + list + ", found \"" + v + "\"" +
                (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"));
}

void TomlTable::finish() const {
    if (!m_table) return;
    std::vector<std::string> known(m_read.begin(), m_read.end());
    std::string problems;
    for (const auto& [k, v] : *m_table) {
        const std::string key(k.str());
        if (m_read.count(key)) continue;
        const std::string guess = did_you_mean(key, known);
        const bool is_table = v.is_table() || v.is_array_of_tables();
        problems += "\n  " + m_file.at(v) + ": unknown " +
                    (is_table ? "table [" + (m_name.empty() ? key : m_name + "." + key) + "]"
                              : "key " + key_name(key)) +
                    (guess.empty() ? std::string() : " (did you mean " + guess + "?)");
    }
    if (!problems.empty())
        throw Error(Location{.path = m_file.path(), .key = m_name}, "keys this version does not know (a misspelt key would silently fall back "
                             "to its default, so the run stops):" + problems);
}

} // namespace apreptis::app
