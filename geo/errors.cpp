#include "geo/errors.hpp"

namespace apreptis {

std::string Location::to_string() const {
    std::string s = source_kind.empty() ? path : source_kind + " " + path;
    if (!layer.empty()) s += ":" + layer;
    if (fid >= 0) s += ":fid " + std::to_string(fid);
    if (!field.empty()) s += ":" + field;
    if (line >= 0) s += (fid >= 0 ? " (line " : ":") + std::to_string(line) + (fid >= 0 ? ")" : "");
    if (line >= 0 && fid < 0 && column >= 0) s += ":" + std::to_string(column);
    return s;
}

Error::Error(Location where, const std::string& what)
    : std::runtime_error(where.to_string() + ": " + what), m_location(std::move(where)), m_detail(what) {}

} // namespace apreptis

namespace apreptis::geo {

std::string where(const std::string& path, const std::string& layer, long long fid, const std::string& field) {
    return Location{path, layer, fid, -1, field}.to_string();
}

} // namespace apreptis::geo
