#include "geo/routing/nearest.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "geo/routing/network_point.hpp"

namespace apreptis::geo {

std::vector<Access> nearest_by_network(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                       const std::vector<SnappedPoint>& targets, double walk_mps) {
    const RoadNetwork& net = q.network();
    auto seeds = seeds_towards(net, sources, walk_mps);
    q.run(seeds, Direction::to_seeds);
    std::unordered_multimap<std::uint32_t, std::uint32_t> on_edge; // sources sharing an edge with a target
    for (std::uint32_t i = 0; i < sources.size(); ++i)
        if (sources[i].snapped) on_edge.emplace(sources[i].edge, i);

    std::vector<Access> out(targets.size());
    std::vector<SourceOnEdge> same_edge;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const SnappedPoint& t = targets[i];
        if (!t.snapped) continue;
        same_edge.clear();
        auto range = on_edge.equal_range(t.edge);
        for (auto it = range.first; it != range.second; ++it) same_edge.push_back({it->second, &sources[it->second]});
        out[i] = access_after_search(q, t, same_edge, walk_mps);
    }
    return out;
}

std::vector<Access> nearest_by_straight_line(const std::vector<XY>& sources, const std::vector<XY>& targets,
                                             double speed_mps) {
    std::vector<Access> out(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
        // The nearest by squared distance first; then hypot decides, as it always has (the
        // first source at the least hypot), among the few within rounding of that.
        double least = INFINITY;
        for (const XY& s : sources) {
            const double dx = s.x - targets[i].x, dy = s.y - targets[i].y;
            least = std::min(least, dx * dx + dy * dy);
        }
        double best = INFINITY;
        std::uint32_t who = invalid_index;
        for (std::uint32_t s = 0; s < sources.size(); ++s) {
            const double dx = sources[s].x - targets[i].x, dy = sources[s].y - targets[i].y;
            if (dx * dx + dy * dy > least * (1 + 1e-9)) continue;
            const double d = std::hypot(dx, dy);
            if (d < best) {
                best = d;
                who = s;
            }
        }
        if (who != invalid_index) out[i] = {static_cast<float>(best / speed_mps), static_cast<float>(best), who};
    }
    return out;
}

} // namespace apreptis::geo
