#include "geo/errors.hpp"

namespace apreptis::geo {

std::string where(const std::string& path, const std::string& layer, long long fid,
                  const std::string& field) {
    std::string s = path;
    if (!layer.empty()) s += ":" + layer;
    if (fid >= 0) s += ":fid " + std::to_string(fid);
    if (!field.empty()) s += ":" + field;
    return s;
}

} // namespace apreptis::geo
