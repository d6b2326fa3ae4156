#pragma once
// SQL quoting shared by the writers that speak SQL directly (PostgreSQL, SQLite): both follow
// the standard (double quotes for identifiers, single quotes for text, each doubled inside).
#include <string>

namespace apreptis::geo {

/// "name", with any " doubled.
inline std::string sql_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// 'text', with any ' doubled.
inline std::string sql_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

} // namespace apreptis::geo
