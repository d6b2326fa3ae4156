#pragma once
// What the ImGui views keep between frames (drags in progress, text being typed, panel
// settings): one struct per view, held by ViewerApp (`ui`), instead of function statics.
// Plain data; only the views read and write it.
#include <optional>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::viewer {

struct ViewState {
    struct MapInteraction {          ///< views/map_view.cpp
        int dragging = -1;           ///< provider being moved with the move tool
    } map;
    struct Locate {                  ///< views/locate_panel.cpp, its map input
        std::string dragging;        ///< a placed provider being dragged
        std::optional<geo::XY> pressed; ///< a press that places the selected one if it is a click, not a pan
        geo::XY drag_from{};
    } locate;
    struct Layers {                  ///< views/panels.cpp, the layers panel
        char breaks[128] = "";       ///< manual class breaks as typed
    } layers;
    struct Inspector {               ///< views/panels.cpp
        float places = 0;            ///< places to set on the selected provider
    } inspector;
    struct Scenario {                ///< views/panels.cpp, the scenario panel
        char path[512] = "";         ///< scenario file (filled from ViewerApp::scenario_path when empty)
        char png[512] = "map.png";   ///< PNG export path
    } scenario;
    struct Siting {                  ///< views/siting_panel.cpp
        int pick = 0;                ///< index into the capacity services
        int k = 3;
        float places = 0;
        float grid_m = 250;
    } siting;
    struct Robustness {              ///< views/robustness_panel.cpp
        int runs = -1;               ///< -1: not yet taken from [robustness]
    } robustness;
};

} // namespace apreptis::viewer
