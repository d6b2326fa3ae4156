#pragma once
// The viewer's state and behaviour. Views draw from `current()` (a const Analysis computed
// by the same model code as the CLI) and change things only through commands, which are
// applied between frames. Loading and every recomputation run on a worker thread and are
// swapped in whole; while they run the window stays responsive.
#include <future>
#include <map>
#include <tuple>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"
#include "app/core/comparison_table.hpp"
#include "app/core/i18n.hpp"
#include "app/core/siting_run.hpp"
#include "locate_session.hpp"
#include "render/basemap_layer.hpp"
#include "render/map_renderer.hpp"
#include "robustness_view.hpp"
#include "view_state.hpp"

namespace apreptis::viewer {

struct Layers {
    bool wards = true, providers = true, units = false, roads = true, catchments = true;
    bool basemap = true; ///< [basemap] of the project, when it has one
    float ward_opacity = 0.85f, catchment_opacity = 0.25f;
};

enum class Tool { select, add, move };

/// What the map, legend, tables and inspector are about: single wards, or the municipalities
/// (each ward coloured by its municipality's value of a comparison indicator).
enum class Level { wards, municipalities };

/// Triangles of each catchment by (service type, provider id, band), with the provider's
/// point: a what-if re-triangulates only the catchments of providers that moved or came, and
/// does so on the worker thread.
struct CachedTriangles {
    geo::XY at;                                     ///< the provider's point
    std::shared_ptr<const geo::MultiPolygon> area;  ///< a service's area ([access] catchments = "service")
    std::shared_ptr<const std::vector<geo::XY>> tris;
};
using TriangleCache = std::map<std::tuple<std::string, std::string, double>, CachedTriangles>;

/// The cache for `results`, reusing the entries of `previous` whose provider did not move (a
/// service's area: whose outline is the same; its key has no provider id).
/// Throws when GEOS cannot triangulate a catchment.
TriangleCache catchment_triangles(const app::Results& results, const TriangleCache& previous);

class ViewerApp {
public:
    /// Starts loading the project (or scenario file) on a worker thread and returns at once.
    explicit ViewerApp(const std::string& project_path);

    // --- state the views read ---
    /// Null until the first load has finished.
    const app::Analysis* current() const { return m_current ? &*m_current : nullptr; }
    const std::string& error() const { return m_error; }
    void clear_error() { m_error.clear(); }
    void report_error(std::string message) { m_error = std::move(message); }
    bool loading() const { return m_loading.valid(); }
    bool busy() const { return m_job.result.valid() || m_loading.valid(); }
    const std::string& project_path() const { return m_path; }
    app::Language lang = app::Language::lt;
    Layers layers;
    Tool tool = Tool::select;
    std::string indicator = "population";
    app::Classification classification = app::Classification::quantiles;
    int classes = 5;
    std::vector<double> manual_breaks;
    int selected_ward = -1;
    int selected_provider = -1;
    Level level = Level::wards;
    /// Switches the map's level. The municipality colours are hard to see under the catchment
    /// overlay, so it goes off at that level and comes back as it was at the ward level.
    void set_level(Level l);
    /// The comparison indicator shown at the municipality level ("" or unknown: a default).
    std::string compare_indicator;
    ViewTransform view;
    /// The part of the window not under the side panels: fit and map furniture use it.
    float inset_left = 345, inset_right = 430;
    // what-if defaults for new providers
    std::string new_service = "children_day_centre";
    std::string new_group = "children";
    float new_places = 30;
    std::string scenario_path;
    double last_recompute_s = 0;
    /// Where the last edit's time went (ms): the model, catchment triangles, colours and meshes.
    struct Timing {
        double compute_ms = 0, triangles_ms = 0, geometry_ms = 0, style_ms = 0;
        double start_latency_ms = 0, job_ms = 0, swap_latency_ms = 0;
    } last_timing;

    // --- derived, refreshed after every change ---
    std::vector<std::optional<double>> values; ///< per ward, of `indicator`
    std::vector<double> breaks;
    std::vector<app::Rgb> colours;             ///< per class
    // --- the municipality level (app/core/comparison_table.hpp), rebuilt when the results change ---
    model::Comparison comparison;
    std::vector<std::string> comparison_notes;
    std::vector<int> ward_municipality;        ///< per ward: index into comparison.municipalities, or -1
    std::vector<std::optional<double>> municipality_values; ///< per municipality, of compare_indicator
    /// Index of compare_indicator in comparison.indicators (indicators.size() when there is none).
    std::size_t compare_index() const;
    /// The selected ward's municipality at the municipality level, else -1.
    int selected_municipality() const;
    /// Selects municipality m (its first ward) at the municipality level.
    void select_municipality(int m);
    /// Whether ward w is drawn as selected (at the municipality level: every ward of the municipality).
    bool ward_selected(std::size_t w) const;

    // --- commands (applied at once or queued to the worker) ---
    void add_provider(geo::XY at);
    void move_provider(std::size_t index, geo::XY to);
    void remove_provider(std::size_t index);
    void set_places(std::size_t index, double places);
    void undo();
    /// Site suggestions on the shown analysis, on a worker thread.
    void start_siting(app::SitingRequest request);
    bool siting_busy() const { return m_siting.valid(); }
    const std::optional<app::SitingRun>& siting() const { return m_siting_result; }
    /// "How sure?": [robustness]'s runs on the shown analysis (robustness_view.hpp).
    RobustnessView robustness;
    /// Puts suggested site i into the what-if scenario as a planned provider.
    void accept_site(std::size_t i);
    /// Any edit (scripted use; the tools above build theirs and call this).
    void push_edit(model::ScenarioEdit e);
    const app::LoadedInputs* inputs() const { return m_inputs.get(); }
    void save_scenario(const std::string& path);
    void load_scenario(const std::string& path);
    void refresh_style(); ///< after indicator / classes / selection changed
    void fit();
    const model::Scenario& scenario() const { return m_scenario; }
    /// The "Locate providers" panel (views/locate_panel.cpp): its placements are move edits.
    LocateSession locate;
    /// What the views keep between frames (view_state.hpp).
    ViewState ui;

    /// Call once per frame: swaps in a finished load or recompute, uploads meshes.
    void poll();
    /// Draws the map with the GL renderer (before ImGui).
    void draw_map(MapRenderer& r);
    /// Waits for the load and any running recompute (tests and scripted use).
    void wait();
    /// The project's [basemap] (null without one): its status and warnings for the panels.
    const BasemapLayer* basemap() const { return m_basemap.get(); }
    /// Reads the basemap for the current view now (the PNG export draws it in one go).
    void load_basemap_now();
    /// Waits for a basemap read in flight (scripted use: the screenshot frame).
    void wait_basemap();

    int ward_at(geo::XY map_point) const;
    int provider_at(geo::XY screen_px, double radius_px) const;
    app::Rgb ward_colour(std::size_t ward) const;
    std::string project_file() const { return m_inputs ? m_inputs->project.file : m_path; }

private:
    bool m_catchments_at_ward_level = true; ///< the overlay's setting, kept while at the municipality level
    /// One recomputation in flight: the scenario it computes and the undo depth after its edit.
    struct JobOutput {
        std::shared_ptr<const app::Results> results;
        TriangleCache triangles;
        std::string drawing_error; ///< a catchment GEOS could not triangulate
        double triangles_ms = 0;
        std::chrono::steady_clock::time_point started, ended;
    };
    struct Job {
        std::future<JobOutput> result;
        std::stop_source stop;
        model::Scenario scenario;
        std::size_t undo_depth = 0;
    };
    struct Loaded {
        std::shared_ptr<const app::LoadedInputs> inputs;
        std::shared_ptr<const app::Results> results;
        TriangleCache triangles;
        model::Scenario scenario;
        std::string scenario_file;
    };
    void on_loaded(Loaded loaded);
    void recompute();
    void start_job();
    void finish_job();
    void advance_next_id();
    void build_static_geometry(); ///< once per load: roads, units
    void rebuild_geometry();      ///< when the results change: the catchment triangle list
    void rebuild_styled_meshes(); ///< when the indicator, classes or selection change
    void rebuild_comparison();    ///< when the results change (one pass over the rows, UI thread)

    std::string m_path;
    std::future<Loaded> m_loading;
    std::shared_ptr<const app::LoadedInputs> m_inputs; ///< read once, shared with every job
    std::optional<app::Analysis> m_current;
    model::Scenario m_scenario;                        ///< the latest requested
    std::size_t m_good_undo_depth = 0;                 ///< undo depth of what m_current shows
    std::vector<model::Scenario> m_undo;
    Job m_job;                                         ///< m_job.result.valid() while running
    /// Jobs superseded by a newer edit: cancelled, winding down; reaped by poll().
    std::vector<std::future<JobOutput>> m_retired;
    std::chrono::steady_clock::time_point m_started;
    std::string m_error;
    int m_next_id = 1;
    geo::XY m_origin;
    std::vector<std::vector<geo::XY>> m_ward_tris; ///< per ward
    std::vector<std::pair<std::string, std::shared_ptr<const std::vector<geo::XY>>>> m_catchment_tris; ///< type, triangles
    TriangleCache m_triangles; ///< of m_current's catchments
    Mesh m_fill, m_outline, m_points, m_units, m_roads, m_catchments, m_sites;
    std::future<app::SitingRun> m_siting;
    std::optional<app::SitingRun> m_siting_result;
    bool m_dirty = true;
    std::unique_ptr<BasemapLayer> m_basemap; ///< made at the first load when the project has [basemap]
};

} // namespace apreptis::viewer
