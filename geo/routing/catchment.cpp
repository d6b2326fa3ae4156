#include "geo/routing/catchment.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geo/routing/network_point.hpp"

namespace apreptis::geo {

namespace {

/// The covered part of one edge within a time budget: [0, a] reached from `from`, [b, len]
/// reached from `to` (a < 0: nothing from `from`; b > len: nothing from `to`).
struct Reach {
    double a, b;
    bool whole() const { return a >= b; }
};

Reach reach_of(const TravelQuery& q, const RoadEdge& e, double T) {
    const double len = e.length_m;
    Reach r{-1, len + 1};
    if (std::isfinite(e.backward_s)) {
        const double t = q.time_s(e.from);
        if (t <= T) r.a = std::min(len, (T - t) / e.backward_s * len);
    }
    if (std::isfinite(e.forward_s)) {
        const double t = q.time_s(e.to);
        if (t <= T) r.b = std::max(0.0, len - (T - t) / e.forward_s * len);
    }
    return r;
}

/// The pieces of `e` covered by `r` (whole, or its two ends), added to `out`.
void add_reach(MultiLineString& out, const RoadNetwork& net, const RoadEdge& e, const Reach& r) {
    const double len = e.length_m;
    if (r.whole()) add_edge_piece(out, net, e, 0, len);
    else {
        if (r.a > 0) add_edge_piece(out, net, e, 0, r.a);
        if (r.b < len) add_edge_piece(out, net, e, r.b, len);
    }
}

/// What `now` covers of `e` that `before` (a smaller budget, so a subset) did not.
void add_increment(MultiLineString& out, const RoadNetwork& net, const RoadEdge& e, const Reach& before,
                   const Reach& now) {
    if (before.whole()) return;
    const double len = e.length_m;
    const double lo = std::max(before.a, 0.0), hi = std::min(before.b, len); // the gap left before
    if (now.whole()) {
        if (hi > lo) add_edge_piece(out, net, e, lo, hi);
        return;
    }
    if (now.a > lo) add_edge_piece(out, net, e, lo, std::min(now.a, hi));
    if (now.b < hi) add_edge_piece(out, net, e, std::max(now.b, lo), hi);
}

/// Linework per threshold over `edges` (ids ascending), whole or as increments.
template <class Edges>
std::vector<MultiLineString> band_lines(const TravelQuery& q, const Edges& edges, const std::vector<double>& thresholds_s,
                                        bool increments) {
    const RoadNetwork& net = q.network();
    std::vector<MultiLineString> out(thresholds_s.size());
    const std::size_t nb = thresholds_s.size();
    for (const std::uint32_t id : edges) {
        const RoadEdge& e = net.edges[id];
        // the largest band first: an edge its budget does not touch is in no band
        const Reach last = reach_of(q, e, thresholds_s.back());
        if (last.a <= 0 && last.b >= e.length_m && !last.whole()) continue;
        Reach before{-1, e.length_m + 1};
        for (std::size_t b = 0; b < nb; ++b) {
            const Reach now = b + 1 == nb ? last : reach_of(q, e, thresholds_s[b]);
            if (increments) add_increment(out[b], net, e, before, now);
            else add_reach(out[b], net, e, now);
            before = now;
        }
    }
    return out;
}

/// Every edge id, ascending, without holding them.
struct AllEdges {
    struct It {
        std::uint32_t i;
        std::uint32_t operator*() const { return i; }
        It& operator++() { return ++i, *this; }
        bool operator!=(const It& o) const { return i != o.i; }
    };
    std::uint32_t n;
    It begin() const { return {0}; }
    It end() const { return {n}; }
};

std::vector<MultiLineString> single_source(TravelQuery& q, const SnappedPoint& source, double walk_mps,
                                           const std::vector<double>& thresholds_s, bool increments) {
    if (!source.snapped || thresholds_s.empty()) return std::vector<MultiLineString>(thresholds_s.size());
    const RoadNetwork& net = q.network();
    auto seeds = seeds_towards(net, std::span<const SnappedPoint>(&source, 1), walk_mps);
    q.run(seeds, Direction::to_seeds, static_cast<float>(thresholds_s.back()));
    // Only edges with a reached end can be in a catchment. Looping over every edge of the
    // network for every provider made catchments grow with providers x network size; when the
    // search reached a small part of the network, the edges next to the reached nodes are
    // marked in a bit set (each edge is an arc of its ends, forward or backward) and read in
    // edge order as before. When it reached much of it, one pass over all edges is the cheaper.
    const auto n_edges = static_cast<std::uint32_t>(net.edges.size());
    if (q.reached().size() * 8 >= net.node_count()) return band_lines(q, AllEdges{n_edges}, thresholds_s, increments);
    std::vector<std::uint64_t> marked((n_edges + 63) / 64, 0);
    std::size_t lo = marked.size(), hi = 0; // the words touched
    for (NodeId n : q.reached())
        for (const Csr* g : {&net.forward, &net.backward})
            for (std::uint32_t a = g->first_out[n]; a < g->first_out[n + 1]; ++a) {
                const std::uint32_t id = g->arcs[a].edge;
                marked[id >> 6] |= std::uint64_t{1} << (id & 63);
                lo = std::min<std::size_t>(lo, id >> 6);
                hi = std::max<std::size_t>(hi, (id >> 6) + 1);
            }
    std::vector<std::uint32_t> near;
    for (std::size_t w = lo; w < hi; ++w)
        for (std::uint64_t bits = marked[w]; bits; bits &= bits - 1)
            near.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
    return band_lines(q, near, thresholds_s, increments);
}

} // namespace

std::vector<MultiLineString> catchment_lines(TravelQuery& q, const SnappedPoint& source, double walk_mps,
                                             const std::vector<double>& thresholds_s) {
    return single_source(q, source, walk_mps, thresholds_s, false);
}

std::vector<MultiLineString> catchment_increments(TravelQuery& q, const SnappedPoint& source, double walk_mps,
                                                  const std::vector<double>& thresholds_s) {
    return single_source(q, source, walk_mps, thresholds_s, true);
}

std::vector<MultiLineString> reached_increments(const TravelQuery& q, const std::vector<double>& thresholds_s) {
    if (thresholds_s.empty()) return {};
    return band_lines(q, AllEdges{static_cast<std::uint32_t>(q.network().edges.size())}, thresholds_s, true);
}

} // namespace apreptis::geo
