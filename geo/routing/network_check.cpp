#include "geo/routing/network_check.hpp"

#include <cmath>

#include "geo/errors.hpp"
#include "geo/routing/road_network.hpp"

namespace apreptis::geo {

void check_fits_index32(std::size_t count, const std::string& what, const std::string& hint, std::size_t limit) {
    if (count <= limit) return;
    throw Error(what + ": " + std::to_string(count) + " pass the 32-bit index limit of " + std::to_string(limit) + "; " +
                hint);
}

namespace {

bool time_ok(float t) { return t == unreachable || (std::isfinite(t) && t >= 0); }

void check_csr(const Csr& c, const char* name, std::size_t nodes, std::size_t edges, const std::string& source) {
    auto fail = [&](const std::string& what) {
        throw Error(source + ": invalid road graph: " + name + " " + what);
    };
    if (c.first_out.size() != nodes + 1)
        fail("offsets: " + std::to_string(c.first_out.size()) + " for " + std::to_string(nodes) + " nodes (expected nodes + 1)");
    if (c.first_out.front() != 0) fail("offsets do not start at 0");
    for (std::size_t v = 0; v < nodes; ++v)
        if (c.first_out[v] > c.first_out[v + 1]) fail("offsets decrease at node " + std::to_string(v));
    if (c.first_out.back() != c.arcs.size())
        fail("offsets end at " + std::to_string(c.first_out.back()) + ", not the arc count " + std::to_string(c.arcs.size()));
    for (std::size_t a = 0; a < c.arcs.size(); ++a) {
        const Csr::Arc& arc = c.arcs[a];
        if (arc.head >= nodes) fail("arc " + std::to_string(a) + " heads to node " + std::to_string(arc.head) + " of " + std::to_string(nodes));
        if (arc.edge >= edges) fail("arc " + std::to_string(a) + " refers to edge " + std::to_string(arc.edge) + " of " + std::to_string(edges));
        if (!std::isfinite(arc.time_s) || arc.time_s < 0) fail("arc " + std::to_string(a) + " has time " + std::to_string(arc.time_s) + " s");
        if (!std::isfinite(arc.length_m) || arc.length_m < 0) fail("arc " + std::to_string(a) + " has length " + std::to_string(arc.length_m) + " m");
    }
}

} // namespace

void check_road_network(const RoadNetwork& net, const std::string& source) {
    const std::size_t n = net.node_count(), m = net.edges.size();
    auto fail = [&](const std::string& what) { throw Error(source + ": invalid road graph: " + what); };
    check_fits_index32(n, source + ": nodes", "clip the roads to the study area");
    check_fits_index32(net.edge_points.size(), source + ": street shape points", "clip the roads to the study area");
    for (NodeId v = 0; v < n; ++v)
        if (!std::isfinite(net.node_xy[v].x) || !std::isfinite(net.node_xy[v].y)) fail("node " + std::to_string(v) + " has no finite position");
    for (std::size_t e = 0; e < m; ++e) {
        const RoadEdge& edge = net.edges[e];
        if (edge.from >= n || edge.to >= n) fail("edge " + std::to_string(e) + " joins nodes out of range");
        if (edge.point_count < 2 || std::size_t{edge.first_point} + edge.point_count > net.edge_points.size())
            fail("edge " + std::to_string(e) + " has its shape out of range");
        if (!std::isfinite(edge.length_m) || edge.length_m < 0) fail("edge " + std::to_string(e) + " has length " + std::to_string(edge.length_m) + " m");
        if (!time_ok(edge.forward_s) || !time_ok(edge.backward_s)) fail("edge " + std::to_string(e) + " has a time that is not a time");
    }
    check_csr(net.forward, "forward", n, m, source);
    check_csr(net.backward, "backward", n, m, source);
    if (net.forward.arcs.size() != net.backward.arcs.size()) fail("forward and backward arc counts differ");
    if (net.component.size() != n) fail("components: " + std::to_string(net.component.size()) + " for " + std::to_string(n) + " nodes");
    std::size_t covered = 0;
    for (std::uint32_t s : net.component_size) covered += s;
    if (covered != n) fail("component sizes add up to " + std::to_string(covered) + ", not the node count " + std::to_string(n));
    for (NodeId v = 0; v < n; ++v)
        if (net.component[v] >= net.component_size.size()) fail("node " + std::to_string(v) + " is in no component");
    if (n > 0 && net.largest_component >= net.component_size.size()) fail("the largest component is out of range");
}

} // namespace apreptis::geo
