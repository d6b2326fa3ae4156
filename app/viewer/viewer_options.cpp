#include "viewer_options.hpp"

#include <charconv>
#include <cmath>

#include "app/core/choropleth.hpp" // app::split

namespace apreptis::viewer {

namespace {

double parse_real(const std::string& option, const std::string& text, const char* what) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc() || r.ptr != end || !std::isfinite(v))
        throw UsageError(option + ": " + what + " must be a number, found '" + text + "'");
    return v;
}

std::vector<std::string> parts(const std::string& option, const std::string& text, std::size_t n, const char* shape) {
    std::vector<std::string> p = app::split(text, ';');
    if (p.size() != n) throw UsageError(option + " needs '" + shape + "', found '" + text + "'");
    for (const auto& s : p)
        if (s.empty()) throw UsageError(option + " needs '" + shape + "' with every part given, found '" + text + "'");
    return p;
}

} // namespace

long long parse_whole(const std::string& option, const std::string& text, long long min, long long max) {
    long long v = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (text.empty() || r.ec != std::errc() || r.ptr != end || v < min || v > max)
        throw UsageError(option + " needs a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                         ", found '" + text + "'");
    return v;
}

void parse_size(const std::string& option, const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) throw UsageError(option + " needs WIDTHxHEIGHT in pixels (e.g. 1280x800), found '" + text + "'");
    try {
        const auto w = parse_whole(option, text.substr(0, x), 1, 16384);
        const auto h = parse_whole(option, text.substr(x + 1), 1, 16384);
        width = static_cast<int>(w);
        height = static_cast<int>(h);
    } catch (const UsageError&) {
        throw UsageError(option + " needs WIDTHxHEIGHT in pixels, each from 1 to 16384 (e.g. 1280x800), found '" + text + "'");
    }
}

void require_service(const std::string& option, const model::Catalogue& catalogue, const std::string& service) {
    if (!catalogue.find_service(service))
        throw UsageError(option + ": no service type '" + service + "' in the project's catalogue (" +
                         catalogue.service_codes() + ")");
}

Options parse_options(const std::vector<std::string>& args, const std::string& default_project) {
    Options o;
    o.project = default_project;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= args.size()) throw UsageError("missing value after " + a);
            return args[++i];
        };
        if (a == "--size") parse_size(a, next(), o.width, o.height);
        else if (a == "--frames") o.frames = static_cast<int>(parse_whole(a, next(), 0, 1000000));
        else if (a == "--screenshot") o.screenshot = next();
        else if (a == "--probe") o.probe = next();
        else if (a == "--indicator") o.indicator = next();
        else if (a == "--select") o.select = next();
        else if (a == "--whatif") {
            const std::string text = next();
            const auto p = parts(a, text, 4, "where;service;group;places");
            WhatIf w;
            if (p[0].rfind("ward:", 0) == 0) {
                w.ward = p[0].substr(5);
                if (w.ward.empty()) throw UsageError(a + ": 'ward:' needs a ward code, found '" + p[0] + "'");
            } else {
                const auto comma = p[0].find(',');
                if (comma == std::string::npos)
                    throw UsageError(a + ": the place must be 'ward:CODE' or 'X,Y', found '" + p[0] + "'");
                w.at = geo::XY{parse_real(a, p[0].substr(0, comma), "X"), parse_real(a, p[0].substr(comma + 1), "Y")};
            }
            w.service = p[1];
            w.group = p[2];
            const double places = parse_real(a, p[3], "places");
            if (places < 0 || places > 1e6) throw UsageError(a + ": places must be from 0 to 1000000, found '" + p[3] + "'");
            w.places = static_cast<float>(places);
            o.whatif = w;
        } else if (a == "--whatif-series") {
            const auto p = parts(a, next(), 3, "N;service;group");
            o.whatif_series = WhatIfSeries{static_cast<int>(parse_whole(a + " N", p[0], 1, 100000)), p[1], p[2]};
        } else if (a == "--suggest") {
            const auto p = parts(a, next(), 3, "service;group;k");
            o.suggest = Suggest{p[0], p[1], static_cast<std::size_t>(parse_whole(a + " k", p[2], 1, 1000))};
        } else if (a == "--locate") o.locate.open = true;
        else if (a == "--locate-place" || a == "--locate-address") {
            const std::string text = next();
            const auto semi = text.find(';');
            if (semi == std::string::npos || semi == 0 || semi + 1 == text.size())
                throw UsageError(a + " needs '" + (a == "--locate-place" ? "ID;X,Y' or 'ID;ward:CODE" : "ID;address") +
                                 "', found '" + text + "'");
            LocateStep s;
            s.provider = text.substr(0, semi);
            const std::string rest = text.substr(semi + 1);
            if (a == "--locate-address") s.address = rest;
            else if (rest.rfind("ward:", 0) == 0 && rest.size() > 5) s.ward = rest.substr(5);
            else {
                const auto comma = rest.find(',');
                if (comma == std::string::npos) throw UsageError(a + ": the place must be 'X,Y' (screen pixels) or 'ward:CODE', found '" + rest + "'");
                s.pixel = geo::XY{parse_real(a, rest.substr(0, comma), "X"), parse_real(a, rest.substr(comma + 1), "Y")};
            }
            o.locate.steps.push_back(s);
            o.locate.open = true;
        } else if (a == "--locate-select") o.locate.select = next(), o.locate.open = true;
        else if (a == "--locate-filter") o.locate.filter = next(), o.locate.open = true;
        else if (a == "--locate-save") {
            const std::string p = next();
            o.locate.save = p == "-" ? std::string() : p;
            o.locate.open = true;
        } else if (a == "--locate-overwrite") o.locate.overwrite = true;
        else if (a == "--locate-undo") {
            LocateStep s;
            s.undo = true;
            o.locate.steps.push_back(s);
            o.locate.open = true;
        }
        else if (a == "--export-png") o.export_png = next();
        else if (a == "--export-size") parse_size(a, next(), o.export_w, o.export_h);
        else if (a == "--lang") {
            o.lang = next();
            if (o.lang != "lt" && o.lang != "en") throw UsageError("--lang must be lt or en, found '" + o.lang + "'");
        } else if (a == "--plain") o.plain = true;
        else if (a == "--zoom") {
            const std::string z = next();
            const auto at = z.find('@'), comma = z.find(',');
            if (at == std::string::npos || comma == std::string::npos || comma < at)
                throw UsageError(a + " needs FACTOR@X,Y (e.g. 8@540000,5220000), found '" + z + "'");
            const double f = parse_real(a, z.substr(0, at), "FACTOR");
            if (!(f >= 0.01 && f <= 10000)) throw UsageError(a + ": FACTOR must be from 0.01 to 10000, found '" + z.substr(0, at) + "'");
            o.zoom = std::pair{f, geo::XY{parse_real(a, z.substr(at + 1, comma - at - 1), "X"), parse_real(a, z.substr(comma + 1), "Y")}};
        }
        else if (a == "--level") {
            o.level = next();
            if (o.level != "ward" && o.level != "municipality")
                throw UsageError("--level must be ward or municipality, found '" + o.level + "'");
        } else if (a == "--compare-indicator") o.compare_indicator = next();
        else if (a == "--how-sure") o.how_sure_runs = static_cast<int>(parse_whole(a, next(), 1, 100000));
        else if (!a.empty() && a[0] != '-') o.project = a;
        else throw UsageError("unknown option " + a);
    }
    return o;
}

} // namespace apreptis::viewer
