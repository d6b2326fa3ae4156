#include "app/report/map_figure.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <unistd.h>

#include "app/report/report_page.hpp"
#include "geo/errors.hpp"
#include "geo/io/pending_file.hpp"

namespace apreptis::app::report {

namespace {

void set_rgb(cairo_t* cr, Rgb c, double alpha = 1.0) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void text_at(cairo_t* cr, double x, double y, const std::string& s, double size, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

double text_width(cairo_t* cr, const std::string& s, double size, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

void ring_path(cairo_t* cr, const geo::Ring& r, const MapTransform& t) {
    if (r.empty()) return;
    cairo_move_to(cr, t.page_x(r[0].x), t.page_y(r[0].y));
    for (std::size_t i = 1; i < r.size(); ++i) cairo_line_to(cr, t.page_x(r[i].x), t.page_y(r[i].y));
    cairo_close_path(cr);
}

/// The scale bar at (x, y) (its baseline), at most `max_w` points long.
double draw_scale_bar(cairo_t* cr, const MapTransform& t, double x, double y, double max_w) {
    // about four fifths of the room, 1, 2 or 5 x 10^k metres
    double len_m = scale_bar_length_m(max_w / t.scale * 4.0);
    while (len_m * t.scale > max_w && len_m > 1) len_m = scale_bar_length_m(len_m * 0.99);
    const double len_pt = len_m * t.scale;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, x, y - 4);
    cairo_line_to(cr, x, y);
    cairo_line_to(cr, x + len_pt, y);
    cairo_line_to(cr, x + len_pt, y - 4);
    cairo_stroke(cr);
    char buf[32];
    if (len_m >= 1000) std::snprintf(buf, sizeof buf, "%g km", len_m / 1000);
    else std::snprintf(buf, sizeof buf, "%g m", len_m);
    text_at(cr, x, y - 6, "0", 7);
    text_at(cr, x + len_pt - text_width(cr, buf, 7), y - 6, buf, 7);
    return len_pt;
}

void draw_north_arrow(cairo_t* cr, double cx, double top, const std::string& letter) {
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_move_to(cr, cx, top + 10);
    cairo_line_to(cr, cx - 6, top + 28);
    cairo_line_to(cr, cx, top + 23);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_move_to(cr, cx, top + 10);
    cairo_line_to(cr, cx + 6, top + 28);
    cairo_line_to(cr, cx, top + 23);
    cairo_close_path(cr);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    text_at(cr, cx - text_width(cr, letter, 9, true) / 2, top + 8, letter, 9, true);
}

/// The basemap's pixels where they fall on the page (Cairo scales and clips them to the map box).
void paint_basemap(cairo_t* cr, const geo::BasemapImage& img, const MapTransform& t) {
    if (img.width <= 0 || img.height <= 0) return;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height), &cairo_surface_destroy);
    cairo_surface_flush(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int r = 0; r < img.height; ++r) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        for (int c = 0; c < img.width; ++c) {
            const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(r) * static_cast<std::size_t>(img.width) +
                                               static_cast<std::size_t>(c)) * 4];
            const std::uint32_t a = p[3]; // Cairo wants premultiplied ARGB in native order
            row[c] = a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
        }
    }
    cairo_surface_mark_dirty(s.get());
    cairo_save(cr);
    cairo_translate(cr, t.page_x(img.extent.min_x), t.page_y(img.extent.max_y));
    cairo_scale(cr, img.extent.width() * t.scale / img.width, img.extent.height() * t.scale / img.height);
    cairo_set_source_surface(cr, s.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
}

/// Lines of `s` no wider than `w` at `size`.
std::vector<std::string> lines_of(cairo_t* cr, const std::string& s, double w, double size, bool bold) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    return wrap_text(cr, s, w);
}

double panel_width(double box_w) { return std::clamp(box_w * 0.3, 120.0, 170.0); }

/// The panel beside the map: north arrow and scale bar, the legend, the numbered key.
void draw_panel(cairo_t* cr, const MapFigure& m, const Box& panel, const MapTransform& t) {
    const double pad = 7, w = panel.w - 2 * pad, x = panel.x + pad;
    draw_north_arrow(cr, x + 8, panel.y + 4, m.north_letter);
    draw_scale_bar(cr, t, x + 24, panel.y + 30, w - 30);
    double y = panel.y + 46;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    for (const auto& l : lines_of(cr, m.legend_title, w, 7.5, true)) {
        text_at(cr, x, y + 7, l, 7.5, true);
        y += 9.5;
    }
    y += 2;
    for (const auto& [c, label] : m.legend) {
        set_rgb(cr, c, m.fill_alpha); // as the wards show over a basemap (over the panel's paper)
        cairo_rectangle(cr, x, y + 1.5, 10, 8);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        for (const auto& l : lines_of(cr, label, w - 14, 7.5, false)) {
            text_at(cr, x + 14, y + 9, l, 7.5);
            y += 11;
        }
    }
    if (!m.points_label.empty()) {
        set_rgb(cr, point_colour);
        cairo_arc(cr, x + 5, y + 5.5, 2.6, 0, 2 * M_PI);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        for (const auto& l : lines_of(cr, m.points_label, w - 14, 7.5, false)) {
            text_at(cr, x + 14, y + 9, l, 7.5);
            y += 11;
        }
    }
    const auto numbers = key_numbers(m);
    std::vector<std::size_t> keyed;
    for (std::size_t i = 0; i < numbers.size(); ++i)
        if (numbers[i] > 0) keyed.push_back(i);
    std::sort(keyed.begin(), keyed.end(), [&](auto a, auto b) { return numbers[a] < numbers[b]; });
    if (keyed.empty()) return;
    y += 6;
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + w, y);
    cairo_stroke(cr);
    y += 3;
    for (std::size_t i : keyed) {
        const std::string n = std::to_string(numbers[i]);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, x + 10 - text_width(cr, n, 7, true), y + 8, n, 7, true);
        const std::string value = i < m.labels.size() ? m.labels[i] : "";
        const double vw = text_width(cr, value, 7);
        const auto name = lines_of(cr, m.key_names[i], w - 18 - vw - 4, 7, false);
        text_at(cr, x + w - vw, y + 8, value, 7);
        for (const auto& l : name) {
            text_at(cr, x + 14, y + 8, l, 7);
            y += 9.5;
        }
    }
}

} // namespace

std::vector<int> key_numbers(const MapFigure& m) {
    std::vector<int> out(m.areas.size(), 0);
    std::vector<std::size_t> named;
    for (std::size_t i = 0; i < m.key_names.size() && i < out.size(); ++i)
        if (!m.key_names[i].empty()) named.push_back(i);
    std::stable_sort(named.begin(), named.end(), [&](auto a, auto b) { return m.key_names[a] < m.key_names[b]; });
    for (std::size_t k = 0; k < named.size(); ++k) out[named[k]] = static_cast<int>(k + 1);
    return out;
}

double scale_bar_length_m(double width_m) {
    const double target = std::max(width_m / 5.0, 1.0);
    const double p = std::pow(10.0, std::floor(std::log10(target)));
    for (double f : {5.0, 2.0, 1.0})
        if (f * p <= target) return f * p;
    return p;
}

MapTransform fit(const geo::Envelope& e, const Box& box, double margin) {
    MapTransform t;
    const double w = std::max(e.width(), 1.0), h = std::max(e.height(), 1.0);
    t.scale = std::min((box.w - 2 * margin) / w, (box.h - 2 * margin) / h);
    t.min_x = e.min_x;
    t.max_y = e.max_y;
    t.x0 = box.x + (box.w - w * t.scale) / 2;
    t.y0 = box.y + (box.h - h * t.scale) / 2;
    return t;
}

MapTransform draw_map(cairo_t* cr, const MapFigure& m, const Box& box) {
    cairo_save(cr);
    std::vector<std::string> attribution;
    for (const auto& a : m.attribution)
        for (auto& l : lines_of(cr, a, box.w, 6, false)) attribution.push_back(std::move(l));
    const double attribution_h = 9.0 * static_cast<double>(attribution.size()) + 4;
    const double panel_w = panel_width(box.w);
    const Box frame{box.x, box.y, box.w, box.h - attribution_h};
    const Box map{frame.x, frame.y, frame.w - panel_w, frame.h};
    const Box panel{map.x + map.w, frame.y, panel_w, frame.h};
    geo::Envelope env;
    for (const auto& a : m.areas) env.expand(geo::envelope_of(a));
    for (const auto& p : m.points) env.expand(p);
    const MapTransform t = fit(env, map);

    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
    cairo_fill(cr);
    cairo_rectangle(cr, map.x, map.y, map.w, map.h);
    cairo_clip(cr);
    if (m.basemap) paint_basemap(cr, *m.basemap, t);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t i = 0; i < m.areas.size(); ++i) {
        cairo_new_path(cr);
        for (const auto& poly : m.areas[i]) {
            ring_path(cr, poly.outer, t);
            for (const auto& h : poly.holes) ring_path(cr, h, t);
        }
        set_rgb(cr, i < m.fills.size() ? m.fills[i] : no_data_colour, m.fill_alpha);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 0.7);
        cairo_stroke(cr);
    }
    for (const auto& p : m.points) {
        cairo_arc(cr, t.page_x(p.x), t.page_y(p.y), 2.6, 0, 2 * M_PI);
        set_rgb(cr, point_colour);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
    }
    const auto numbers = key_numbers(m);
    for (std::size_t i = 0; i < m.labels.size() && i < m.label_points.size(); ++i) {
        if (m.labels[i].empty() && numbers[i] == 0) continue;
        // "3 | 44 %": the ward's number in the key (on dark), then its value.
        const std::string n = numbers[i] > 0 ? std::to_string(numbers[i]) : "";
        const double nw = n.empty() ? 0 : text_width(cr, n, 7, true) + 4;
        const double w = text_width(cr, m.labels[i], 7, true) + nw;
        const double x = t.page_x(m.label_points[i].x) - w / 2, y = t.page_y(m.label_points[i].y) + 2.5;
        cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
        cairo_rectangle(cr, x - 1.5, y - 7.5, w + 3, 9.5);
        cairo_fill(cr);
        if (!n.empty()) {
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
            cairo_rectangle(cr, x - 1.5, y - 7.5, nw, 9.5);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            text_at(cr, x + 0.5, y, n, 7, true);
        }
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, x + nw, y, m.labels[i], 7, true);
    }
    cairo_reset_clip(cr);
    draw_panel(cr, m, panel, t);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_stroke(cr);
    cairo_move_to(cr, panel.x, panel.y);
    cairo_line_to(cr, panel.x, panel.y + panel.h);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    double y = frame.y + frame.h + 9;
    for (const auto& l : attribution) {
        text_at(cr, frame.x, y, l, 6);
        y += 9;
    }
    cairo_restore(cr);
    return t;
}

double map_box_height(cairo_t* cr, const MapFigure& m, double width, double max_h) {
    const double pw = panel_width(width), inner = pw - 14;
    double attribution = 4, panel = 46 + 2 + 9 + 10;
    for (const auto& a : m.attribution) attribution += 9.0 * static_cast<double>(lines_of(cr, a, width, 6, false).size());
    panel += 9.5 * static_cast<double>(lines_of(cr, m.legend_title, inner, 7.5, true).size());
    for (const auto& [c, label] : m.legend) panel += 11.0 * static_cast<double>(lines_of(cr, label, inner - 14, 7.5, false).size());
    if (!m.points_label.empty()) panel += 11;
    for (const auto& n : m.key_names)
        if (!n.empty()) panel += 9.5;
    geo::Envelope env;
    for (const auto& a : m.areas) env.expand(geo::envelope_of(a));
    for (const auto& p : m.points) env.expand(p);
    const double map_w = width - pw - 16;
    const double map_h = std::max(env.height(), 1.0) / std::max(env.width(), 1.0) * map_w + 16;
    return std::min(max_h, std::max(map_h, panel) + attribution);
}

namespace {

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
    auto& out = *static_cast<std::ostream*>(closure);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void write_map(const MapFigure& m, std::ostream& out, const std::string& format, const std::string& name, double width_pt,
               double height_pt) {
    const std::string& ext = format;
    cairo_surface_t* surface = nullptr;
    if (ext == ".svg") surface = cairo_svg_surface_create_for_stream(write_to_stream, &out, width_pt, height_pt);
    else if (ext == ".pdf") surface = cairo_pdf_surface_create_for_stream(write_to_stream, &out, width_pt, height_pt);
    else if (ext == ".png")
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width_pt * 2), static_cast<int>(height_pt * 2));
    else throw Error(name + ": a map is written as .svg, .png or .pdf, not '" + ext + "'");
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(surface, &cairo_surface_destroy);
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(s.get()), &cairo_destroy);
        if (ext == ".png") cairo_scale(cr.get(), 2, 2);
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        draw_map(cr.get(), m, Box{10, 10, width_pt - 20, height_pt - 20});
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw Error(name + ": drawing the map failed: " + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_status_t st = CAIRO_STATUS_SUCCESS;
    if (ext == ".png") st = cairo_surface_write_to_png_stream(s.get(), write_to_stream, &out);
    cairo_surface_finish(s.get());
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(s.get());
    if (st != CAIRO_STATUS_SUCCESS) throw Error(name + ": could not write the map: " + cairo_status_to_string(st));
}

} // namespace

geo::PendingFile write_map_pending(const MapFigure& m, const std::string& path, double width_pt, double height_pt) {
    geo::PendingFile f(path);
    const std::string ext = std::filesystem::path(path).extension().string();
    f.write([&](std::ostream& out) { write_map(m, out, ext, path, width_pt, height_pt); });
    return f;
}

void write_map_file(const MapFigure& m, const std::string& path, double width_pt, double height_pt) {
    write_map_pending(m, path, width_pt, height_pt).commit();
}

} // namespace apreptis::app::report
