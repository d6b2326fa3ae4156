#include "geo/routing/road_network.hpp"

#include <gtest/gtest.h>

#include "boost_reference.hpp"
#include "geo/errors.hpp"
#include "geo/routing/allocation.hpp"
#include "geo/routing/catchment.hpp"
#include "geo/routing/nearest.hpp"
#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"
#include "street_grid.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {
std::vector<Way> grid(int n = 5, double step = 100) { return test::street_grid(n, step); }

NodeId node_at(const RoadNetwork& net, XY p) {
    for (NodeId n = 0; n < net.node_count(); ++n)
        if (net.node_xy[n] == p) return n;
    return invalid_node;
}
} // namespace

TEST(RoadNetwork, grid_is_noded_at_shared_vertices) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(), {}, rep);
    EXPECT_EQ(net.node_count(), 25u);
    EXPECT_EQ(net.edges.size(), 40u); // 5 rows x 4 + 5 columns x 4
    EXPECT_EQ(rep.arcs, 80u);
    EXPECT_NEAR(rep.used_length_m, 4000.0, 1e-9);
    EXPECT_EQ(rep.components, 1u);
}

TEST(RoadNetwork, corner_to_corner_walk_matches_manhattan_distance) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(), {}, rep);
    TravelQuery q(net);
    Seed s{node_at(net, {0, 0}), 0, 0, 7};
    q.run({&s, 1}, Direction::from_seeds);
    const NodeId far = node_at(net, {400, 400});
    EXPECT_NEAR(q.time_s(far), 800.0 / (4.5 / 3.6), 1e-3); // 800 m at 4.5 km/h = 640 s
    EXPECT_NEAR(q.length_m(far), 800.0, 1e-3);
    EXPECT_EQ(q.label(far), 7u);
}

TEST(RoadNetwork, multi_source_search_agrees_with_boost_dijkstra) {
    NetworkReport rep;
    BuildOptions o;
    o.profile = Profile::drive;
    auto ways = grid();
    ways[2].tags.oneway = "yes";      // row 1 one way eastwards
    ways[5].tags.maxspeed = "50";     // column 2 faster
    ways[6].tags.highway = "primary"; // row 3 at 70 km/h
    RoadNetwork net = build_network(ways, o, rep);
    const std::vector<NodeId> sources{node_at(net, {0, 400}), node_at(net, {300, 100})};
    std::vector<Seed> seeds;
    for (std::uint32_t i = 0; i < sources.size(); ++i) seeds.push_back({sources[i], 0, 0, i});
    TravelQuery q(net);
    q.run(seeds, Direction::to_seeds);
    auto r0 = test::boost_dijkstra(net, sources[0], true), r1 = test::boost_dijkstra(net, sources[1], true);
    for (NodeId v = 0; v < net.node_count(); ++v) {
        EXPECT_NEAR(q.time_s(v), std::min(r0[v], r1[v]), 1e-3) << v;
        EXPECT_EQ(q.label(v), r0[v] <= r1[v] ? 0u : 1u) << v;
    }
}

TEST(RoadNetwork, oneway_is_respected_when_driving_not_walking) {
    auto ways = grid();
    ways[0].tags.oneway = "yes"; // row 0 eastwards only
    NetworkReport rep;
    BuildOptions drive;
    drive.profile = Profile::drive;
    RoadNetwork net = build_network(ways, drive, rep);
    TravelQuery q(net);
    Seed s{node_at(net, {100, 0}), 0, 0, 0};
    q.run({&s, 1}, Direction::from_seeds);
    // westward on row 0 is forbidden: detour up, west, down = 300 m at 30 km/h
    EXPECT_NEAR(q.length_m(node_at(net, {0, 0})), 300.0, 1e-3);
    RoadNetwork walk = build_network(ways, {}, rep);
    TravelQuery w(walk);
    Seed s2{node_at(walk, {100, 0}), 0, 0, 0};
    w.run({&s2, 1}, Direction::from_seeds);
    EXPECT_NEAR(w.length_m(node_at(walk, {0, 0})), 100.0, 1e-3);
}

TEST(RoadNetwork, profiles_exclude_ways_and_report_why) {
    auto ways = grid();
    ways[1].tags.highway = "footway";
    ways[3].tags.highway = "motorway";
    ways[4].tags.access = "private";
    NetworkReport rep;
    BuildOptions drive;
    drive.profile = Profile::drive;
    build_network(ways, drive, rep);
    EXPECT_EQ(rep.ways_used, 8u);
    EXPECT_EQ(rep.ways_excluded["highway=footway is not for cars"], 1u);
    EXPECT_EQ(rep.ways_excluded["access restricted (private)"], 1u);
    build_network(ways, {}, rep); // walk
    EXPECT_EQ(rep.ways_excluded["highway=motorway is not for walking"], 1u);
    EXPECT_EQ(rep.ways_excluded["no foot access"], 1u);
}

TEST(RoadNetwork, no_usable_way_is_an_error) {
    std::vector<Way> ways(1);
    ways[0].points = {{0, 0}, {100, 0}};
    ways[0].tags.highway = "footway";
    NetworkReport rep;
    BuildOptions drive;
    drive.profile = Profile::drive;
    test::expect_error<Error>([&] { build_network(ways, drive, rep, "paths.gpkg"); },
                              {"paths.gpkg", "no way is usable for the drive profile"});
}

TEST(RoadNetwork, island_is_a_separate_component) {
    auto ways = grid();
    Way island;
    island.points = {{1000, 1000}, {1100, 1000}};
    island.tags.highway = "residential";
    ways.push_back(island);
    NetworkReport rep;
    RoadNetwork net = build_network(ways, {}, rep);
    EXPECT_EQ(rep.components, 2u);
    EXPECT_EQ(rep.largest_component_nodes, 25u);
    SnapIndex idx(net);
    auto sp = idx.snap({1050, 1010}, 100);
    ASSERT_TRUE(sp.snapped);
    EXPECT_NE(sp.component, net.largest_component);
    // a unit on the island cannot reach a provider on the grid
    TravelQuery q(net);
    auto res = nearest_by_network(q, {idx.snap({0, 5}, 100)}, {sp}, 1.25);
    EXPECT_FALSE(res[0].reachable());
}

TEST(Snapping, a_detached_piece_nearest_to_a_point_is_passed_over_for_the_main_part_within_the_limit) {
    // A loop of road 10 m from the point, not joined to the grid; the grid's column x = 400 is
    // 60 m from it. By hand: the main part is within 100 m, so the point is attached there
    // (60 m leg) and the 10 m to the loop is recorded; with a 50 m limit the loop is kept.
    auto ways = grid();
    Way loop;
    loop.points = {{450, 200}, {470, 200}, {470, 220}, {450, 220}, {450, 200}};
    loop.tags.highway = "service";
    ways.push_back(loop);
    NetworkReport rep;
    RoadNetwork net = build_network(ways, {}, rep);
    ASSERT_EQ(rep.components, 2u);
    SnapIndex idx(net);
    const XY p{460, 190};
    const SnappedPoint nearest = idx.snap_nearest(p, 100);
    ASSERT_TRUE(nearest.snapped);
    EXPECT_NE(nearest.component, net.largest_component);
    EXPECT_NEAR(nearest.distance_m, 10.0, 1e-9);
    const SnappedPoint sp = idx.snap(p, 100);
    ASSERT_TRUE(sp.snapped);
    EXPECT_EQ(sp.component, net.largest_component);
    EXPECT_TRUE(sp.passed_detached);
    EXPECT_NEAR(sp.detached_m, 10.0, 1e-6);
    EXPECT_NEAR(sp.distance_m, 60.0, 1e-9);
    EXPECT_NEAR(sp.on_road.x, 400.0, 1e-9);
    EXPECT_NEAR(sp.on_road.y, 190.0, 1e-9);
    // so it reaches a provider on the grid: 60 m leg + 190 m up column 4 to (400, 0), 10 m leg
    TravelQuery q(net);
    auto res = nearest_by_network(q, {idx.snap({400, -10}, 100)}, {sp}, 1.25);
    ASSERT_TRUE(res[0].reachable());
    EXPECT_NEAR(res[0].distance_m, 60 + 190 + 10, 1e-3);
    // nothing of the main part within 50 m: the loop it is, reported as detached
    const SnappedPoint kept = idx.snap(p, 50);
    ASSERT_TRUE(kept.snapped);
    EXPECT_FALSE(kept.passed_detached);
    EXPECT_NE(kept.component, net.largest_component);
}

TEST(RoadNetwork, generic_lines_are_joined_within_the_snap_tolerance) {
    std::vector<Way> ways(2);
    ways[0].points = {{0, 0}, {100, 0}};
    ways[1].points = {{100.3, 0.2}, {200, 0}};
    ways[0].tags.highway = ways[1].tags.highway = "residential";
    NetworkReport rep;
    BuildOptions o;
    o.noding = Noding::endpoints;
    o.snap_tolerance_m = 0.5;
    build_network(ways, o, rep);
    EXPECT_EQ(rep.nodes, 3u);
    EXPECT_EQ(rep.components, 1u);
    o.snap_tolerance_m = 0.1;
    build_network(ways, o, rep);
    EXPECT_EQ(rep.components, 2u);
}

TEST(Snapping, offsets_and_access_legs_by_hand) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(), {}, rep);
    SnapIndex idx(net);
    auto sp = idx.snap({130, 40}, 500); // nearest street: row 0 (40 m) vs column 1 (30 m)
    ASSERT_TRUE(sp.snapped);
    EXPECT_NEAR(sp.distance_m, 30.0, 1e-9);
    EXPECT_NEAR(sp.on_road.x, 100.0, 1e-9);
    EXPECT_NEAR(sp.on_road.y, 40.0, 1e-9);
    EXPECT_FALSE(idx.snap({2000, 2000}, 500).snapped);
    // unit at (130,40), provider at (400, 390): legs 30 + 10 m, network 40 + 300 + 50 + 300 ... shortest
    // on-road: from (100,40) to (400,400) is 300 + 360 = 660 m, minus the last 10 m: (400,390) -> 650 m
    TravelQuery q(net);
    auto res = nearest_by_network(q, {idx.snap({410, 390}, 500)}, {sp}, 1.25);
    ASSERT_TRUE(res[0].reachable());
    EXPECT_NEAR(res[0].distance_m, 30 + 650 + 10, 1e-3);
    EXPECT_NEAR(res[0].time_s, (30 + 650 + 10) / 1.25, 1e-2);
}

TEST(Catchment, reached_street_length_by_hand) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    // provider on the centre node; 80 s at 1.25 m/s = 100 m: the four streets around it
    auto lines = catchment_lines(q, idx.snap({200, 200}, 10), 1.25, {80.0, 160.0});
    double len0 = 0, len1 = 0;
    for (const auto& l : lines[0]) len0 += polyline_length(l);
    for (const auto& l : lines[1]) len1 += polyline_length(l);
    EXPECT_NEAR(len0, 400.0, 1e-6);
    EXPECT_NEAR(len1, 4 * 200.0 + 8 * 100.0, 1e-6); // 200 m: the arms, plus 100 m along each side street
}

TEST(Catchment, a_small_reach_in_a_large_network_reads_only_the_streets_near_it) {
    // the same by-hand lengths on a 41 x 41 grid, where the search reaches far less than an
    // eighth of the nodes and only the edges next to them are read
    NetworkReport rep;
    RoadNetwork net = build_network(grid(41), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    auto lines = catchment_lines(q, idx.snap({2000, 2000}, 10), 1.25, {80.0, 160.0});
    ASSERT_LT(q.reached().size() * 8, net.node_count());
    double len0 = 0, len1 = 0;
    for (const auto& l : lines[0]) len0 += polyline_length(l);
    for (const auto& l : lines[1]) len1 += polyline_length(l);
    EXPECT_NEAR(len0, 400.0, 1e-6);
    EXPECT_NEAR(len1, 4 * 200.0 + 8 * 100.0, 1e-6);
}

namespace {
double length_of(const MultiLineString& lines) {
    double len = 0;
    for (const auto& l : lines) len += polyline_length(l);
    return len;
}
} // namespace

TEST(Catchment, increments_hold_each_piece_once_and_add_up_to_the_bands) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(41), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    const std::vector<double> bands{80.0, 160.0, 240.0};
    const auto whole = catchment_lines(q, idx.snap({2000, 2000}, 10), 1.25, bands);
    const auto inc = catchment_increments(q, idx.snap({2000, 2000}, 10), 1.25, bands);
    ASSERT_EQ(inc.size(), 3u);
    EXPECT_NEAR(length_of(inc[0]), 400.0, 1e-6); // as the first band: 100 m each way
    EXPECT_NEAR(length_of(inc[1]), 1600.0 - 400.0, 1e-6);
    double cumulative = 0;
    for (std::size_t b = 0; b < bands.size(); ++b) {
        cumulative += length_of(inc[b]);
        EXPECT_NEAR(cumulative, length_of(whole[b]), 1e-6) << b;
    }
}

TEST(Catchment, the_union_of_several_sources_comes_from_their_one_search) {
    // two providers far apart on a 41 x 41 grid: their catchments do not meet, so the
    // service's reach is both by-hand catchments (400 m, then 1,600 m each)
    NetworkReport rep;
    RoadNetwork net = build_network(grid(41), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    const std::vector<SnappedPoint> sources{idx.snap({1000, 1000}, 10), idx.snap({3000, 3000}, 10)};
    allocation_lines(q, sources, 1.25); // the multi-source search, run to the end
    const auto inc = reached_increments(q, {80.0, 160.0});
    EXPECT_NEAR(length_of(inc[0]), 2 * 400.0, 1e-6);
    EXPECT_NEAR(length_of(inc[0]) + length_of(inc[1]), 2 * 1600.0, 1e-6);
    // two providers 100 m apart: the union is less than the sum, and equals the reach of the
    // nearest of them computed one provider at a time (the longer of each edge's two reaches)
    const std::vector<SnappedPoint> near{idx.snap({2000, 2000}, 10), idx.snap({2100, 2000}, 10)};
    allocation_lines(q, near, 1.25);
    const auto both = reached_increments(q, {80.0});
    const auto one = catchment_lines(q, near[0], 1.25, {80.0});
    const auto other = catchment_lines(q, near[1], 1.25, {80.0});
    // each reaches its 4 arms of 100 m; they share the street between them: 8 x 100 - 100
    EXPECT_NEAR(length_of(one[0]) + length_of(other[0]), 800.0, 1e-6);
    EXPECT_NEAR(length_of(both[0]), 700.0, 1e-6);
}

TEST(Allocation, read_from_the_nearest_provider_search_equals_its_own_search) {
    // the analysis reads the allocation from the search that found everyone's nearest provider
    NetworkReport rep;
    RoadNetwork net = build_network(grid(9), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    const std::vector<SnappedPoint> src{idx.snap({130, 0}, 50), idx.snap({700, 420}, 50), idx.snap({0, 800}, 50)};
    const auto own = allocation_pieces(q, src, 1.25);
    nearest_by_network(q, src, {idx.snap({450, 450}, 50)}, 1.25);
    const auto read = allocation_after_search(q, src.size());
    ASSERT_EQ(read.size(), own.size());
    for (std::size_t i = 0; i < own.size(); ++i) {
        EXPECT_FALSE(own[i].empty());
        EXPECT_EQ(read[i], own[i]);
    }
}

TEST(Allocation, each_street_goes_to_the_nearer_provider) {
    NetworkReport rep;
    RoadNetwork net = build_network(grid(), {}, rep);
    SnapIndex idx(net);
    TravelQuery q(net);
    auto alloc = allocation_lines(q, {idx.snap({0, 0}, 1), idx.snap({400, 400}, 1)}, 1.25);
    double a = 0, b = 0;
    for (const auto& l : alloc[0]) a += polyline_length(l);
    for (const auto& l : alloc[1]) b += polyline_length(l);
    EXPECT_NEAR(a + b, 4000.0, 1e-6); // every piece assigned once
    EXPECT_NEAR(a, b, 1e-6);          // symmetric
}
