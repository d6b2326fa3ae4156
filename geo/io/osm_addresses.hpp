#pragma once
// Address points of an OpenStreetMap extract (.osm.pbf), read with libosmium: every node and
// every closed way (a building outline) tagged addr:street + addr:housenumber. A way's point
// is its outline's area centroid, computed in the working CRS.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

struct OsmAddress {
    char type = 'n';         ///< 'n' node, 'w' way
    std::int64_t id = 0;
    std::string street;      ///< addr:street
    std::string housenumber; ///< addr:housenumber
    std::string city;        ///< addr:city (empty when not tagged)
    std::string name;
    /// A point of interest: also tagged amenity, shop, office, tourism, craft, healthcare,
    /// leisure or social_facility (the leave-one-out check geocodes these).
    bool poi = false;
    XY xy;                   ///< target CRS
};

/// Throws IoError naming the path when the file cannot be read.
std::vector<OsmAddress> read_osm_addresses(const std::string& path, const std::string& target_crs);

} // namespace apreptis::geo
