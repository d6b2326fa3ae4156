#pragma once
// Private to geo/*.cpp: GDAL registration and a scoped quiet error handler.
#include <string>
#include <sys/stat.h>

class OGRSpatialReference;

namespace apreptis::geo::detail {

void ensure_gdal_registered();

/// The CRS as WKT2 (2019), a definition PROJ reads.
std::string srs_to_wkt(const OGRSpatialReference& srs);

/// While alive, GDAL errors are collected instead of printed; last_message() reads them.
class QuietErrors {
public:
    QuietErrors();
    ~QuietErrors();
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
    std::string last_message() const;
};

inline bool file_exists(const std::string& path) {
    struct stat st {};
    // /vsi paths (zip, curl) are not checked here; GDAL reports them.
    return path.rfind("/vsi", 0) == 0 || ::stat(path.c_str(), &st) == 0;
}

} // namespace apreptis::geo::detail
