#include "viewer_app.hpp"

// Loading, the per-frame poll, the view and picking, and drawing the map. Jobs and siting are in
// viewer_jobs.cpp, edits and scenario files in viewer_edits.cpp, meshes in viewer_meshes.cpp and
// the municipality level in municipality_level.cpp.
#include <chrono>
#include <cmath>
#include <filesystem>

#include "geo/geom/geometry_ops.hpp"

namespace apreptis::viewer {

ViewerApp::ViewerApp(const std::string& project_path) : m_path(project_path) {
    // A scenario file opens with its edits applied on top of the base inputs, so that undo can
    // go back past them: the base is loaded once, the edits are kept apart.
    m_loading = std::async(std::launch::async, [path = project_path]() {
        app::ProjectRun run = app::load_run(path);
        Loaded l;
        l.inputs = app::load_inputs(run.project);
        l.results = app::compute(*l.inputs, run.scenario);
        try {
            l.triangles = catchment_triangles(*l.results, {});
        } catch (const std::exception&) { // drawn without catchments; the map still opens
        }
        l.scenario = run.scenario;
        l.scenario_file = run.scenario_file;
        return l;
    });
}

void ViewerApp::on_loaded(Loaded l) {
    m_inputs = l.inputs;
    m_scenario = l.scenario;
    m_current = app::Analysis{l.inputs, l.results, l.scenario_file};
    m_triangles = std::move(l.triangles);
    rebuild_comparison();
    const geo::Envelope e = m_inputs->study->envelope();
    m_origin = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
    m_ward_tris.clear();
    for (const auto& w : m_inputs->study->wards) m_ward_tris.push_back(geo::triangulate(w.geometry));
    build_static_geometry();
    rebuild_geometry();
    if (indicator == "population") indicator = "density";
    scenario_path = (std::filesystem::path(m_inputs->project.file).parent_path() / "scenario.toml").string();
    advance_next_id();
    if (const auto& b = m_inputs->project.basemap; b && !m_basemap) {
        m_basemap = std::make_unique<BasemapLayer>(b->source, m_inputs->project.working_crs);
        layers.ward_opacity = static_cast<float>(b->ward_opacity); // the streets show through
    }
    fit();
}

void ViewerApp::fit() {
    if (!m_current) return;
    const geo::Envelope e = m_current->study().envelope();
    // fit into the free band between the panels, then shift the centre to that band
    ViewTransform band = view;
    band.width = std::max(100, view.width - static_cast<int>(inset_left + inset_right));
    band.fit(e);
    view.scale = band.scale;
    view.centre = band.centre;
    view.centre.x -= (inset_left - inset_right) / 2.0 / view.scale;
}

void ViewerApp::wait() {
    while (busy() || m_siting.valid()) {
        if (m_loading.valid()) m_loading.wait();
        if (m_job.result.valid()) m_job.result.wait();
        if (m_siting.valid()) m_siting.wait();
        poll();
    }
}

void ViewerApp::poll() {
    robustness.poll();
    if (m_loading.valid() && m_loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            on_loaded(m_loading.get());
            m_dirty = true;
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }
    if (m_job.result.valid() && m_job.result.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        finish_job();
    if (m_siting.valid() && m_siting.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            m_siting_result = m_siting.get();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
        m_dirty = true;
    }
    for (auto it = m_retired.begin(); it != m_retired.end();) { // reap cancelled jobs
        if (it->wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ++it;
            continue;
        }
        try {
            it->get();
        } catch (...) { // cancelled, or failed on an edit the newer job also has: reported by it
        }
        it = m_retired.erase(it);
    }
    if (m_dirty && m_current) {
        const auto t0 = std::chrono::steady_clock::now();
        refresh_style();
        last_timing.style_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        m_dirty = false;
    }
}

int ViewerApp::ward_at(geo::XY p) const {
    if (!m_inputs) return -1;
    auto w = m_inputs->study->ward_at(p);
    return w ? static_cast<int>(*w) : -1;
}

int ViewerApp::provider_at(geo::XY px, double radius) const {
    if (!m_current) return -1;
    int best = -1;
    double bd = radius;
    for (std::size_t i = 0; i < m_current->study().providers.size(); ++i) {
        const auto& p = m_current->study().providers[i];
        if (!p.point) continue;
        const geo::XY s = view.to_screen(*p.point);
        const double d = std::hypot(s.x - px.x, s.y - px.y);
        if (d <= bd) {
            bd = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void ViewerApp::load_basemap_now() {
    if (m_basemap && layers.basemap) m_basemap->load_now(view);
}

void ViewerApp::wait_basemap() {
    if (!m_basemap || !layers.basemap || !m_current) return;
    m_basemap->update(view); // asks for the view's window if no read has yet
    m_basemap->wait();
}

void ViewerApp::draw_map(MapRenderer& r) {
    r.begin(view, m_origin, {0.96f, 0.96f, 0.94f, 1});
    if (!m_current) return;
    if (m_basemap && layers.basemap) {
        m_basemap->update(view); // never waits: a finished read is uploaded, a new view asked for
        m_basemap->draw(r);
    }
    if (layers.wards) r.draw(m_fill, layers.ward_opacity);
    if (layers.catchments) r.draw(m_catchments, layers.catchment_opacity);
    if (layers.roads) r.draw(m_roads, 1);
    if (layers.wards) r.draw(m_outline, 1);
    if (layers.units) r.draw(m_units, 1, 2);
    if (layers.providers) r.draw(m_points, 1, 12);
    r.draw(m_sites, 1, 16);
}

} // namespace apreptis::viewer
