#include "model/travel/road_network_travel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <thread>

#include "geo/geom/raster_area.hpp"
#include "geo/routing/allocation.hpp"
#include "geo/routing/catchment.hpp"
#include "geo/routing/nearest.hpp"
#include "geo/routing/network_point.hpp"
#include "geo/routing/travel_query.hpp"
#include "model/access.hpp"
#include "model/parallel.hpp"
#include "model/routing_index.hpp"

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

class NetworkSearch final : public SourceSearch {
public:
    NetworkSearch(const RoutingIndex& routing, std::vector<geo::SnappedPoint> sources, double walk_mps)
        : m_routing(routing), m_query(routing.network()), m_sources(std::move(sources)), m_walk(walk_mps) {}
    // one multi-source search, run to the end, gives the nearest source of every unit, the
    // allocation of the streets and the service's areas; a source's own areas search again
    std::vector<geo::Access> nearest() override {
        return geo::nearest_by_network(m_query, m_sources, m_routing.unit_snaps(), m_walk);
    }
    std::vector<std::vector<geo::EdgePiece>> allocation() override {
        return geo::allocation_after_search(m_query, m_sources.size());
    }
    std::vector<geo::MultiPolygon> service_areas(const std::vector<double>& bands_s, double buffer_m) override {
        auto lines = geo::reached_increments(m_query, bands_s);
        return geo::raster_buffer_bands(lines, buffer_m, buffer_m / 2);
    }
    std::vector<geo::MultiPolygon> source_areas(std::size_t i, const std::vector<double>& bands_s,
                                                double buffer_m) override {
        // the streets it is reached from, drawn once into one raster for all bands
        auto lines = geo::catchment_increments(m_query, m_sources[i], m_walk, bands_s);
        return geo::raster_buffer_bands(lines, buffer_m, buffer_m / 2);
    }

private:
    const RoutingIndex& m_routing;
    geo::TravelQuery m_query;
    std::vector<geo::SnappedPoint> m_sources;
    double m_walk;
};

class RoadNetworkTravel final : public TravelTimes {
public:
    explicit RoadNetworkTravel(const RoutingIndex& routing) : m_routing(routing) {}
    DistanceMethod method() const override { return DistanceMethod::network; }
    std::string describe(geo::Profile profile, double walk_mps) const override {
        char buf[160];
        std::snprintf(buf, sizeof buf, "network, %s profile (access legs walked at %.1f km/h)", geo::to_string(profile),
                      walk_mps * 3.6);
        return buf;
    }
    // the access legs are walked whatever the profile (a car is parked at the road)
    double speed_mps(const AccessSettings& st) const override { return geo::walking_speed_mps(st.profile); }
    // on foot every road is walked at the walking speed; a car goes at each road's own speed
    bool one_speed(geo::Profile profile) const override { return profile != geo::Profile::drive; }
    std::string estimate_warning(const AccessSettings&) const override { return {}; }
    std::unique_ptr<SourceSearch> search(std::span<const geo::XY> points, std::span<const std::string> who,
                                         const std::optional<geo::Envelope>& road_clip, double walk_mps,
                                         std::vector<std::string>& warnings) const override {
        std::vector<geo::SnappedPoint> src;
        src.reserve(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) src.push_back(snap_source(points[i], who[i], road_clip, warnings));
        return std::make_unique<NetworkSearch>(m_routing, std::move(src), walk_mps);
    }
    void reach(ReachMatrix& m, std::span<const geo::XY> points, double walk_mps, std::stop_token stop,
               std::size_t max_entries) const override;

private:
    geo::SnappedPoint snap_source(geo::XY at, const std::string& who, const std::optional<geo::Envelope>& road_clip,
                                  std::vector<std::string>& warnings) const {
        const geo::RoadNetwork& net = m_routing.network();
        geo::SnappedPoint sp = m_routing.snap_index().snap(at, m_routing.max_snap_distance_m());
        if (!sp.snapped && road_clip && !road_clip->contains(at))
            warnings.push_back(who + " lies outside the area whose roads were read (the wards plus [roads] "
                                     "margin_m): it reaches no one; raise margin_m to include its streets");
        else if (!sp.snapped)
            warnings.push_back(who + " is farther than " + std::to_string(static_cast<int>(m_routing.max_snap_distance_m())) +
                               " m (max_snap_distance_m) from any road usable on this profile: it reaches no one");
        else if (sp.component != net.largest_component)
            warnings.push_back(who + " is on a part of the network not connected to the main one (" +
                               std::to_string(net.component_size[sp.component]) + " nodes)");
        else if (sp.passed_detached)
            warnings.push_back(who + ": the road nearest to it (" + std::to_string(std::lround(sp.detached_m)) +
                               " m) is on a part of the network not connected to the main one; attached to the main "
                               "network " + std::to_string(std::lround(sp.distance_m)) + " m away instead");
        return sp;
    }

    const RoutingIndex& m_routing;
};

void RoadNetworkTravel::reach(ReachMatrix& m, std::span<const geo::XY> points, double walk_mps, std::stop_token stop,
                              std::size_t max_entries) const {
    const RoutingIndex& routing = m_routing;
    const auto& units = routing.units();
    const double cutoff_s = m.cutoff_s;
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
                check_reach_entries(out.entries.size(), max_entries);
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
    check_reach_entries(total, max_entries);
    m.entries.reserve(total);
    for (const auto& pm : part) {
        const auto base = static_cast<std::uint32_t>(m.entries.size());
        m.entries.insert(m.entries.end(), pm.entries.begin(), pm.entries.end());
        for (std::size_t i = 1; i < pm.first.size(); ++i) m.first.push_back(base + pm.first[i]);
    }
}

} // namespace

std::unique_ptr<const TravelTimes> road_network_travel(const RoutingIndex& routing) {
    return std::make_unique<RoadNetworkTravel>(routing);
}

} // namespace apreptis::model
