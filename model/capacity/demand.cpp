#include "model/capacity/demand.hpp"

#include <cmath>
#include <set>

#include "geo/io/vector_writer.hpp"
#include "model/coverage.hpp"
#include "model/errors.hpp"

namespace apreptis::model {

Demand demand_for(const StudyArea& s, const RoutingIndex& routing, const std::string& type, const std::string& group,
                  const DemandSettings& settings) {
    Demand d;
    d.service_type = type;
    d.target_group = group;
    const auto& units = routing.units();
    std::optional<double> project_rate;
    std::string key;
    for (const std::string& k : {type + "/" + group, type})
        if (auto it = settings.need_per_1000.find(k); it != settings.need_per_1000.end() && !project_rate) {
            project_rate = it->second;
            key = k;
        }
    if (project_rate && (!std::isfinite(*project_rate) || *project_rate < 0))
        throw DataError(settings.origin + ": [capacity.need_per_1000] " + key + " must be a number >= 0, found " +
                        geo::format_number(*project_rate));
    std::vector<std::string> without;
    for (const std::string& m : s.municipalities()) {
        if (project_rate) {
            d.rate_per_1000[m] = *project_rate;
            continue;
        }
        // the plan's own needs: (assessed + unmet) / municipal target population
        double need = 0;
        std::string codes;
        for (const NeedRow& n : s.needs)
            if (n.municipality == m && n.service_type == type && n.target_group == group &&
                (n.assessed_need || n.unmet_need)) {
                need += n.assessed_need.value_or(0) + n.unmet_need.value_or(0);
                codes += (codes.empty() ? "" : "+") + n.code;
            }
        const TargetPopulation tp = municipal_target_population(s, m, group);
        if (codes.empty() || !tp.value || *tp.value <= 0) {
            without.push_back(m);
            continue;
        }
        d.rate_per_1000[m] = need / *tp.value * 1000.0;
    }
    if (project_rate)
        d.need_basis = "project: need_per_1000." + key + " = " + geo::format_number(*project_rate) + " per 1000 " + group;
    else {
        d.need_basis = "plan needs table: (assessed + unmet need) / municipal " + group + " population";
        for (const auto& [m, r] : d.rate_per_1000) d.need_basis += "; " + m + " " + geo::format_number(std::round(r * 100) / 100) + " per 1000";
    }
    if (!without.empty()) {
        d.need_basis += "; no rate (no needs row or no population figure), so no demand counted, for:";
        for (const auto& m : without) d.need_basis += " " + m;
    }
    d.group_population.assign(units.size(), 0);
    d.per_unit.assign(units.size(), 0);
    std::vector<double> share(s.wards.size(), 0);
    for (std::size_t w = 0; w < s.wards.size(); ++w) share[w] = ward_group_share(s, s.wards[w], group, d.estimated);
    for (std::size_t u = 0; u < units.size(); ++u) {
        const std::size_t w = units[u].ward;
        d.group_population[u] = units[u].population * share[w];
        auto rate = d.rate_per_1000.find(s.wards[w].municipality);
        if (rate == d.rate_per_1000.end()) continue;
        d.per_unit[u] = d.group_population[u] * rate->second / 1000.0;
        d.total += d.per_unit[u];
    }
    return d;
}

Supply supply_for(const StudyArea& s, const std::string& type, const std::string& group, const DemandSettings& settings) {
    Supply out;
    std::map<std::size_t, std::pair<std::optional<double>, std::optional<double>>> sums; // places, recipients
    std::map<std::size_t, const ServiceLine*> first_line;
    for (const ServiceLine& l : s.lines) {
        if (l.service_type != type || l.target_group != group) continue;
        auto& [places, recipients] = sums[l.provider];
        if (l.places) places = places.value_or(0) + *l.places;
        if (l.recipients) recipients = recipients.value_or(0) + *l.recipients;
        first_line.try_emplace(l.provider, &l);
    }
    for (const auto& [p, pr] : sums) {
        const Provider& prov = s.providers[p];
        if (!prov.point) {
            out.unlocated.push_back(p);
            continue;
        }
        double cap = 0;
        std::string basis;
        if (auto it = settings.places.find(prov.id); it != settings.places.end()) {
            cap = it->second;
            basis = "project: " + (settings.places_basis.empty() ? std::string("places set in the project file") : settings.places_basis);
        } else if (pr.first) {
            cap = *pr.first;
            basis = "places";
        } else if (pr.second) {
            cap = *pr.second;
            basis = "recipients (no places given)";
        } else {
            throw DataError(Location{s.providers_source.empty() ? std::string("providers") : s.providers_source, "",
                                     first_line[p]->fid, -1, "places"},
                            "provider " + prov.id + " (" + prov.name + ") offers " + type + " for " + group +
                                " but gives neither places nor recipients, and the capacity analysis needs one; "
                                "add places, or set [capacity.places] " + prov.id + " = N in the project");
        }
        out.providers.push_back(p);
        out.capacity.push_back(cap);
        out.basis.push_back(basis);
    }
    return out;
}

} // namespace apreptis::model
