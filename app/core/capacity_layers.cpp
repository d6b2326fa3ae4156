#include "app/core/capacity_layers.hpp"

#include <nlohmann/json.hpp>

#include "app/core/layer_values.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

namespace {

std::string method_of(const model::ServiceCapacity& sc) {
    return model::to_string(sc.reach.method);
}

} // namespace

std::vector<geo::OutLayer> capacity_layers(const Analysis& a) {
    std::vector<geo::OutLayer> out;
    if (!a.out().capacity) return out;
    const auto& cap = *a.out().capacity;
    const model::StudyArea& s = a.study();

    geo::OutLayer acc;
    acc.name = "accessibility";
    acc.description = "Places per 1000 of the target group within reach: 2SFCA, E2SFCA, Gaussian 2SFCA "
                      "(population-weighted means). Formulas: docs/CAPACITY.md";
    acc.fields = {{"level", FieldType::text}, {"area_code", FieldType::text}, {"area_name", FieldType::text},
                  {"municipality", FieldType::text}, {"service_type", FieldType::text}, {"target_group", FieldType::text},
                  {"threshold_min", FieldType::real}, {"target_population", FieldType::real},
                  {"two_step_per_1000", FieldType::real}, {"enhanced_per_1000", FieldType::real},
                  {"gaussian_per_1000", FieldType::real}, {"method", FieldType::text},
                  {"supply_basis", FieldType::text}, {"estimated", FieldType::integer}};
    geo::OutLayer alloc;
    alloc.name = "allocation";
    alloc.description = "Demand split per ward and municipality: served + no_capacity + too_far = demand. "
                        "Optimal allocation (most served, then least travel time); docs/CAPACITY.md";
    alloc.fields = {{"level", FieldType::text}, {"area_code", FieldType::text}, {"area_name", FieldType::text},
                    {"municipality", FieldType::text}, {"service_type", FieldType::text},
                    {"target_group", FieldType::text}, {"threshold_min", FieldType::real}, {"demand", FieldType::real},
                    {"served", FieldType::real}, {"no_capacity", FieldType::real}, {"too_far", FieldType::real},
                    {"unserved_share", FieldType::real}, {"dominant_reason", FieldType::text},
                    {"rank", FieldType::integer}, {"need_basis", FieldType::text}, {"method", FieldType::text},
                    {"estimated", FieldType::integer}};
    geo::OutLayer prov;
    prov.name = "allocation_providers";
    prov.geometry_type = geo::GeometryType::point;
    prov.description = "Per provider: capacity, demand allocated to it (realised) and capacity left (residual)";
    prov.fields = {{"provider_id", FieldType::text}, {"name", FieldType::text}, {"service_type", FieldType::text},
                   {"target_group", FieldType::text}, {"capacity", FieldType::real}, {"capacity_basis", FieldType::text},
                   {"realised", FieldType::real}, {"residual", FieldType::real}, {"utilisation", FieldType::real},
                   {"reach_units", FieldType::integer}, {"method", FieldType::text}};
    geo::OutLayer clusters;
    clusters.name = "unserved_clusters";
    clusters.geometry_type = geo::GeometryType::point;
    clusters.description = "Groups of unserved population units (touching cells of the cluster grid); point = "
                           "centre weighted by unserved demand";
    clusters.fields = {{"cluster_id", FieldType::integer}, {"service_type", FieldType::text},
                       {"target_group", FieldType::text}, {"unserved", FieldType::real}, {"no_capacity", FieldType::real},
                       {"too_far", FieldType::real}, {"dominant_reason", FieldType::text}, {"units", FieldType::integer},
                       {"cells", FieldType::integer}, {"wards", FieldType::text}, {"method", FieldType::text}};
    for (const auto& sc : cap.services) {
        const std::string method = method_of(sc);
        std::string supply_basis;
        for (const auto& b : sc.supply.basis)
            if (supply_basis.find(b) == std::string::npos) supply_basis += (supply_basis.empty() ? "" : "; ") + b;
        for (const auto& r : sc.scores.rows)
            acc.features.push_back({{std::string(model::to_string(r.level)), r.area_code, r.area_name, r.municipality,
                                     sc.service_type, sc.target_group, sc.threshold_min, r.target_population,
                                     r.two_step, r.enhanced, r.gaussian, method, str(supply_basis),
                                     i64(sc.demand.estimated ? 1 : 0)},
                                    {}});
        auto area_row = [&](const model::CapacityRow& r) {
            alloc.features.push_back({{std::string(model::to_string(r.level)), r.area_code, r.area_name, r.municipality,
                                       sc.service_type, sc.target_group, sc.threshold_min, r.demand, r.served,
                                       r.no_capacity, r.too_far, r.demand > 0 ? Value(r.unserved_share()) : Value(),
                                       std::string(model::to_string(r.dominant)), r.rank ? i64(r.rank) : Value(),
                                       sc.demand.need_basis, method, i64(sc.demand.estimated ? 1 : 0)},
                                      {}});
        };
        for (const auto& r : sc.gaps.wards) area_row(r);
        for (const auto& r : sc.gaps.municipalities) area_row(r);
        for (std::size_t i = 0; i < sc.supply.providers.size(); ++i) {
            const model::Provider& p = s.providers[sc.supply.providers[i]];
            const double c = sc.supply.capacity[i];
            prov.features.push_back({{p.id, p.name, sc.service_type, sc.target_group, c, sc.supply.basis[i],
                                      sc.allocation.realised[i], sc.allocation.residual[i],
                                      c > 0 ? Value(sc.allocation.realised[i] / c) : Value(),
                                      i64(static_cast<long long>(sc.reach.row(i).size())), method},
                                     *p.point});
        }
        for (const auto& c : sc.gaps.clusters) {
            std::string wards;
            for (const auto& w : c.wards) wards += (wards.empty() ? "" : ";") + w;
            clusters.features.push_back({{i64(c.id), sc.service_type, sc.target_group, c.unserved, c.no_capacity,
                                          c.too_far, std::string(model::to_string(c.dominant)),
                                          i64(static_cast<long long>(c.units)), i64(static_cast<long long>(c.cells)),
                                          wards, method},
                                         c.centre});
        }
    }
    out.push_back(std::move(acc));
    out.push_back(std::move(alloc));
    out.push_back(std::move(prov));
    out.push_back(std::move(clusters));
    return out;
}

std::string capacity_record_json(const Analysis& a) {
    using nlohmann::json;
    if (!a.out().capacity) return "null";
    const auto& cap = *a.out().capacity;
    const auto& cfg = *a.project().capacity;
    json j;
    j["method"] = "optimal capacity allocation (min-cost flow: most demand served, then least total travel time); "
                  "2SFCA, E2SFCA, Gaussian 2SFCA; docs/CAPACITY.md";
    j["e2sfca"] = {{"zones_min", cfg.zones_min}, {"weights", cfg.weights}};
    j["cluster_cell_m"] = cfg.cluster_cell_m;
    j["places_basis"] = cfg.places_basis;
    json services = json::array();
    for (const auto& sc : cap.services) {
        double served = 0, no_cap = 0, far = 0;
        for (std::size_t u = 0; u < sc.allocation.served.size(); ++u) {
            served += sc.allocation.served[u];
            no_cap += sc.allocation.no_capacity[u];
            far += sc.allocation.too_far[u];
        }
        json basis = json::array();
        for (std::size_t i = 0; i < sc.supply.providers.size(); ++i)
            basis.push_back({{"provider_id", sc.provider_ids[i]}, {"capacity", sc.supply.capacity[i]}, {"basis", sc.supply.basis[i]}});
        json unlocated = json::array();
        for (std::size_t p : sc.supply.unlocated) unlocated.push_back(a.study().providers[p].id);
        services.push_back({{"service_type", sc.service_type}, {"target_group", sc.target_group},
                            {"threshold_min", sc.threshold_min}, {"need_basis", sc.demand.need_basis},
                            {"estimated", sc.demand.estimated}, {"demand", sc.demand.total}, {"served", served},
                            {"no_capacity", no_cap}, {"too_far", far}, {"total_travel_time_h", sc.allocation.total_time_s / 3600},
                            {"solver", sc.allocation.rerouted ? "min-cost flow (successive shortest paths over the providers)" : "nearest provider (no provider full)"},
                            {"method", method_of(sc)}, {"reach_entries", sc.reach.entries.size()},
                            {"reach_matrix_bytes", sc.reach.memory_bytes()}, {"supply", basis},
                            {"providers_without_location", unlocated}});
    }
    j["services"] = services;
    j["skipped"] = cap.skipped;
    return j.dump();
}

geo::OutLayer suggested_sites_layer(const Analysis& a, const model::SitingResult& r, const std::string& service,
                                    const std::string& group) {
    geo::OutLayer L;
    L.name = "suggested_sites";
    L.geometry_type = geo::GeometryType::point;
    const bool straight = r.distances == model::DistanceMethod::straight_line;
    L.description = "Suggested new sites (" + r.method + "); objective " + model::to_string(r.objective) +
                    "; bound: " + r.bound_basis + (r.optimal ? "; proven optimal (bound = value)" : "") +
                    (straight ? std::string("; reach by STRAIGHT-LINE distance (no road network): an estimate")
                              : std::string("; reach on the ") + model::label(r.distances).en);
    L.fields = {{"rank", FieldType::integer}, {"service_type", FieldType::text}, {"target_group", FieldType::text},
                {"x", FieldType::real}, {"y", FieldType::real}, {"marginal_gain", FieldType::real},
                {"cumulative_served", FieldType::real}, {"wards_helped", FieldType::text}, {"method", FieldType::text},
                {"upper_bound", FieldType::real}, {"optimality_gap", FieldType::real},
                {"distance_method", FieldType::text}};
    (void)a;
    for (const auto& s : r.sites) {
        std::string wards;
        for (const auto& [w, d] : s.wards_helped)
            wards += (wards.empty() ? "" : "; ") + w + " " + geo::format_number(std::round(d * 10) / 10);
        L.features.push_back({{i64(s.rank), service, group, s.location.x, s.location.y, s.marginal_gain,
                               s.cumulative_served, wards, r.method, opt(r.upper_bound), opt(r.gap),
                               std::string(model::to_string(r.distances))},
                              s.location});
    }
    return L;
}

} // namespace apreptis::app
