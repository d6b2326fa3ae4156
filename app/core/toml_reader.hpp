#pragma once
// A strict, typed reader over a TOML file, shared by the project and scenario files.
// Every read records the key; finish() refuses any key or table that was not read, with its
// line and a "did you mean" suggestion, so a misspelt key never silently falls back to a
// default. Every number is checked for finiteness and range where it is read; every message
// starts with file:line:column.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "geo/errors.hpp"

namespace apreptis::app {

/// An inclusive range for a number read from the file; the unit word is taken from the key's
/// suffix (_m: metres, _m2: square metres, _min: minutes) for messages.
struct Range {
    double min = 0;
    double max = 1e12;
    bool min_exclusive = false;
};

class TomlFile;

/// One table of the file (or a missing one: every read then returns its fallback).
class TomlTable {
public:
    TomlTable(const toml::table* table, std::string name, const TomlFile& file);

    bool present() const { return m_table != nullptr; }
    const std::string& name() const { return m_name; }
    /// file:line:column of the table (or the file when absent).
    std::string at() const;
    std::string at(const std::string& key) const;
    /// The same as a Location for an apreptis::Error: file, line, column and the dotted key
    /// ("access.threshold_min"; the table's own name without a key).
    Location where() const;
    Location where(const std::string& key) const;
    bool has(const std::string& key) const;

    std::string text(const std::string& key, const std::string& fallback = {}) const;
    std::string required_text(const std::string& key) const;
    /// A path relative to the file's folder, made absolute. A GDAL connection string such as
    /// "PG:dbname=x" is passed through untouched.
    std::string path(const std::string& key, bool required) const;
    /// A list of paths, each resolved like path().
    std::vector<std::string> paths(const std::string& key) const;
    bool flag(const std::string& key, bool fallback) const;
    double number(const std::string& key, double fallback, Range range) const;
    std::optional<double> optional_number(const std::string& key, Range range) const;
    /// A count: a whole number in range.
    long long count(const std::string& key, long long fallback, long long min, long long max) const;
    std::vector<double> numbers(const std::string& key, std::vector<double> fallback, Range range) const;
    std::vector<std::string> texts(const std::string& key) const;
    /// A sub-table of numbers keyed by name, e.g. [access.threshold_min]; `range` per value.
    std::map<std::string, double> number_map(const std::string& key, Range range) const;
    /// A sub-table (absent when the key is missing; an error when it is not a table).
    TomlTable table(const std::string& key) const;
    /// A key with one of `choices` as its text value.
    std::string choice(const std::string& key, const std::string& fallback, const std::vector<std::string>& choices) const;

    /// The raw node of a key (marks it read), for layouts the typed reads above do not cover.
    const toml::node* raw(const std::string& key) const { return get(key); }

    /// Throws apreptis::Error naming every key of this table that no read asked for.
    void finish() const;

private:
    const toml::node* get(const std::string& key) const;
    std::optional<double> read_number(const std::string& key, Range range, const std::string& unit) const;
    std::string key_name(const std::string& key) const; ///< "[access] catchment_buffer_m"
    std::string dotted(const std::string& key) const;   ///< "access.catchment_buffer_m"

    const toml::table* m_table;
    std::string m_name;
    const TomlFile& m_file;
    mutable std::set<std::string> m_read;
};

/// The parsed file. Throws apreptis::Error (geo::IoError for an unreadable file) naming the
/// line and column of a syntax error.
class TomlFile {
public:
    explicit TomlFile(const std::string& path);
    ~TomlFile();
    TomlFile(const TomlFile&) = delete;
    TomlFile& operator=(const TomlFile&) = delete;

    const std::string& path() const { return m_path; }
    TomlTable root() const;
    std::string at(const toml::node& n) const;
    /// Where `n` is, for an apreptis::Error about `key` (dotted).
    Location where(const toml::node& n, const std::string& key) const;

private:
    std::string m_path;
    std::unique_ptr<toml::table> m_root;
};

/// The closest of `known` to `word` by edit distance, or empty when none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& known);

} // namespace apreptis::app
