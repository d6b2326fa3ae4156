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

#include "geo/errors.hpp"

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

void draw_scale_bar(cairo_t* cr, const MapTransform& t, const Box& map) {
    const double width_m = map.w / t.scale;
    const double len_m = scale_bar_length_m(width_m);
    const double len_pt = len_m * t.scale;
    const double x = map.x + map.w - len_pt - 12, y = map.y + map.h - 14;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
    cairo_rectangle(cr, x - 6, y - 16, len_pt + 12, 22);
    cairo_fill(cr);
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
}

void draw_north_arrow(cairo_t* cr, const Box& map, const std::string& letter) {
    const double cx = map.x + map.w - 20, top = map.y + 12;
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

void draw_legend(cairo_t* cr, const MapFigure& m, const Box& map) {
    const double row = 12, pad = 6;
    const std::size_t rows = m.legend.size() + (m.points_label.empty() ? 0 : 1);
    double w = text_width(cr, m.legend_title, 8, true);
    for (const auto& [c, label] : m.legend) w = std::max(w, 16 + text_width(cr, label, 7.5));
    if (!m.points_label.empty()) w = std::max(w, 16 + text_width(cr, m.points_label, 7.5));
    const double h = 14 + row * static_cast<double>(rows) + pad;
    const double x = map.x + 6, y = map.y + map.h - h - 6;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.88);
    cairo_rectangle(cr, x, y, w + 2 * pad, h);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, x + pad, y + 11, m.legend_title, 8, true);
    double yy = y + 14;
    for (const auto& [c, label] : m.legend) {
        set_rgb(cr, c);
        cairo_rectangle(cr, x + pad, yy + 2, 10, 8);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, x + pad + 14, yy + 9.5, label, 7.5);
        yy += row;
    }
    if (!m.points_label.empty()) {
        set_rgb(cr, point_colour);
        cairo_arc(cr, x + pad + 5, yy + 6, 2.6, 0, 2 * M_PI);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, x + pad + 14, yy + 9.5, m.points_label, 7.5);
    }
}

} // namespace

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
    const double attribution_h = 9.0 * static_cast<double>(m.attribution.size()) + 4;
    const Box map{box.x, box.y, box.w, box.h - attribution_h};
    geo::Envelope env;
    for (const auto& a : m.areas) env.expand(geo::envelope_of(a));
    for (const auto& p : m.points) env.expand(p);
    const MapTransform t = fit(env, map);

    cairo_rectangle(cr, map.x, map.y, map.w, map.h);
    cairo_set_source_rgb(cr, 0.97, 0.97, 0.97);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t i = 0; i < m.areas.size(); ++i) {
        cairo_new_path(cr);
        for (const auto& poly : m.areas[i]) {
            ring_path(cr, poly.outer, t);
            for (const auto& h : poly.holes) ring_path(cr, h, t);
        }
        set_rgb(cr, i < m.fills.size() ? m.fills[i] : no_data_colour);
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
    for (std::size_t i = 0; i < m.labels.size() && i < m.label_points.size(); ++i) {
        if (m.labels[i].empty()) continue;
        const double w = text_width(cr, m.labels[i], 7, true);
        const double x = t.page_x(m.label_points[i].x) - w / 2, y = t.page_y(m.label_points[i].y) + 2.5;
        cairo_set_source_rgba(cr, 1, 1, 1, 0.75);
        cairo_rectangle(cr, x - 1.5, y - 7.5, w + 3, 9.5);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, x, y, m.labels[i], 7, true);
    }
    cairo_reset_clip(cr);
    draw_legend(cr, m, map);
    draw_scale_bar(cr, t, map);
    draw_north_arrow(cr, map, m.north_letter);
    cairo_rectangle(cr, map.x, map.y, map.w, map.h);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    double y = map.y + map.h + 9;
    for (const auto& a : m.attribution) {
        text_at(cr, map.x, y, a, 6);
        y += 9;
    }
    cairo_restore(cr);
    return t;
}

void write_map_file(const MapFigure& m, const std::string& path, double width_pt, double height_pt) {
    namespace fs = std::filesystem;
    const std::string ext = fs::path(path).extension().string();
    const std::string tmp = path + ".partial-" + std::to_string(::getpid());
    cairo_surface_t* surface = nullptr;
    if (ext == ".svg") surface = cairo_svg_surface_create(tmp.c_str(), width_pt, height_pt);
    else if (ext == ".pdf") surface = cairo_pdf_surface_create(tmp.c_str(), width_pt, height_pt);
    else if (ext == ".png")
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width_pt * 2), static_cast<int>(height_pt * 2));
    else throw Error(path + ": a map is written as .svg, .png or .pdf, not '" + ext + "'");
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(surface, &cairo_surface_destroy);
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(s.get()), &cairo_destroy);
        if (ext == ".png") cairo_scale(cr.get(), 2, 2);
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        draw_map(cr.get(), m, Box{10, 10, width_pt - 20, height_pt - 20});
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw Error(path + ": drawing the map failed: " + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_status_t st = CAIRO_STATUS_SUCCESS;
    if (ext == ".png") st = cairo_surface_write_to_png(s.get(), tmp.c_str());
    cairo_surface_finish(s.get());
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(s.get());
    if (st != CAIRO_STATUS_SUCCESS) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw Error(path + ": could not write the map: " + cairo_status_to_string(st));
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(path + ": could not move the finished map into place: " + ec.message());
    }
}

} // namespace apreptis::app::report
