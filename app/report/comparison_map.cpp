#include "app/report/comparison_map.hpp"

#include "app/report/map_basemap.hpp"
#include "app/report/report_maps.hpp"

namespace apreptis::app::report {

MapFigure comparison_map(const std::vector<const Analysis*>& analyses, const model::Comparison& c,
                         const std::vector<geo::MultiPolygon>& areas, std::size_t indicator, Language lang,
                         std::vector<std::string> attribution, std::vector<std::string>& warnings) {
    MapFigure fig = municipality_map(c, areas, indicator, lang, std::move(attribution));
    if (analyses.empty()) return fig;
    for (const Analysis* a : analyses)
        if (a->project().basemap) {
            if (const std::string w = attach_basemap(fig, a->project().basemap, analyses.front()->project().working_crs, lang);
                !w.empty())
                warnings.push_back(w);
            break;
        }
    return fig;
}

} // namespace apreptis::app::report
