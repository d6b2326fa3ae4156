// The viewer's scripted use (tests, screenshots, benchmarks), moved out of main.cpp so that it
// stays the frame loop: the start options, the scripted steps before the frames and the probe.
#include "scripted_run.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "app/core/choropleth.hpp"
#include "app/core/edit_script.hpp"
#include "app/core/indicators/registry.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "locate_script.hpp"
#include "views/views.hpp"

namespace apreptis::viewer {

namespace {

int ward_index(const app::Analysis& a, const std::string& code) {
    for (std::size_t i = 0; i < a.study().wards.size(); ++i)
        if (a.study().wards[i].code == code) return static_cast<int>(i);
    return -1;
}

/// "ward:1904;children_day_centre;children;30" or "498000,6085000;...": the what-if hook.
nlohmann::json run_whatif(ViewerApp& v, const WhatIf& w) {
    const app::Analysis* a = v.current();
    require_service("--whatif", a->study().catalogue, w.service);
    geo::XY at;
    if (!w.ward.empty()) {
        const int ward = ward_index(*a, w.ward);
        if (ward < 0) throw UsageError("--whatif: no ward " + w.ward + " in the project");
        at = geo::point_on_surface(a->study().wards[static_cast<std::size_t>(ward)].geometry);
    } else {
        at = *w.at;
    }
    v.new_service = w.service;
    v.new_group = w.group;
    v.new_places = w.places;
    const int ward = v.ward_at(at);
    v.indicator = app::indicators::ward_id("coverage.places_per_1000", w.service, w.group,
                                           a->study().catalogue.find_service(w.service)->counting_unit);
    v.refresh_style();
    const auto before = ward >= 0 ? v.values[static_cast<std::size_t>(ward)] : std::nullopt;
    const auto t0 = std::chrono::steady_clock::now();
    v.add_provider(at);
    v.wait();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const auto after = ward >= 0 ? v.values[static_cast<std::size_t>(ward)] : std::nullopt;
    nlohmann::json j{{"x", at.x}, {"y", at.y}, {"indicator", v.indicator}, {"edit_to_update_ms", ms}};
    a = v.current(); // the edit swapped in a new analysis: the old pointer is gone
    j["ward"] = ward >= 0 ? a->study().wards[static_cast<std::size_t>(ward)].code : "";
    j["before"] = nullptr;
    j["after"] = nullptr;
    if (before.has_value()) j["before"] = before.value();
    if (after.has_value()) j["after"] = after.value();
    return j;
}

/// N scripted edits (app/core/edit_script.hpp), each timed from the edit to the recoloured
/// map: what a planner waits for. p50 / p95 / max go into the probe.
nlohmann::json run_whatif_series(ViewerApp& v, const WhatIfSeries& series) {
    require_service("--whatif-series", v.current()->study().catalogue, series.service);
    const int n = series.edits;
    std::vector<double> ms;
    double compute = 0, triangles = 0, geometry = 0, style = 0, latency = 0;
    std::size_t recomputed = 0, reused = 0;
    for (int i = 0; i < n; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        v.push_edit(app::scripted_edit(*v.inputs(), i, series.service, series.group));
        v.wait();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!v.error().empty()) throw std::runtime_error("--whatif-series: edit " + std::to_string(i) + ": " + v.error());
        compute += v.last_timing.compute_ms;
        triangles += v.last_timing.triangles_ms;
        latency += v.last_timing.start_latency_ms + v.last_timing.swap_latency_ms;
        geometry += v.last_timing.geometry_ms;
        style += v.last_timing.style_ms;
        if (const auto& acc = v.current()->out().access) {
            recomputed += acc->services_recomputed;
            reused += acc->services.size() - acc->services_recomputed;
        }
    }
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&](double q) { return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())))]; };
    return {{"edits", n}, {"p50_ms", at(0.5)}, {"p95_ms", at(0.95)}, {"max_ms", at(1.0)}, {"ms", ms},
            {"service_types_recomputed", recomputed}, {"service_types_reused", reused},
            {"mean_ms", {{"compute", compute / n}, {"catchment_triangles", triangles / n}, {"catchment_list", geometry / n},
                         {"thread_handover", latency / n},
                         {"colours_and_meshes", style / n}}}};
}

/// What the "how sure" overlay shows: per ward of the picked service type and group, its share
/// of runs among the k worst and whether it is hatched.
nlohmann::json how_sure_probe(const ViewerApp& v) {
    nlohmann::json j{{"error", v.robustness.error()}};
    const app::Analysis* a = v.current();
    if (!a || !v.robustness.result_for(*a)) return j;
    const auto pairs = v.robustness.pairs();
    if (v.robustness.pick < pairs.size())
        j["service"] = pairs[v.robustness.pick].first, j["group"] = pairs[v.robustness.pick].second;
    const auto rows = v.robustness.ward_rows(*a);
    nlohmann::json wards = nlohmann::json::object();
    for (std::size_t w = 0; w < rows.size(); ++w)
        if (rows[w])
            wards[a->study().wards[w].code] = {{"p_worst_k", rows[w]->p_worst_k}, {"hatched", rank_unstable(*rows[w])},
                                               {"sure", rows[w]->robustly_underserved}};
    j["wards"] = wards;
    return j;
}

} // namespace

void apply_start_options(ViewerApp& v, const Options& opt) {
    if (!opt.indicator.empty() && v.current()) {
        // an unknown id once coloured every ward "no data" and ran on, exit 0
        const auto known = app::ward_indicators(*v.current());
        if (std::none_of(known.begin(), known.end(), [&](const app::Indicator& i) { return i.id == opt.indicator; })) {
            std::string list;
            for (const auto& i : known) list += (list.empty() ? "" : ", ") + i.id;
            throw UsageError("--indicator: no indicator " + opt.indicator + " in this project (known: " + list + ")");
        }
    }
    if (!opt.indicator.empty()) v.indicator = opt.indicator;
    if (!opt.select.empty() && v.current()) {
        v.selected_ward = ward_index(*v.current(), opt.select);
        if (v.selected_ward < 0) throw UsageError("--select: no ward " + opt.select + " in the project"); // was: nothing selected, exit 0
    }
    if (opt.level == "municipality") v.set_level(Level::municipalities);
    if (!opt.compare_indicator.empty()) {
        v.compare_indicator = opt.compare_indicator;
        if (v.current() && v.compare_index() == v.comparison.indicators.size()) {
            std::string known;
            for (const auto& i : v.comparison.indicators) known += (known.empty() ? "" : ", ") + i.id;
            throw UsageError("--compare-indicator: no indicator " + opt.compare_indicator + " (known: " + known + ")");
        }
    }
    v.refresh_style();
    if (opt.zoom) { // scripted: a closer look (screenshots of the basemap's streets)
        v.view.centre = opt.zoom->second;
        v.view.scale *= opt.zoom->first;
    }
}

nlohmann::json run_scripted_steps(ViewerApp& v, const Options& opt) {
    nlohmann::json probe;
    if (opt.whatif && v.current()) probe["whatif"] = run_whatif(v, *opt.whatif);
    if (opt.whatif_series && v.current()) probe["whatif_series"] = run_whatif_series(v, *opt.whatif_series);
    if (opt.suggest && v.current()) {
        require_service("--suggest", v.current()->study().catalogue, opt.suggest->service);
        app::SitingRequest req;
        req.service_type = opt.suggest->service;
        req.target_group = opt.suggest->group;
        req.k = opt.suggest->k;
        v.start_siting(req);
        v.wait();
        nlohmann::json s = nlohmann::json::array();
        if (v.siting()) {
            for (const auto& site : v.siting()->result.sites)
                s.push_back({{"x", site.location.x}, {"y", site.location.y}, {"gain", site.marginal_gain}});
            v.accept_site(0);
            v.wait();
        }
        probe["suggested_sites"] = s;
        probe["providers_after_accept"] = v.current()->study().providers.size();
    }
    if (opt.locate.open && v.current()) probe["locate"] = run_locate_script(v, opt.locate);
    if (opt.how_sure_runs > 0 && v.current()) {
        if (!v.current()->project().robustness) throw UsageError("--how-sure: the project has no [robustness] section");
        model::RobustnessSettings s = *v.current()->project().robustness;
        s.runs = static_cast<std::size_t>(opt.how_sure_runs);
        v.robustness.start(*v.current(), s);
        v.robustness.wait();
    }
    return probe;
}

void add_end_of_run_probe(nlohmann::json& probe, const ViewerApp& v, const Options& opt, const GlWindow& window,
                          const FrameStats& stats) {
    probe["frames"] = stats.frames;
    probe["mean_frame_ms"] = stats.frames ? stats.ms_total / stats.frames : 0;
    probe["max_frame_ms"] = stats.ms_max;
    if (const BasemapLayer* b = v.basemap())
        probe["basemap"] = {{"reads", b->reads()}, {"failures", b->failures()}, {"warning", b->warning()},
                            {"frames_while_loading", stats.frames_basemap_loading},
                            {"max_frame_ms_while_loading", stats.ms_max_basemap_loading},
                            {"max_upload_ms", b->max_upload_ms()}};
    probe["missing_lithuanian_glyphs"] = window.missing_lithuanian_glyphs();
    probe["font"] = window.font_path();
    probe["error"] = v.error();
    probe["indicator"] = v.indicator;
    probe["selected_ward"] = v.selected_ward >= 0 && v.current() ? v.current()->study().wards[static_cast<std::size_t>(v.selected_ward)].code : "";
    nlohmann::json legend = nlohmann::json::array();
    for (const auto& c : v.colours) legend.push_back({c.r, c.g, c.b});
    probe["legend"] = legend;
    probe["breaks"] = v.breaks;
    probe["legend_panel"] = legend_panel_rows(v);
    nlohmann::json wards = nlohmann::json::array();
    if (const app::Analysis* a = v.current())
        for (std::size_t i = 0; i < a->study().wards.size(); ++i) {
            const geo::XY s = v.view.to_screen(geo::point_on_surface(a->study().wards[i].geometry));
            const app::Rgb c = v.ward_colour(i);
            wards.push_back({{"code", a->study().wards[i].code},
                             {"municipality", a->study().wards[i].municipality},
                             {"x", s.x},
                             {"y", s.y},
                             {"class", app::class_of(v.values[i], v.breaks)},
                             {"value", v.values[i] ? nlohmann::json(*v.values[i]) : nlohmann::json()},
                             {"colour", {c.r, c.g, c.b}},
                             {"selected", v.ward_selected(i)}});
        }
    probe["wards"] = wards;
    probe["level"] = v.level == Level::municipalities ? "municipality" : "ward";
    probe["compare_indicator"] = v.compare_indicator;
    nlohmann::json municipalities = nlohmann::json::array();
    const std::size_t ci = v.compare_index();
    for (std::size_t m = 0; m < v.comparison.municipalities.size(); ++m) {
        const auto* cell = ci < v.comparison.indicators.size() ? &v.comparison.cells[m][ci] : nullptr;
        municipalities.push_back({{"name", v.comparison.municipalities[m]},
                                  {"value", cell && cell->value ? nlohmann::json(*cell->value) : nlohmann::json()},
                                  {"rank", cell ? cell->rank : 0},
                                  {"class", m < v.municipality_values.size() ? app::class_of(v.municipality_values[m], v.breaks) : -1}});
    }
    probe["municipalities"] = municipalities;
    if (const int m = v.selected_municipality(); m >= 0) {
        // what the inspector lists: the municipality's rank on every indicator
        nlohmann::json ranks = nlohmann::json::object();
        for (std::size_t i = 0; i < v.comparison.indicators.size(); ++i)
            ranks[v.comparison.indicators[i].id] = rank_text(v, static_cast<std::size_t>(m), i);
        probe["selected_municipality"] = {{"name", v.comparison.municipalities[static_cast<std::size_t>(m)]}, {"ranks", ranks}};
    }
    if (opt.how_sure_runs > 0) probe["how_sure"] = how_sure_probe(v);
    probe["ward_opacity"] = v.layers.ward_opacity;
    probe["band"] = {v.inset_left, static_cast<float>(window.width()) - v.inset_right};
    probe["size"] = {window.width(), window.height()};
}

} // namespace apreptis::viewer
