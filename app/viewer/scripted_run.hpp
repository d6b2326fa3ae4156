#pragma once
// The viewer's scripted use (tests, screenshots, benchmarks): the options applied once the
// project is loaded, the steps run before the frames (what-if, suggestions, locate, how sure),
// and the probe written after them.
#include <nlohmann/json.hpp>

#include "platform/gl_window.hpp"
#include "viewer_app.hpp"
#include "viewer_options.hpp"

namespace apreptis::viewer {

/// How the frames went (the probe's frame times; the basemap's while it was reading).
struct FrameStats {
    int frames = 0;
    double ms_total = 0, ms_max = 0;
    int frames_basemap_loading = 0;
    double ms_max_basemap_loading = 0;
};

/// --indicator, --select, --level, --compare-indicator, --zoom on the loaded project.
/// Throws UsageError for an indicator the comparison does not have.
void apply_start_options(ViewerApp& v, const Options& opt);
/// --whatif, --whatif-series, --suggest, --locate-*, --how-sure: each run and waited for;
/// returns what they report for the probe. Throws UsageError for a value the project refuses.
nlohmann::json run_scripted_steps(ViewerApp& v, const Options& opt);
/// What the probe reports after the frames: the legend, wards, municipalities, timings.
void add_end_of_run_probe(nlohmann::json& probe, const ViewerApp& v, const Options& opt, const GlWindow& window,
                          const FrameStats& stats);

} // namespace apreptis::viewer
