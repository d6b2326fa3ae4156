#include "model/capacity/reach_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <thread>

#include "geo/preconditions.hpp"
#include "geo/routing/network_check.hpp"
#include "geo/routing/network_point.hpp"
#include "model/parallel.hpp"

namespace apreptis::model {

namespace {

/// Units attached to each node: a unit on edge (a, b) is found from a and from b. Each entry
/// carries what reading the unit's time needs (its edge's ends and legs, its access leg), so
/// that one search's units are read from one contiguous list instead of from the unit, its
/// snap and its edge in three places.
struct UnitsAtNodes {
    struct Attached {
        std::uint32_t unit, edge;
        geo::EdgeLegs legs;
        float leg_s, leg_m; ///< the unit's own access leg, as access_after_search adds it
    };
    std::vector<std::uint32_t> first;
    std::vector<Attached> attached;
    UnitsAtNodes(const geo::RoadNetwork& net, const std::vector<geo::SnappedPoint>& snaps, double walk_mps) {
        first.assign(net.node_count() + 1, 0);
        for (const auto& s : snaps)
            if (s.snapped) {
                first[net.edges[s.edge].from + 1]++;
                first[net.edges[s.edge].to + 1]++;
            }
        for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
        attached.resize(first.back());
        std::vector<std::uint32_t> pos(first.begin(), first.end() - 1);
        for (std::uint32_t u = 0; u < snaps.size(); ++u)
            if (snaps[u].snapped) {
                const geo::RoadEdge& e = net.edges[snaps[u].edge];
                const Attached a{u, snaps[u].edge, geo::legs_to_ends(e, snaps[u].offset_m),
                                 static_cast<float>(snaps[u].distance_m / walk_mps), static_cast<float>(snaps[u].distance_m)};
                attached[pos[e.from]++] = a;
                attached[pos[e.to]++] = a;
            }
    }
};

/// Straight-line reach: a uniform grid of units with cells of the reach radius.
struct UnitGrid {
    double cell, x0 = 0, y0 = 0;
    std::int64_t nx = 0, ny = 0;
    std::vector<std::uint32_t> first, units;
    UnitGrid(const std::vector<PopulationUnit>& all, double radius) : cell(std::max(radius, 1.0)) {
        geo::Envelope e;
        for (const auto& u : all) e.expand(u.point);
        if (e.empty()) return;
        x0 = e.min_x;
        y0 = e.min_y;
        nx = static_cast<std::int64_t>(e.width() / cell) + 1;
        ny = static_cast<std::int64_t>(e.height() / cell) + 1;
        first.assign(static_cast<std::size_t>(nx * ny) + 1, 0);
        for (const auto& u : all) first[index(u.point) + 1]++;
        for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
        units.resize(all.size());
        std::vector<std::uint32_t> pos(first.begin(), first.end() - 1);
        for (std::uint32_t i = 0; i < all.size(); ++i) units[pos[index(all[i].point)]++] = i;
    }
    std::size_t index(geo::XY p) const {
        const auto cx = std::clamp<std::int64_t>(static_cast<std::int64_t>((p.x - x0) / cell), 0, nx - 1);
        const auto cy = std::clamp<std::int64_t>(static_cast<std::int64_t>((p.y - y0) / cell), 0, ny - 1);
        return static_cast<std::size_t>(cy * nx + cx);
    }
};

/// The matrix's offsets are 32-bit: refused in words before they would wrap (a country's
/// units against thousands of candidate sites at a long threshold can get there).
void check_entries(std::size_t entries, std::size_t limit) {
    geo::check_fits_index32(entries, "reach matrix: entries (population units within the cut-off of each point)",
                            "use fewer candidate sites (a coarser --candidate-grid), a shorter threshold or a smaller "
                            "study area",
                            limit);
}

} // namespace

ReachMatrix build_reach_matrix(const RoutingIndex& routing, std::span<const geo::XY> points, double cutoff_s,
                               double walk_mps, std::stop_token stop, std::size_t max_entries) {
    geo::require(std::isfinite(cutoff_s) && cutoff_s >= 0, "build_reach_matrix: finite cutoff");
    geo::require(geo::positive_finite(walk_mps), "build_reach_matrix: walking speed > 0");
    ReachMatrix m;
    m.cutoff_s = cutoff_s;
    m.first.reserve(points.size() + 1);
    m.first.push_back(0);
    const auto& units = routing.units();
    if (points.empty()) { // nothing to search: no index of the units to build
        m.method = routing.has_network() ? DistanceMethod::network : DistanceMethod::straight_line;
        return m;
    }
    if (routing.has_network()) {
        m.method = DistanceMethod::network;
        const geo::RoadNetwork& net = routing.network();
        const UnitsAtNodes at_nodes(net, routing.unit_snaps(), walk_mps);
        // Points in contiguous chunks, one worker each (its own TravelQuery and stamps); the
        // chunks are joined in order, so the matrix is the same as from one thread.
        const std::size_t workers =
            points.size() >= 16 ? std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), 8)) : 1;
        std::vector<ReachMatrix> part(workers);
        std::vector<std::exception_ptr> failure(workers);
        auto work = [&](std::size_t w) {
            try {
                const std::size_t begin = points.size() * w / workers, end = points.size() * (w + 1) / workers;
                ReachMatrix& out = part[w];
                out.first.push_back(0);
                geo::TravelQuery q(net);
                std::vector<std::uint32_t> seen(units.size(), 0); // stamp per unit
                std::uint32_t stamp = 0;
                std::vector<ReachEntry> row;
                for (std::size_t i = begin; i < end; ++i) {
                    if (stop.stop_requested()) throw Cancelled();
                    const geo::SnappedPoint src = routing.snap_index().snap(points[i], routing.max_snap_distance_m());
                    row.clear();
                    if (src.snapped) {
                        const auto seeds = geo::seeds_towards(net, std::span<const geo::SnappedPoint>(&src, 1), walk_mps);
                        q.run(seeds, geo::Direction::to_seeds, static_cast<float>(cutoff_s));
                        const geo::SourceOnEdge same{0, &src};
                        ++stamp;
                        // access_after_search, read from the attached entry (same arithmetic)
                        auto consider = [&](const UnitsAtNodes::Attached& a) {
                            if (seen[a.unit] == stamp) return;
                            seen[a.unit] = stamp;
                            geo::Access acc;
                            if (a.edge == src.edge) { // straight along the shared edge too
                                acc = geo::access_after_search(q, routing.unit_snaps()[a.unit],
                                                               std::span<const geo::SourceOnEdge>(&same, 1), walk_mps);
                            } else {
                                acc = geo::via_edge_ends(q, a.legs);
                                if (!acc.reachable()) return;
                                acc.time_s += a.leg_s;
                                acc.distance_m += a.leg_m;
                            }
                            if (acc.reachable() && acc.time_s <= cutoff_s) row.push_back({a.unit, acc.time_s, acc.distance_m});
                        };
                        for (geo::NodeId n : q.reached())
                            for (std::uint32_t k = at_nodes.first[n]; k < at_nodes.first[n + 1]; ++k) consider(at_nodes.attached[k]);
                        // units on the point's own edge are reached straight along it even when neither end is
                        const geo::NodeId from = net.edges[src.edge].from;
                        for (std::uint32_t k = at_nodes.first[from]; k < at_nodes.first[from + 1]; ++k)
                            if (at_nodes.attached[k].edge == src.edge) consider(at_nodes.attached[k]);
                        std::sort(row.begin(), row.end(), [](const ReachEntry& x, const ReachEntry& y) { return x.unit < y.unit; });
                    }
                    out.entries.insert(out.entries.end(), row.begin(), row.end());
                    check_entries(out.entries.size(), max_entries);
                    out.first.push_back(static_cast<std::uint32_t>(out.entries.size()));
                }
            } catch (...) {
                failure[w] = std::current_exception();
            }
        };
        std::vector<std::function<void()>> chunks;
        for (std::size_t w = 0; w < workers; ++w) chunks.push_back([&work, w] { work(w); });
        run_in_parallel(chunks, workers);
        for (const auto& f : failure)
            if (f) std::rethrow_exception(f);
        std::size_t total = 0;
        for (const auto& pm : part) total += pm.entries.size();
        check_entries(total, max_entries);
        m.entries.reserve(total);
        for (const auto& pm : part) {
            const auto base = static_cast<std::uint32_t>(m.entries.size());
            m.entries.insert(m.entries.end(), pm.entries.begin(), pm.entries.end());
            for (std::size_t i = 1; i < pm.first.size(); ++i) m.first.push_back(base + pm.first[i]);
        }
        return m;
    }
    m.method = DistanceMethod::straight_line;
    const double radius = cutoff_s * walk_mps;
    const UnitGrid grid(units, radius);
    std::vector<ReachEntry> row;
    for (const geo::XY& p : points) {
        if (stop.stop_requested()) throw Cancelled();
        row.clear();
        if (grid.nx > 0) {
            const auto cx = static_cast<std::int64_t>(std::floor((p.x - grid.x0) / grid.cell));
            const auto cy = static_cast<std::int64_t>(std::floor((p.y - grid.y0) / grid.cell));
            for (std::int64_t y = std::max<std::int64_t>(0, cy - 1); y <= std::min(grid.ny - 1, cy + 1); ++y)
                for (std::int64_t x = std::max<std::int64_t>(0, cx - 1); x <= std::min(grid.nx - 1, cx + 1); ++x) {
                    const auto c = static_cast<std::size_t>(y * grid.nx + x);
                    for (std::uint32_t k = grid.first[c]; k < grid.first[c + 1]; ++k) {
                        const std::uint32_t u = grid.units[k];
                        const double d = std::hypot(units[u].point.x - p.x, units[u].point.y - p.y);
                        if (d <= radius) row.push_back({u, static_cast<float>(d / walk_mps), static_cast<float>(d)});
                    }
                }
            std::sort(row.begin(), row.end(), [](const ReachEntry& a, const ReachEntry& b) { return a.unit < b.unit; });
        }
        m.entries.insert(m.entries.end(), row.begin(), row.end());
        check_entries(m.entries.size(), max_entries);
        m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
    }
    m.entries.shrink_to_fit();
    return m;
}

} // namespace apreptis::model
