#include "app/report/report_chart.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/report/map_figure.hpp"

namespace apreptis::app::report {

namespace {

constexpr double bar_h = 10, gap = 3.5, top = 16, bottom = 16, font_size = 7;

void show(cairo_t* cr, double x, double y, const std::string& s, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, font_size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

double advance(cairo_t* cr, const std::string& s, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, font_size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

std::string tick_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

double bar_chart_height(const BarChart& c) {
    return top + static_cast<double>(c.bars.size()) * (bar_h + gap) + bottom;
}

double draw_bar_chart(cairo_t* cr, const BarChart& c, double x, double y, double width) {
    cairo_save(cr);
    double label_w = 0, value_w = 0;
    for (const auto& b : c.bars) {
        label_w = std::max(label_w, advance(cr, b.label));
        value_w = std::max(value_w, advance(cr, b.value_text));
    }
    const double x0 = x + label_w + 6, plot_w = std::max(40.0, width - (label_w + 6) - value_w - 8);
    const double max = c.axis_max > 0 ? c.axis_max : 1;
    auto px = [&](double v) { return x0 + std::clamp(v / max, 0.0, 1.0) * plot_w; };
    const double y0 = y + top, y1 = y0 + static_cast<double>(c.bars.size()) * (bar_h + gap);

    // grid and ticks: 0, a quarter, ..., the axis maximum
    cairo_set_line_width(cr, 0.4);
    for (int k = 0; k <= 4; ++k) {
        const double v = max * k / 4.0, xx = px(v);
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, xx, y0 - 2);
        cairo_line_to(cr, xx, y1);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
        const std::string t = tick_text(v) + (c.axis_unit.empty() ? "" : "\u00a0" + c.axis_unit);
        show(cr, xx - advance(cr, t) / 2, y1 + 9, t);
    }
    // the reference line under the bars and their values
    if (c.reference) {
        const double xx = px(*c.reference);
        cairo_set_source_rgb(cr, 0.7, 0.1, 0.15);
        cairo_set_line_width(cr, 1.0);
        const double dash[] = {3, 2};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, xx, y0 - 4);
        cairo_line_to(cr, xx, y1);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        const double w = advance(cr, c.reference_label, true);
        show(cr, std::clamp(xx - w / 2, x, x + width - w), y0 - 6, c.reference_label, true);
    }
    double yy = y0;
    for (const auto& b : c.bars) {
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        show(cr, x0 - 6 - advance(cr, b.label), yy + bar_h - 2, b.label);
        double end = x0;
        if (b.value) {
            end = px(*b.value);
            cairo_set_source_rgb(cr, 67 / 255.0, 162 / 255.0, 202 / 255.0);
            cairo_rectangle(cr, x0, yy, std::max(end - x0, 0.8), bar_h);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        show(cr, end + 3, yy + bar_h - 2, b.value_text);
        yy += bar_h + gap;
    }
    cairo_restore(cr);
    return bar_chart_height(c);
}

} // namespace apreptis::app::report
