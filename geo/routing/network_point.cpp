#include "geo/routing/network_point.hpp"

#include <algorithm>
#include <cmath>

namespace apreptis::geo {

std::vector<Seed> seeds_towards(const RoadNetwork& net, std::span<const SnappedPoint> sources, double walk_mps) {
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

EdgeLegs legs_to_ends(const RoadEdge& e, double offset) {
    EdgeLegs l;
    l.from = e.from;
    l.to = e.to;
    const double len = std::max<double>(e.length_m, 1e-9);
    if (std::isfinite(e.forward_s)) {
        l.to_end_s = (len - offset) / len * e.forward_s;
        l.to_end_m = len - offset;
    }
    if (std::isfinite(e.backward_s)) {
        l.from_end_s = offset / len * e.backward_s;
        l.from_end_m = offset;
    }
    return l;
}

Access via_edge_ends(const TravelQuery& q, const EdgeLegs& l) {
    Access best;
    if (std::isfinite(l.to_end_s) && q.label(l.to) != invalid_index) {
        const double t = l.to_end_s + q.time_s(l.to);
        if (t < best.time_s) best = {static_cast<float>(t), static_cast<float>(l.to_end_m + q.length_m(l.to)), q.label(l.to)};
    }
    if (std::isfinite(l.from_end_s) && q.label(l.from) != invalid_index) {
        const double t = l.from_end_s + q.time_s(l.from);
        if (t < best.time_s)
            best = {static_cast<float>(t), static_cast<float>(l.from_end_m + q.length_m(l.from)), q.label(l.from)};
    }
    return best;
}

Access via_edge_ends(const TravelQuery& q, const RoadEdge& e, double offset) {
    return via_edge_ends(q, legs_to_ends(e, offset));
}

void add_edge_piece(MultiLineString& out, const RoadNetwork& net, const RoadEdge& e, double a, double b) {
    if (b - a < 1e-6) return;
    LineString piece;
    if (a <= 0 && b >= e.length_m) { // the whole edge (most pieces): its shape, without a hypot a segment
        const auto first = net.edge_points.begin() + e.first_point;
        piece.reserve(e.point_count);
        for (auto p = first; p != first + e.point_count; ++p)
            if (piece.empty() || !(*p == piece.back())) piece.push_back(*p); // as below: no zero-length segment
        if (piece.size() >= 2) out.push_back(std::move(piece));
        return;
    }
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

void add_edge_pieces(MultiLineString& out, const RoadNetwork& net, std::span<const EdgePiece> pieces) {
    // A piece that starts where the last line ends continues it (edges along a way follow
    // each other): the same linework in fewer, longer parts, a vertex and a part header
    // fewer each (a country's allocation is gigabytes of them).
    MultiLineString one;
    for (const EdgePiece& p : pieces) {
        one.clear();
        add_edge_piece(one, net, net.edges[p.edge], p.a, p.b);
        if (one.empty()) continue;
        if (!out.empty() && out.back().back() == one.front().front())
            out.back().insert(out.back().end(), one.front().begin() + 1, one.front().end());
        else out.push_back(std::move(one.front()));
    }
}

Access access_after_search(const TravelQuery& q, const SnappedPoint& t, std::span<const SourceOnEdge> same_edge,
                           double walk_mps) {
    if (!t.snapped) return {};
    const RoadEdge& e = q.network().edges[t.edge];
    Access best = via_edge_ends(q, e, t.offset_m);
    for (const SourceOnEdge& se : same_edge) { // straight along the shared edge
        const SnappedPoint& s = *se.source;
        const double len = std::max<double>(e.length_m, 1e-9);
        double time = unreachable;
        const double d = std::abs(s.offset_m - t.offset_m);
        if (s.offset_m >= t.offset_m && std::isfinite(e.forward_s)) time = d / len * e.forward_s;
        if (s.offset_m <= t.offset_m && std::isfinite(e.backward_s)) time = std::min(time, d / len * e.backward_s);
        time += s.distance_m / walk_mps;
        if (time < best.time_s) best = {static_cast<float>(time), static_cast<float>(d + s.distance_m), se.label};
    }
    if (!best.reachable()) return best;
    best.time_s += static_cast<float>(t.distance_m / walk_mps);
    best.distance_m += static_cast<float>(t.distance_m);
    return best;
}

} // namespace apreptis::geo
