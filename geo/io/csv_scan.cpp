#include "geo/io/csv_scan.hpp"

#include <cstdio>

#include "geo/errors.hpp"

namespace apreptis::geo {

namespace {

char detect_separator(const std::string& text, std::size_t start) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (std::size_t i = start; i < text.size() && (quoted || (text[i] != '\n' && text[i] != '\r')); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == ',') ++comma;
        else if (!quoted && c == ';') ++semicolon;
        else if (!quoted && c == '\t') ++tab;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

std::string shown(char sep) { return sep == '\t' ? "tab" : std::string("'") + sep + "'"; }

} // namespace

std::size_t invalid_utf8_at(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k)
            if ((p[i + k] >> 6) != 0x2) return i;
        if (len == 2 && c < 0xC2) return i;                                   // overlong
        if (len == 3 && c == 0xE0 && p[i + 1] < 0xA0) return i;               // overlong
        if (len == 3 && c == 0xED && p[i + 1] >= 0xA0) return i;              // surrogate
        if (len == 4 && (c > 0xF4 || (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))) return i;
        i += len;
    }
    return std::string::npos;
}

std::string utf8_escaped(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t bad = invalid_utf8_at(s.substr(i));
        if (bad == std::string::npos) {
            out.append(s, i, std::string::npos);
            break;
        }
        out.append(s, i, bad);
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i + bad]));
        out += buf;
        i += bad + 1;
    }
    return out;
}

CsvScan scan_csv(const std::string& text, const std::string& path, char separator) {
    CsvScan scan;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; // UTF-8 byte order mark
    scan.separator = separator ? separator : detect_separator(text, i);
    const char sep = scan.separator;
    long long line = 1;
    bool header = true;
    while (i < text.size()) {
        // skip blank lines between records
        if (text[i] == '\n' || text[i] == '\r') {
            if (text[i] == '\n') ++line;
            ++i;
            continue;
        }
        const long long record_start = line;
        std::size_t fields = 1;
        bool quoted = false, field_start = true, was_quoted = false;
        long long quote_line = 0;
        for (; i < text.size(); ++i) {
            const char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') ++i; // escaped quote
                    else quoted = false;
                } else if (c == '\n') {
                    ++line;
                }
                continue;
            }
            if (c == '"') {
                if (!field_start)
                    throw IoError(Location{path, "", -1, line, ""},
                                  "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
                quoted = was_quoted = true;
                quote_line = line;
                field_start = false;
                continue;
            }
            if (c == sep) {
                ++fields;
                field_start = true;
                was_quoted = false;
                continue;
            }
            if (c == '\n' || c == '\r') break;
            if (was_quoted && c != ' ')
                throw IoError(Location{path, "", -1, line, ""},
                              "text after a closing quote; a quoted field must end at the separator");
            field_start = false;
        }
        if (quoted)
            throw IoError(Location{path, "", -1, quote_line, ""},
                          "a quote opened on this line is never closed: the rest of the file would be read as one field");
        if (header) {
            scan.columns = fields;
            header = false;
        } else {
            if (fields != scan.columns)
                throw IoError(Location{path, "", -1, record_start, ""},
                              "has " + std::to_string(fields) + " fields, the header has " +
                                  std::to_string(scan.columns) + " (separator " + shown(sep) +
                                  "); a missing or extra separator would shift every value after it");
            scan.record_line.push_back(record_start);
        }
    }
    return scan;
}

std::vector<std::vector<std::string>> csv_records(const std::string& text, char sep) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = any = true;
        } else if (c == sep) {
            row.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(std::move(field));
                out.push_back(std::move(row));
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(std::move(field));
        out.push_back(std::move(row));
    }
    if (!out.empty() && !out[0].empty() && out[0][0].rfind("\xEF\xBB\xBF", 0) == 0) out[0][0].erase(0, 3); // BOM
    return out;
}

} // namespace apreptis::geo
