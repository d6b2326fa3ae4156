#pragma once
// The "Locate providers" panel driven from the command line (--locate-place, --locate-address,
// --locate-save: tests and screenshots). Each step goes through LocateSession as the panel's
// mouse and buttons do; a place step is a click at a screen pixel.
#include <nlohmann/json.hpp>

#include "viewer_app.hpp"
#include "viewer_options.hpp"

namespace apreptis::viewer {

/// Runs the steps, waits for each recompute; returns what the probe reports. Throws UsageError
/// for a ward code the project does not have; a refused step is a message (and an error on save).
nlohmann::json run_locate_script(ViewerApp& app, const LocateScript& script);

} // namespace apreptis::viewer
