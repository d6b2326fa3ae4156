#pragma once
#include <cstdint>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::model {

/// A seniūnija (or any sub-municipal unit) in the working CRS.
struct Ward {
    std::string code;
    std::string name;
    std::string municipality;
    std::int64_t population = 0; ///< total residents, as given by the source (census)
    geo::MultiPolygon geometry;
    double area_m2 = 0;
    std::int64_t fid = -1;       ///< feature id in the source, for messages
    bool repaired = false;       ///< geometry was made valid by the tool
};

} // namespace apreptis::model
