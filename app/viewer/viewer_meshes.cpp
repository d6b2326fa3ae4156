// The viewer's GL meshes and their colours: roads and units once per load, catchment
// triangles per result (on the worker thread), wards, outlines, providers and sites per style.
#include "viewer_app.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "app/core/indicators/registry.hpp"
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
    const auto p = app::indicators::parse(indicator);
    if (!a.out().capacity || !p.entry || p.entry->family != app::indicators::Family::capacity) return std::nullopt;
    for (const auto& sc : a.out().capacity->services) {
        if (sc.service_type != p.service || sc.target_group != p.group) continue;
        for (std::size_t k = 0; k < sc.supply.providers.size(); ++k)
            if (sc.supply.providers[k] == i && sc.supply.capacity[k] > 0) return sc.allocation.realised[k] / sc.supply.capacity[k];
    }
    return std::nullopt;
}

} // namespace

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
    // catchments of the indicator's service type only (a capacity figure keeps every service's)
    std::string type;
    if (const auto p = app::indicators::parse(indicator);
        p.entry && (p.entry->family == app::indicators::Family::access || p.entry->family == app::indicators::Family::coverage))
        type = p.service;
    for (const auto& [service, tris] : m_catchment_tris) {
        if (!type.empty() && service != type) continue;
        pts.insert(pts.end(), tris->begin(), tris->end());
        const Colour c = service_colour(service);
        cols.insert(cols.end(), tris->size(), Colour{c.r, c.g, c.b, 0.5f});
    }
    m_catchments.upload(Primitive::triangles, pts, cols, m_origin);
}

} // namespace apreptis::viewer
