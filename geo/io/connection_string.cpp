#include "geo/io/connection_string.hpp"

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

} // namespace apreptis::geo
