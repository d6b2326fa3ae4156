#pragma once
// The viewer's command line, read without a window (so a test can read it) by CLI11: every
// value is checked here, in words, and refused with exit 64 (usage) before the window opens;
// --help describes every option. Before,
// --size "abc" was ignored, a number that was not one ended as "stoi", and --whatif with an
// unknown service type dereferenced a null pointer.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/catalogue.hpp"

namespace apreptis::viewer {

/// A command line the viewer cannot run: printed as "apreptis-viewer: <message>", exit 64.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// --whatif "ward:CODE;service;group;places" or "X,Y;service;group;places".
struct WhatIf {
    std::string ward;          ///< the ward's code; empty when `at` is given
    std::optional<geo::XY> at; ///< a point in the working CRS
    std::string service, group;
    float places = 0;
};

/// --whatif-series "N;service;group".
struct WhatIfSeries {
    int edits = 0;
    std::string service, group;
};

/// --suggest "service;group;k".
struct Suggest {
    std::string service, group;
    std::size_t k = 0;
};

/// --locate-place "ID;X,Y" (a click at screen pixel X,Y) or "ID;ward:CODE" (a click at the
/// pixel nearest the ward's interior point); --locate-address "ID;address text".
struct LocateStep {
    std::string provider;
    std::string ward;              ///< place: the ward's code; empty when `pixel` is given
    std::optional<geo::XY> pixel;  ///< place: screen pixel
    std::string address;           ///< address step
    bool undo = false;             ///< --locate-undo: the what-if undo
};

/// The "Locate providers" panel driven from the command line (views/locate_panel.cpp).
struct LocateScript {
    bool open = false;
    std::vector<LocateStep> steps;  ///< in the order given
    std::string select, filter;
    std::optional<std::string> save; ///< "" = the default path (given as "-")
    bool overwrite = false;
};

struct Options {
    std::string project;
    int width = 1280, height = 800;
    int frames = -1; // -1: interactive
    std::string screenshot, probe, indicator, select, export_png, lang;
    std::optional<WhatIf> whatif;
    std::optional<WhatIfSeries> whatif_series;
    std::optional<Suggest> suggest;
    LocateScript locate;
    std::string level, compare_indicator;
    bool plain = false; ///< wards only, fully opaque: pixel tests
    /// --zoom "F@X,Y": after fitting, the map point X,Y (working CRS) at the window's centre, F times closer.
    std::optional<std::pair<double, geo::XY>> zoom;
    int export_w = 1600, export_h = 1200;
    int how_sure_runs = 0; ///< --how-sure N: [robustness]'s runs (N of them) before the frames; 0: none
    std::string help; ///< --help: the options described; print it and exit 0, nothing run
};

/// Reads the arguments after the program name; `default_project` when none is given.
/// Throws UsageError naming the option and what it found.
Options parse_options(const std::vector<std::string>& args, const std::string& default_project);

/// "WxH", each from 1 to 16384. Throws UsageError naming `option`.
void parse_size(const std::string& option, const std::string& text, int& width, int& height);

/// The whole text as a whole number from `min` to `max`. Throws UsageError naming `option`.
long long parse_whole(const std::string& option, const std::string& text, long long min, long long max);

/// Throws UsageError naming `option` and the catalogue's service types when `service` is not one
/// of them (checked once the project is loaded).
void require_service(const std::string& option, const model::Catalogue& catalogue, const std::string& service);

} // namespace apreptis::viewer
