#pragma once
// Providers placed by hand (the viewer's "Locate providers" panel), written back into the
// project's providers file: the same columns and rows as the input, the placed providers'
// rows with coordinates in the providers' CRS, `location_precision = placed_by_hand` and
// `location_basis = "placed in the viewer, YYYY-MM-DD"`. Written through a temporary file; the
// input itself only when asked, after a backup (as `apreptis locate --in-place`).
#include <string>
#include <vector>

#include "app/core/project.hpp"
#include "geo/geometry.hpp"

namespace apreptis::app {

struct Placement {
    std::string provider_id;
    geo::XY point;                           ///< working CRS
    std::string precision = "placed_by_hand"; ///< "address" when it is a matched address point's
    std::string basis;                       ///< location_basis to write
    std::string ward_code;                   ///< the ward the point lies in ("" outside every ward)
};

struct PlacementSave {
    std::string out_path;
    std::string backup_path; ///< when the providers file itself was replaced
    std::size_t providers = 0, rows = 0;
};

/// "placed in the viewer, DATE".
std::string placed_by_hand_basis(const std::string& date);
/// Today as YYYY-MM-DD (UTC).
std::string today_utc();
/// providers_located.csv beside the project's providers file.
std::string default_placed_path(const Project& project);

/// Writes the providers file with `placements` to `out` (empty: default_placed_path). Throws
/// Error when `out` is the providers file itself and `overwrite` is false, when a placement's
/// provider id is not in the file, when there is nothing placed, or for a providers source
/// that is not a UTF-8 CSV with x/y fields; nothing is written then.
PlacementSave write_placements(const Project& project, const std::vector<Placement>& placements, const std::string& out,
                               bool overwrite);

} // namespace apreptis::app
