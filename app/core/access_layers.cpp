#include "app/core/access_layers.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/core/layer_values.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

namespace {


std::string method_code(const Analysis& a) {
    return model::to_string(a.out().access->method);
}

} // namespace

std::vector<geo::OutLayer> access_layers(const Analysis& a) {
    std::vector<geo::OutLayer> out;
    if (!a.out().access) return out;
    const model::AccessAnalysis& x = *a.out().access;
    const model::RoutingIndex& routing = *a.in().routing;
    const auto& unit_list = routing.units();
    const model::SurfaceReport& surface = routing.surface();
    const model::StudyArea& study = a.study();
    const std::string method = method_code(a);

    geo::OutLayer units;
    units.name = "units";
    units.geometry_type = geo::GeometryType::point;
    units.description = "Population units: " + surface.method;
    // (its R-tree is packed in one pass with the rows, geo/io/gpkg_bulk: GDAL's row-by-row
    // one was most of a Kaunas run, and the layer went without)
    units.fields = {{"unit_id", FieldType::integer}, {"ward_code", FieldType::text}, {"population", FieldType::real},
                    {"surface_method", FieldType::text}};
    // a country has a million units: made while written, like every layer sized by the
    // country (the analysis outlives the writing)
    units.generated_rows = unit_list.size();
    units.generate = [&unit_list, &study, &surface](std::size_t i, geo::OutFeature& f) {
        f.values = {static_cast<std::int64_t>(i), study.wards[unit_list[i].ward].code, unit_list[i].population,
                    surface.method};
        f.geometry = unit_list[i].point;
    };
    out.push_back(std::move(units));

    geo::OutLayer ua;
    ua.name = "unit_access";
    ua.description = "Time and distance from each unit to its nearest provider of each service type";
    ua.fields = {{"unit_id", FieldType::integer}, {"service_type", FieldType::text}, {"time_min", FieldType::real},
                 {"distance_m", FieldType::real}, {"provider_id", FieldType::text}, {"method", FieldType::text}};
    // units x service types rows (10 million for a country): made while written, not held;
    // the analysis outlives the writing
    const std::size_t n_units = unit_list.size();
    ua.generated_rows = n_units * x.services.size();
    ua.generate = [&x, &study, method, n_units](std::size_t r, geo::OutFeature& f) {
        const auto& sa = x.services[r / n_units];
        const std::size_t i = r % n_units;
        const auto& t = sa.per_unit[i];
        const bool ok = t.provider != geo::invalid_index;
        f.values = {static_cast<std::int64_t>(i), sa.service_type, ok ? Value(static_cast<double>(t.time_s) / 60.0) : Value(),
                    ok ? Value(static_cast<double>(t.distance_m)) : Value(),
                    ok ? Value(study.providers[t.provider].id) : Value(), method};
    };
    out.push_back(std::move(ua));

    geo::OutLayer acc;
    acc.name = "access";
    acc.description = "Share of the target group within the threshold; population-weighted time and distance. Method: " +
                      x.method_label;
    acc.fields = {{"level", FieldType::text}, {"area_code", FieldType::text}, {"area_name", FieldType::text},
                  {"municipality", FieldType::text}, {"service_type", FieldType::text},
                  {"target_group", FieldType::text}, {"method", FieldType::text}, {"threshold_min", FieldType::real},
                  {"target_population", FieldType::real}, {"within_threshold", FieldType::real},
                  {"share_within", FieldType::real}, {"unreachable", FieldType::real}, {"mean_min", FieldType::real},
                  {"median_min", FieldType::real}, {"p90_min", FieldType::real}, {"mean_m", FieldType::real},
                  {"median_m", FieldType::real}, {"p90_m", FieldType::real}, {"estimated", FieldType::integer},
                  {"providers_used", FieldType::integer}};
    for (const auto& sa : x.services)
    for (const auto& r : sa.rows) {
        const auto used = static_cast<std::int64_t>(sa.providers.size());
        acc.features.push_back({{std::string(model::to_string(r.level)), r.area_code, r.area_name, r.municipality,
                                 r.service_type, r.target_group, method, r.threshold_min, r.target_population,
                                 r.within_threshold, r.share_within, r.unreachable, opt(r.mean_min), opt(r.median_min),
                                 opt(r.p90_min), opt(r.mean_m), opt(r.median_m), opt(r.p90_m),
                                 static_cast<std::int64_t>(r.estimated ? 1 : 0), used},
                                {}});
    }
    out.push_back(std::move(acc));

    geo::OutLayer cat;
    cat.name = "catchments";
    cat.geometry_type = geo::GeometryType::multipolygon;
    cat.description = std::string(x.catchments == model::CatchmentScope::service
                                      ? "Area within each band of the nearest provider of each service type (scope "
                                        "service: the union of its providers' catchments)"
                                      : "Area from which each provider is reached within each band") +
                      ". Method: " + x.method_label;
    cat.fields = {{"provider_id", FieldType::text}, {"provider_name", FieldType::text},
                  {"service_type", FieldType::text}, {"band_min", FieldType::real}, {"method", FieldType::text},
                  {"scope", FieldType::text}};
    for (const auto& sa : x.services)
    for (const auto& c : sa.catchments) {
        if (c.area.empty()) continue;
        const bool service = c.provider == geo::invalid_index; // no provider: the service's area
        cat.features.push_back({{service ? Value() : Value(study.providers[c.provider].id),
                                 service ? Value() : Value(study.providers[c.provider].name), c.service_type, c.band_min,
                                 method, std::string(service ? "service" : "provider")},
                                c.area});
    }
    out.push_back(std::move(cat));

    if (routing.has_network()) {
        geo::OutLayer al;
        al.name = "street_allocation";
        al.geometry_type = geo::GeometryType::multilinestring;
        al.description = "Each piece of the network assigned to its nearest provider (by travel time, capacity not considered)";
        al.fields = {{"provider_id", FieldType::text}, {"service_type", FieldType::text}};
        // the network once per service type: kept as edge pieces, drawn while written
        std::vector<const model::Allocation*> allocated;
        for (const auto& sa : x.services)
            for (const auto& z : sa.allocations)
                if (!z.pieces.empty()) allocated.push_back(&z);
        al.generated_rows = allocated.size();
        al.generate = [allocated, &study, &net = routing.network()](std::size_t i, geo::OutFeature& f) {
            const model::Allocation& z = *allocated[i];
            f.values = {study.providers[z.provider].id, z.service_type};
            geo::MultiLineString lines;
            geo::add_edge_pieces(lines, net, z.pieces);
            f.geometry = std::move(lines);
        };
        out.push_back(std::move(al));

        geo::OutLayer roads;
        roads.name = "roads";
        roads.geometry_type = geo::GeometryType::multilinestring;
        roads.description = std::string("Road network used, ") + geo::to_string(routing.network().profile) + " profile";
        roads.fields = {{"edge_id", FieldType::integer}, {"length_m", FieldType::real},
                        {"forward_min", FieldType::real}, {"backward_min", FieldType::real},
                        {"component", FieldType::integer}, {"main_network", FieldType::integer}};
        const auto& net = routing.network();
        roads.generated_rows = net.edges.size();
        roads.generate = [&net](std::size_t e, geo::OutFeature& f) {
            const auto& ed = net.edges[e];
            geo::LineString l(net.edge_points.begin() + ed.first_point,
                              net.edge_points.begin() + ed.first_point + ed.point_count);
            const auto comp = net.component[ed.from];
            f.values = {static_cast<std::int64_t>(e), static_cast<double>(ed.length_m), fin(ed.forward_s / 60.0),
                        fin(ed.backward_s / 60.0), static_cast<std::int64_t>(comp),
                        static_cast<std::int64_t>(comp == net.largest_component ? 1 : 0)};
            f.geometry = geo::MultiLineString{std::move(l)};
        };
        out.push_back(std::move(roads));
    }
    return out;
}

std::string access_record_json(const Analysis& a) {
    using nlohmann::json;
    json j;
    if (!a.out().access) {
        j["distance_method"] = "none: no [access] section in the project";
        return j.dump();
    }
    const auto& x = *a.out().access;
    const model::RoutingIndex& routing = *a.in().routing;
    const model::StudyArea& study = a.study();
    j["distance_method"] = method_code(a);
    j["distance_method_label"] = x.method_label;
    j["catchments"] = model::to_string(x.catchments);
    j["population_surface"] = {{"method", routing.surface().method},
                               {"units", routing.units().size()},
                               {"points_read", routing.surface().points_read},
                               {"points_outside_wards", routing.surface().points_outside_wards},
                               {"wards_without_points", routing.surface().wards_without_points}};
    j["units_not_snapped"] = x.units_not_snapped;
    j["population_not_snapped"] = x.population_not_snapped;
    j["units_off_main_network"] = x.units_off_main_network;
    j["population_off_main_network"] = x.population_off_main_network;
    j["units_snapped_past_detached"] = x.units_snapped_past_detached;
    j["population_snapped_past_detached"] = x.population_snapped_past_detached;
    json left = json::array();
    for (const auto& [p, why] : x.left_out)
        left.push_back({{"provider_id", study.providers[p].id}, {"name", study.providers[p].name}, {"reason", why}});
    j["providers_left_out"] = left;
    json services = json::array();
    for (const auto& sa : x.services) {
        json used = json::array();
        for (auto p : sa.providers) used.push_back(study.providers[p].id);
        services.push_back({{"service_type", sa.service_type}, {"threshold_min", sa.threshold_min}, {"providers", used}});
    }
    j["services"] = services;
    if (routing.has_network()) {
        const auto& r = routing.network_report();
        j["network"] = {{"summary", r.summary()},
                        {"profile", geo::to_string(routing.network().profile)},
                        {"ways_read", r.ways_read},
                        {"ways_used", r.ways_used},
                        {"ways_excluded", r.ways_excluded},
                        {"area_outlines_used", r.area_outlines_used},
                        {"area_crossings_used", r.area_crossings_used},
                        {"nodes", r.nodes},
                        {"edges", r.edges},
                        {"arcs", r.arcs},
                        {"length_m", r.used_length_m},
                        {"components", r.components},
                        {"largest_component_nodes", r.largest_component_nodes}};
    }
    return j.dump();
}

} // namespace apreptis::app
