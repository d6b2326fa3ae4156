// Liechtenstein end to end over its real road network. The per-unit travel times of the
// analysis are checked against an independent brute-force computation on the same graph:
// Boost.Graph's Dijkstra from both ends of every provider's street, one provider at a time, with
// units and providers attached to the streets by brute force (not by the production SnapIndex).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "../geo/boost_reference.hpp"
#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/project.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/routing/road_reader.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

namespace {
const Analysis& li() {
    static const Analysis a = run_analysis(load_run(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml"));
    return a;
}

/// Nearest point of an edge of `component` (any when invalid_index), by trying every segment:
/// the snapping reference, independent of geo::SnapIndex's grid and rule.
struct RefSnap {
    std::uint32_t edge = UINT32_MAX;
    double offset_m = 0, distance_m = INFINITY;
};
RefSnap brute_snap(const geo::RoadNetwork& net, geo::XY p, double max_m, std::uint32_t component) {
    RefSnap best;
    for (std::uint32_t e = 0; e < net.edges.size(); ++e) {
        const auto& ed = net.edges[e];
        if (component != UINT32_MAX && net.component[ed.from] != component) continue;
        double along = 0;
        for (std::uint32_t k = ed.first_point; k + 1 < ed.first_point + ed.point_count; ++k) {
            const geo::XY a = net.edge_points[k], b = net.edge_points[k + 1];
            const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy, seg = std::sqrt(len2);
            const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
            const double d = std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
            if (d < best.distance_m) best = {e, along + t * seg, d};
            along += seg;
        }
    }
    if (best.distance_m > max_m) return {};
    return best;
}

/// The documented snapping rule (docs/ROUTING.md, Snapping) by brute force: the nearest piece
/// of street within max_m; when it is on a part not connected to the main one, the nearest
/// piece of the main part instead if one is within max_m.
RefSnap rule_snap(const geo::RoadNetwork& net, geo::XY p, double max_m) {
    const RefSnap any = brute_snap(net, p, max_m, UINT32_MAX);
    if (any.edge == UINT32_MAX || net.component[net.edges[any.edge].from] == net.largest_component) return any;
    const RefSnap main = brute_snap(net, p, max_m, net.largest_component);
    return main.edge != UINT32_MAX ? main : any;
}

/// Walking time from a snapped unit to a snapped provider, brute force.
double reference_time(const geo::RoadNetwork& net, const RefSnap& u, const RefSnap& p,
                      const std::vector<double>& to_p_from, const std::vector<double>& to_p_to, double v) {
    const auto& eu = net.edges[u.edge];
    const auto& ep = net.edges[p.edge];
    // provider reached from its edge's ends: from `from` going forward p.offset, from `to` backward
    auto via = [&](geo::NodeId n) {
        return std::min(to_p_from[n] + p.offset_m / v, to_p_to[n] + (ep.length_m - p.offset_m) / v);
    };
    double best = std::min(u.offset_m / v + via(eu.from), (eu.length_m - u.offset_m) / v + via(eu.to));
    if (u.edge == p.edge) best = std::min(best, std::abs(u.offset_m - p.offset_m) / v);
    return best + (u.distance_m + p.distance_m) / v;
}
} // namespace

TEST(LiechtensteinRouting, unit_times_match_an_independent_computation) {
    const Analysis& a = li();
    ASSERT_TRUE(a.in().routing && a.in().routing->has_network() && a.out().access);
    EXPECT_EQ(a.out().access->method, model::DistanceMethod::network);
    const auto& net = a.in().routing->network();
    const double v = geo::walking_speed_mps(geo::Profile::walk);
    const double max_m = a.in().routing->max_snap_distance_m();
    ASSERT_EQ(max_m, 500); // the project's max_snap_distance_m
    // units and providers attached by brute force (every segment tried), not by geo::SnapIndex
    std::vector<RefSnap> units;
    for (const auto& u : a.in().routing->units()) units.push_back(rule_snap(net, u.point, max_m));

    for (const auto& sa : a.out().access->services) {
        std::vector<double> best(units.size(), INFINITY);
        for (std::size_t p : sa.providers) {
            const RefSnap sp = rule_snap(net, *a.study().providers[p].point, max_m);
            ASSERT_NE(sp.edge, UINT32_MAX);
            const auto& e = net.edges[sp.edge];
            auto d_from = test::boost_dijkstra(net, e.from, true), d_to = test::boost_dijkstra(net, e.to, true);
            for (std::size_t i = 0; i < units.size(); ++i)
                if (units[i].edge != UINT32_MAX) best[i] = std::min(best[i], reference_time(net, units[i], sp, d_from, d_to, v));
        }
        std::size_t compared = 0;
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto& got = sa.per_unit[i];
            if (!std::isfinite(best[i])) {
                EXPECT_EQ(got.provider, UINT32_MAX) << sa.service_type << " unit " << i;
                continue;
            }
            ASSERT_NE(got.provider, UINT32_MAX) << sa.service_type << " unit " << i;
            EXPECT_NEAR(got.time_s, best[i], 0.05 + 1e-5 * best[i]) << sa.service_type << " unit " << i; // float
            ++compared;
        }
        EXPECT_GT(compared, 3000u);
    }
}

TEST(LiechtensteinRouting, ward_shares_and_catchments_are_written) {
    const Analysis& a = li();
    // every Gemeinde has a row per service type, and the synthetic population adds up
    int rows = 0;
    double pop = 0;
    for (const auto& sa : a.out().access->services)
    for (const auto& r : sa.rows)
        if (r.level == model::AreaLevel::ward && r.service_type == "pharmacy") {
            ++rows;
            pop += r.target_population;
            EXPECT_GE(r.share_within, 0.0);
            EXPECT_LE(r.share_within, 1.0);
        }
    EXPECT_EQ(rows, 11);
    EXPECT_NEAR(pop, 3719, 1e-6);
    // the hospital's catchment polygons grow with the band
    double prev = 0;
    int bands = 0;
    for (const auto& sa : a.out().access->services)
    for (const auto& c : sa.catchments)
        if (a.study().providers[c.provider].id == "OSM-N6245") {
            const double area = geo::area(c.area);
            EXPECT_GT(area, prev) << c.band_min;
            prev = area;
            ++bands;
        }
    EXPECT_EQ(bands, 3);
    test::ScratchDir d;
    write_outputs(a, d / "out");
    for (const char* layer : {"units", "unit_access", "access", "catchments", "street_allocation", "roads"}) {
        geo::ReadOptions o;
        o.layer = layer;
        o.target_crs = "EPSG:32632"; // the project's working CRS (Lithuania's would be outside its area of use)
        o.allow_empty = false;
        EXPECT_NO_THROW(geo::read_vector(d / "out/coverage.gpkg", o)) << layer;
    }
    std::ifstream f(d / "out/run.json");
    std::string run((std::istreambuf_iterator<char>(f)), {});
    EXPECT_NE(run.find("\"distance_method\": \"network\""), std::string::npos);
}

TEST(LiechtensteinRouting, a_provider_on_an_island_is_reported) {
    const Analysis& a = li();
    const auto& net = a.in().routing->network();
    std::uint32_t small = UINT32_MAX;
    for (std::uint32_t c = 0; c < net.component_size.size(); ++c)
        if (c != net.largest_component && net.component_size[c] >= 2) small = c;
    ASSERT_NE(small, UINT32_MAX);
    geo::XY island{};
    for (geo::NodeId n = 0; n < net.node_count(); ++n)
        if (net.component[n] == small) island = net.node_xy[n];
    // write the island point as a pharmacy, in the project's CRS (EPSG:4326 lon/lat)
    geo::Transformer back("EPSG:32632", "EPSG:4326");
    geo::XY ll = back.transform(island);
    test::ScratchDir d;
    const std::string src = test::source_dir() + "/datasets/liechtenstein/";
    std::ifstream in(src + "providers.csv");
    std::string csv((std::istreambuf_iterator<char>(in)), {});
    char row[256];
    std::snprintf(row, sizeof row, "ISLAND,Island pharmacy,pharmacy,residents,50,,address,%.7f,%.7f,test,test\n", ll.x, ll.y);
    test::write_file(d / "providers.csv", csv + row);
    Project p = load_project(src + "liechtenstein.toml");
    p.providers->path = d / "providers.csv";
    Analysis b = run_analysis(ProjectRun{p, {}, {}});
    bool warned = false;
    for (const auto& w : b.warnings())
        warned |= w.find("ISLAND") != std::string::npos && w.find("not connected to the main one") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(LiechtensteinRouting, drive_uses_no_walkable_area_and_unit_2851_reaches_the_hospital) {
    // Issue 16: under `drive` a highway=residential area outline (a yard loop ~21 m from unit
    // 2851) entered the graph, 2851 snapped to it and could reach no one; another router, without
    // areas, reaches the hospital in 903 s. Reference here: the drive graph of the mapped lines
    // only (areas removed by this test), every unit attached by brute force to the nearest
    // street of the hospital's connected part within 500 m, Boost.Graph's Dijkstra.
    Project p = load_project(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml");
    p.access->profile = geo::Profile::drive;
    const Analysis a = run_analysis(ProjectRun{p, {}, {}});
    const auto& rep = a.in().routing->network_report();
    EXPECT_EQ(rep.area_outlines_used, 0u);
    EXPECT_EQ(rep.area_crossings_used, 0u);
    const std::string run = run_record_json(a);
    EXPECT_NE(run.find("\"area_outlines_used\": 0"), std::string::npos);
    EXPECT_EQ(run.find("walkable areas:"), std::string::npos);

    std::vector<geo::Way> lines;
    for (auto& w : geo::read_osm_ways(test::source_dir() + "/datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf",
                                      test::source_dir() + "/datasets/osm/osmconf_roads.ini", "EPSG:32632"))
        if (w.origin == geo::WayOrigin::line) lines.push_back(std::move(w));
    geo::BuildOptions o;
    o.profile = geo::Profile::drive;
    geo::NetworkReport ref_rep;
    const geo::RoadNetwork ref = geo::build_network(lines, o, ref_rep);
    EXPECT_EQ(ref.edges.size(), a.in().routing->network().edges.size());

    const double walk = geo::walking_speed_mps(geo::Profile::drive);
    const model::ServiceAccess* hosp = nullptr;
    for (const auto& sa : a.out().access->services)
        if (sa.service_type == "hospital") hosp = &sa;
    ASSERT_TRUE(hosp && hosp->providers.size() == 1);
    const RefSnap h = brute_snap(ref, *a.study().providers[hosp->providers[0]].point, 500, UINT32_MAX);
    ASSERT_NE(h.edge, UINT32_MAX);
    const auto& he = ref.edges[h.edge];
    ASSERT_TRUE(std::isfinite(he.forward_s) && std::isfinite(he.backward_s));
    const auto to_from = test::boost_dijkstra(ref, he.from, true), to_to = test::boost_dijkstra(ref, he.to, true);
    // the hospital is reached from its edge's `from` end going forward, from `to` going backward
    auto via = [&](geo::NodeId n) {
        return std::min(to_from[n] + h.offset_m / he.length_m * he.forward_s,
                        to_to[n] + (he.length_m - h.offset_m) / he.length_m * he.backward_s);
    };
    const auto& units = a.in().routing->units();
    ASSERT_GT(units.size(), 2851u);
    std::size_t compared = 0, unreachable = 0;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const RefSnap u = brute_snap(ref, units[i].point, 500, ref.component[he.from]);
        const auto& got = hosp->per_unit[i];
        if (u.edge == UINT32_MAX) {
            EXPECT_EQ(got.provider, UINT32_MAX) << "unit " << i;
            ++unreachable;
            continue;
        }
        const auto& ue = ref.edges[u.edge];
        double t = INFINITY;
        if (std::isfinite(ue.forward_s)) t = std::min(t, (ue.length_m - u.offset_m) / ue.length_m * ue.forward_s + via(ue.to));
        if (std::isfinite(ue.backward_s)) t = std::min(t, u.offset_m / ue.length_m * ue.backward_s + via(ue.from));
        if (u.edge == h.edge) { // along the shared street, where its direction allows
            const double d = h.offset_m - u.offset_m;
            if (d >= 0) t = std::min(t, d / he.length_m * he.forward_s);
            else t = std::min(t, -d / he.length_m * he.backward_s);
        }
        if (!std::isfinite(t)) {
            EXPECT_EQ(got.provider, UINT32_MAX) << "unit " << i;
            ++unreachable;
            continue;
        }
        t += (u.distance_m + h.distance_m) / walk;
        ASSERT_NE(got.provider, UINT32_MAX) << "unit " << i << ", reference " << t << " s";
        EXPECT_NEAR(got.time_s, t, 0.05 + 1e-5 * t) << "unit " << i; // float
        if (i == 2851) {
            EXPECT_NEAR(got.time_s, t, 0.05) << "unit 2851";
            EXPECT_NEAR(got.time_s, 903.0, 1.0) << "unit 2851: the other router's figure";
        }
        ++compared;
    }
    EXPECT_GT(compared, 3600u);
    EXPECT_EQ(unreachable, 27u); // farther than 500 m from any drivable street of the main part
    EXPECT_NE(hosp->per_unit[2851].provider, UINT32_MAX);
    // the units whose nearest street is detached were attached to the main part, and counted
    EXPECT_GT(a.out().access->units_snapped_past_detached, 0u);
    EXPECT_EQ(a.out().access->units_off_main_network, 0u);
}

TEST(LiechtensteinRouting, a_truncated_road_file_stops_the_run) {
    test::ScratchDir d;
    const std::string src = test::source_dir() + "/datasets/liechtenstein/";
    std::ifstream in(src + "liechtenstein-2013-08-03.osm.pbf", std::ios::binary);
    std::string head(30000, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    test::write_file(d / "cut.osm.pbf", head);
    Project p = load_project(src + "liechtenstein.toml");
    p.roads->path = d / "cut.osm.pbf";
    test::expect_error<apreptis::Error>([&] { run_analysis(ProjectRun{p, {}, {}}); }, {"cut.osm.pbf"});
}

TEST(LiechtensteinRouting, every_catchment_polygon_triangulates_exactly) {
    // raster outlines with many holes once defeated GEOS's ear clipper (see geometry_ops.cpp)
    for (const auto& sa : li().out().access->services)
    for (const auto& c : sa.catchments)
        for (const auto& p : c.area) {
            const auto t = geo::triangulate(geo::MultiPolygon{p});
            double s = 0;
            for (std::size_t i = 0; i < t.size(); i += 3)
                s += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
            EXPECT_NEAR(s, geo::area(geo::MultiPolygon{p}), 1e-6 * geo::area(geo::MultiPolygon{p}));
        }
}
