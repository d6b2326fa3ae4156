#include "viewer_app.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>

#include "app/core/project.hpp"
#include "geo/errors.hpp"
#include "geo/geom/geometry_ops.hpp"

namespace apreptis::viewer {

namespace {

Colour rgb(app::Rgb c, float a = 1) { return {c.r / 255.f, c.g / 255.f, c.b / 255.f, a}; }

/// A stable colour per service type (hue from its name).
Colour service_colour(const std::string& type) {
    const std::size_t h = std::hash<std::string>()(type);
    const float hue = static_cast<float>(h % 360) / 60.f;
    const float x = 1 - std::abs(std::fmod(hue, 2.f) - 1);
    float r = 0, g = 0, b = 0;
    switch (static_cast<int>(hue)) {
    case 0: r = 1, g = x; break;
    case 1: r = x, g = 1; break;
    case 2: g = 1, b = x; break;
    case 3: g = x, b = 1; break;
    case 4: r = x, b = 1; break;
    default: r = 1, b = x; break;
    }
    return {0.15f + 0.7f * r, 0.15f + 0.7f * g, 0.15f + 0.7f * b, 1};
}

} // namespace

ViewerApp::ViewerApp(const std::string& project_path, const std::string&) {
    try {
        m_project = app::load_project(project_path);
        // A scenario file opens with its edits applied on top of the base inputs, so that
        // undo can go back past them: load the base once, keep the edits apart.
        m_scenario = m_project.scenario;
        app::Project base = m_project;
        base.scenario = {};
        m_loaded = app::load_inputs(base);
        m_current = std::make_shared<app::Analysis>(app::with_scenario(m_loaded, m_scenario));
        std::vector<geo::MultiPolygon> polys;
        for (const auto& w : m_loaded.study.wards) polys.push_back(w.geometry);
        m_locator = std::make_unique<geo::PolygonIndex>(polys);
        const geo::Envelope e = m_loaded.study.envelope();
        m_origin = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
        for (const auto& w : m_loaded.study.wards) m_ward_tris.push_back(geo::triangulate(w.geometry));
        rebuild_geometry();
        indicator = "density";
        scenario_path = (std::filesystem::path(m_project.file).parent_path() / "scenario.toml").string();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void ViewerApp::fit() {
    if (!m_current) return;
    const geo::Envelope e = m_current->study.envelope();
    // fit into the free band between the panels, then shift the centre to that band
    ViewTransform band = view;
    band.width = std::max(100, view.width - static_cast<int>(inset_left + inset_right));
    band.fit(e);
    view.scale = band.scale;
    view.centre = band.centre;
    view.centre.x -= (inset_left - inset_right) / 2.0 / view.scale;
}

void ViewerApp::recompute() {
    if (m_pending.valid()) m_pending.wait(); // one at a time; edits are queued in m_scenario
    m_started = std::chrono::steady_clock::now();
    // copies of the inputs and the edits: the worker never touches UI state
    m_pending = std::async(std::launch::async, [loaded = &m_loaded, sc = m_scenario]() {
        return std::shared_ptr<const app::Analysis>(std::make_shared<app::Analysis>(app::with_scenario(*loaded, sc)));
    });
}

void ViewerApp::wait() {
    if (m_pending.valid()) m_pending.wait();
    poll();
}

void ViewerApp::poll() {
    if (m_pending.valid() && m_pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        try {
            m_current = m_pending.get();
            m_error.clear();
            rebuild_geometry();
        } catch (const std::exception& e) {
            m_error = e.what();
            if (!m_undo.empty()) { // the edit was refused: take it back
                m_scenario = m_undo.back();
                m_undo.pop_back();
            }
        }
        last_recompute_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        if (selected_provider >= static_cast<int>(m_current->study.providers.size())) selected_provider = -1;
        m_dirty = true;
    }
    if (m_dirty && m_current) {
        refresh_style();
        m_dirty = false;
    }
}

void ViewerApp::push_edit(model::ScenarioEdit e) {
    m_undo.push_back(m_scenario);
    m_scenario.edits.push_back(std::move(e));
    recompute();
}

void ViewerApp::add_provider(geo::XY at) {
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "PLAN-" + std::to_string(m_next_id++);
    e.name = std::string(lang == app::Language::lt ? "Planuojamas teikėjas " : "Planned provider ") + e.provider_id;
    e.service_type = new_service;
    e.target_group = new_group;
    e.point = at;
    e.places = new_places;
    push_edit(std::move(e));
}

void ViewerApp::move_provider(std::size_t index, geo::XY to) {
    if (!m_current || index >= m_current->study.providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = m_current->study.providers[index].id;
    e.point = to;
    push_edit(std::move(e));
}

void ViewerApp::remove_provider(std::size_t index) {
    if (!m_current || index >= m_current->study.providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::remove;
    e.provider_id = m_current->study.providers[index].id;
    selected_provider = -1;
    push_edit(std::move(e));
}

void ViewerApp::set_places(std::size_t index, double places) {
    if (!m_current || index >= m_current->study.providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::set_places;
    e.provider_id = m_current->study.providers[index].id;
    e.places = places;
    push_edit(std::move(e));
}

void ViewerApp::undo() {
    if (m_undo.empty()) return;
    m_scenario = m_undo.back();
    m_undo.pop_back();
    recompute();
}

void ViewerApp::save_scenario(const std::string& path) {
    try {
        m_scenario.name = std::filesystem::path(path).stem().string();
        app::write_scenario_file(path, m_project.file, m_scenario);
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void ViewerApp::load_scenario(const std::string& path) {
    try {
        app::Project p = app::load_project(path);
        m_undo.push_back(m_scenario);
        m_scenario = p.scenario;
        recompute();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

int ViewerApp::ward_at(geo::XY p) const {
    if (!m_locator) return -1;
    auto w = m_locator->locate(p);
    return w ? static_cast<int>(*w) : -1;
}

int ViewerApp::provider_at(geo::XY px, double radius) const {
    if (!m_current) return -1;
    int best = -1;
    double bd = radius;
    for (std::size_t i = 0; i < m_current->study.providers.size(); ++i) {
        const auto& p = m_current->study.providers[i];
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

app::Rgb ViewerApp::ward_colour(std::size_t w) const {
    const int c = app::class_of(w < values.size() ? values[w] : std::nullopt, breaks);
    app::Rgb base = c < 0 ? app::no_data_colour : colours[static_cast<std::size_t>(c)];
    return static_cast<int>(w) == selected_ward ? app::highlighted(base) : base;
}

void ViewerApp::refresh_style() {
    if (!m_current) return;
    values = app::ward_values(*m_current, indicator);
    breaks = app::class_breaks(values, classification, classes, manual_breaks);
    colours = app::palette(static_cast<int>(breaks.size()));
    try {
        rebuild_styled_meshes();
    } catch (const std::exception& e) { // a geometry the renderer cannot take: say so, keep going
        m_error = std::string("drawing: ") + e.what();
    }
}

void ViewerApp::rebuild_geometry() {
    // What depends on the analysis only, not on the indicator or the selection: built once per
    // analysis, not on every click.
    const auto& a = *m_current;
    std::vector<geo::XY> pts;
    std::vector<Colour> cols;
    if (a.network) {
        for (const auto& e : a.network->edges)
            for (std::uint32_t k = e.first_point + 1; k < e.first_point + e.point_count; ++k) {
                pts.push_back(a.network->edge_points[k - 1]);
                pts.push_back(a.network->edge_points[k]);
                const bool main = a.network->component[e.from] == a.network->largest_component;
                const Colour c = main ? Colour{0.45f, 0.45f, 0.45f, 0.8f} : Colour{0.85f, 0.1f, 0.1f, 1};
                cols.push_back(c);
                cols.push_back(c);
            }
    }
    m_roads.upload(Primitive::lines, pts, cols, m_origin);
    pts.clear();
    cols.clear();
    if (a.units)
        for (const auto& u : *a.units) {
            pts.push_back(u.point);
            cols.push_back({0.3f, 0.3f, 0.3f, 0.6f});
        }
    m_units.upload(Primitive::points, pts, cols, m_origin);
    // catchments, largest band first so that smaller ones show on top
    m_catchment_tris.clear();
    try {
        if (a.access)
            for (auto it = a.access->catchments.rbegin(); it != a.access->catchments.rend(); ++it)
                m_catchment_tris.push_back({it->service_type, geo::triangulate(it->area)});
    } catch (const std::exception& e) { // a geometry the renderer cannot take: say so, keep going
        m_error = std::string("drawing catchments: ") + e.what();
    }
}

void ViewerApp::rebuild_styled_meshes() {
    const auto& a = *m_current;
    std::vector<geo::XY> pts;
    std::vector<Colour> cols;
    for (std::size_t w = 0; w < m_ward_tris.size(); ++w) {
        const Colour c = rgb(ward_colour(w));
        pts.insert(pts.end(), m_ward_tris[w].begin(), m_ward_tris[w].end());
        cols.insert(cols.end(), m_ward_tris[w].size(), c);
    }
    m_fill.upload(Primitive::triangles, pts, cols, m_origin);
    pts.clear();
    cols.clear();
    for (std::size_t w = 0; w < a.study.wards.size(); ++w) {
        const Colour c = static_cast<int>(w) == selected_ward ? Colour{0.9f, 0.45f, 0.0f, 1} : Colour{0.25f, 0.25f, 0.3f, 1};
        for (const auto& poly : a.study.wards[w].geometry) {
            auto ring_lines = [&](const geo::Ring& r) {
                for (std::size_t i = 1; i < r.size(); ++i) {
                    pts.push_back(r[i - 1]);
                    pts.push_back(r[i]);
                    cols.push_back(c);
                    cols.push_back(c);
                }
            };
            ring_lines(poly.outer);
            for (const auto& h : poly.holes) ring_lines(h);
        }
    }
    m_outline.upload(Primitive::lines, pts, cols, m_origin);
    pts.clear();
    cols.clear();
    std::vector<float> sizes;
    for (std::size_t i = 0; i < a.study.providers.size(); ++i) {
        const auto& p = a.study.providers[i];
        if (!p.point) continue;
        double places = 0;
        std::string type;
        for (const auto& l : a.study.lines)
            if (l.provider == i) {
                places += l.places.value_or(0);
                if (type.empty()) type = l.service_type;
            }
        pts.push_back(*p.point);
        Colour c = service_colour(type);
        if (static_cast<int>(i) == selected_provider) c = {1, 0.8f, 0, 1};
        cols.push_back(c);
        sizes.push_back(static_cast<float>(10 + 2 * std::sqrt(places))); // area grows with places
    }
    m_points.upload(Primitive::points, pts, cols, m_origin, sizes);
    pts.clear();
    cols.clear();
    // catchments of the indicator's service type only
    std::string type;
    if (indicator.rfind("access:", 0) == 0 || indicator.rfind("coverage:", 0) == 0) type = app::split(indicator, ':')[1];
    for (const auto& [service, tris] : m_catchment_tris) {
        if (!type.empty() && service != type) continue;
        pts.insert(pts.end(), tris.begin(), tris.end());
        const Colour c = service_colour(service);
        cols.insert(cols.end(), tris.size(), Colour{c.r, c.g, c.b, 0.5f});
    }
    m_catchments.upload(Primitive::triangles, pts, cols, m_origin);
}

void ViewerApp::draw_map(MapRenderer& r) {
    r.begin(view, m_origin, {0.96f, 0.96f, 0.94f, 1});
    if (!m_current) return;
    if (layers.wards) r.draw(m_fill, layers.ward_opacity);
    if (layers.catchments) r.draw(m_catchments, layers.catchment_opacity);
    if (layers.roads) r.draw(m_roads, 1);
    if (layers.wards) r.draw(m_outline, 1);
    if (layers.units) r.draw(m_units, 1, 2);
    if (layers.providers) r.draw(m_points, 1, 12);
}

} // namespace apreptis::viewer
