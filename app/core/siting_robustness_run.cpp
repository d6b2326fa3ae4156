#include "app/core/siting_robustness_run.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/core/results.hpp"
#include "model/errors.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

model::SitingRobustness run_siting_robustness(const Analysis& a, const SitingRun& run,
                                              const model::RobustnessSettings& settings) {
    const model::ServiceCapacity* sc = nullptr;
    for (const auto& s : a.out().capacity->services)
        if (s.service_type == run.request.service_type && s.target_group == run.request.target_group) sc = &s;
    if (!sc) throw Error("--how-sure: " + run.request.service_type + " / " + run.request.target_group + " is not in the capacity analysis");
    model::SitingSettings st;
    st.k = run.request.k;
    st.places = *run.request.places;
    st.objective = run.request.objective;
    st.threshold_s = sc->threshold_min * 60;
    const model::AccessSettings access = access_settings(a.in());
    const model::TravelTimes& travel = a.in().routing->travel();
    st.walk_mps = travel.speed_mps(access);
    try {
        return model::analyse_siting_robustness(a.study(), *a.in().routing, sc->demand, sc->supply, run.result, st,
                                                settings, st.walk_mps * 3.6, !travel.one_speed(access.profile));
    } catch (const model::DataError& e) {
        throw Error(Location{.path = a.project().file, .key = "robustness"}, e.what());
    }
}

geo::OutLayer site_robustness_layer(const model::SitingRobustness& r, const std::string& method) {
    geo::OutLayer l;
    l.name = "site_robustness";
    l.geometry_type = geo::GeometryType::point;
    l.fields = {{"rank", FieldType::integer},   {"x", FieldType::real},            {"y", FieldType::real},
                {"gain", FieldType::real},         {"median_gain", FieldType::real},
                {"p05_gain", FieldType::real},  {"p95_gain", FieldType::real},     {"rank_min", FieldType::integer},
                {"rank_max", FieldType::integer}, {"p_same_rank", FieldType::real}, {"method", FieldType::text}};
    l.description = "Suggested sites over " + std::to_string(r.settings.runs) + " runs (seed " +
                    std::to_string(r.settings.seed) + "), the sites taken in each run's best order; varied:";
    for (const auto& v : r.varied) l.description += " " + v + ";";
    if (r.varied.empty()) l.description += " nothing;";
    l.description += " distances: " + method;
    auto i = [](std::size_t v) { return Value(static_cast<std::int64_t>(v)); };
    for (const auto& s : r.sites)
        l.features.push_back({{Value(static_cast<std::int64_t>(s.rank)), s.location.x, s.location.y, s.gain, s.median, s.p05, s.p95, i(s.rank_min),
                               i(s.rank_max), s.p_same_rank, method},
                              geo::Geometry(s.location)});
    return l;
}

std::string site_robustness_json(const model::SitingRobustness& r) {
    const auto& st = r.settings;
    nlohmann::json j;
    j["settings"] = {{"runs", st.runs}, {"seed", st.seed}, {"thresholds_min", st.thresholds_min},
                     {"group_relative", st.group_relative}, {"capacity_places", st.capacity_places}};
    j["settings"]["speed_kmh"] = st.speed_kmh ? nlohmann::json::array({st.speed_kmh->first, st.speed_kmh->second})
                                              : nlohmann::json();
    j["varied"] = r.varied;
    j["not_varied"] = r.not_varied;
    j["seconds"] = r.seconds;
    nlohmann::json sites = nlohmann::json::array();
    for (const auto& s : r.sites)
        sites.push_back({{"rank", s.rank}, {"x", s.location.x}, {"y", s.location.y}, {"gain", s.gain},
                         {"median_gain", s.median}, {"p05_gain", s.p05}, {"p95_gain", s.p95},
                         {"rank_min", s.rank_min}, {"rank_max", s.rank_max}, {"p_same_rank", s.p_same_rank}});
    j["sites"] = sites;
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string site_robustness_summary(const model::SitingRobustness& r) {
    std::string out = "How sure (" + std::to_string(r.settings.runs) + " runs, seed " + std::to_string(r.settings.seed) +
                      "; each run takes the sites in its own best order). Varied:";
    for (const auto& v : r.varied) out += "\n  - " + v;
    if (r.varied.empty()) out += " nothing";
    for (const auto& v : r.not_varied) out += "\n  (not varied: " + v + ")";
    out += "\n";
    char buf[300];
    for (const auto& s : r.sites) {
        std::snprintf(buf, sizeof buf,
                      "  %d. +%.1f served; over the runs: median +%.1f (90 %%: %.1f-%.1f), rank %zu-%zu, keeps rank %d "
                      "in %.0f %% of runs\n",
                      s.rank, s.gain, s.median, s.p05, s.p95, s.rank_min, s.rank_max, s.rank, s.p_same_rank * 100);
        out += buf;
    }
    return out;
}

} // namespace apreptis::app
