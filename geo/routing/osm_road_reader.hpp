#pragma once
// Roads of an OpenStreetMap extract (PBF or XML) read with libosmium, for a country-size file
// of which a study area needs a small part: only the highway ways with a node inside a clip box
// (and the walkable areas, closed ways and multipolygon relations, touching it) are kept, and
// only their nodes' locations are looked up. The ways are the ones read_osm_ways (GDAL's OSM
// driver with datasets/osm/osmconf_roads.ini) gives for the same file, in the same order, with
// the same tags and coordinates, so that build_network makes the same graph from either.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

struct OsmRoadsOptions {
    /// Working CRS; ways with no node inside are left out. Empty: the whole file.
    std::optional<Envelope> clip;
    /// The osmconf whose closed_ways_are_polygons line says which closed ways are areas (as in
    /// GDAL); empty: GDAL's default list (the one datasets/osm/osmconf_roads.ini keeps).
    std::string osmconf;
};

struct OsmRoads {
    std::vector<Way> ways;          ///< lines in file order, then walkable areas' outlines and crossings
    Envelope data_extent;           ///< every node of the file, working CRS (empty: the file has none)
    Envelope data_extent_lonlat;    ///< the same in degrees
    std::size_t ways_outside_clip = 0;  ///< highway ways and areas left out by the clip
    std::size_t nodes_in_file = 0;
    std::size_t missing_nodes = 0;  ///< node references of kept ways not in the file (skipped, as GDAL does)
};

/// Throws IoError naming the file when it is missing or cannot be read, or holds no highway way.
OsmRoads read_osm_roads(const std::string& path, const std::string& target_crs, const OsmRoadsOptions& options = {});

/// How a file's data extent covers a set of boxes (e.g. the wards' envelopes, working CRS).
struct ExtentCoverage {
    std::size_t outside = 0; ///< boxes with no point inside the extent
    std::size_t partly = 0;  ///< boxes reaching beyond it
};
ExtentCoverage extent_coverage(const Envelope& extent, const std::vector<Envelope>& boxes);

/// The lon/lat box (degrees) that holds the given working-CRS box: its densified outline
/// transformed, plus a small pad, so that a test against it never leaves out a point of `box`.
Envelope lonlat_box_around(const Envelope& box, const std::string& crs);

} // namespace apreptis::geo
