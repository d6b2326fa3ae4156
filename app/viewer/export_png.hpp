#pragma once
#include <string>

#include "render/map_renderer.hpp"
#include "viewer_app.hpp"

namespace apreptis::viewer {

/// The current view at w x h pixels, with legend, scale bar, north arrow and attribution,
/// rendered off-screen (framebuffer object) and written as PNG. Call between frames.
bool export_map_png(ViewerApp& app, MapRenderer& renderer, const std::string& path, int w, int h);

} // namespace apreptis::viewer
