#pragma once
// Providers and their service lines. A provider is located only as precisely as the data
// allow; the precision travels with it into every output.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::model {

enum class LocationPrecision {
    address,      ///< a point from a geocoded street address
    building,     ///< a point on a registered building
    ward,         ///< known to lie in a ward, no point
    municipality, ///< known municipality only (in or outside the study area)
    unknown,
    planned,      ///< a point placed by the planner in a scenario (not an existing site)
    placed_by_hand, ///< an existing provider's point placed on the map by a person (viewer, "Locate providers")
};

const char* to_string(LocationPrecision p);
std::optional<LocationPrecision> precision_from_string(const std::string& s);
inline bool has_point(LocationPrecision p) {
    return p == LocationPrecision::address || p == LocationPrecision::building || p == LocationPrecision::planned ||
           p == LocationPrecision::placed_by_hand;
}

struct Provider {
    std::string id;
    std::string name;
    std::string ownership;
    LocationPrecision precision = LocationPrecision::unknown;
    std::string municipality;        ///< where it is, when known
    std::string ward_code;           ///< ward it is in (given, or found by point-in-polygon)
    std::string address;             ///< street address text when known (may be un-geocoded)
    std::optional<geo::XY> point;    ///< working CRS
    std::string location_basis;      ///< why we think it is there
    std::string serves_municipality; ///< the municipality that lists / pays for it
    std::int64_t fid = -1;           ///< first source row, for messages
};

struct ServiceLine {
    std::size_t provider = 0; ///< index into the providers vector
    std::string service_type;
    std::string target_group;
    std::string unit;         ///< persons | families | episodes | beds | mixed
    std::string detail;
    std::string name_as_printed; ///< the provider's name as this line's source prints it
    std::optional<double> places;
    std::optional<double> recipients;
    std::optional<double> municipality_funded;
    std::optional<double> waiting_list;
    std::string reference_date;
    std::string source;
    std::int64_t fid = -1;
};

} // namespace apreptis::model
