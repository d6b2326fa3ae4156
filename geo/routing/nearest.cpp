#include "geo/routing/nearest.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace apreptis::geo {

namespace {

std::vector<Seed> seeds_for(const RoadNetwork& net, const std::vector<SnappedPoint>& sources, double walk_mps) {
    // A source on edge (a,b) at offset o is reached from a by going forward o metres and from
    // b by going backward len - o metres (searching towards the sources).
    std::vector<Seed> seeds;
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
        const SnappedPoint& s = sources[i];
        if (!s.snapped) continue;
        const RoadEdge& e = net.edges[s.edge];
        const double len = std::max<double>(e.length_m, 1e-9);
        const double leg_s = s.distance_m / walk_mps;
        if (std::isfinite(e.forward_s))
            seeds.push_back({e.from, static_cast<float>(leg_s + s.offset_m / len * e.forward_s),
                             static_cast<float>(s.distance_m + s.offset_m), i});
        if (std::isfinite(e.backward_s))
            seeds.push_back({e.to, static_cast<float>(leg_s + (len - s.offset_m) / len * e.backward_s),
                             static_cast<float>(s.distance_m + len - s.offset_m), i});
    }
    return seeds;
}

/// Time from a point at `offset` on edge e to the nearest source, via either end.
Access via_ends(const TravelQuery& q, const RoadEdge& e, double offset) {
    Access best;
    const double len = std::max<double>(e.length_m, 1e-9);
    if (std::isfinite(e.forward_s) && q.label(e.to) != UINT32_MAX) {
        const double t = (len - offset) / len * e.forward_s + q.time_s(e.to);
        if (t < best.time_s) best = {static_cast<float>(t), static_cast<float>(len - offset + q.length_m(e.to)), q.label(e.to)};
    }
    if (std::isfinite(e.backward_s) && q.label(e.from) != UINT32_MAX) {
        const double t = offset / len * e.backward_s + q.time_s(e.from);
        if (t < best.time_s) best = {static_cast<float>(t), static_cast<float>(offset + q.length_m(e.from)), q.label(e.from)};
    }
    return best;
}

void add_piece(MultiLineString& out, const RoadNetwork& net, const RoadEdge& e, double a, double b) {
    // the part of the edge's shape between offsets a < b
    if (b - a < 1e-6) return;
    LineString piece;
    double pos = 0;
    for (std::uint32_t k = e.first_point; k + 1 < e.first_point + e.point_count; ++k) {
        const XY p = net.edge_points[k], q = net.edge_points[k + 1];
        const double seg = std::hypot(q.x - p.x, q.y - p.y);
        const double s0 = pos, s1 = pos + seg;
        pos = s1;
        if (s1 < a || s0 > b || seg == 0) continue;
        auto at = [&](double s) {
            double t = std::clamp((s - s0) / seg, 0.0, 1.0);
            return XY{p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
        };
        if (piece.empty()) piece.push_back(at(std::max(a, s0)));
        piece.push_back(at(std::min(b, s1)));
    }
    if (piece.size() >= 2) out.push_back(std::move(piece));
}

} // namespace

std::vector<Access> nearest_by_network(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                       const std::vector<SnappedPoint>& targets, double walk_mps) {
    const RoadNetwork& net = q.network();
    auto seeds = seeds_for(net, sources, walk_mps);
    q.run(seeds, Direction::to_seeds);
    std::unordered_multimap<std::uint32_t, std::uint32_t> on_edge; // sources sharing an edge with a target
    for (std::uint32_t i = 0; i < sources.size(); ++i)
        if (sources[i].snapped) on_edge.emplace(sources[i].edge, i);

    std::vector<Access> out(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const SnappedPoint& t = targets[i];
        if (!t.snapped) continue;
        const RoadEdge& e = net.edges[t.edge];
        Access best = via_ends(q, e, t.offset_m);
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
        std::uint32_t who = UINT32_MAX;
        for (std::uint32_t s = 0; s < sources.size(); ++s) {
            const double d = std::hypot(sources[s].x - targets[i].x, sources[s].y - targets[i].y);
            if (d < best) {
                best = d;
                who = s;
            }
        }
        if (who != UINT32_MAX) out[i] = {static_cast<float>(best / speed_mps), static_cast<float>(best), who};
    }
    return out;
}

std::vector<MultiLineString> catchment_lines(TravelQuery& q, const SnappedPoint& source, double walk_mps,
                                             const std::vector<double>& thresholds_s) {
    std::vector<MultiLineString> out(thresholds_s.size());
    if (!source.snapped || thresholds_s.empty()) return out;
    const RoadNetwork& net = q.network();
    auto seeds = seeds_for(net, {source}, walk_mps);
    q.run(seeds, Direction::to_seeds, static_cast<float>(thresholds_s.back()));
    for (std::size_t b = 0; b < thresholds_s.size(); ++b) {
        const double T = thresholds_s[b];
        for (const RoadEdge& e : net.edges) {
            const double len = e.length_m;
            // reached from the `from` end: points at offset x <= reach_a travel backward to `from`
            double reach_a = -1, reach_b = len + 1;
            if (std::isfinite(e.backward_s) && q.time_s(e.from) <= T)
                reach_a = std::min(len, (T - q.time_s(e.from)) / e.backward_s * len);
            if (std::isfinite(e.forward_s) && q.time_s(e.to) <= T)
                reach_b = std::max(0.0, len - (T - q.time_s(e.to)) / e.forward_s * len);
            if (reach_a >= reach_b) add_piece(out[b], net, e, 0, len);
            else {
                if (reach_a > 0) add_piece(out[b], net, e, 0, reach_a);
                if (reach_b < len) add_piece(out[b], net, e, reach_b, len);
            }
        }
    }
    return out;
}

std::vector<MultiLineString> allocation_lines(TravelQuery& q, const std::vector<SnappedPoint>& sources,
                                              double walk_mps) {
    std::vector<MultiLineString> out(sources.size());
    const RoadNetwork& net = q.network();
    auto seeds = seeds_for(net, sources, walk_mps);
    q.run(seeds, Direction::to_seeds);
    for (const RoadEdge& e : net.edges) {
        const std::uint32_t la = std::isfinite(e.backward_s) ? q.label(e.from) : UINT32_MAX;
        const std::uint32_t lb = std::isfinite(e.forward_s) ? q.label(e.to) : UINT32_MAX;
        const double len = e.length_m;
        if (la == UINT32_MAX && lb == UINT32_MAX) continue;
        if (la == lb || lb == UINT32_MAX) {
            add_piece(out[la], net, e, 0, len);
        } else if (la == UINT32_MAX) {
            add_piece(out[lb], net, e, 0, len);
        } else {
            // split where both ends are equally far: x/len*bwd + ta = (len-x)/len*fwd + tb
            const double ta = q.time_s(e.from), tb = q.time_s(e.to);
            double x = (e.forward_s + tb - ta) / (e.backward_s + e.forward_s) * len;
            x = std::clamp(x, 0.0, len);
            add_piece(out[la], net, e, 0, x);
            add_piece(out[lb], net, e, x, len);
        }
    }
    return out;
}

} // namespace apreptis::geo
