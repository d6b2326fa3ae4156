#include "geo/detail/gdal_util.hpp"

#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_spatialref.h>

namespace apreptis::geo::detail {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    });
}

QuietErrors::QuietErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}
QuietErrors::~QuietErrors() { CPLPopErrorHandler(); }
std::string QuietErrors::last_message() const {
    const char* m = CPLGetLastErrorMsg();
    return (m && *m) ? m : "no further detail from GDAL";
}

std::string srs_to_wkt(const OGRSpatialReference& srs) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, opts);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

} // namespace apreptis::geo::detail
