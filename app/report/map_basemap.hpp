#pragma once
// The project's [basemap] under a printed map: read once per figure, for the figure's extent
// (with a margin, square, so that any map box shows streets to its edges) at about the
// printed resolution. A source that fails is a warning: the map is drawn as without one.
#include <optional>
#include <string>

#include "app/core/basemap_config.hpp"
#include "app/core/i18n.hpp"
#include "app/report/map_figure.hpp"

namespace apreptis::app::report {

/// Not configured: `m` unchanged, returns "". Read: sets m.basemap and m.fill_alpha and adds
/// the basemap's attribution; returns "". Failed: adds a line saying the basemap is missing
/// to the attribution and returns the warning (naming the source and GDAL's reason).
std::string attach_basemap(MapFigure& m, const std::optional<BasemapConfig>& basemap, const std::string& working_crs,
                           Language lang, int pixels = 1400);

} // namespace apreptis::app::report
