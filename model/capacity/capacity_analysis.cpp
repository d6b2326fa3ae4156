#include "model/capacity/capacity_analysis.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace apreptis::model {

namespace {

bool same_supply(const ServiceCapacity& prev, const StudyArea& prev_study, const Supply& now, const StudyArea& s) {
    if (prev.supply.providers.size() != now.providers.size() || prev.supply.capacity != now.capacity) return false;
    for (std::size_t i = 0; i < now.providers.size(); ++i) {
        const Provider& a = prev_study.providers[prev.supply.providers[i]];
        const Provider& b = s.providers[now.providers[i]];
        if (a.id != b.id || !(*a.point == *b.point)) return false;
    }
    return true;
}

} // namespace

CapacityAnalysis analyse_capacity(const StudyArea& s, const RoutingIndex& routing, const AccessSettings& access,
                                  const CapacitySettings& st, const CapacityAnalysis* previous,
                                  const StudyArea* previous_study, std::stop_token stop) {
    CapacityAnalysis out;
    // the (service, group) pairs offered by located providers
    std::set<std::pair<std::string, std::string>> pairs;
    for (const ServiceLine& l : s.lines)
        if (s.providers[l.provider].point) pairs.insert({l.service_type, l.target_group});
    const double walk = routing.travel().speed_mps(access);
    for (const auto& [type, group] : pairs) {
        if (stop.stop_requested()) throw Cancelled();
        if (!st.services.empty() && std::find(st.services.begin(), st.services.end(), type) == st.services.end()) continue;
        ServiceCapacity sc;
        sc.service_type = type;
        sc.target_group = group;
        sc.threshold_min = service_threshold_min(s, access, type);
        sc.demand = demand_for(s, routing, type, group, st.demand);
        if (sc.demand.rate_per_1000.empty()) {
            out.skipped.push_back(type + " / " + group + ": no need rate (set [capacity.need_per_1000] " + type +
                                  ", or give the plan's needs table a row for it)");
            continue;
        }
        sc.supply = supply_for(s, type, group, st.demand);
        for (std::size_t p : sc.supply.providers) sc.provider_ids.push_back(s.providers[p].id);
        const ServiceCapacity* prev = nullptr;
        if (previous)
            for (const auto& p : previous->services)
                if (p.service_type == type && p.target_group == group) prev = &p;
        if (prev && same_supply(*prev, *previous_study, sc.supply, s)) {
            ServiceCapacity reused = *prev; // nothing that enters it changed
            reused.supply = sc.supply;       // indices of this study
            out.services.push_back(std::move(reused));
            continue;
        }
        // reach rows of providers that did not move are taken over
        std::vector<geo::XY> points;
        for (std::size_t p : sc.supply.providers) points.push_back(*s.providers[p].point);
        std::map<std::string, std::size_t> old_row;
        if (prev)
            for (std::size_t i = 0; i < prev->provider_ids.size(); ++i) old_row[prev->provider_ids[i]] = i;
        sc.reach.method = routing.travel().method();
        sc.reach.cutoff_s = sc.threshold_min * 60;
        // which rows are taken over, then one reach matrix for all the others (one index of the
        // units, both cores), joined in provider order
        std::vector<std::optional<std::size_t>> kept(points.size());
        std::vector<geo::XY> fresh;
        for (std::size_t i = 0; i < points.size(); ++i) {
            auto it = old_row.find(sc.provider_ids[i]);
            const Provider& now = s.providers[sc.supply.providers[i]];
            if (it != old_row.end() && prev->reach.cutoff_s == sc.reach.cutoff_s &&
                *previous_study->providers[prev->supply.providers[it->second]].point == *now.point)
                kept[i] = it->second;
            else
                fresh.push_back(points[i]);
        }
        const ReachMatrix searched = build_reach_matrix(routing, fresh, sc.reach.cutoff_s, walk, stop);
        sc.reach.first.push_back(0);
        for (std::size_t i = 0, next = 0; i < points.size(); ++i) {
            const auto row = kept[i] ? prev->reach.row(*kept[i]) : searched.row(next++);
            sc.reach.entries.insert(sc.reach.entries.end(), row.begin(), row.end());
            sc.reach.first.push_back(static_cast<std::uint32_t>(sc.reach.entries.size()));
        }
        sc.scores = accessibility_scores(s, routing, sc.demand, sc.supply, sc.reach, sc.threshold_min, st.scores);
        sc.allocation = allocate_capacity(sc.demand.per_unit, sc.supply.capacity, sc.reach, sc.reach.cutoff_s, sc.provider_ids);
        sc.gaps = rank_gaps(s, routing, sc.allocation, st.cluster_cell_m);
        out.services.push_back(std::move(sc));
        ++out.services_recomputed;
    }
    return out;
}

} // namespace apreptis::model
