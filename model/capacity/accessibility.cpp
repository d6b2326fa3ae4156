#include "model/capacity/accessibility.hpp"

#include <cmath>
#include <map>

#include "model/errors.hpp"

namespace apreptis::model {

const char* to_string(ScoreMethod m) {
    switch (m) {
    case ScoreMethod::two_step: return "2SFCA";
    case ScoreMethod::enhanced_two_step: return "E2SFCA";
    case ScoreMethod::gaussian: return "gaussian_2SFCA";
    }
    return "2SFCA";
}

Accessibility accessibility_scores(const StudyArea& s, const RoutingIndex& routing, const Demand& d, const Supply& supply,
                                   const ReachMatrix& reach, double threshold_min, const AccessibilitySettings& st) {
    if (st.zones_min.size() != st.weights.size() || st.zones_min.empty())
        throw DataError("[capacity] e2sfca zones_min and weights must have the same, non-zero length");
    Accessibility a;
    a.service_type = d.service_type;
    a.target_group = d.target_group;
    a.threshold_min = threshold_min;
    const double t0 = threshold_min * 60.0;
    a.two_step = floating_catchment(d.group_population, supply.capacity, reach,
                                    [&](float t) { return t <= t0 ? 1.0 : 0.0; });
    a.enhanced = floating_catchment(d.group_population, supply.capacity, reach, [&](float t) {
        for (std::size_t z = 0; z < st.zones_min.size(); ++z)
            if (t <= st.zones_min[z] * 60.0) return st.weights[z];
        return 0.0;
    });
    const double floor_w = std::exp(-0.5);
    a.gaussian = floating_catchment(d.group_population, supply.capacity, reach, [&](float t) {
        if (t > t0) return 0.0;
        const double r = t / t0;
        return (std::exp(-0.5 * r * r) - floor_w) / (1.0 - floor_w);
    });
    // population-weighted means per ward and municipality
    const auto& units = routing.units();
    std::vector<AccessibilityRow> wards(s.wards.size());
    std::map<std::string, AccessibilityRow> munis;
    auto add = [&](AccessibilityRow& r, std::size_t u) {
        const double w = d.group_population[u];
        r.target_population += w;
        r.two_step += a.two_step[u] * w;
        r.enhanced += a.enhanced[u] * w;
        r.gaussian += a.gaussian[u] * w;
    };
    for (std::size_t u = 0; u < units.size(); ++u) {
        add(wards[units[u].ward], u);
        add(munis[s.wards[units[u].ward].municipality], u);
    }
    auto finish = [](AccessibilityRow& r) {
        if (r.target_population <= 0) return;
        r.two_step /= r.target_population;
        r.enhanced /= r.target_population;
        r.gaussian /= r.target_population;
    };
    for (std::size_t w = 0; w < s.wards.size(); ++w) {
        AccessibilityRow r = wards[w];
        finish(r);
        r.level = AreaLevel::ward;
        r.area_code = s.wards[w].code;
        r.area_name = s.wards[w].name;
        r.municipality = s.wards[w].municipality;
        a.rows.push_back(r);
    }
    for (auto& [m, r] : munis) {
        finish(r);
        r.level = AreaLevel::municipality;
        r.area_code = r.area_name = r.municipality = m;
        a.rows.push_back(r);
    }
    return a;
}

} // namespace apreptis::model
