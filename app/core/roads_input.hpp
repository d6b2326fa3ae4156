#pragma once
// The project's roads, read for its study area: an OpenStreetMap file (a city's or a whole
// country's) with libosmium, only the ways near the wards, and checked to cover them; any other
// line layer through GDAL. Format and clip: docs/ROUTING.md.
#include <string>
#include <vector>

#include "app/core/project.hpp"
#include "geo/geometry.hpp"
#include "geo/routing/road_network.hpp"

namespace apreptis::app {

/// A ward as the coverage check names it.
struct WardBox {
    std::string code, name;
    geo::Envelope box; ///< working CRS
};

struct RoadsRead {
    std::vector<geo::Way> ways;
    std::vector<std::string> warnings; ///< e.g. wards outside the file's data
    double clip_margin_m = 0;          ///< OSM: how far beyond the wards' box the file was read
};

/// [roads] clip_margin_m, or by default the farthest the project's largest time (thresholds,
/// catchment bands, E2SFCA zones) reaches at the profile's fastest class speed, at least 2,000 m
/// and at least margin_m (the network's own clip, so that the graph is the whole file's).
double osm_clip_margin_m(const Project& p);

/// Throws apreptis::Error when an OpenStreetMap file holds no data where any ward is.
RoadsRead read_roads(const Project& p, const std::vector<WardBox>& wards);

} // namespace apreptis::app
