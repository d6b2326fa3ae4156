#include "geo/versions.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

namespace apreptis::geo {

LibraryVersions library_versions() {
    PJ_INFO info = proj_info();
    return {GDALVersionInfo("RELEASE_NAME"), GEOSversion(), info.version ? info.version : ""};
}

} // namespace apreptis::geo
