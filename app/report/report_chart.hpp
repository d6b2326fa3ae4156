#pragma once
// A horizontal bar chart drawn with Cairo (like the maps): one bar per ward, sorted as given,
// a reference line (the municipality's figure) and the value printed at each bar.
#include <optional>
#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace apreptis::app::report {

struct ChartBar {
    std::string label;           ///< the ward
    std::optional<double> value; ///< nullopt: not shown (hidden or unknown), value_text says why
    std::string value_text;      ///< printed at the end of the bar, with its unit
};

struct BarChart {
    std::vector<ChartBar> bars;
    double axis_max = 100;                 ///< the right end of the axis
    std::string axis_unit;                 ///< after the tick numbers ("%")
    std::optional<double> reference;       ///< a vertical line across the bars
    std::string reference_label;           ///< printed above the line
};

/// Draws the chart `width` points wide with its top-left at (x, y); returns its height.
double draw_bar_chart(cairo_t* cr, const BarChart& c, double x, double y, double width);

/// Height draw_bar_chart will take.
double bar_chart_height(const BarChart& c);

} // namespace apreptis::app::report
