#include "app/core/providers_csv.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "geo/errors.hpp"
#include "geo/io/csv_scan.hpp"

namespace fs = std::filesystem;

namespace apreptis::app {

std::size_t ProvidersCsv::column(const std::string& name, bool add) {
    auto& header = rows.at(0);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    if (!add) throw geo::IoError(Location{path, "", -1, 1, name}, "missing column " + name);
    header.push_back(name);
    for (std::size_t r = 1; r < rows.size(); ++r) rows[r].resize(header.size());
    return header.size() - 1;
}

std::string ProvidersCsv::to_text() const {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i) out += separator;
            const std::string& f = row[i];
            if (f.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) {
                out += f;
                continue;
            }
            out += '"';
            for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
            out += '"';
        }
        out += eol;
    }
    return out;
}

ProvidersCsv read_providers_csv(const Project& project, const std::string& tool) {
    if (!project.providers) throw Error(Location{.path = project.file, .key = "providers"}, "no [providers] table: nothing to locate");
    const LayerSource& ps = *project.providers;
    const std::string ext = fs::path(ps.path).extension().string();
    if (ext != ".csv" && ext != ".CSV")
        throw Error(Location{.path = ps.path}, tool + " rewrites a providers CSV file; this providers source is not one");
    if (!ps.encoding.empty() && ps.encoding != "UTF-8" && ps.encoding != "utf-8" && ps.encoding != "UTF8")
        throw Error(Location{.path = ps.path}, tool + " writes UTF-8; convert the providers file from " + ps.encoding + " first");
    if (ps.x_field.empty())
        throw Error(Location{.path = project.file, .key = "providers.x_field"}, "[providers] names no x_field / y_field: " + tool + " writes coordinates into them");
    ProvidersCsv f;
    f.path = fs::absolute(ps.path).lexically_normal().string();
    std::ifstream in(f.path, std::ios::binary);
    if (!in) throw geo::IoError(Location{f.path, "", -1, -1, ""}, "cannot open the file");
    f.text.assign(std::istreambuf_iterator<char>(in), {});
    const geo::CsvScan scan = geo::scan_csv(f.text, f.path, ps.separator);
    f.separator = scan.separator;
    f.rows = geo::csv_records(f.text, scan.separator);
    if (f.rows.empty()) throw Error(Location{.path = f.path}, "empty file (no header row)");
    f.eol = f.text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    return f;
}

std::string format_coordinate(double v, bool degrees, bool decimal_comma) {
    char buf[64];
    std::snprintf(buf, sizeof buf, degrees ? "%.7f" : "%.2f", v);
    std::string s = buf;
    if (decimal_comma)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string backup_path_for(const std::string& path) {
    std::string b = path + ".bak";
    for (int n = 1; fs::exists(b); ++n) b = path + ".bak" + std::to_string(n);
    return b;
}

} // namespace apreptis::app
