#include "app/report/report_page.hpp"

#include <cairo.h>

#include <algorithm>
#include <numeric>

#include "app/report/map_figure.hpp"

namespace apreptis::app::report {

namespace {

/// Bytes of the UTF-8 character that starts at s[i].
std::size_t char_len(const std::string& s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(n, s.size() - i);
}

} // namespace

void Page::font(double size, bool bold) {
    cairo_select_font_face(m_cr, font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(m_cr, size);
}

double Page::width(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(m_cr, s.c_str(), &e);
    return e.x_advance;
}

void Page::text(double x, double yy, const std::string& s) {
    cairo_move_to(m_cr, x, yy);
    cairo_show_text(m_cr, s.c_str());
}

std::vector<std::string> wrap_text(cairo_t* cr, const std::string& s, double w) {
    auto width = [cr](const std::string& t) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, t.c_str(), &e);
        return e.x_advance;
    };
    std::vector<std::string> lines;
    std::string line;
    std::size_t i = 0;
    while (i <= s.size()) {
        const std::size_t end = std::min(s.find(' ', i), s.size());
        std::string word = s.substr(i, end - i);
        i = end + 1;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (width(candidate) <= w) {
            line = candidate;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line.clear();
        // A word wider than the line is broken between characters.
        while (width(word) > w) {
            std::size_t k = 0, fit = 0;
            while (k < word.size()) {
                const std::size_t next = k + char_len(word, k);
                if (width(word.substr(0, next)) > w) break;
                fit = next;
                k = next;
            }
            if (fit == 0) fit = char_len(word, 0); // one character wider than the column
            lines.push_back(word.substr(0, fit));
            word.erase(0, fit);
        }
        line = word;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

void Page::heading(const std::string& s, double size) {
    y += size * 0.6;
    font(size, true);
    cairo_set_source_rgb(m_cr, 0.05, 0.2, 0.35);
    for (const auto& l : wrap(s, page_w - 2 * page_margin)) {
        text(page_margin, y + size, l);
        y += size * 1.3;
    }
    y += size * 0.3;
    cairo_set_source_rgb(m_cr, 0.1, 0.1, 0.1);
}

void Page::paragraph(const std::string& s, double size, double indent, bool bold) {
    font(size, bold);
    for (const auto& l : wrap(s, page_w - 2 * page_margin - indent)) {
        text(page_margin + indent, y + size, l);
        y += size * 1.35;
    }
}

void Page::notice(const std::string& s, double size) {
    font(size, true);
    const auto lines = wrap(s, page_w - 2 * page_margin - 12);
    const double h = size * 1.35 * static_cast<double>(lines.size()) + 8;
    cairo_set_source_rgb(m_cr, 1.0, 0.95, 0.82);
    cairo_rectangle(m_cr, page_margin, y, page_w - 2 * page_margin, h);
    cairo_fill(m_cr);
    cairo_set_source_rgb(m_cr, 0.85, 0.6, 0.1);
    cairo_rectangle(m_cr, page_margin, y, 3, h);
    cairo_fill(m_cr);
    cairo_set_source_rgb(m_cr, 0.1, 0.1, 0.1);
    double yy = y + 4;
    for (const auto& l : lines) {
        text(page_margin + 8, yy + size, l);
        yy += size * 1.35;
    }
    y += h + 4;
}

std::vector<std::vector<std::string>> Page::cell_lines(const std::vector<double>& widths, const TableRow& row,
                                                       double size) {
    std::vector<std::vector<std::string>> out;
    if (row.cells.size() == 1 && widths.size() > 1) {
        out.push_back(wrap(row.cells[0], std::accumulate(widths.begin(), widths.end(), 0.0) - 6));
        return out;
    }
    (void)size;
    for (std::size_t c = 0; c < widths.size() && c < row.cells.size(); ++c) out.push_back(wrap(row.cells[c], widths[c] - 5));
    return out;
}

double Page::table_height(const std::vector<double>& widths, const std::vector<TableRow>& rows, double size) {
    double h = 4;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        font(size, r == 0 || rows[r].bold);
        std::size_t n = 1;
        for (const auto& c : cell_lines(widths, rows[r], size)) n = std::max(n, c.size());
        h += size * 1.25 * static_cast<double>(n) + size * 0.45;
    }
    return h;
}

void Page::table(const std::vector<double>& widths, const std::vector<TableRow>& rows, double size) {
    const double line_h = size * 1.25, pad = size * 0.45;
    const double total_w = std::accumulate(widths.begin(), widths.end(), 0.0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool header = r == 0, spanning = rows[r].cells.size() == 1 && widths.size() > 1;
        font(size, header || rows[r].bold);
        const auto cells = cell_lines(widths, rows[r], size);
        std::size_t n = 1;
        for (const auto& c : cells) n = std::max(n, c.size());
        const double row_h = line_h * static_cast<double>(n) + pad;
        if (header || spanning || r % 2 == 0) {
            if (header) cairo_set_source_rgb(m_cr, 0.88, 0.92, 0.95);
            else if (spanning) cairo_set_source_rgb(m_cr, 0.93, 0.95, 0.97);
            else cairo_set_source_rgb(m_cr, 0.965, 0.965, 0.965);
            cairo_rectangle(m_cr, page_margin, y, total_w, row_h);
            cairo_fill(m_cr);
        }
        cairo_set_source_rgb(m_cr, 0.1, 0.1, 0.1);
        double x = page_margin + 3;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            double yy = y + size * 1.05 + pad / 2;
            for (const auto& l : cells[c]) {
                text(x, yy, l);
                yy += line_h;
            }
            x += widths[c];
        }
        y += row_h;
    }
    y += 4;
}

void Page::table(const std::vector<double>& widths, const std::vector<std::vector<std::string>>& rows, double size) {
    std::vector<TableRow> t;
    for (const auto& r : rows) t.push_back({r, false});
    table(widths, t, size);
}

} // namespace apreptis::app::report
