#pragma once
#include <string>

namespace apreptis::geo {

struct LibraryVersions {
    std::string gdal, geos, proj;
};

LibraryVersions library_versions();

} // namespace apreptis::geo
