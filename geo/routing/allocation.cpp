#include "geo/routing/allocation.hpp"

#include <algorithm>
#include <cmath>

namespace apreptis::geo {

std::vector<std::vector<EdgePiece>> allocation_pieces(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                                      double walk_mps) {
    auto seeds = seeds_towards(q.network(), sources, walk_mps);
    q.run(seeds, Direction::to_seeds);
    return allocation_after_search(q, sources.size());
}

std::vector<std::vector<EdgePiece>> allocation_after_search(const TravelQuery& q, std::size_t source_count) {
    std::vector<std::vector<EdgePiece>> out(source_count);
    const RoadNetwork& net = q.network();
    for (std::uint32_t id = 0; id < net.edges.size(); ++id) {
        const RoadEdge& e = net.edges[id];
        const std::uint32_t la = std::isfinite(e.backward_s) ? q.label(e.from) : invalid_index;
        const std::uint32_t lb = std::isfinite(e.forward_s) ? q.label(e.to) : invalid_index;
        const float len = e.length_m;
        if (la == invalid_index && lb == invalid_index) continue;
        if (la == lb || lb == invalid_index) {
            out[la].push_back({id, 0, len});
        } else if (la == invalid_index) {
            out[lb].push_back({id, 0, len});
        } else {
            // split where both ends are equally far: x/len*bwd + ta = (len-x)/len*fwd + tb
            const double ta = q.time_s(e.from), tb = q.time_s(e.to);
            double x = (e.forward_s + tb - ta) / (e.backward_s + e.forward_s) * len;
            const auto at = static_cast<float>(std::clamp(x, 0.0, static_cast<double>(len)));
            out[la].push_back({id, 0, at});
            out[lb].push_back({id, at, len});
        }
    }
    return out;
}

std::vector<MultiLineString> allocation_lines(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                              double walk_mps) {
    const auto pieces = allocation_pieces(q, sources, walk_mps);
    std::vector<MultiLineString> out(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) add_edge_pieces(out[i], q.network(), pieces[i]);
    return out;
}

} // namespace apreptis::geo
