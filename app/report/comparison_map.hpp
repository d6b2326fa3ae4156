#pragma once
// The map `apreptis compare` writes (comparison_map.svg and .png): the municipalities coloured
// by one indicator (report_maps.hpp municipality_map) over the [basemap] of the first project,
// in the order given, that names one, drawn and attributed as under the report's maps
// (map_basemap.hpp). A basemap that fails is a warning, never a failed run: the map is drawn
// as without one and says so. Without [basemap] the figure is municipality_map's, unchanged.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/i18n.hpp"
#include "app/report/map_figure.hpp"
#include "model/comparison.hpp"

namespace apreptis::app::report {

/// `analyses`: the compared projects' runs, in the order given (the map is in the first's
/// working CRS, as comparison.gpkg is). A basemap that fails adds its warning to `warnings`
/// (printed by the caller, as the report command prints its own).
MapFigure comparison_map(const std::vector<const Analysis*>& analyses, const model::Comparison& c,
                         const std::vector<geo::MultiPolygon>& areas, std::size_t indicator, Language lang,
                         std::vector<std::string> attribution, std::vector<std::string>& warnings);

} // namespace apreptis::app::report
