#include "geo/io/redact_url.hpp"

#include <algorithm>
#include <cctype>

namespace apreptis::geo {

namespace {

bool is_scheme_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

/// Where a URL quoted in text ends: whitespace, quotes, angle brackets (a GDAL_WMS
/// description's <ServerUrl>...</ServerUrl>).
bool ends_url(char c) {
    return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

/// One URL, "scheme://authority/path?query#fragment".
std::string redact_one(const std::string& url) {
    const std::size_t sep = url.find("://");
    const std::size_t host = sep == std::string::npos ? 0 : sep + 3;
    std::size_t authority_end = url.find_first_of("/?#", host);
    if (authority_end == std::string::npos) authority_end = url.size();
    std::string out;
    if (const std::size_t at = url.rfind('@', authority_end - 1); at != std::string::npos && at >= host && at < authority_end)
        out = url.substr(0, host) + "***" + url.substr(at, authority_end - at);
    else
        out = url.substr(0, authority_end);
    const std::size_t query = url.find('?', authority_end);
    const std::size_t fragment = url.find('#', authority_end);
    if (query == std::string::npos || (fragment != std::string::npos && fragment < query))
        return out + url.substr(authority_end);
    out += url.substr(authority_end, query + 1 - authority_end);
    const std::size_t query_end = fragment == std::string::npos ? url.size() : fragment;
    // name=value pairs split at '&' (and at "&amp;" in an XML description: the "amp;" stays
    // with the name as written and is skipped when the name is judged)
    std::size_t p = query + 1;
    while (p <= query_end) {
        std::size_t amp = url.find('&', p);
        if (amp == std::string::npos || amp > query_end) amp = query_end;
        const std::string pair = url.substr(p, amp - p);
        const std::size_t eq = pair.find('=');
        std::string_view name = std::string_view(pair).substr(0, eq == std::string::npos ? pair.size() : eq);
        if (name.substr(0, 4) == "amp;") name.remove_prefix(4);
        if (eq != std::string::npos && eq + 1 < pair.size() && is_secret_parameter(name))
            out += pair.substr(0, eq + 1) + "***";
        else
            out += pair;
        if (amp < query_end) out += '&';
        p = amp + 1;
    }
    return out + url.substr(query_end);
}

} // namespace

bool is_secret_parameter(std::string_view name) {
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* part : {"key", "token", "secret", "pass", "signature", "credential"})
        if (n.find(part) != std::string::npos) return true;
    for (const char* whole : {"sig", "auth", "authorization", "session"})
        if (n == whole) return true;
    return false;
}

std::string redact_url(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t sep = text.find("://", i);
        if (sep == std::string::npos) break;
        std::size_t start = sep;
        while (start > i && is_scheme_char(text[start - 1])) --start;
        std::size_t end = sep + 3;
        while (end < text.size() && !ends_url(text[end])) ++end;
        // a message goes on after the URL ("basemap URL: cannot be opened", "... URL."):
        // trailing punctuation is the sentence's, not the URL's
        while (end > sep + 3 && std::string_view(".,:;)!?").find(text[end - 1]) != std::string_view::npos) --end;
        out.append(text, i, start - i);
        out += redact_one(text.substr(start, end - start));
        i = end;
    }
    if (i < text.size()) out.append(text, i);
    return out;
}

} // namespace apreptis::geo
