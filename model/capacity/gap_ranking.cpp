#include "model/capacity/gap_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace apreptis::model {

const char* to_string(UnservedReason r) {
    switch (r) {
    case UnservedReason::none: return "none";
    case UnservedReason::no_capacity: return "no_capacity";
    case UnservedReason::too_far: return "too_far";
    }
    return "none";
}

namespace {

UnservedReason dominant(double no_capacity, double too_far) {
    if (no_capacity <= 0 && too_far <= 0) return UnservedReason::none;
    return no_capacity >= too_far ? UnservedReason::no_capacity : UnservedReason::too_far;
}

} // namespace

GapRanking rank_gaps(const StudyArea& s, const RoutingIndex& routing, const AllocationResult& a, double cell_m) {
    GapRanking g;
    const auto& units = routing.units();
    std::vector<CapacityRow> wards(s.wards.size());
    std::map<std::string, CapacityRow> munis;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const Ward& w = s.wards[units[u].ward];
        for (CapacityRow* r : {&wards[units[u].ward], &munis[w.municipality]}) {
            r->served += a.served[u];
            r->no_capacity += a.no_capacity[u];
            r->too_far += a.too_far[u];
            r->demand += a.served[u] + a.no_capacity[u] + a.too_far[u];
        }
    }
    for (std::size_t w = 0; w < s.wards.size(); ++w) {
        CapacityRow& r = wards[w];
        r.level = AreaLevel::ward;
        r.area_code = s.wards[w].code;
        r.area_name = s.wards[w].name;
        r.municipality = s.wards[w].municipality;
        r.dominant = dominant(r.no_capacity, r.too_far);
    }
    std::stable_sort(wards.begin(), wards.end(), [](const CapacityRow& x, const CapacityRow& y) {
        return x.unserved() > y.unserved() || (x.unserved() == y.unserved() && x.area_code < y.area_code);
    });
    for (std::size_t i = 0; i < wards.size(); ++i) wards[i].rank = static_cast<int>(i + 1);
    g.wards = std::move(wards);
    for (auto& [m, r] : munis) {
        r.level = AreaLevel::municipality;
        r.area_code = r.area_name = r.municipality = m;
        r.dominant = dominant(r.no_capacity, r.too_far);
        g.municipalities.push_back(r);
    }

    // clusters: grid cells holding unserved units, joined when they touch
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
    auto key = [](std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); };
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (a.no_capacity[u] + a.too_far[u] <= 1e-9) continue;
        const auto cx = static_cast<std::int64_t>(std::floor(units[u].point.x / cell_m));
        const auto cy = static_cast<std::int64_t>(std::floor(units[u].point.y / cell_m));
        cells[key(cx, cy)].push_back(u);
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> order; // deterministic: sorted cells
    for (const auto& [k, v] : cells) {
        const std::size_t u = v.front();
        order.push_back({static_cast<std::int64_t>(std::floor(units[u].point.x / cell_m)),
                         static_cast<std::int64_t>(std::floor(units[u].point.y / cell_m))});
    }
    std::sort(order.begin(), order.end());
    std::set<std::int64_t> seen;
    for (const auto& [x0, y0] : order) {
        if (seen.count(key(x0, y0))) continue;
        UnservedCluster c;
        double wx = 0, wy = 0;
        std::set<std::string> ward_codes;
        std::vector<std::pair<std::int64_t, std::int64_t>> stack{{x0, y0}};
        seen.insert(key(x0, y0));
        while (!stack.empty()) {
            const auto [x, y] = stack.back();
            stack.pop_back();
            ++c.cells;
            for (std::size_t u : cells[key(x, y)]) {
                const double un = a.no_capacity[u] + a.too_far[u];
                ++c.units;
                c.unserved += un;
                c.no_capacity += a.no_capacity[u];
                c.too_far += a.too_far[u];
                wx += units[u].point.x * un;
                wy += units[u].point.y * un;
                ward_codes.insert(s.wards[units[u].ward].code);
            }
            for (std::int64_t dx = -1; dx <= 1; ++dx)
                for (std::int64_t dy = -1; dy <= 1; ++dy) {
                    const auto k = key(x + dx, y + dy);
                    if ((dx || dy) && cells.count(k) && seen.insert(k).second) stack.push_back({x + dx, y + dy});
                }
        }
        c.centre = {wx / c.unserved, wy / c.unserved};
        c.dominant = dominant(c.no_capacity, c.too_far);
        c.wards.assign(ward_codes.begin(), ward_codes.end());
        g.clusters.push_back(std::move(c));
    }
    std::stable_sort(g.clusters.begin(), g.clusters.end(),
                     [](const UnservedCluster& x, const UnservedCluster& y) { return x.unserved > y.unserved; });
    for (std::size_t i = 0; i < g.clusters.size(); ++i) g.clusters[i].id = static_cast<int>(i + 1);
    return g;
}

} // namespace apreptis::model
