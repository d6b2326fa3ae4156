#include "viewer_app.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "app/core/scenario_file.hpp"
#include <cstdlib>
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

/// Utilisation of provider i in the capacity pair the indicator shows ("capacity:svc:grp:..."), if any.
std::optional<double> utilisation_for_indicator(const app::Analysis& a, const std::string& indicator, std::size_t i) {
    if (!a.out().capacity || indicator.rfind("capacity:", 0) != 0) return std::nullopt;
    const auto part = app::split(indicator, ':');
    if (part.size() < 3) return std::nullopt;
    for (const auto& sc : a.out().capacity->services) {
        if (sc.service_type != part[1] || sc.target_group != part[2]) continue;
        for (std::size_t k = 0; k < sc.supply.providers.size(); ++k)
            if (sc.supply.providers[k] == i && sc.supply.capacity[k] > 0) return sc.allocation.realised[k] / sc.supply.capacity[k];
    }
    return std::nullopt;
}

} // namespace

std::size_t ViewerApp::compare_index() const {
    for (std::size_t i = 0; i < comparison.indicators.size(); ++i)
        if (comparison.indicators[i].id == compare_indicator) return i;
    return comparison.indicators.size();
}

int ViewerApp::selected_municipality() const {
    if (level != Level::municipalities || selected_ward < 0 || static_cast<std::size_t>(selected_ward) >= ward_municipality.size())
        return -1;
    return ward_municipality[static_cast<std::size_t>(selected_ward)];
}

void ViewerApp::select_municipality(int m) {
    selected_provider = -1;
    selected_ward = -1;
    for (std::size_t w = 0; w < ward_municipality.size(); ++w)
        if (ward_municipality[w] == m) {
            selected_ward = static_cast<int>(w);
            break;
        }
    refresh_style();
}

void ViewerApp::set_level(Level l) {
    if (l == level) return;
    if (l == Level::municipalities) {
        m_catchments_at_ward_level = layers.catchments;
        layers.catchments = false;
    } else {
        layers.catchments = m_catchments_at_ward_level;
    }
    level = l;
}

bool ViewerApp::ward_selected(std::size_t w) const {
    if (selected_ward < 0) return false;
    if (level == Level::municipalities) {
        const int m = selected_municipality();
        return m >= 0 && w < ward_municipality.size() && ward_municipality[w] == m;
    }
    return static_cast<int>(w) == selected_ward;
}

void ViewerApp::rebuild_comparison() {
    // Cheap (one pass over the result rows): done on the UI thread when a result is swapped in,
    // where the per-ward values are derived too.
    comparison = {};
    comparison_notes.clear();
    ward_municipality.clear();
    if (!m_current) return;
    try {
        comparison = app::build_comparison({&*m_current}, {}, comparison_notes);
    } catch (const std::exception& e) {
        m_error = std::string("comparison: ") + e.what();
    }
    std::map<std::string, int> index;
    for (std::size_t m = 0; m < comparison.municipalities.size(); ++m) index[comparison.municipalities[m]] = static_cast<int>(m);
    for (const auto& w : m_current->study().wards) {
        const auto it = index.find(w.municipality);
        ward_municipality.push_back(it == index.end() ? -1 : it->second);
    }
    if (compare_index() == comparison.indicators.size()) {
        const std::size_t i = model::most_telling_indicator(comparison);
        compare_indicator = i < comparison.indicators.size() ? comparison.indicators[i].id : "";
    }
}

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

void ViewerApp::advance_next_id() {
    // planned ids continue after the highest PLAN-n in the scenario and the data, so that the
    // next add never collides with an edit loaded from a file
    auto bump = [&](const std::string& id) {
        if (id.rfind("PLAN-", 0) != 0) return;
        char* end = nullptr;
        const long n = std::strtol(id.c_str() + 5, &end, 10);
        if (end && *end == '\0' && n >= m_next_id) m_next_id = static_cast<int>(n) + 1;
    };
    for (const auto& e : m_scenario.edits) bump(e.provider_id);
    if (m_inputs)
        for (const auto& p : m_inputs->study->providers) bump(p.id);
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

void ViewerApp::recompute() {
    if (!m_inputs) return;
    if (m_job.result.valid()) { // a newer edit supersedes the running job: cancel it, do not wait
        m_job.stop.request_stop();
        m_retired.push_back(std::move(m_job.result));
    }
    start_job();
}

void ViewerApp::start_job() {
    m_started = std::chrono::steady_clock::now();
    m_job.stop = std::stop_source();
    m_job.scenario = m_scenario;
    m_job.undo_depth = m_undo.size();
    // The worker gets shared const inputs, the shown result to start from, and a copy of the
    // edits: it never touches UI state. Only what the edits change is computed again.
    std::shared_ptr<const app::Results> previous = m_current ? m_current->results : nullptr;
    m_job.result = std::async(std::launch::async, [inputs = m_inputs, sc = m_scenario, previous,
                                                   triangles = m_triangles, stop = m_job.stop.get_token()]() {
        JobOutput out;
        out.started = std::chrono::steady_clock::now();
        out.results = app::compute(*inputs, sc, previous.get(), stop);
        const auto t0 = std::chrono::steady_clock::now();
        try {
            out.triangles = catchment_triangles(*out.results, triangles);
            out.triangles_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        } catch (const std::exception& e) { // a geometry the renderer cannot take: say so, keep going
            out.drawing_error = std::string("drawing catchments: ") + e.what();
        }
        out.ended = std::chrono::steady_clock::now();
        return out;
    });
}

void ViewerApp::finish_job() {
    try {
        JobOutput out = m_job.result.get(); // get() always: a failure is never lost
        m_current = app::Analysis{m_inputs, std::move(out.results), m_current ? m_current->scenario_file : ""};
        m_triangles = std::move(out.triangles);
        m_good_undo_depth = m_job.undo_depth;
        m_error = out.drawing_error;
        const auto t0 = std::chrono::steady_clock::now();
        rebuild_comparison();
        rebuild_geometry();
        last_timing.compute_ms = m_current->out().seconds * 1000;
        last_timing.triangles_ms = out.triangles_ms;
        last_timing.start_latency_ms = std::chrono::duration<double, std::milli>(out.started - m_started).count();
        last_timing.job_ms = std::chrono::duration<double, std::milli>(out.ended - out.started).count();
        last_timing.swap_latency_ms = std::chrono::duration<double, std::milli>(t0 - out.ended).count();
        last_timing.geometry_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    } catch (const model::Cancelled&) {
        // superseded; the newer job is on its way
    } catch (const std::exception& e) {
        // This job's edit was refused: go back to what is shown, dropping the edits made since
        // (they were built on the refused one).
        m_error = e.what();
        m_scenario = m_current ? m_current->out().scenario : model::Scenario{};
        m_undo.resize(std::min(m_undo.size(), m_good_undo_depth));
    }
    last_recompute_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    if (m_current && selected_provider >= static_cast<int>(m_current->study().providers.size())) selected_provider = -1;
    m_dirty = true;
}

void ViewerApp::start_siting(app::SitingRequest request) {
    if (!m_current || m_siting.valid()) return;
    m_siting_result.reset();
    m_siting = std::async(std::launch::async, [a = *m_current, request]() { return app::run_siting(a, request); });
}

void ViewerApp::accept_site(std::size_t i) {
    if (!m_siting_result || i >= m_siting_result->result.sites.size()) return;
    const auto& run = *m_siting_result;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "PLAN-" + std::to_string(m_next_id++);
    e.name = std::string(lang == app::Language::lt ? "Siūloma vieta " : "Suggested site ") + std::to_string(i + 1);
    e.service_type = run.request.service_type;
    e.target_group = run.request.target_group;
    e.point = run.result.sites[i].location;
    e.places = *run.request.places;
    push_edit(std::move(e));
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
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = m_current->study().providers[index].id;
    e.point = to;
    push_edit(std::move(e));
}

void ViewerApp::remove_provider(std::size_t index) {
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::remove;
    e.provider_id = m_current->study().providers[index].id;
    selected_provider = -1;
    push_edit(std::move(e));
}

void ViewerApp::set_places(std::size_t index, double places) {
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::set_places;
    e.provider_id = m_current->study().providers[index].id;
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
        if (!m_inputs) return;
        app::write_scenario_file(path, m_inputs->project.file, m_scenario);
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void ViewerApp::load_scenario(const std::string& path) {
    try {
        const app::ProjectRun run = app::load_run(path);
        if (m_inputs && std::filesystem::absolute(run.project.file) != std::filesystem::absolute(m_inputs->project.file))
            throw Error(path + ": its base is " + run.project.file + ", not the project open here (" +
                        m_inputs->project.file + ")");
        m_undo.push_back(m_scenario);
        m_scenario = run.scenario;
        advance_next_id();
        recompute();
    } catch (const std::exception& e) {
        m_error = e.what();
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

app::Rgb ViewerApp::ward_colour(std::size_t w) const {
    const int c = app::class_of(w < values.size() ? values[w] : std::nullopt, breaks);
    app::Rgb base = c < 0 ? app::no_data_colour : colours[static_cast<std::size_t>(c)];
    return ward_selected(w) ? app::highlighted(base) : base;
}

void ViewerApp::refresh_style() {
    if (!m_current) return;
    if (level == Level::municipalities) {
        // each ward gets its municipality's value; the classes come from the municipality values
        if (compare_index() == comparison.indicators.size()) {
        const std::size_t i = model::most_telling_indicator(comparison);
        compare_indicator = i < comparison.indicators.size() ? comparison.indicators[i].id : "";
    }
        const std::size_t i = compare_index();
        municipality_values.assign(comparison.municipalities.size(), std::nullopt);
        if (i < comparison.indicators.size())
            for (std::size_t m = 0; m < comparison.municipalities.size(); ++m) municipality_values[m] = comparison.cells[m][i].value;
        values.assign(m_current->study().wards.size(), std::nullopt);
        for (std::size_t w = 0; w < values.size() && w < ward_municipality.size(); ++w)
            if (ward_municipality[w] >= 0) values[w] = municipality_values[static_cast<std::size_t>(ward_municipality[w])];
        breaks = app::class_breaks(municipality_values, classification, classes, manual_breaks);
    } else {
        values = app::ward_values(*m_current, indicator);
        breaks = app::class_breaks(values, classification, classes, manual_breaks);
    }
    colours = app::palette(static_cast<int>(breaks.size()));
    try {
        rebuild_styled_meshes();
    } catch (const std::exception& e) { // a geometry the renderer cannot take: say so, keep going
        m_error = std::string("drawing: ") + e.what();
    }
}

void ViewerApp::build_static_geometry() {
    // Roads and population units do not change with what-if edits: built once per load.
    const app::LoadedInputs& in = *m_inputs;
    std::vector<geo::XY> pts;
    std::vector<Colour> cols;
    if (in.routing && in.routing->has_network()) {
        const geo::RoadNetwork& net = in.routing->network();
        for (const auto& e : net.edges)
            for (std::uint32_t k = e.first_point + 1; k < e.first_point + e.point_count; ++k) {
                pts.push_back(net.edge_points[k - 1]);
                pts.push_back(net.edge_points[k]);
                const bool main = net.component[e.from] == net.largest_component;
                const Colour c = main ? Colour{0.45f, 0.45f, 0.45f, 0.8f} : Colour{0.85f, 0.1f, 0.1f, 1};
                cols.push_back(c);
                cols.push_back(c);
            }
    }
    m_roads.upload(Primitive::lines, pts, cols, m_origin);
    pts.clear();
    cols.clear();
    if (in.routing)
        for (const auto& u : in.routing->units()) {
            pts.push_back(u.point);
            cols.push_back({0.3f, 0.3f, 0.3f, 0.6f});
        }
    m_units.upload(Primitive::points, pts, cols, m_origin);
}

TriangleCache catchment_triangles(const app::Results& r, const TriangleCache& previous) {
    TriangleCache out;
    if (!r.access) return out;
    for (const auto& sa : r.access->services)
        for (const auto& k : sa.catchments) {
            if (k.provider == geo::invalid_index) { // the service's area: any provider's move changes it
                const auto key = std::make_tuple(k.service_type, std::string(), k.band_min);
                auto hit = previous.find(key);
                if (hit != previous.end() && hit->second.area && *hit->second.area == k.area) out.insert(*hit);
                else
                    out[key] = {{}, std::make_shared<const geo::MultiPolygon>(k.area),
                                std::make_shared<const std::vector<geo::XY>>(geo::triangulate(k.area))};
                continue;
            }
            const auto& p = r.study->providers[k.provider];
            const auto key = std::make_tuple(k.service_type, p.id, k.band_min);
            auto hit = previous.find(key);
            if (hit != previous.end() && hit->second.at == *p.point) out.insert(*hit);
            else out[key] = {*p.point, nullptr, std::make_shared<const std::vector<geo::XY>>(geo::triangulate(k.area))};
        }
    return out;
}

void ViewerApp::rebuild_geometry() {
    // The catchments to draw, largest band first so that smaller ones show on top; their
    // triangles were made on the worker thread.
    const auto& a = *m_current;
    m_catchment_tris.clear();
    if (!a.out().access) return;
    for (const auto& sa : a.out().access->services)
        for (auto it = sa.catchments.rbegin(); it != sa.catchments.rend(); ++it) {
            const std::string id = it->provider == geo::invalid_index ? std::string() : a.study().providers[it->provider].id;
            auto hit = m_triangles.find(std::make_tuple(it->service_type, id, it->band_min));
            if (hit != m_triangles.end()) m_catchment_tris.push_back({it->service_type, hit->second.tris});
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
    for (std::size_t w = 0; w < a.study().wards.size(); ++w) {
        const Colour c = ward_selected(w) ? Colour{0.9f, 0.45f, 0.0f, 1} : Colour{0.25f, 0.25f, 0.3f, 1};
        for (const auto& poly : a.study().wards[w].geometry) {
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
    for (std::size_t i = 0; i < a.study().providers.size(); ++i) {
        const auto& p = a.study().providers[i];
        if (!p.point) continue;
        double places = 0;
        std::string type;
        for (const auto& l : a.study().lines)
            if (l.provider == i) {
                places += l.places.value_or(0);
                if (type.empty()) type = l.service_type;
            }
        pts.push_back(*p.point);
        Colour c = service_colour(type);
        // with a capacity indicator, the providers of that service show how full they are:
        // green (room) -> orange -> red (full)
        if (const auto u = utilisation_for_indicator(a, indicator, i)) {
            const float f = static_cast<float>(std::clamp(*u, 0.0, 1.0));
            c = {0.2f + 0.75f * f, 0.7f - 0.55f * f * f, 0.2f, 1};
        }
        if (static_cast<int>(i) == selected_provider) c = {1, 0.8f, 0, 1};
        cols.push_back(c);
        sizes.push_back(static_cast<float>(10 + 2 * std::sqrt(places))); // area grows with places
    }
    m_points.upload(Primitive::points, pts, cols, m_origin, sizes);
    pts.clear();
    cols.clear();
    if (m_siting_result)
        for (const auto& site : m_siting_result->result.sites) {
            pts.push_back(site.location);
            cols.push_back({0.85f, 0.1f, 0.75f, 1});
        }
    m_sites.upload(Primitive::points, pts, cols, m_origin);
    pts.clear();
    cols.clear();
    // catchments of the indicator's service type only
    std::string type;
    if (indicator.rfind("access:", 0) == 0 || indicator.rfind("coverage:", 0) == 0) type = app::split(indicator, ':')[1];
    for (const auto& [service, tris] : m_catchment_tris) {
        if (!type.empty() && service != type) continue;
        pts.insert(pts.end(), tris->begin(), tris->end());
        const Colour c = service_colour(service);
        cols.insert(cols.end(), tris->size(), Colour{c.r, c.g, c.b, 0.5f});
    }
    m_catchments.upload(Primitive::triangles, pts, cols, m_origin);
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
