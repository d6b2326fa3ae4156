#include "viewer_options.hpp"

#include <charconv>
#include <cmath>
#include <functional>

#include <CLI/CLI.hpp>

#include "app/core/choropleth.hpp" // app::split
#include "app/core/indicators/registry.hpp"

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
    CLI::App app("Aprėptis viewer: the wards of a project coloured by an indicator, what-if edits and site "
                 "suggestions.",
                 "apreptis-viewer");
    app.set_help_flag("--help,-h", "this text, and exit");
    app.allow_extras(false);
    app.positionals_at_end(false);
    app.get_formatter()->column_width(34);
    app.add_option("project", o.project, "project.toml or scenario.toml (default: the Kaunas dataset)");
    // Every value is read as text and checked by the functions above, as it is met, so that a
    // message names the option and what it found in the viewer's own words.
    auto option = [&](const std::string& name, const std::string& what, const std::string& type,
                      std::function<void(const std::string&)> read) {
        app.add_option_function<std::string>(name, std::move(read), what)->type_name(type)->trigger_on_parse()->expected(1);
    };
    option("--size", "window size in pixels (default 1280x800)", "WxH", [&](const std::string& v) { parse_size("--size", v, o.width, o.height); });
    option("--frames", "render this many frames and exit (tests, screenshots)", "N",
           [&](const std::string& v) { o.frames = static_cast<int>(parse_whole("--frames", v, 0, 1000000)); });
    option("--screenshot", "save the last frame as PNG", "FILE", [&](const std::string& v) { o.screenshot = v; });
    option("--probe", "write what is shown (wards, classes, legend) as JSON", "FILE", [&](const std::string& v) { o.probe = v; });
    option("--indicator", "indicator to colour the wards by (e.g. density)", "ID", [&](const std::string& v) { o.indicator = app::indicators::ward_spelling(v); });
    option("--select", "select the ward with this code", "CODE", [&](const std::string& v) { o.select = v; });
    option("--whatif", "one scripted edit: 'ward:CODE;service;group;places' or 'X,Y;service;group;places'", "EDIT",
           [&](const std::string& text) {
               const std::string a = "--whatif";
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
           });
    option("--whatif-series", "N scripted edits in a row, timed: 'N;service;group'", "SERIES", [&](const std::string& v) {
        const auto p = parts("--whatif-series", v, 3, "N;service;group");
        o.whatif_series = WhatIfSeries{static_cast<int>(parse_whole("--whatif-series N", p[0], 1, 100000)), p[1], p[2]};
    });
    option("--suggest", "suggest k sites on the worker: 'service;group;k'", "REQUEST", [&](const std::string& v) {
        const auto p = parts("--suggest", v, 3, "service;group;k");
        o.suggest = Suggest{p[0], p[1], static_cast<std::size_t>(parse_whole("--suggest k", p[2], 1, 1000))};
    });
    option("--export-png", "export the map as a PNG", "FILE", [&](const std::string& v) { o.export_png = v; });
    option("--export-size", "size of the exported map (default 1600x1200)", "WxH",
           [&](const std::string& v) { parse_size("--export-size", v, o.export_w, o.export_h); });
    option("--lang", "language of the labels: lt or en", "LANG", [&](const std::string& v) {
        if (v != "lt" && v != "en") throw UsageError("--lang must be lt or en, found '" + v + "'");
        o.lang = v;
    });
    app.add_flag_callback("--plain", [&] { o.plain = true; }, "wards only, fully opaque (pixel tests)");
    option("--level", "colour by ward or by municipality", "LEVEL", [&](const std::string& v) {
        if (v != "ward" && v != "municipality") throw UsageError("--level must be ward or municipality, found '" + v + "'");
        o.level = v;
    });
    option("--compare-indicator", "the comparison indicator shown at the municipality level", "ID",
           [&](const std::string& v) { o.compare_indicator = app::indicators::municipal_spelling(v); });
    option("--how-sure", "run [robustness]'s variations N times before the frames", "N",
           [&](const std::string& v) { o.how_sure_runs = static_cast<int>(parse_whole("--how-sure", v, 1, 100000)); });
    option("--zoom", "after fitting, the map point X,Y (working CRS) at the centre, F times closer", "F@X,Y",
           [&](const std::string& z) {
               const std::string a = "--zoom";
               const auto at = z.find('@'), comma = z.find(',');
               if (at == std::string::npos || comma == std::string::npos || comma < at)
                   throw UsageError(a + " needs FACTOR@X,Y (e.g. 8@540000,5220000), found '" + z + "'");
               const double f = parse_real(a, z.substr(0, at), "FACTOR");
               if (!(f >= 0.01 && f <= 10000)) throw UsageError(a + ": FACTOR must be from 0.01 to 10000, found '" + z.substr(0, at) + "'");
               o.zoom = std::pair{f, geo::XY{parse_real(a, z.substr(at + 1, comma - at - 1), "X"), parse_real(a, z.substr(comma + 1), "Y")}};
           });
    // "Locate providers" steps, kept in the order given (place, undo, place ...)
    auto locate_step = [&](const std::string& a, const std::string& text) {
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
    };
    app.add_flag_callback("--locate", [&] { o.locate.open = true; }, "open the \"Locate providers\" panel");
    option("--locate-place", "place a provider: 'ID;X,Y' (screen pixels) or 'ID;ward:CODE'", "STEP",
           [&](const std::string& v) { locate_step("--locate-place", v); });
    option("--locate-address", "place a provider at a matched address: 'ID;address'", "STEP",
           [&](const std::string& v) { locate_step("--locate-address", v); });
    app.add_flag_callback("--locate-undo", [&] {
           LocateStep s;
           s.undo = true;
           o.locate.steps.push_back(s);
           o.locate.open = true;
       }, "undo the last placement")->trigger_on_parse();
    option("--locate-select", "select a provider in the panel", "ID", [&](const std::string& v) { o.locate.select = v, o.locate.open = true; });
    option("--locate-filter", "the panel's name filter", "TEXT", [&](const std::string& v) { o.locate.filter = v, o.locate.open = true; });
    option("--locate-save", "save the placed providers to PATH ('-': beside the providers file)", "PATH", [&](const std::string& v) {
        o.locate.save = v == "-" ? std::string() : v;
        o.locate.open = true;
    });
    app.add_flag_callback("--locate-overwrite", [&] { o.locate.overwrite = true; }, "let --locate-save replace the input (a backup is kept)");

    std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them from the back
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        o.help = app.help();
    } catch (const CLI::ExtrasError&) {
        for (const std::string& a : args)
            if (!a.empty() && a[0] == '-' && !app.get_option_no_throw(a.substr(0, a.find('='))))
                throw UsageError("unknown option " + a);
        throw UsageError("more than one project given");
    } catch (const CLI::ArgumentMismatch&) {
        std::string last;
        for (const std::string& a : args)
            if (!a.empty() && a[0] == '-') last = a;
        throw UsageError("missing value after " + last);
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
    return o;
}

} // namespace apreptis::viewer
