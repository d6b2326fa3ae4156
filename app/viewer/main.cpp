// apreptis-viewer [project.toml] — the interactive map. With no project: the embedded
// Kaunas default. Scripted use (tests, screenshots, benchmarks):
//   --size WxH --frames N --screenshot out.png --probe out.json --lang lt|en
//   --indicator ID --select WARD --whatif "ward:CODE|X,Y;service;group;places"
//   --whatif-series "N;service;group" (N scripted edits: edit -> update p50/p95 in the probe)
//   --suggest "service;group;k" (site suggestions; the first is accepted into the scenario)
//   --export-png map.png --export-size WxH
//   --zoom F@X,Y (after fitting: X,Y at the centre, F times closer)
//   --level ward|municipality --compare-indicator ID (the municipality level, app/core/comparison_table.hpp)
//   --locate --locate-place "ID;X,Y|ID;ward:CODE" --locate-address "ID;address" --locate-select ID
//   --locate-filter TEXT --locate-undo --locate-save PATH|- --locate-overwrite (the "Locate providers" panel)
//   --how-sure N ([robustness]'s N runs before the frames: the overlay and the probe's "how_sure")
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "apreptis/build_info.hpp"
#include <algorithm>
#include "export_png.hpp"
#include "platform/gl_window.hpp"
#include "render/map_renderer.hpp"
#include "scripted_run.hpp"
#include "viewer_app.hpp"
#include "viewer_options.hpp"
#include "views/views.hpp"

using namespace apreptis;
using namespace apreptis::viewer;

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(std::vector<std::string>(argv + 1, argv + argc),
                            std::string(app::source_dir) + "/datasets/kaunas/kaunas.toml");
    } catch (const UsageError& e) {
        std::fprintf(stderr, "apreptis-viewer: %s\n", e.what());
        return 64;
    }
    if (!opt.help.empty()) {
        std::fputs(opt.help.c_str(), stdout);
        return 0;
    }
    try {
        GlWindow window(opt.width, opt.height, "Aprėptis", opt.frames < 0);
        MapRenderer renderer(find_shader_dir(argv[0]));
        ViewerApp v(opt.project); // loads on a worker thread: the window is up meanwhile
        if (opt.lang == "en") v.lang = app::Language::en;
        if (opt.plain) {
            v.layers.ward_opacity = 1;
            v.layers.catchments = v.layers.providers = v.layers.roads = false;
        }
        v.view.width = window.width();
        v.view.height = window.height();
        if (opt.frames >= 0) v.wait(); // scripted: the frames are of the loaded data
        v.poll();
        apply_start_options(v, opt);
        nlohmann::json probe = run_scripted_steps(v, opt);

        std::string export_path;
        int export_size[2] = {opt.export_w, opt.export_h};
        bool export_now = false;
        double frame_ms_total = 0, frame_ms_max = 0;
        int frames_basemap_loading = 0;
        double frame_ms_max_basemap_loading = 0;
        int frame = 0;
        while (!window.should_close() && (opt.frames < 0 || frame < opt.frames)) {
            const auto t0 = std::chrono::steady_clock::now();
            v.poll();
            window.begin_frame();
            v.view.width = window.width();
            v.view.height = window.height();
            if (v.current()) {
                draw_map_interaction(v);
                draw_layers_panel(v);
                draw_legend_panel(v);
                draw_inspector_panel(v);
                draw_tables_panel(v);
                draw_scenario_panel(v, export_path, export_size, export_now);
                draw_siting_panel(v);
                draw_locate_panel(v);
                draw_robustness_panel(v);
                draw_robustness_overlay(v, ImGui::GetBackgroundDrawList(), v.inset_left);
                draw_map_furniture(v, ImGui::GetBackgroundDrawList(), static_cast<float>(window.width()),
                                   static_cast<float>(window.height()), v.inset_left,
                                   static_cast<float>(window.width()) - v.inset_right);
            }
            if (!v.current() && v.loading()) draw_loading(v, static_cast<float>(window.width()),
                                                          static_cast<float>(window.height()));
            draw_error_popup(v);
            if (opt.frames > 0 && frame == opt.frames - 1 && !opt.screenshot.empty())
                v.wait_basemap(); // the screenshot shows the streets (the frames before did not wait)
            v.draw_map(renderer);
            const bool basemap_loading = v.basemap() && v.basemap()->loading();
            if (opt.frames > 0 && frame == opt.frames - 1 && !opt.screenshot.empty())
                window.capture_next_frame(opt.screenshot);
            window.end_frame();
            if (export_now) {
                if (!export_map_png(v, renderer, export_path, export_size[0], export_size[1]))
                    v.report_error(export_path + ": the map could not be exported as PNG");
                export_now = false;
            }
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            frame_ms_total += ms;
            frame_ms_max = std::max(frame_ms_max, ms);
            if (basemap_loading) {
                ++frames_basemap_loading;
                frame_ms_max_basemap_loading = std::max(frame_ms_max_basemap_loading, ms);
            }
            ++frame;
        }
        if (!opt.export_png.empty() && !export_map_png(v, renderer, opt.export_png, opt.export_w, opt.export_h)) {
            std::fprintf(stderr, "apreptis-viewer: %s: the map could not be exported as PNG\n", opt.export_png.c_str());
            return 2;
        }
        if (!opt.probe.empty()) {
            add_end_of_run_probe(probe, v, opt, window,
                                 {frame, frame_ms_total, frame_ms_max, frames_basemap_loading, frame_ms_max_basemap_loading});
            std::ofstream(opt.probe) << probe.dump(2) << "\n";
        }
        return v.error().empty() ? 0 : 2;
    } catch (const UsageError& e) { // a value only the loaded project can refuse (a service type, a ward)
        std::fprintf(stderr, "apreptis-viewer: %s\n", e.what());
        return 64;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "apreptis-viewer: %s\n", e.what());
        return 1;
    }
}
