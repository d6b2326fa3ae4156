// check_road_network: a built graph passes; each invariant the searches trust, broken by hand,
// is named. And the 32-bit guard's words.
#include "geo/routing/network_check.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "geo/routing/road_network.hpp"
#include "street_grid.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {
RoadNetwork small_grid() {
    NetworkReport rep;
    return build_network(test::street_grid(3), {}, rep);
}

template <class Break>
void expect_refused(Break brk, const std::string& needle) {
    RoadNetwork net = small_grid();
    check_road_network(net, "roads.gpkg");
    brk(net);
    test::expect_error<Error>([&] { check_road_network(net, "roads.gpkg"); }, {"roads.gpkg: invalid road graph", needle});
}
} // namespace

TEST(NetworkCheck, a_built_network_passes_and_each_broken_invariant_is_named) {
    expect_refused([](RoadNetwork& n) { n.forward.arcs[3].head = static_cast<NodeId>(n.node_count()); }, "forward arc 3 heads to node 9 of 9");
    expect_refused([](RoadNetwork& n) { n.backward.arcs[0].time_s = std::nanf(""); }, "backward arc 0 has time");
    expect_refused([](RoadNetwork& n) { n.forward.arcs[1].time_s = -1; }, "forward arc 1 has time -1");
    expect_refused([](RoadNetwork& n) { n.forward.arcs[2].edge = 1000; }, "refers to edge 1000");
    expect_refused([](RoadNetwork& n) { std::swap(n.forward.first_out[2], n.forward.first_out[3]); }, "forward offsets decrease at node 2");
    expect_refused([](RoadNetwork& n) { n.backward.first_out.pop_back(); }, "backward offsets");
    expect_refused([](RoadNetwork& n) { n.forward.arcs.pop_back(); }, "not the arc count");
    expect_refused([](RoadNetwork& n) { n.edges[0].to = 99; }, "edge 0 joins nodes out of range");
    expect_refused([](RoadNetwork& n) { n.edges[2].first_point = static_cast<std::uint32_t>(n.edge_points.size()); }, "edge 2 has its shape out of range");
    expect_refused([](RoadNetwork& n) { n.edges[1].forward_s = std::nanf(""); }, "edge 1 has a time that is not a time");
    expect_refused([](RoadNetwork& n) { n.node_xy[4].x = INFINITY; }, "node 4 has no finite position");
    expect_refused([](RoadNetwork& n) { n.component[5] = 7; }, "node 5 is in no component");
    expect_refused([](RoadNetwork& n) { n.component_size[0]--; }, "component sizes add up to 8");
}

TEST(NetworkCheck, counts_past_32_bits_are_refused_in_words) {
    check_fits_index32(max_index32, "x", "y");
    test::expect_error<Error>([] { check_fits_index32(std::size_t{1} << 32, "roads.osm.pbf: street vertices", "clip the roads"); },
                              {"roads.osm.pbf: street vertices: 4294967296 pass the 32-bit index limit of 4294967294; clip the roads"});
}
