#pragma once
// Reads ways from OpenStreetMap (PBF/XML through GDAL's OSM driver, with the project's own
// osmconf so that oneway, maxspeed, access and foot are real fields) or from any line layer
// with a field mapping. Geometries come out in the working CRS.
#include <string>
#include <vector>

#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

/// osmconf: path of the ini shipped in datasets/osm/osmconf_roads.ini.
/// Throws IoError for a missing, empty, truncated or unreadable file.
std::vector<Way> read_osm_ways(const std::string& path, const std::string& osmconf, const std::string& target_crs);

/// Field names in a generic line layer; empty = not present. `highway` may be empty only
/// when `default_highway` says what every line is (e.g. "residential").
struct LineFieldMap {
    std::string layer;
    std::string crs; ///< declare when the file has none
    std::string highway, oneway, maxspeed, access, foot;
    std::string default_highway;
};

std::vector<Way> read_line_ways(const std::string& path, const LineFieldMap& map, const std::string& target_crs);

} // namespace apreptis::geo
