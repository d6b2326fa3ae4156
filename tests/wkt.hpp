#pragma once
// WKT POLYGON / MULTIPOLYGON literals for test fixtures. Test-only: the library reads real
// data with GDAL and never parses WKT, so this small parser lives here, not in geo/.
#include <cctype>
#include <sstream>
#include <stdexcept>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::test {

namespace wkt_detail {

struct Cursor {
    const std::string& s;
    std::size_t i = 0;
    void space() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    void expect(char c) {
        space();
        if (i >= s.size() || s[i] != c) throw std::invalid_argument("WKT: expected '" + std::string(1, c) + "' at " + std::to_string(i) + " in " + s);
        ++i;
    }
    bool peek(char c) {
        space();
        return i < s.size() && s[i] == c;
    }
    double number() {
        space();
        std::size_t used = 0;
        const double v = std::stod(s.substr(i), &used);
        i += used;
        return v;
    }
};

inline geo::Ring ring(Cursor& c) {
    geo::Ring r;
    c.expect('(');
    do {
        const double x = c.number(), y = c.number();
        r.push_back({x, y});
    } while (c.peek(',') && (c.expect(','), true));
    c.expect(')');
    return r;
}

inline geo::Polygon polygon(Cursor& c) {
    geo::Polygon p;
    c.expect('(');
    p.outer = ring(c);
    while (c.peek(',')) {
        c.expect(',');
        p.holes.push_back(ring(c));
    }
    c.expect(')');
    return p;
}

} // namespace wkt_detail

/// "POLYGON((0 0, 1 0, 1 1, 0 0))" or "MULTIPOLYGON(((...)),((...)))". Throws std::invalid_argument.
inline geo::MultiPolygon multipolygon_from_wkt(const std::string& wkt) {
    wkt_detail::Cursor c{wkt};
    c.space();
    geo::MultiPolygon out;
    if (wkt.compare(c.i, 12, "MULTIPOLYGON") == 0) {
        c.i += 12;
        c.expect('(');
        do {
            out.push_back(wkt_detail::polygon(c));
        } while (c.peek(',') && (c.expect(','), true));
        c.expect(')');
    } else if (wkt.compare(c.i, 7, "POLYGON") == 0) {
        c.i += 7;
        out.push_back(wkt_detail::polygon(c));
    } else {
        throw std::invalid_argument("WKT: expected POLYGON or MULTIPOLYGON: " + wkt);
    }
    return out;
}

} // namespace apreptis::test
