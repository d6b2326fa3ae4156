// maxspeed tags that are numbers but not speeds ("nan", "inf", "1e9", "-30", "0"), read from
// an OpenStreetMap XML file as a mapper could write them: the drive network uses the class
// speed for those ways and says which values it refused. Before, "nan" made NaN arc times and
// "inf" zero ones, and the search's heap key (the time's bits) ordered them anywhere.
#include <cmath>

#include <gtest/gtest.h>

#include "geo/routing/road_reader.hpp"
#include "geo/routing/travel_query.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {

constexpr double lon = 23.9, lat0 = 54.90, lat_step = 0.01;

/// One straight street north along 23.9 E (Kaunas), in six pieces of 0.01 degrees, each its
/// own way with the given maxspeed (empty: no tag).
std::string street_osm(const std::vector<std::string>& maxspeeds) {
    std::string x = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n";
    for (std::size_t i = 0; i <= maxspeeds.size(); ++i)
        x += "  <node id='" + std::to_string(i + 1) + "' version='1' lat='" + std::to_string(lat0 + lat_step * static_cast<double>(i)) +
             "' lon='" + std::to_string(lon) + "'/>\n";
    for (std::size_t i = 0; i < maxspeeds.size(); ++i) {
        x += "  <way id='" + std::to_string(100 + i) + "' version='1'><nd ref='" + std::to_string(i + 1) + "'/><nd ref='" +
             std::to_string(i + 2) + "'/><tag k='highway' v='residential'/>";
        if (!maxspeeds[i].empty()) x += "<tag k='maxspeed' v='" + maxspeeds[i] + "'/>";
        x += "</way>\n";
    }
    return x + "</osm>\n";
}

/// Length of 0.01 degrees of latitude at the street, by hand: the meridian's radius of
/// curvature on the GRS80 ellipsoid, M = a(1-e^2)/(1-e^2 sin^2 phi)^1.5, independent of the
/// projection the network is built in (UTM 34N's scale there differs from 1 by 2e-5).
double piece_m() {
    const double a = 6378137.0, e2 = 0.00669438002290, phi = (lat0 + 0.03) * M_PI / 180.0;
    const double m = a * (1 - e2) / std::pow(1 - e2 * std::sin(phi) * std::sin(phi), 1.5);
    return m * lat_step * M_PI / 180.0;
}

} // namespace

TEST(Maxspeed, numbers_that_are_not_speeds_are_refused_and_the_class_speed_used) {
    test::ScratchDir d;
    const std::vector<std::string> tags = {"nan", "inf", "50", "1e9", "-30", "0"};
    const std::string osm = test::write_file(d / "street.osm", street_osm(tags));
    const auto ways = read_osm_ways(osm, test::source_dir() + "/datasets/osm/osmconf_roads.ini", "EPSG:32634");
    ASSERT_EQ(ways.size(), tags.size());
    NetworkReport rep;
    BuildOptions o;
    o.profile = Profile::drive;
    const RoadNetwork net = build_network(ways, o, rep, osm);
    ASSERT_EQ(rep.ways_used, tags.size());
    for (const auto& a : net.forward.arcs) {
        EXPECT_TRUE(std::isfinite(a.time_s)) << a.time_s;
        EXPECT_GT(a.time_s, 0.f);
    }
    // By hand: residential is 30 km/h (docs/ROUTING.md); only "50" is a speed.
    const double expected_s = 5 * piece_m() / (30 / 3.6) + piece_m() / (50 / 3.6);
    NodeId south = 0, north = 0;
    for (NodeId n = 0; n < net.node_count(); ++n) {
        if (net.node_xy[n].y < net.node_xy[south].y) south = n;
        if (net.node_xy[n].y > net.node_xy[north].y) north = n;
    }
    TravelQuery q(net);
    const Seed s{south, 0, 0, 0};
    q.run(std::span<const Seed>(&s, 1), Direction::from_seeds);
    EXPECT_NEAR(q.time_s(north), expected_s, expected_s * 5e-4);
    // the refused values are reported, the accepted one is not
    EXPECT_EQ(rep.maxspeed_refused.size(), 5u);
    for (const char* v : {"nan", "inf", "1e9", "-30", "0"}) EXPECT_EQ(rep.maxspeed_refused[v], 1u) << v;
    EXPECT_EQ(rep.maxspeed_refused.count("50"), 0u);
    EXPECT_NE(rep.summary().find("5 way(s) at their class speed, their maxspeed refused"), std::string::npos)
        << rep.summary();
}

TEST(Maxspeed, speeds_in_range_and_words_are_as_before) {
    // 5 km/h (a Liechtenstein way) and 20 mph are speeds; "none" and "signals" are not numbers
    // and, as before, leave the class speed without being reported.
    EXPECT_TRUE(accepted_maxspeed(5));
    EXPECT_TRUE(accepted_maxspeed(130));
    EXPECT_FALSE(accepted_maxspeed(std::nan("")));
    EXPECT_FALSE(accepted_maxspeed(INFINITY));
    EXPECT_FALSE(accepted_maxspeed(0));
    EXPECT_FALSE(accepted_maxspeed(1e9));
    WayTags t;
    t.highway = "residential";
    t.maxspeed = "20 mph";
    EXPECT_NEAR(rule_for(Profile::drive, t).speed_mps, 20 * 1.609344 / 3.6, 1e-9);
    EXPECT_TRUE(rule_for(Profile::drive, t).maxspeed_refused.empty());
    for (const char* word : {"none", "signals", "walk"}) {
        t.maxspeed = word;
        EXPECT_NEAR(rule_for(Profile::drive, t).speed_mps, 30 / 3.6, 1e-9) << word;
        EXPECT_TRUE(rule_for(Profile::drive, t).maxspeed_refused.empty()) << word;
    }
}
