#pragma once
// An independent shortest-path reference for the routing tests: Boost.Graph's Dijkstra on an
// adjacency_list built from the network's street edges (not from our CSR arrays or search).
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <cmath>
#include <vector>

#include "geo/routing/road_network.hpp"

namespace apreptis::test {

/// Travel time (or length) from `source` to every node; towards = times *to* the source.
inline std::vector<double> boost_dijkstra(const geo::RoadNetwork& net, geo::NodeId source, bool towards,
                                          bool by_length = false) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
    G g(net.node_count());
    for (const auto& e : net.edges) {
        auto add = [&](geo::NodeId a, geo::NodeId b, float t) {
            if (!std::isfinite(t)) return;
            double w = by_length ? e.length_m : t;
            if (towards) boost::add_edge(b, a, w, g); // reversed: distance to the source
            else boost::add_edge(a, b, w, g);
        };
        add(e.from, e.to, e.forward_s);
        add(e.to, e.from, e.backward_s);
    }
    std::vector<double> d(net.node_count());
    boost::dijkstra_shortest_paths(g, source, boost::distance_map(d.data()));
    for (double& x : d)
        if (x > 1e300) x = INFINITY;
    return d;
}

} // namespace apreptis::test
