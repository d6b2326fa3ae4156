#include "app/report/map_basemap.hpp"

#include <algorithm>

#include "app/report/report_format.hpp"
#include "geo/errors.hpp"

namespace apreptis::app::report {

std::string attach_basemap(MapFigure& m, const std::optional<BasemapConfig>& b, const std::string& working_crs,
                           Language lang, int pixels) {
    if (!b) return {};
    geo::Envelope env;
    for (const auto& a : m.areas) env.expand(geo::envelope_of(a));
    for (const auto& p : m.points) env.expand(p);
    if (env.empty()) return {};
    const double side = std::max({env.width(), env.height(), 100.0}) * 1.2;
    const double cx = (env.min_x + env.max_x) / 2, cy = (env.min_y + env.max_y) / 2;
    const geo::Envelope square{cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2};
    try {
        m.basemap = std::make_shared<const geo::BasemapImage>(
            geo::read_basemap(b->source, {working_crs, square, pixels, pixels}));
        m.fill_alpha = b->ward_opacity;
        m.attribution.push_back(std::string(pick(lang, "Pagrindas: ", "Basemap: ")) + b->attribution);
        return {};
    } catch (const geo::IoError& e) {
        m.attribution.push_back(pick(lang, "Pagrindo žemėlapis nenubraižytas: jo šaltinis neatsakė (žr. įspėjimą)",
                                     "Basemap not drawn: its source failed (see the warning)"));
        return e.what();
    }
}

} // namespace apreptis::app::report
