#pragma once
// ImGui views. Each draws from the app's current analysis and issues commands; none of them
// computes an indicator.
#include <string>
#include <vector>

#include "viewer_app.hpp"

struct ImDrawList;

namespace apreptis::viewer {

void draw_map_interaction(ViewerApp& app);      ///< pan, zoom, hover, click, what-if tools
void draw_layers_panel(ViewerApp& app);
void draw_legend_panel(ViewerApp& app);
void draw_inspector_panel(ViewerApp& app);
void draw_tables_panel(ViewerApp& app);         ///< wards and providers, sortable, with a bar chart
void draw_scenario_panel(ViewerApp& app, std::string& export_path, int export_size[2], bool& export_now);
void draw_error_popup(ViewerApp& app);
void draw_siting_panel(ViewerApp& app);      ///< site suggestions (with [capacity])
void draw_locate_panel(ViewerApp& app);      ///< "Locate providers": place providers without a point
/// The locate panel's map input (place on click, drag a placed one); true when it took the mouse.
bool locate_map_input(ViewerApp& app);
/// "How sure?" ([robustness], views/robustness_panel.cpp): the panel that starts the runs, the
/// hatching of wards whose rank is not sure (with its key at the top left of the band from
/// band_x0), and the selected ward's intervals in the inspector.
void draw_robustness_panel(ViewerApp& app);
void draw_robustness_overlay(const ViewerApp& app, ImDrawList* dl, float band_x0);
void draw_ward_robustness(const ViewerApp& app, std::size_t ward);
/// A "loading ..." note while the project is read on the worker thread.
void draw_loading(const ViewerApp& app, float width, float height);

/// Legend box, scale bar, north arrow and attribution onto a draw list (screen and export).
/// x0..x1 is the horizontal band to use (the free map area on screen, the whole image in exports).
void draw_map_furniture(const ViewerApp& app, ImDrawList* dl, float width, float height, float x0 = 0, float x1 = -1);

std::string format_value(const std::optional<double>& v, int decimals = 1);
/// One label per class of the map as shown ("450.9 to 883.0", "over 883.0 to 1204.5"): the
/// legend box and the legend panel say the same (class_labels, the council report's wording).
std::vector<std::string> legend_labels(const ViewerApp& app);
/// The legend panel's rows: each class's label and how many wards (or municipalities) it holds,
/// "over 450.9 to 883.0  (3)".
std::vector<std::string> legend_panel_rows(const ViewerApp& app);
/// Decimals to show a comparison figure with, from its unit ("persons" 0, "%" 1, else 2).
int decimals_for(const std::string& unit);

/// Label of comparison indicator i in the viewer's language (with its unit).
std::string compare_label(const ViewerApp& app, std::size_t i);
/// Municipality m's rank on comparison indicator i: "3 of 60", "no figure" or "not ranked".
std::string rank_text(const ViewerApp& app, std::size_t m, std::size_t i);

} // namespace apreptis::viewer
