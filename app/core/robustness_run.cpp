#include "app/core/robustness_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "app/core/results.hpp"
#include "model/errors.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

model::RobustnessResult run_robustness(const Analysis& a, const model::RobustnessSettings& settings) {
    if (!a.in().routing || !a.out().access)
        throw Error(Location{.path = a.project().file, .key = "robustness"}, "[robustness] varies the travel-distance figures: the project needs an [access] "
                                       "(or [roads]) section");
    try {
        return model::analyse_robustness(a.study(), *a.in().routing, access_settings(a.in()), *a.out().access, settings);
    } catch (const model::DataError& e) {
        throw Error(Location{.path = a.project().file, .key = "robustness"}, e.what());
    }
}

namespace {

std::vector<geo::FieldDef> fields() {
    return {{"level", FieldType::text},         {"area_code", FieldType::text},     {"area_name", FieldType::text},
            {"municipality", FieldType::text},  {"service_type", FieldType::text},  {"target_group", FieldType::text},
            {"indicator", FieldType::text},     {"single_run", FieldType::real},    {"median", FieldType::real},
            {"p05", FieldType::real},           {"p95", FieldType::real},           {"single_rank", FieldType::integer},
            {"rank_p05", FieldType::integer},   {"rank_p95", FieldType::integer},   {"rank_min", FieldType::integer},
            {"rank_max", FieldType::integer},   {"ranked", FieldType::integer},     {"p_worst_k", FieldType::real},
            {"robustly_underserved", FieldType::integer}, {"estimated", FieldType::integer}, {"method", FieldType::text}};
}

std::vector<Value> values(const model::RobustRow& r, const std::string& method) {
    auto i = [](std::size_t v) { return Value(static_cast<std::int64_t>(v)); };
    return {std::string(model::to_string(r.level)), r.area_code, r.area_name, r.municipality, r.service_type,
            r.target_group, std::string(model::to_string(r.indicator)), r.single_run, r.median, r.p05, r.p95,
            i(r.single_rank), i(r.rank_p05), i(r.rank_p95), i(r.rank_min), i(r.rank_max), i(r.ranked), r.p_worst_k,
            i(r.robustly_underserved ? 1 : 0), i(r.estimated ? 1 : 0), method};
}

std::string description(const model::RobustnessResult& r, const std::string& method) {
    std::string d = "Robustness over " + std::to_string(r.settings.runs) + " runs (seed " + std::to_string(r.settings.seed) +
                    "); rank 1 = worst; p_worst_k: share of runs among the " + std::to_string(r.settings.k_worst) +
                    " worst. Varied:";
    for (const auto& v : r.varied) d += " " + v + ";";
    if (r.varied.empty()) d += " nothing;";
    return d + " distances: " + method;
}

} // namespace

std::vector<geo::OutLayer> robustness_layers(const Analysis& a, const model::RobustnessResult& r) {
    const std::string method = a.out().access->method_label;
    geo::OutLayer wards, munis;
    wards.name = "robustness";
    wards.geometry_type = geo::GeometryType::multipolygon;
    munis.name = "robustness_municipalities";
    wards.fields = munis.fields = fields();
    wards.description = munis.description = description(r, method);
    for (const auto& row : r.rows) {
        if (row.level == model::AreaLevel::municipality) {
            munis.features.push_back({values(row, method), {}});
            continue;
        }
        const model::Ward* w = a.study().find_ward(row.area_code);
        wards.features.push_back({values(row, method), w ? geo::Geometry(w->geometry) : geo::Geometry()});
    }
    return {std::move(wards), std::move(munis)};
}

std::string robustness_record_json(const Analysis& a, const model::RobustnessResult& r) {
    const auto& st = r.settings;
    nlohmann::json j;
    j["settings"] = {{"runs", st.runs}, {"seed", st.seed}, {"k_worst", st.k_worst},
                     {"robust_probability", st.robust_probability}, {"thresholds_min", st.thresholds_min},
                     {"group_relative", st.group_relative}, {"move_ward_located", st.move_ward_located},
                     {"capacity_places", st.capacity_places}};
    j["settings"]["speed_kmh"] = st.speed_kmh ? nlohmann::json::array({st.speed_kmh->first, st.speed_kmh->second})
                                              : nlohmann::json();
    j["varied"] = r.varied;
    j["nominal_kmh"] = r.nominal_kmh;
    j["ward_located_moved"] = r.ward_located_moved;
    j["ward_located_not_ranked"] = r.ward_located_not_ranked;
    j["distance_method"] = a.out().access->method_label;
    j["seconds"] = r.seconds;
    nlohmann::json robust = nlohmann::json::array();
    std::size_t rows = 0;
    for (const auto& row : r.rows) {
        ++rows;
        if (!row.robustly_underserved) continue;
        robust.push_back({{"level", model::to_string(row.level)}, {"area_code", row.area_code},
                          {"area_name", row.area_name}, {"service_type", row.service_type},
                          {"target_group", row.target_group}, {"indicator", model::to_string(row.indicator)},
                          {"p_worst_k", row.p_worst_k}, {"median", row.median}, {"p05", row.p05}, {"p95", row.p95},
                          {"rank_p05", row.rank_p05}, {"rank_p95", row.rank_p95}});
    }
    j["rows"] = rows;
    j["robustly_underserved"] = robust;
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string robustness_summary(const Analysis& a, const model::RobustnessResult& r) {
    (void)a;
    // per service type and group, the wards by the single run's rank on the share within
    std::map<std::pair<std::string, std::string>, std::vector<const model::RobustRow*>> by_pair;
    for (const auto& row : r.rows)
        if (row.level == model::AreaLevel::ward && row.indicator == model::RobustIndicator::share_within)
            by_pair[{row.service_type, row.target_group}].push_back(&row);
    std::string out;
    char buf[400];
    for (auto& [key, rows] : by_pair) {
        std::sort(rows.begin(), rows.end(), [](auto* x, auto* y) { return x->single_rank < y->single_rank; });
        out += key.first + " / " + key.second + " (" + std::to_string(rows.front()->ranked) + " wards), worst by share within the threshold:\n";
        for (std::size_t i = 0; i < std::min(r.settings.k_worst, rows.size()); ++i) {
            const model::RobustRow& w = *rows[i];
            std::snprintf(buf, sizeof buf,
                          "  %zu. %s: %.1f %% within (90 %% of runs: %.1f-%.1f %%), rank %zu-%zu, among the %zu worst in "
                          "%.0f %% of runs: %s\n",
                          w.single_rank, w.area_name.c_str(), w.single_run * 100, w.p05 * 100, w.p95 * 100, w.rank_p05,
                          w.rank_p95, r.settings.k_worst, w.p_worst_k * 100,
                          w.robustly_underserved ? "SURE (robustly underserved)" : "not sure");
            out += buf;
        }
    }
    return out;
}

} // namespace apreptis::app
