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
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const SnappedPoint& t = targets[i];
        if (!t.snapped) continue;
        const RoadEdge& e = net.edges[t.edge];
        Access best = via_edge_ends(q, e, t.offset_m);
        auto range = on_edge.equal_range(t.edge);
        for (auto it = range.first; it != range.second; ++it) { // straight along the shared edge
            const SnappedPoint& s = sources[it->second];
            const double len = std::max<double>(e.length_m, 1e-9);
            double time = unreachable, d = std::abs(s.offset_m - t.offset_m);
            if (s.offset_m >= t.offset_m && std::isfinite(e.forward_s)) time = d / len * e.forward_s;
            if (s.offset_m <= t.offset_m && std::isfinite(e.backward_s)) time = std::min(time, d / len * e.backward_s);
            time += s.distance_m / walk_mps;
            if (time < best.time_s) best = {static_cast<float>(time), static_cast<float>(d + s.distance_m), it->second};
        }
        if (!best.reachable()) continue;
        best.time_s += static_cast<float>(t.distance_m / walk_mps);
        best.distance_m += static_cast<float>(t.distance_m);
        out[i] = best;
    }
    return out;
}

std::vector<Access> nearest_by_straight_line(const std::vector<XY>& sources, const std::vector<XY>& targets,
                                             double speed_mps) {
    std::vector<Access> out(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
        double best = INFINITY;
        std::uint32_t who = invalid_index;
        for (std::uint32_t s = 0; s < sources.size(); ++s) {
            const double d = std::hypot(sources[s].x - targets[i].x, sources[s].y - targets[i].y);
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
