#pragma once
// apreptis locate: match each provider's address against address points and write the
// providers file with coordinates where an address point was found (docs/LOCATE.md).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/project.hpp"
#include "model/geocode/address_matcher.hpp"

namespace apreptis::app {

struct LocateOptions {
    std::string project;   ///< project file
    std::string addresses; ///< address source; empty: the project's [addresses] path
    std::string out;       ///< empty: providers_located.csv beside the providers file
    bool in_place = false; ///< replace the providers file (a backup is written first)
};

struct LocatedProvider {
    std::string provider_id;
    std::string address;
    std::string result;    ///< address_point, street, ambiguous, not_found; kept (already placed), no_address
    std::string detail;    ///< what was matched, the candidates or the nearest numbers
};

struct LocateResult {
    std::string out_path;
    std::string backup_path; ///< --in-place only
    std::string source;      ///< the address points' file
    std::size_t points = 0;  ///< address points indexed
    std::vector<LocatedProvider> providers; ///< one per provider id, in file order
    std::map<std::string, std::size_t> counts; ///< per result
};

/// One address matched against the points, and what the result says ("address point OSM node
/// 12 'Birutės g. 27, Kaunas' in FILE", the nearest numbers, the candidates): a point only for
/// address_point. `source_name` is the points' file as named in the detail.
struct AddressOutcome {
    model::MatchKind kind = model::MatchKind::not_found;
    std::optional<geo::XY> at;
    std::string detail;
};
AddressOutcome match_address(const model::AddressMatcher& matcher, const std::string& address,
                             const std::string& source_name);

/// Address points of a source in the working CRS: an .osm.pbf / .osm by its addr:* tags, any
/// other GDAL layer by the [addresses] fields (street and house number fields required).
std::vector<model::AddressPoint> read_address_points(const std::string& source, const Project& project);

/// Throws Error for bad input (a providers file that is not a UTF-8 CSV, an output that would
/// overwrite the input without in_place, a missing address source).
LocateResult locate_providers(const LocateOptions& options);

} // namespace apreptis::app
