#pragma once
// Walkable areas (OSM highway=pedestrian squares and the like, mapped as polygons) turned into
// ways: their outlines, and the straight crossings between their entrances. Shared by both
// OpenStreetMap readers (GDAL's driver and libosmium), so that both give the same graph.
#include <utility>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

/// Appends to `ways` each area's rings (WayOrigin::area_outline, with the area's tags) and the
/// straight lines between any two of its entrances (vertices shared with a way already in
/// `ways`) that stay inside it (WayOrigin::area_crossing).
void add_walkable_areas(const std::vector<std::pair<Polygon, Way>>& areas, std::vector<Way>& ways);

} // namespace apreptis::geo
