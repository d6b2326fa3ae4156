#include "geo/routing/catchment.hpp"

#include <algorithm>
#include <cmath>

#include "geo/routing/network_point.hpp"

namespace apreptis::geo {

std::vector<MultiLineString> catchment_lines(TravelQuery& q, const SnappedPoint& source, double walk_mps,
                                             const std::vector<double>& thresholds_s) {
    std::vector<MultiLineString> out(thresholds_s.size());
    if (!source.snapped || thresholds_s.empty()) return out;
    const RoadNetwork& net = q.network();
    auto seeds = seeds_towards(net, std::span<const SnappedPoint>(&source, 1), walk_mps);
    q.run(seeds, Direction::to_seeds, static_cast<float>(thresholds_s.back()));
    // Only edges with a reached end can be in a catchment. Looping over every edge of the
    // network for every provider and band made catchments grow with providers x network size;
    // when the search reached a small part of the network, the edges next to the reached nodes
    // are taken instead (each edge is an arc of its ends, forward or backward), in edge order
    // as before. When it reached much of it, one pass over all edges is the cheaper.
    std::vector<std::uint32_t> near;
    if (q.reached().size() * 8 < net.node_count()) {
        for (NodeId n : q.reached())
            for (const Csr* g : {&net.forward, &net.backward})
                for (std::uint32_t a = g->first_out[n]; a < g->first_out[n + 1]; ++a) near.push_back(g->arcs[a].edge);
        std::sort(near.begin(), near.end());
        near.erase(std::unique(near.begin(), near.end()), near.end());
    } else {
        near.resize(net.edges.size());
        for (std::uint32_t i = 0; i < near.size(); ++i) near[i] = i;
    }
    for (std::size_t b = 0; b < thresholds_s.size(); ++b) {
        const double T = thresholds_s[b];
        for (const std::uint32_t id : near) {
            const RoadEdge& e = net.edges[id];
            const double len = e.length_m;
            // reached from the `from` end: points at offset x <= reach_a travel backward to `from`
            double reach_a = -1, reach_b = len + 1;
            if (std::isfinite(e.backward_s) && q.time_s(e.from) <= T)
                reach_a = std::min(len, (T - q.time_s(e.from)) / e.backward_s * len);
            if (std::isfinite(e.forward_s) && q.time_s(e.to) <= T)
                reach_b = std::max(0.0, len - (T - q.time_s(e.to)) / e.forward_s * len);
            if (reach_a >= reach_b) add_edge_piece(out[b], net, e, 0, len);
            else {
                if (reach_a > 0) add_edge_piece(out[b], net, e, 0, reach_a);
                if (reach_b < len) add_edge_piece(out[b], net, e, reach_b, len);
            }
        }
    }
    return out;
}

} // namespace apreptis::geo
