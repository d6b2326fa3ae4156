#pragma once
// What the map can colour wards by, and how values are put into classes. No GL here: the
// viewer draws what this computes, and the tests check it without a window.
#include <optional>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"

namespace apreptis::app {

struct Indicator {
    std::string id;       ///< stable key, e.g. "coverage:children_day_centre:children:persons:places_per_1000"
    std::string label_lt;
    std::string label_en;
    bool estimated = false; ///< values rest on estimates (shown in the legend)
};

/// Every ward indicator the analysis can show: population and density, the estimated age
/// groups, per 1000 figures per service line, and the share within the travel threshold.
std::vector<Indicator> ward_indicators(const Analysis& a);

/// One value per ward (nullopt = not known), in the order of study.wards.
std::vector<std::optional<double>> ward_values(const Analysis& a, const std::string& indicator_id);

/// "a:b:c" -> {"a","b","c"} (indicator ids, scripted what-if specs).
std::vector<std::string> split(const std::string& text, char sep);

enum class Classification { quantiles, equal_interval, manual };

/// Upper bounds of each class (size = classes); values above the last go to the last class.
std::vector<double> class_breaks(const std::vector<std::optional<double>>& values, Classification method,
                                 int classes, const std::vector<double>& manual = {});

/// Class of a value (0-based), or -1 for "not known".
int class_of(const std::optional<double>& v, const std::vector<double>& breaks);

struct Rgb {
    unsigned char r, g, b;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// A sequential palette (light to dark blue-green, ColorBrewer GnBu-like) of n colours.
std::vector<Rgb> palette(int n);
inline constexpr Rgb no_data_colour{200, 200, 200};
/// The selected ward: its class colour blended half-way to this.
inline constexpr Rgb highlight_colour{255, 200, 0};
Rgb highlighted(Rgb c);

} // namespace apreptis::app
