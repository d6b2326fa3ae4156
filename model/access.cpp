#include "model/access.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "geo/errors.hpp"

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/raster_area.hpp"
#include "geo/routing/allocation.hpp"
#include "geo/routing/catchment.hpp"
#include "geo/routing/nearest.hpp"

namespace apreptis::model {

std::optional<double> weighted_quantile(std::vector<std::pair<double, double>> vw, double q) {
    double total = 0;
    for (const auto& [v, w] : vw) total += w;
    if (total <= 0) return std::nullopt;
    std::sort(vw.begin(), vw.end());
    double acc = 0;
    for (const auto& [v, w] : vw) {
        acc += w;
        if (acc >= q * total - 1e-9 * total) return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }
    return std::nullopt;
}

namespace {

double threshold_for(const StudyArea& s, const AccessSettings& st, const std::string& type) {
    if (auto it = st.threshold_min.find(type); it != st.threshold_min.end()) return it->second;
    if (const ServiceType* t = s.catalogue.find_service(type); t && t->default_threshold_min)
        return *t->default_threshold_min;
    return 30.0;
}

/// Share of a ward's residents in `group` (the same inside the ward: an estimate).
double group_share(const StudyArea& s, const Ward& w, const std::string& group, bool& estimated) {
    if (group == "residents") return 1.0;
    TargetPopulation t = ward_target_population(s, w, group);
    estimated = estimated || t.estimated;
    if (!t.value || w.population <= 0) return 0.0;
    return *t.value / static_cast<double>(w.population);
}

AccessRow summarise(const std::vector<std::pair<std::size_t, double>>& unit_weights, const ServiceAccess& sa,
                    const std::string& group) {
    AccessRow r;
    r.service_type = sa.service_type;
    r.target_group = group;
    r.threshold_min = sa.threshold_min;
    std::vector<std::pair<double, double>> times, dists;
    double sum_t = 0, sum_d = 0, reached_w = 0;
    for (const auto& [u, w] : unit_weights) {
        if (w <= 0) continue;
        const UnitTime& t = sa.per_unit[u];
        r.target_population += w;
        const double tm = t.time_s / 60.0;
        times.push_back({tm, w});
        dists.push_back({t.distance_m, w});
        if (t.provider == geo::invalid_index) {
            r.unreachable += w;
            continue;
        }
        if (tm <= sa.threshold_min) r.within_threshold += w;
        sum_t += tm * w;
        sum_d += t.distance_m * w;
        reached_w += w;
    }
    if (r.target_population > 0) r.share_within = r.within_threshold / r.target_population;
    if (reached_w > 0) {
        r.mean_min = sum_t / reached_w;
        r.mean_m = sum_d / reached_w;
    }
    r.median_min = weighted_quantile(times, 0.5);
    r.p90_min = weighted_quantile(times, 0.9);
    r.median_m = weighted_quantile(dists, 0.5);
    r.p90_m = weighted_quantile(dists, 0.9);
    return r;
}

} // namespace

AccessAnalysis analyse_access(const StudyArea& s, const RoutingIndex& routing, const AccessSettings& st) {
    const geo::RoadNetwork* network = routing.has_network() ? &routing.network() : nullptr;
    const std::vector<PopulationUnit>& units = routing.units();
    AccessAnalysis a;
    const double walk = geo::walking_speed_mps(st.profile);
    a.method = network ? DistanceMethod::network : DistanceMethod::straight_line;
    char buf[160];
    if (network)
        std::snprintf(buf, sizeof buf, "network, %s profile (access legs walked at %.1f km/h)", geo::to_string(st.profile),
                      walk * 3.6);
    else
        std::snprintf(buf, sizeof buf, "straight line at %.1f km/h: NO road network loaded", walk * 3.6);
    a.method_label = buf;

    // Which service types have located providers; who is left out and why.
    std::map<std::string, std::vector<std::size_t>> located;
    std::map<std::string, std::set<std::string>> groups_of;
    for (const ServiceLine& l : s.lines) {
        const Provider& p = s.providers[l.provider];
        groups_of[l.service_type].insert(l.target_group);
        if (!p.point) continue;
        auto& v = located[l.service_type];
        if (std::find(v.begin(), v.end(), l.provider) == v.end()) v.push_back(l.provider);
    }
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (!s.providers[i].point)
            a.left_out.push_back({i, std::string("no coordinates (located to ") + to_string(s.providers[i].precision) + ")"});

    // People were snapped once when the inputs were loaded; every service type reuses that.
    std::optional<geo::TravelQuery> query;
    if (network) {
        query.emplace(*network);
        for (std::size_t u = 0; u < units.size(); ++u) {
            const auto& sp = routing.unit_snaps()[u];
            if (!sp.snapped) {
                a.units_not_snapped++;
                a.population_not_snapped += units[u].population;
            } else if (sp.component != network->largest_component) {
                a.units_off_main_network++;
                a.population_off_main_network += units[u].population;
            }
        }
        if (a.units_not_snapped)
            a.warnings.push_back(std::to_string(a.units_not_snapped) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_not_snapped))) +
                                 " residents) are farther than " + std::to_string(static_cast<int>(routing.max_snap_distance_m())) +
                                 " m from any usable road: counted as unreachable");
        if (a.units_off_main_network)
            a.warnings.push_back(std::to_string(a.units_off_main_network) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_off_main_network))) +
                                 " residents) are on parts of the network not connected to the main one");
    }
    std::vector<geo::XY> unit_points;
    std::vector<std::vector<std::size_t>> units_of_ward(s.wards.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        unit_points.push_back(units[u].point);
        units_of_ward[units[u].ward].push_back(u);
    }

    for (const auto& [type, providers] : located) {
        ServiceAccess sa;
        sa.service_type = type;
        sa.threshold_min = threshold_for(s, st, type);
        sa.providers = providers;
        std::vector<geo::Access> res;
        if (network) {
            std::vector<geo::SnappedPoint> src;
            for (std::size_t p : providers) {
                const geo::XY at = *s.providers[p].point;
                src.push_back(routing.snap_index().snap(at, routing.max_snap_distance_m()));
                const std::string who = type + ": provider " + s.providers[p].id + " " + s.providers[p].name;
                if (!src.back().snapped && st.road_clip && !st.road_clip->contains(at))
                    a.warnings.push_back(who + " lies outside the area whose roads were read (the wards plus [roads] "
                                               "margin_m): it reaches no one; raise margin_m to include its streets");
                else if (!src.back().snapped)
                    a.warnings.push_back(who + " is farther than " +
                                         std::to_string(static_cast<int>(routing.max_snap_distance_m())) +
                                         " m (max_snap_distance_m) from any road usable on this profile: it reaches no one");
                else if (src.back().component != network->largest_component)
                    a.warnings.push_back(who + " is on a part of the network not connected to the main one (" +
                                         std::to_string(network->component_size[src.back().component]) + " nodes)");
            }
            res = geo::nearest_by_network(*query, src, routing.unit_snaps(), walk);
            for (std::size_t i = 0; i < providers.size(); ++i) {
                auto bands = st.catchment_bands_min;
                std::vector<double> secs;
                for (double b : bands) secs.push_back(b * 60.0);
                auto lines = geo::catchment_lines(*query, src[i], walk, secs);
                for (std::size_t b = 0; b < bands.size(); ++b)
                    a.catchments.push_back({providers[i], type, bands[b],
                                            geo::raster_buffer(lines[b], st.catchment_buffer_m, st.catchment_buffer_m / 2)});
            }
            auto alloc = geo::allocation_lines(*query, src, walk);
            for (std::size_t i = 0; i < providers.size(); ++i) a.allocations.push_back({providers[i], type, alloc[i]});
        } else {
            std::vector<geo::XY> src;
            for (std::size_t p : providers) src.push_back(*s.providers[p].point);
            res = geo::nearest_by_straight_line(src, unit_points, walk);
            for (std::size_t i = 0; i < providers.size(); ++i)
                for (double b : st.catchment_bands_min) // the straight-line reach at walking speed
                    a.catchments.push_back({providers[i], type, b, geo::circle(src[i], b * 60.0 * walk, 128)});
        }
        sa.per_unit.resize(res.size());
        for (std::size_t i = 0; i < res.size(); ++i)
            if (res[i].reachable())
                sa.per_unit[i] = {res[i].time_s, res[i].distance_m, static_cast<std::uint32_t>(providers[res[i].source])};

        // Summaries per target group, ward and municipality.
        for (const std::string& group : groups_of[type]) {
            std::map<std::string, std::vector<std::pair<std::size_t, double>>> by_municipality;
            for (std::size_t w = 0; w < s.wards.size(); ++w) {
                bool est = false;
                const double share = group_share(s, s.wards[w], group, est);
                std::vector<std::pair<std::size_t, double>> uw;
                for (std::size_t u : units_of_ward[w]) uw.push_back({u, units[u].population * share});
                AccessRow r = summarise(uw, sa, group);
                r.level = AreaLevel::ward;
                r.area_code = s.wards[w].code;
                r.area_name = s.wards[w].name;
                r.municipality = s.wards[w].municipality;
                r.estimated = est;
                a.rows.push_back(r);
                auto& m = by_municipality[s.wards[w].municipality];
                m.insert(m.end(), uw.begin(), uw.end());
            }
            for (const auto& [mun, uw] : by_municipality) {
                AccessRow r = summarise(uw, sa, group);
                r.level = AreaLevel::municipality;
                r.area_code = r.area_name = r.municipality = mun;
                r.estimated = group != "residents";
                a.rows.push_back(r);
            }
        }
        a.services.push_back(std::move(sa));
    }
    return a;
}

} // namespace apreptis::model
