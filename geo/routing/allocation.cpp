#include "geo/routing/allocation.hpp"

#include <algorithm>
#include <cmath>

#include "geo/routing/network_point.hpp"

namespace apreptis::geo {

std::vector<MultiLineString> allocation_lines(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                              double walk_mps) {
    std::vector<MultiLineString> out(sources.size());
    const RoadNetwork& net = q.network();
    auto seeds = seeds_towards(net, sources, walk_mps);
    q.run(seeds, Direction::to_seeds);
    for (const RoadEdge& e : net.edges) {
        const std::uint32_t la = std::isfinite(e.backward_s) ? q.label(e.from) : invalid_index;
        const std::uint32_t lb = std::isfinite(e.forward_s) ? q.label(e.to) : invalid_index;
        const double len = e.length_m;
        if (la == invalid_index && lb == invalid_index) continue;
        if (la == lb || lb == invalid_index) {
            add_edge_piece(out[la], net, e, 0, len);
        } else if (la == invalid_index) {
            add_edge_piece(out[lb], net, e, 0, len);
        } else {
            // split where both ends are equally far: x/len*bwd + ta = (len-x)/len*fwd + tb
            const double ta = q.time_s(e.from), tb = q.time_s(e.to);
            double x = (e.forward_s + tb - ta) / (e.backward_s + e.forward_s) * len;
            x = std::clamp(x, 0.0, len);
            add_edge_piece(out[la], net, e, 0, x);
            add_edge_piece(out[lb], net, e, x, len);
        }
    }
    return out;
}

} // namespace apreptis::geo
