#include "model/access.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "model/access_catchments.hpp"
#include "model/access_context.hpp"
#include "model/access_reuse.hpp"
#include "model/access_summary.hpp"
#include "model/parallel.hpp"
#include "model/travel/travel_times.hpp"

namespace apreptis::model {

// the parts of one analysis: its summaries, what a what-if reuses, its catchments
using detail::check;
using detail::Context;
using detail::provider_catchments;
using detail::Remap;
using detail::reuse;
using detail::same_inputs;
using detail::service_catchments;
using detail::summarise_rows;
using detail::TypeInputs;

namespace {

/// One service type from scratch, reusing the catchments of providers that did not move.
ServiceAccess compute_service(const Context& c, const std::string& type, const TypeInputs& t,
                              const ServiceAccess* prev, const StudyArea* prev_study, std::size_t& catchments_done) {
    const StudyArea& s = c.s;
    ServiceAccess sa;
    sa.service_type = type;
    sa.threshold_min = service_threshold_min(s, c.st, type);
    sa.providers = t.providers;
    sa.target_groups = t.groups;
    // catchments of the previous analysis by provider id, kept when the provider stayed put
    std::map<std::string, std::vector<Catchment>> old_catchments;
    if (prev)
        for (const Catchment& k : prev->catchments) {
            if (k.provider == geo::invalid_index) continue; // a service's area: drawn again
            const Provider& p = prev_study->providers[k.provider];
            old_catchments[p.id].push_back(k);
        }
    auto reusable = [&](std::size_t i) -> const std::vector<Catchment>* {
        const Provider& p = s.providers[t.providers[i]];
        auto it = old_catchments.find(p.id);
        if (it == old_catchments.end()) return nullptr;
        const Provider& q = prev_study->providers[it->second.front().provider];
        return q.point && p.point && *q.point == *p.point ? &it->second : nullptr;
    };
    const bool per_provider = c.st.catchments == CatchmentScope::provider;
    auto add_catchments = [&](std::size_t i, SourceSearch& search) {
        if (!per_provider) return;
        check(c);
        if (const auto* old = reusable(i)) {
            for (Catchment k : *old) {
                k.provider = t.providers[i];
                sa.catchments.push_back(std::move(k));
            }
            return;
        }
        auto ks = provider_catchments(c, search, i, type, t.providers[i]);
        sa.catchments.insert(sa.catchments.end(), std::make_move_iterator(ks.begin()), std::make_move_iterator(ks.end()));
        ++catchments_done;
    };

    std::vector<geo::XY> points;
    std::vector<std::string> who;
    for (std::size_t p : t.providers) {
        points.push_back(*s.providers[p].point);
        who.push_back(type + ": provider " + s.providers[p].id + " " + s.providers[p].name);
    }
    // the nearest provider of every unit, then what the same search gives (the allocation of
    // the streets, the service's areas); per-provider catchments may search again: last
    auto search = c.routing.travel().search(points, who, c.st.road_clip, c.walk, sa.warnings);
    const std::vector<geo::Access> res = search->nearest();
    if (!c.st.times_only) {
        auto alloc = search->allocation();
        for (std::size_t i = 0; i < alloc.size(); ++i) sa.allocations.push_back({t.providers[i], type, std::move(alloc[i])});
    }
    check(c);
    if (c.st.catchments == CatchmentScope::service) sa.catchments = service_catchments(c, *search, type);
    for (std::size_t i = 0; i < t.providers.size(); ++i) add_catchments(i, *search);
    sa.per_unit.resize(res.size());
    for (std::size_t i = 0; i < res.size(); ++i)
        if (res[i].reachable())
            sa.per_unit[i] = {res[i].time_s, res[i].distance_m, static_cast<std::uint32_t>(t.providers[res[i].source])};
    check(c);
    if (!c.st.times_only) summarise_rows(c, sa, prev);
    return sa;
}

} // namespace

double service_threshold_min(const StudyArea& s, const AccessSettings& st, const std::string& type) {
    if (auto it = st.threshold_min.find(type); it != st.threshold_min.end()) return it->second;
    if (const ServiceType* t = s.catalogue.find_service(type); t && t->default_threshold_min)
        return *t->default_threshold_min;
    return 30.0;
}

AccessAnalysis analyse_access(const StudyArea& s, const RoutingIndex& routing, const AccessSettings& st,
                              const PreviousAccess* previous, std::stop_token stop) {
    const geo::RoadNetwork* network = routing.has_network() ? &routing.network() : nullptr;
    const std::vector<PopulationUnit>& units = routing.units();
    AccessAnalysis a;
    const double walk = routing.travel().speed_mps(st);
    a.method = routing.travel().method();
    a.catchments = st.catchments;
    a.method_label = routing.travel().describe(st.profile, walk);

    // Which service types have located providers (in study order); who is left out and why.
    std::map<std::string, TypeInputs> types;
    std::map<std::string, std::set<std::string>> groups_of;
    for (const ServiceLine& l : s.lines) {
        groups_of[l.service_type].insert(l.target_group);
        if (!s.providers[l.provider].point) continue;
        auto& v = types[l.service_type].providers;
        if (std::find(v.begin(), v.end(), l.provider) == v.end()) v.push_back(l.provider);
    }
    for (auto& [type, t] : types) {
        std::sort(t.providers.begin(), t.providers.end());
        t.groups.assign(groups_of[type].begin(), groups_of[type].end());
    }
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (!s.providers[i].point)
            a.left_out.push_back({i, std::string("no coordinates (located to ") + to_string(s.providers[i].precision) + ")"});

    // People were snapped once when the inputs were loaded; every service type reuses that.
    if (network) {
        for (std::size_t u = 0; u < units.size(); ++u) {
            const auto& sp = routing.unit_snaps()[u];
            if (!sp.snapped) {
                a.units_not_snapped++;
                a.population_not_snapped += units[u].population;
            } else if (sp.component != network->largest_component) {
                a.units_off_main_network++;
                a.population_off_main_network += units[u].population;
            } else if (sp.passed_detached) {
                a.units_snapped_past_detached++;
                a.population_snapped_past_detached += units[u].population;
                a.max_leg_past_detached_m = std::max(a.max_leg_past_detached_m, sp.distance_m);
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
        if (a.units_snapped_past_detached)
            a.warnings.push_back(std::to_string(a.units_snapped_past_detached) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_snapped_past_detached))) +
                                 " residents) are attached to the main network (up to " +
                                 std::to_string(static_cast<long long>(std::round(a.max_leg_past_detached_m))) +
                                 " m away, walked): the road nearest to them is on a part not connected to it");
    }
    Context c{s, routing, st, walk, std::vector<std::vector<std::size_t>>(s.wards.size()), stop};
    for (std::size_t u = 0; u < units.size(); ++u) c.units_of_ward[units[u].ward].push_back(u);

    std::optional<Remap> remap;
    if (previous) remap.emplace(previous->study, s);
    // Reuse what did not change; search the rest, one service type per worker (each has its
    // own TravelQuery; the network, units and snaps are shared read-only).
    a.services.resize(types.size());
    std::vector<std::function<void()>> jobs;
    std::vector<std::size_t> catchments_done(types.size(), 0);
    std::size_t slot = 0;
    for (const auto& [type, t] : types) {
        const ServiceAccess* prev = nullptr;
        if (previous)
            for (const ServiceAccess& p : previous->access.services)
                if (p.service_type == type) prev = &p;
        if (prev && same_inputs(*prev, previous->study, t, s)) {
            a.services[slot++] = reuse(*prev, *remap, st.times_only);
            continue;
        }
        jobs.push_back([&, slot, prev, type = type, t = &t] {
            a.services[slot] = compute_service(c, type, *t, prev, previous ? &previous->study : nullptr,
                                               catchments_done[slot]);
        });
        ++slot;
        ++a.services_recomputed;
    }
    run_in_parallel(jobs);
    for (std::size_t n : catchments_done) a.catchments_recomputed += n;
    return a;
}

} // namespace apreptis::model
