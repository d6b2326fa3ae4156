#pragma once
// The maps of the report and of the comparison, built from an analysis: which wards, which
// values, which classes and colours (the viewer's, from choropleth.hpp), which labels.
#include <optional>
#include <string>

#include "app/core/analysis.hpp"
#include "app/core/i18n.hpp"
#include "app/report/map_figure.hpp"
#include "model/comparison.hpp"

namespace apreptis::app::report {

struct MapChoice {
    std::string indicator_id;
    std::string title;  ///< the indicator's label in the report's language, "(estimate)" added
    bool counts_people = false; ///< values are counts of a vulnerable group (suppressed below the threshold)
};

/// The indicator a municipality's report maps when none is asked for: with a capacity
/// analysis, the share unserved of its first service; else the service with the lowest share
/// of its target group within the threshold in that municipality; else density.
MapChoice choose_indicator(const Analysis& a, const std::string& municipality, Language lang,
                           const std::string& asked = {});

/// Values in 5 quantile classes of the viewer's palette: the fill of each value (no_data_colour
/// for an unknown one) and the legend ("0 to 3 %", "over 3 to 44 %", ..., "no data" when some
/// value is unknown). Limits and values are taken at the precision printed (`decimals`
/// digits), so a value printed on a limit is in the class that ends there, and in no other.
struct Classed {
    std::vector<Rgb> fills;
    std::vector<std::pair<Rgb, std::string>> legend;
    std::vector<double> limits; ///< upper limit of each class, as printed
};
Classed classify(const std::vector<std::optional<double>>& values, Language lang, int decimals,
                 const std::string& unit = {});

/// The unit printed after an indicator's values: " %", "/1000", " gyv." ("" for none).
std::string indicator_unit(const std::string& indicator_id, Language lang);

/// The municipalities of a comparison coloured by indicator `i` (areas: municipality_areas()).
MapFigure municipality_map(const model::Comparison& c, const std::vector<geo::MultiPolygon>& areas, std::size_t i,
                           Language lang, std::vector<std::string> attribution);

/// Fill of a ward whose figure is withheld or small (published_counts.hpp): such wards take
/// no part in the classes, and the legend says so.
inline constexpr Rgb withheld_colour{236, 236, 236};

/// Wards of `municipality` (all wards when empty) coloured by the indicator in 5 quantile
/// classes, providers of its service type, value labels with their unit (figures withheld as
/// published_counts.hpp decides for `threshold`, "<5" or "×", unless `unsuppressed`: such wards
/// take no class), each ward numbered in the key beside the map (with the same label), legend
/// and attribution.
MapFigure ward_map(const Analysis& a, const MapChoice& choice, Language lang, const std::string& municipality,
                   double threshold, bool unsuppressed);

} // namespace apreptis::app::report
