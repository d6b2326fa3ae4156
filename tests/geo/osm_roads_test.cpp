// Real OpenStreetMap networks against figures from outside this code: the network lengths in
// the Liechtenstein PROVENANCE (haversine sums) and GraphHopper's asserted Andorra routes.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "boost_reference.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "geo/routing/road_reader.hpp"
#include "geo/routing/nearest.hpp"
#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"
#include <set>
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {
const std::string osmconf = test::source_dir() + "/datasets/osm/osmconf_roads.ini";
const std::string li_pbf = test::source_dir() + "/datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf";
const std::string ad_pbf = test::source_dir() + "/tests/data/andorra.osm.pbf";

const std::vector<Way>& li_ways() {
    static const auto w = read_osm_ways(li_pbf, osmconf, "EPSG:32632");
    return w;
}
} // namespace

TEST(OsmRoads, liechtenstein_lengths_match_the_provenance) {
    NetworkReport rep;
    build_network(li_ways(), {}, rep);
    double drivable = 0, all = 0;
    for (const auto& [cls, m] : rep.length_by_class_m) {
        all += m;
        if (is_drivable_class(cls)) drivable += m;
    }
    // PROVENANCE: drivable subset 393.369 km, all highways 966.409 km (haversine on a sphere);
    // ours is planar UTM 32N (scale 0.9996 at the meridian): agree within 0.1 %.
    EXPECT_NEAR(drivable / 1000, 393.369, 0.393);
    EXPECT_NEAR(all / 1000, 966.409, 0.966);
}

TEST(OsmRoads, tags_are_real_fields_through_the_project_osmconf) {
    std::size_t oneway = 0, maxspeed = 0;
    for (const Way& w : li_ways()) {
        oneway += !w.tags.oneway.empty();
        maxspeed += !w.tags.maxspeed.empty();
    }
    EXPECT_GT(oneway, 10u);
    EXPECT_GT(maxspeed, 10u);
}

TEST(OsmRoads, liechtenstein_drive_network_components_are_reported) {
    NetworkReport rep;
    BuildOptions o;
    o.profile = Profile::drive;
    RoadNetwork net = build_network(li_ways(), o, rep);
    EXPECT_GT(rep.components, 1u);
    EXPECT_GT(static_cast<double>(rep.largest_component_nodes) / static_cast<double>(rep.nodes), 0.95);
    EXPECT_GT(rep.ways_excluded["highway=track is not for cars"], 500u); // PROVENANCE: 597 tracks
}

TEST(OsmRoads, andorra_shortest_paths_are_within_graphhopper_routes) {
    // GraphHopper asserts these route lengths (+-2 m) on this exact file. Its car route is the
    // fastest by its own model, its foot route by its own rules; our shortest-*distance* path
    // on the same ways must not be longer (20 m allowed for different snapping), and not shorter
    // than the straight line.
    auto ways = read_osm_ways(ad_pbf, osmconf, "EPSG:32631");
    Transformer t("EPSG:4326", "EPSG:32631");
    struct Case {
        double lat1, lon1, lat2, lon2, gh_m;
        Profile p;
    } cases[] = {{42.56819, 1.603231, 42.571034, 1.520662, 17708, Profile::drive},
                 {42.529176, 1.571302, 42.571034, 1.520662, 11408, Profile::drive},
                 {42.56819, 1.603231, 42.571034, 1.520662, 16460, Profile::walk},
                 {42.529176, 1.571302, 42.571034, 1.520662, 12840, Profile::walk},
                 {42.521269, 1.52298, 42.50418, 1.520662, 3223, Profile::walk}};
    for (const auto& c : cases) {
        NetworkReport rep;
        BuildOptions o;
        o.profile = c.p;
        RoadNetwork net = build_network(ways, o, rep);
        SnapIndex idx(net);
        XY a = t.transform(XY{c.lon1, c.lat1}), b = t.transform(XY{c.lon2, c.lat2});
        auto sa = idx.snap(a, 200), sb = idx.snap(b, 200);
        ASSERT_TRUE(sa.snapped && sb.snapped);
        // from the nearer end of a's edge to either end of b's edge, by length
        const RoadEdge& ea = net.edges[sa.edge];
        const RoadEdge& eb = net.edges[sb.edge];
        double best = INFINITY;
        for (auto [na, off_a] : {std::pair{ea.from, sa.offset_m}, std::pair{ea.to, ea.length_m - sa.offset_m}}) {
            auto d = test::boost_dijkstra(net, na, false, true);
            for (auto [nb, off_b] : {std::pair{eb.from, sb.offset_m}, std::pair{eb.to, eb.length_m - sb.offset_m}})
                best = std::min(best, off_a + d[nb] + off_b);
        }
        const double straight = std::hypot(a.x - b.x, a.y - b.y);
        EXPECT_LE(best, c.gh_m + 20) << to_string(c.p) << " GraphHopper " << c.gh_m;
        EXPECT_GE(best, straight) << to_string(c.p);
        EXPECT_GT(best, 0.75 * c.gh_m) << to_string(c.p) << ": implausibly short";
    }
}

TEST(OsmRoads, truncated_empty_and_missing_files_are_clear_errors) {
    test::ScratchDir d;
    {
        std::ifstream in(li_pbf, std::ios::binary);
        std::string head(20000, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        test::write_file(d / "cut.osm.pbf", head);
    }
    test::expect_error<IoError>([&] { read_osm_ways(d / "cut.osm.pbf", osmconf, "EPSG:32632"); }, {"cut.osm.pbf"});
    test::write_file(d / "empty.osm.pbf", "");
    test::expect_error<IoError>([&] { read_osm_ways(d / "empty.osm.pbf", osmconf, "EPSG:32632"); }, {"empty.osm.pbf"});
    test::expect_error<IoError>([&] { read_osm_ways(d / "none.osm.pbf", osmconf, "EPSG:32632"); }, {"not found"});
}

TEST(LineRoads, a_line_layer_without_the_mapped_fields_is_refused) {
    test::ScratchDir d;
    test::write_file(d / "streets.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"kind":"street"},"geometry":{"type":"LineString","coordinates":[[24,54.9],[24.001,54.9]]}}]})");
    LineFieldMap m;
    m.highway = "highway";
    test::expect_error<IoError>([&] { read_line_ways(d / "streets.geojson", m, "EPSG:3346"); },
                                {"streets.geojson", "missing field 'highway'", "kind"});
    LineFieldMap none;
    test::expect_error<IoError>([&] { read_line_ways(d / "streets.geojson", none, "EPSG:3346"); }, {"default_highway"});
    none.default_highway = "residential";
    auto ways = read_line_ways(d / "streets.geojson", none, "EPSG:3346");
    ASSERT_EQ(ways.size(), 1u);
    EXPECT_NEAR(polyline_length(ways[0].points), 64.0, 1.0); // 0.001 deg of longitude at 54.9 N
}

TEST(LineRoads, a_point_in_a_road_layer_is_named_not_dropped) {
    test::ScratchDir d;
    test::write_file(d / "streets.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[24,54.9],[24.001,54.9]]}},
      {"type":"Feature","properties":{"highway":"bus_stop"},"geometry":{"type":"Point","coordinates":[24,54.9]}}]})");
    LineFieldMap m;
    m.highway = "highway";
    test::expect_error<IoError>([&] { read_line_ways(d / "streets.geojson", m, "EPSG:3346"); },
                                {"streets.geojson", "fid 1", "expected a line, found a point"});
}

TEST(OsmRoads, pedestrian_squares_are_walked_along_and_across_never_dropped) {
    // A clip of OSRM's Monaco extract (tests/data/README.md). `ogrinfo -oo CONFIG_FILE=osmconf_roads.ini
    // monaco-centre.osm.pbf multipolygons -where "highway IS NOT NULL AND highway NOT IN
    // ('rest_area','services')"` lists 12 walkable areas in it.
    const std::string pbf = test::source_dir() + "/tests/data/monaco-centre.osm.pbf";
    const auto ways = read_osm_ways(pbf, osmconf, "EPSG:32632");
    std::set<std::int64_t> areas;
    std::size_t crossings = 0;
    std::vector<Way> lines_only;
    for (const Way& w : ways) {
        if (w.origin == WayOrigin::area_outline) areas.insert(w.id);
        if (w.origin == WayOrigin::area_crossing) ++crossings;
        if (w.origin == WayOrigin::line) lines_only.push_back(w);
    }
    EXPECT_EQ(areas.size(), 12u);
    EXPECT_GT(crossings, 0u);

    // With the squares, walking times can only get shorter, and some do.
    NetworkReport with_rep, without_rep;
    const RoadNetwork with = build_network(ways, {}, with_rep);
    const RoadNetwork without = build_network(lines_only, {}, without_rep);
    EXPECT_GT(with_rep.area_outlines_used, 0u);
    EXPECT_NE(with_rep.summary().find("walkable areas"), std::string::npos);
    const Transformer t("EPSG:4326", "EPSG:32632");
    const std::vector<XY> providers = {t.transform({7.4273, 43.7393}), t.transform({7.4200, 43.7310})};
    std::vector<XY> people;
    for (double lon = 7.410; lon < 7.436; lon += 0.0015)
        for (double lat = 43.726; lat < 43.750; lat += 0.0012) people.push_back(t.transform({lon, lat}));
    auto times = [&](const RoadNetwork& net) {
        SnapIndex idx(net);
        TravelQuery q(net);
        std::vector<SnappedPoint> src, dst;
        for (XY p : providers) src.push_back(idx.snap(p, 300));
        for (XY p : people) dst.push_back(idx.snap(p, 300));
        return nearest_by_network(q, src, dst, walking_speed_mps(Profile::walk));
    };
    const auto a = times(with), b = times(without);
    std::size_t shorter = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
        if (!a[i].reachable() || !b[i].reachable()) continue;
        // snapping may pick a square's outline instead of a street: allow the access leg's change
        EXPECT_LE(a[i].time_s, b[i].time_s + 60.0f) << i;
        if (a[i].time_s < b[i].time_s - 1.0f) ++shorter;
    }
    EXPECT_GT(shorter, 0u);
}

TEST(OsmRoads, drive_uses_no_walkable_area) {
    // docs/ROUTING.md: walkable areas follow the walking profiles, not `drive`. Liechtenstein
    // has one highway=residential area (a yard loop) and Monaco's centre its squares: the drive
    // graph built from every way read must be the one built from the mapped lines alone.
    const std::string monaco = test::source_dir() + "/tests/data/monaco-centre.osm.pbf";
    const std::vector<Way> mc_ways = read_osm_ways(monaco, osmconf, "EPSG:32632");
    for (const auto* ways : {&li_ways(), &mc_ways}) {
        std::vector<Way> lines_only;
        std::size_t area_ways = 0;
        for (const Way& w : *ways) {
            if (w.origin == WayOrigin::line) lines_only.push_back(w);
            else ++area_ways;
        }
        ASSERT_GT(area_ways, 0u);
        BuildOptions o;
        o.profile = Profile::drive;
        NetworkReport all_rep, lines_rep;
        const RoadNetwork all = build_network(*ways, o, all_rep);
        const RoadNetwork lines = build_network(lines_only, o, lines_rep);
        EXPECT_EQ(all_rep.area_outlines_used, 0u);
        EXPECT_EQ(all_rep.area_crossings_used, 0u);
        EXPECT_EQ(all_rep.summary().find("walkable areas"), std::string::npos) << all_rep.summary();
        EXPECT_EQ(all_rep.ways_excluded["walkable area (not used by drive)"], area_ways);
        EXPECT_EQ(all.node_count(), lines.node_count());
        EXPECT_EQ(all.edges.size(), lines.edges.size());
        EXPECT_EQ(all_rep.components, lines_rep.components);
        EXPECT_EQ(all_rep.used_length_m, lines_rep.used_length_m);
        // walking still uses them
        NetworkReport walk_rep;
        build_network(*ways, {}, walk_rep);
        EXPECT_GT(walk_rep.area_outlines_used, 0u);
    }
}

TEST(OsmRoads, a_vertex_outside_any_projected_crs_is_refused_not_a_crash) {
    std::vector<Way> ways(1);
    ways[0].id = 42;
    ways[0].points = {{0, 0}, {1e30, 5}};
    ways[0].tags.highway = "residential";
    NetworkReport rep;
    test::expect_error<Error>([&] { build_network(ways, {}, rep, "roads.gpkg"); }, {"roads.gpkg", "way 42", "outside any projected CRS"});
}
