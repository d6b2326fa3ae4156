#pragma once
// A page of the council report being filled from the top: headings, wrapped paragraphs and
// tables whose headers and cells wrap to their column (nothing is ever cut short).
#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace apreptis::app::report {

inline constexpr double page_w = 595.28, page_h = 841.89, page_margin = 42;

/// A table row that spans every column (a group heading inside a table).
struct TableRow {
    std::vector<std::string> cells; ///< one per column, or one that spans them all
    bool bold = false;
};

/// `s` broken into lines no wider than `w` at the current font of `cr`: at spaces, and inside
/// a word longer than a line at a character boundary (never cut short).
std::vector<std::string> wrap_text(cairo_t* cr, const std::string& s, double w);

class Page {
public:
    explicit Page(cairo_t* cr) : m_cr(cr) {}
    double y = page_margin;

    cairo_t* cairo() const { return m_cr; }
    void font(double size, bool bold);
    double width(const std::string& s);
    void text(double x, double yy, const std::string& s);
    std::vector<std::string> wrap(const std::string& s, double w) { return wrap_text(m_cr, s, w); }
    void heading(const std::string& s, double size = 11.5);
    void paragraph(const std::string& s, double size = 8.5, double indent = 0, bool bold = false);
    /// A text in a light box the width of the page (a notice the reader must see first).
    void notice(const std::string& s, double size = 8.5);
    /// Columns: widths in points; the first row is the header. Every cell wraps in its column;
    /// a row is as tall as its tallest cell. A row with one cell spans the table.
    void table(const std::vector<double>& widths, const std::vector<TableRow>& rows, double size = 7.6);
    void table(const std::vector<double>& widths, const std::vector<std::vector<std::string>>& rows, double size = 7.6);
    /// Height `table` would take.
    double table_height(const std::vector<double>& widths, const std::vector<TableRow>& rows, double size = 7.6);
    bool room(double h) const { return y + h < page_h - page_margin; }

private:
    std::vector<std::vector<std::string>> cell_lines(const std::vector<double>& widths, const TableRow& row, double size);
    cairo_t* m_cr;
};

} // namespace apreptis::app::report
