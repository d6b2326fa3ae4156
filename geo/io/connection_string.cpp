#include "geo/io/connection_string.hpp"
#include "geo/io/pg_scrub.hpp"

#include <regex>

namespace apreptis::geo {

bool is_database_source(const std::string& s) { return s.rfind("PG:", 0) == 0; }

std::string redacted(const std::string& s) {
    if (!is_database_source(s)) return s;
    // libpq keyword=value pairs (values may be quoted) and URIs with user:password@
    static const std::regex keyword(R"((\b(?:user|password|passfile|sslpassword|sslkey)\s*=\s*)('(?:[^'\\]|\\.)*'|\S+))",
                                    std::regex::icase);
    static const std::regex uri(R"((postgres(?:ql)?://)[^@/]*@)", std::regex::icase);
    std::string out = std::regex_replace(s, keyword, "$1***");
    return std::regex_replace(out, uri, "$1***@");
}

std::string scrubbed(const std::string& message, const std::string& source) {
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
