#pragma once
// The viewer's state and behaviour. Views draw from `current()` (a const Analysis computed
// by the same model code as the CLI) and change things only through commands, which are
// applied between frames; recomputation runs on a worker thread and is swapped in whole.
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"
#include "app/core/i18n.hpp"
#include "geo/geom/polygon_index.hpp"
#include "render/map_renderer.hpp"

namespace apreptis::viewer {

struct Layers {
    bool wards = true, providers = true, units = false, roads = true, catchments = true;
    float ward_opacity = 0.85f, catchment_opacity = 0.25f;
};

enum class Tool { select, add, move };

class ViewerApp {
public:
    ViewerApp(const std::string& project_path, const std::string& shader_dir);

    // --- state the views read ---
    const app::Analysis* current() const { return m_current.get(); }
    const std::string& error() const { return m_error; }
    void clear_error() { m_error.clear(); }
    bool busy() const { return m_pending.valid(); }
    app::Language lang = app::Language::lt;
    Layers layers;
    Tool tool = Tool::select;
    std::string indicator = "population";
    app::Classification classification = app::Classification::quantiles;
    int classes = 5;
    std::vector<double> manual_breaks;
    int selected_ward = -1;
    int selected_provider = -1;
    ViewTransform view;
    /// The part of the window not under the side panels: fit and map furniture use it.
    float inset_left = 345, inset_right = 430;
    // what-if defaults for new providers
    std::string new_service = "children_day_centre";
    std::string new_group = "children";
    float new_places = 30;
    std::string scenario_path;
    double last_recompute_s = 0;

    // --- derived, refreshed after every change ---
    std::vector<std::optional<double>> values; ///< per ward, of `indicator`
    std::vector<double> breaks;
    std::vector<app::Rgb> colours;             ///< per class

    // --- commands (applied at once or queued to the worker) ---
    void add_provider(geo::XY at);
    void move_provider(std::size_t index, geo::XY to);
    void remove_provider(std::size_t index);
    void set_places(std::size_t index, double places);
    void undo();
    void save_scenario(const std::string& path);
    void load_scenario(const std::string& path);
    void refresh_style(); ///< after indicator / classes / selection changed
    void fit();
    const model::Scenario& scenario() const { return m_scenario; }

    /// Call once per frame: swaps in a finished recompute, uploads meshes.
    void poll();
    /// Draws the map with the GL renderer (before ImGui).
    void draw_map(MapRenderer& r);
    /// Waits for any running recompute (tests and scripted use).
    void wait();

    int ward_at(geo::XY map_point) const;
    int provider_at(geo::XY screen_px, double radius_px) const;
    app::Rgb ward_colour(std::size_t ward) const;
    std::string project_file() const { return m_project.file; }

private:
    void recompute();
    void push_edit(model::ScenarioEdit e);
    void rebuild_geometry();      ///< when the analysis changes: roads, units, catchment triangles
    void rebuild_styled_meshes(); ///< when the indicator, classes or selection change

    app::Project m_project;
    app::Analysis m_loaded;                       ///< inputs, no scenario applied
    std::shared_ptr<const app::Analysis> m_current;
    model::Scenario m_scenario;
    std::vector<model::Scenario> m_undo;
    std::future<std::shared_ptr<const app::Analysis>> m_pending;
    std::chrono::steady_clock::time_point m_started;
    std::string m_error;
    int m_next_id = 1;
    geo::XY m_origin;
    std::vector<std::vector<geo::XY>> m_ward_tris; ///< per ward
    std::vector<std::pair<std::string, std::vector<geo::XY>>> m_catchment_tris; ///< service type, triangles
    Mesh m_fill, m_outline, m_points, m_units, m_roads, m_catchments;
    bool m_dirty = true;
    std::unique_ptr<geo::PolygonIndex> m_locator;
};

} // namespace apreptis::viewer
