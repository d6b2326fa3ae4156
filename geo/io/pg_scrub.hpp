#pragma once
// Server messages about a PostgreSQL source (libpq's "password authentication failed for user
// "x"") repeat values of the connection string. scrubbed() redacts the connection string
// (connection_string.hpp) and also blanks the user name and password values themselves.
#include <regex>
#include <string>

#include "geo/io/connection_string.hpp"

namespace apreptis::geo {

inline std::string scrubbed(const std::string& message, const std::string& source) {
    std::string out = redacted(message);
    if (!is_database_source(source)) return out;
    static const std::regex kv(R"(\b(?:user|password)\s*=\s*('(?:[^'\\]|\\.)*'|\S+))", std::regex::icase);
    for (std::sregex_iterator it(source.begin(), source.end(), kv), end; it != end; ++it) {
        std::string v = (*it)[1].str();
        if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
        if (v.size() < 3) continue; // too short to blank without garbling the message
        for (std::size_t p = out.find(v); p != std::string::npos; p = out.find(v, p + 3)) out.replace(p, v.size(), "***");
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back(); // libpq's trailing newline
    return out;
}

} // namespace apreptis::geo
