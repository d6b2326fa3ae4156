#pragma once
// Checks across all wards, done once at load: duplicate codes, invalid polygons (with an
// optional repair that says what it changed), overlaps.
#include <string>
#include <vector>

#include "model/study_area.hpp"

namespace apreptis::model {

struct WardCheckOptions {
    bool repair_invalid = false;
    double overlap_tolerance_m2 = 100.0; ///< slivers from simplified boundaries below this are ignored
    double gap_tolerance_m2 = 1000.0;    ///< holes between wards below this are not reported
};

struct WardRepair {
    std::string code;
    std::string name;
    std::string reason;   ///< GEOS's validity message before repair
    double area_before_m2 = 0;
    double area_after_m2 = 0;
};

struct WardGap {
    double area_m2 = 0;
    geo::XY inside;                 ///< a point in the gap (working CRS)
    std::vector<std::string> around; ///< codes of the wards that touch it
};

struct WardCheckReport {
    std::vector<WardRepair> repairs;
    std::vector<WardGap> gaps;       ///< land enclosed by wards that no ward covers
    double total_area_m2 = 0;
};

/// Validates and (if allowed) repairs; fills Ward::area_m2. Throws DataError listing every
/// offending ward (file, fid, code, name, reason).
WardCheckReport check_wards(std::vector<Ward>& wards, const WardCheckOptions& options, const std::string& source);

} // namespace apreptis::model
