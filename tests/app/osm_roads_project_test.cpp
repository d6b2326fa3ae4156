// A project's OpenStreetMap roads go through the libosmium reader, clipped to the wards: the
// network is the one the GDAL reader's ways give, a file with no data where the wards are is
// refused, and one covering part of them is warned about with the share.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "app/core/loaded_inputs.hpp"
#include "app/core/project.hpp"
#include "app/core/roads_input.hpp"
#include "app/core/scenario_file.hpp"
#include "geo/errors.hpp"
#include "geo/routing/road_reader.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

namespace {
const std::string li_dir = test::source_dir() + "/datasets/liechtenstein";

/// Liechtenstein's project with its paths made absolute and [roads] path replaced.
std::string li_project(const test::ScratchDir& dir, const std::string& roads, const std::string& extra_roads = "") {
    std::ifstream in(li_dir + "/liechtenstein.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string t = std::regex_replace(ss.str(), std::regex("liechtenstein-2013-08-03.osm.pbf"), roads);
    t = std::regex_replace(t, std::regex("(path|service_types|target_groups|osmconf) = \"(?!/)"), "$1 = \"" + li_dir + "/");
    t = std::regex_replace(t, std::regex("margin_m = 2000\n"), "margin_m = 2000\n" + extra_roads);
    const std::string file = dir / "project.toml";
    std::ofstream(file) << t;
    return file;
}
} // namespace

TEST(OsmRoadsProject, the_network_is_the_one_the_gdal_readers_ways_give) {
    test::ScratchDir dir;
    const Analysis a = run_analysis(load_run(li_project(dir, li_dir + "/liechtenstein-2013-08-03.osm.pbf")));
    ASSERT_TRUE(a.in().routing && a.in().routing->has_network());
    const geo::RoadNetwork& net = a.in().routing->network();
    geo::BuildOptions o;
    o.profile = geo::Profile::walk;
    o.clip = a.in().road_clip;
    geo::NetworkReport rep;
    const geo::RoadNetwork gdal = geo::build_network(
        geo::read_osm_ways(li_dir + "/liechtenstein-2013-08-03.osm.pbf", test::source_dir() + "/datasets/osm/osmconf_roads.ini",
                           "EPSG:32632"),
        o, rep);
    ASSERT_EQ(net.node_xy.size(), gdal.node_xy.size());
    ASSERT_EQ(net.edges.size(), gdal.edges.size());
    for (std::size_t e = 0; e < net.edges.size(); ++e) {
        ASSERT_TRUE(net.node_xy[net.edges[e].from] == gdal.node_xy[gdal.edges[e].from]) << "edge " << e;
        ASSERT_TRUE(net.node_xy[net.edges[e].to] == gdal.node_xy[gdal.edges[e].to]) << "edge " << e;
        ASSERT_EQ(net.edges[e].forward_s, gdal.edges[e].forward_s) << "edge " << e;
        ASSERT_EQ(net.edges[e].backward_s, gdal.edges[e].backward_s) << "edge " << e;
    }
    // walk, largest time 30 min (catchment bands): 2,250 m at 4.5 km/h, above the 2 km floor
    EXPECT_DOUBLE_EQ(osm_clip_margin_m(a.in().project), 30 * 60 * 4.5 / 3.6);
}

TEST(OsmRoadsProject, a_file_with_no_data_where_the_wards_are_is_refused) {
    test::ScratchDir dir;
    const std::string project = li_project(dir, test::source_dir() + "/tests/data/monaco-centre.osm.pbf");
    try {
        load_inputs(load_project(project));
        FAIL() << "Monaco's roads were taken for Liechtenstein's";
    } catch (const Error& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("monaco-centre.osm.pbf"), std::string::npos) << m;
        EXPECT_NE(m.find("does not cover the study area: all 11 wards lie outside it"), std::string::npos) << m;
        // the refused file is the error's location, the message says the rest
        ASSERT_TRUE(e.location().has_value()) << m;
        EXPECT_EQ(e.location()->path, test::source_dir() + "/tests/data/monaco-centre.osm.pbf");
        EXPECT_EQ(m, e.location()->path + ": " + e.detail());
        EXPECT_EQ(e.detail().rfind("its data (", 0), 0u) << e.detail();
    }
}

TEST(OsmRoadsProject, a_file_covering_part_of_the_wards_is_warned_about_with_the_share) {
    // a 3 x 3 street grid at Balzers, the southernmost Gemeinde: its nodes' extent reaches into
    // Balzers' box and one more (a Gemeinde with exclaves there); the nine others lie wholly outside
    test::ScratchDir dir;
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n";
    int id = 1;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            xml << " <node id=\"" << id++ << "\" version=\"1\" lat=\"" << 47.060 + 0.003 * i << "\" lon=\""
                << 9.495 + 0.004 * j << "\"/>\n";
    for (int i = 0; i < 3; ++i) {
        xml << " <way id=\"" << 100 + i << "\" version=\"1\">";
        for (int j = 0; j < 3; ++j) xml << "<nd ref=\"" << 1 + 3 * i + j << "\"/>";
        xml << "<tag k=\"highway\" v=\"residential\"/></way>\n";
        xml << " <way id=\"" << 200 + i << "\" version=\"1\">";
        for (int j = 0; j < 3; ++j) xml << "<nd ref=\"" << 1 + i + 3 * j << "\"/>";
        xml << "<tag k=\"highway\" v=\"residential\"/></way>\n";
    }
    xml << "</osm>\n";
    std::ofstream(dir / "balzers.osm") << xml.str();
    const auto in = load_inputs(load_project(li_project(dir, dir / "balzers.osm")));
    std::string warning;
    for (const auto& w : in->warnings)
        if (w.find("covers only part of the study area") != std::string::npos) warning = w;
    ASSERT_FALSE(warning.empty());
    EXPECT_NE(warning.find("11 of 11 wards (100.0%; 9 wholly)"), std::string::npos) << warning;
    EXPECT_NE(warning.find("ward 7011 (Schellenberg): outside"), std::string::npos) << warning;
    EXPECT_NE(warning.find("... (1 more)"), std::string::npos) << warning;
    EXPECT_NE(warning.find("ward 7003 (Balzers): partly outside"), std::string::npos) << warning;
    ASSERT_TRUE(in->routing && in->routing->has_network());
    EXPECT_EQ(in->routing->network().node_count(), 9u);
}

TEST(OsmRoadsProject, clip_margin_below_margin_is_refused_and_an_explicit_one_is_used) {
    test::ScratchDir dir;
    const std::string pbf = li_dir + "/liechtenstein-2013-08-03.osm.pbf";
    try {
        load_project(li_project(dir, pbf, "clip_margin_m = 1000\n"));
        ADD_FAILURE() << "a 1000 m clip margin was taken";
    } catch (const Error& e) {
        // the key's place in the project file: path, line, column and the dotted key
        ASSERT_TRUE(e.location().has_value()) << e.what();
        const std::string toml = test::read_file(e.location()->path);
        EXPECT_EQ(e.location()->key, "roads.clip_margin_m");
        ASSERT_GE(e.location()->line, 1);
        std::size_t at = 0;
        for (long long l = 1; l < e.location()->line; ++l) at = toml.find('\n', at) + 1;
        EXPECT_EQ(toml.substr(at + static_cast<std::size_t>(e.location()->column) - 1, 4), "1000") << toml;
        EXPECT_NE(std::string(e.what()).find(":" + std::to_string(e.location()->line) + ":"), std::string::npos);
        EXPECT_NE(e.detail().find("[roads] clip_margin_m (1000 m) is less than margin_m"), std::string::npos) << e.detail();
    }
    EXPECT_DOUBLE_EQ(osm_clip_margin_m(load_project(li_project(dir, pbf, "clip_margin_m = 5000\n"))), 5000);
}
