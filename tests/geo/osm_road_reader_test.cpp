// The libosmium road reader against the GDAL one: the same ways, hence the same graph and the
// same times, on three real extracts and on a hand-made XML file with every kind of walkable
// area; its clip keeps what a study area needs and nothing it would miss.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "geo/routing/osm_road_reader.hpp"
#include "geo/routing/road_reader.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {
const std::string osmconf = test::source_dir() + "/datasets/osm/osmconf_roads.ini";
const std::string li_pbf = test::source_dir() + "/datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf";
const std::string ad_pbf = test::source_dir() + "/tests/data/andorra.osm.pbf";
const std::string mc_pbf = test::source_dir() + "/tests/data/monaco-centre.osm.pbf";

std::string describe(const Way& w) {
    std::ostringstream os;
    os.precision(17);
    os << "way " << w.id << " origin " << int(w.origin) << " [" << w.tags.highway << "|" << w.tags.oneway << "|"
       << w.tags.maxspeed << "|" << w.tags.access << "|" << w.tags.foot << "|" << w.tags.vehicle << "|"
       << w.tags.motor_vehicle << "|" << w.tags.motorcar << "|" << w.tags.junction << "]";
    for (const XY& p : w.points) os << " " << p.x << "," << p.y;
    return os.str();
}

/// Way for way: ids, tags, origins and every coordinate bit for bit.
void expect_same_ways(const std::vector<Way>& gdal, const std::vector<Way>& osmium) {
    ASSERT_EQ(gdal.size(), osmium.size());
    for (std::size_t i = 0; i < gdal.size(); ++i) {
        ASSERT_EQ(describe(gdal[i]), describe(osmium[i])) << "way #" << i;
    }
}

/// Node for node and edge for edge, with every time: the same graph.
void expect_same_graph(const std::vector<Way>& a, const std::vector<Way>& b, const BuildOptions& o) {
    NetworkReport ra, rb;
    const RoadNetwork na = build_network(a, o, ra), nb = build_network(b, o, rb);
    EXPECT_EQ(ra.nodes, rb.nodes);
    EXPECT_EQ(ra.edges, rb.edges);
    EXPECT_EQ(ra.arcs, rb.arcs);
    if (!o.clip) { // (a clipped read has fewer ways to leave out)
        EXPECT_EQ(ra.summary(), rb.summary());
    }
    EXPECT_EQ(ra.used_length_m, rb.used_length_m);
    EXPECT_EQ(ra.components, rb.components);
    ASSERT_EQ(na.node_xy.size(), nb.node_xy.size());
    for (std::size_t v = 0; v < na.node_xy.size(); ++v) ASSERT_TRUE(na.node_xy[v] == nb.node_xy[v]) << "node " << v;
    ASSERT_EQ(na.edges.size(), nb.edges.size());
    for (std::size_t e = 0; e < na.edges.size(); ++e) {
        ASSERT_EQ(na.edges[e].from, nb.edges[e].from) << "edge " << e;
        ASSERT_EQ(na.edges[e].to, nb.edges[e].to) << "edge " << e;
        ASSERT_EQ(na.edges[e].forward_s, nb.edges[e].forward_s) << "edge " << e;
        ASSERT_EQ(na.edges[e].backward_s, nb.edges[e].backward_s) << "edge " << e;
    }
}

void expect_same_as_gdal(const std::string& file, const std::string& crs) {
    const std::vector<Way> gdal = read_osm_ways(file, osmconf, crs);
    OsmRoadsOptions o;
    o.osmconf = osmconf;
    const OsmRoads osm = read_osm_roads(file, crs, o);
    EXPECT_EQ(osm.ways_outside_clip, 0u);
    expect_same_ways(gdal, osm.ways);
    for (Profile p : {Profile::walk, Profile::drive}) {
        BuildOptions b;
        b.profile = p;
        expect_same_graph(gdal, osm.ways, b);
    }
}

// A square mapped as a multipolygon relation of two open untagged ways with a hole; one mapped
// as a closed way with area=yes; an old-style relation (tags on its outer way); a platform; a
// closed pedestrian way without area=yes (a line); a rest area (no place to walk); a way with a
// node missing from the file; a closed roundabout.
const char* fixture_xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
 <node id="1" version="1" lat="47.1000" lon="9.5000"/>
 <node id="2" version="1" lat="47.1000" lon="9.5020"/>
 <node id="3" version="1" lat="47.1015" lon="9.5020"/>
 <node id="4" version="1" lat="47.1015" lon="9.5000"/>
 <node id="5" version="1" lat="47.1005" lon="9.5008"/>
 <node id="6" version="1" lat="47.1005" lon="9.5012"/>
 <node id="7" version="1" lat="47.1009" lon="9.5012"/>
 <node id="8" version="1" lat="47.1009" lon="9.5008"/>
 <node id="9" version="1" lat="47.0995" lon="9.4990"/>
 <node id="10" version="1" lat="47.1020" lon="9.5030"/>
 <node id="11" version="1" lat="47.0990" lon="9.5010"/>
 <node id="12" version="1" lat="47.1000" lon="9.5100"/>
 <node id="13" version="1" lat="47.1000" lon="9.5110"/>
 <node id="14" version="1" lat="47.1010" lon="9.5110"/>
 <node id="15" version="1" lat="47.1010" lon="9.5100"/>
 <node id="16" version="1" lat="47.1020" lon="9.5120"/>
 <node id="17" version="1" lat="47.1000" lon="9.5200"/>
 <node id="18" version="1" lat="47.1000" lon="9.5210"/>
 <node id="19" version="1" lat="47.1010" lon="9.5210"/>
 <node id="20" version="1" lat="47.1020" lon="9.5220"/>
 <node id="21" version="1" lat="47.1030" lon="9.5230"/>
 <node id="22" version="1" lat="47.1030" lon="9.5240"/>
 <node id="23" version="1" lat="47.1040" lon="9.5240"/>
 <node id="24" version="1" lat="47.1050" lon="9.5000"/>
 <node id="25" version="1" lat="47.1050" lon="9.5005"/>
 <node id="26" version="1" lat="47.1053" lon="9.5005"/>
 <node id="30" version="1" lat="47.1060" lon="9.5000"/>
 <node id="31" version="1" lat="47.1060" lon="9.5010"/>
 <node id="32" version="1" lat="47.1065" lon="9.5010"/>
 <way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/></way>
 <way id="11" version="1"><nd ref="3"/><nd ref="4"/><nd ref="1"/></way>
 <way id="12" version="1"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/></way>
 <way id="20" version="1"><nd ref="9"/><nd ref="1"/><tag k="highway" v="residential"/></way>
 <way id="21" version="1"><nd ref="3"/><nd ref="10"/><tag k="highway" v="residential"/><tag k="maxspeed" v="30"/></way>
 <way id="22" version="1"><nd ref="11"/><nd ref="2"/><tag k="highway" v="footway"/><tag k="access" v="yes"/></way>
 <way id="30" version="1"><nd ref="12"/><nd ref="13"/><nd ref="14"/><nd ref="15"/><nd ref="12"/>
  <tag k="highway" v="pedestrian"/><tag k="area" v="yes"/><tag k="foot" v="designated"/></way>
 <way id="31" version="1"><nd ref="10"/><nd ref="12"/><tag k="highway" v="footway"/></way>
 <way id="32" version="1"><nd ref="14"/><nd ref="16"/><tag k="highway" v="footway"/></way>
 <way id="60" version="1"><nd ref="17"/><nd ref="18"/><nd ref="19"/><nd ref="17"/>
  <tag k="highway" v="pedestrian"/><tag k="area" v="yes"/></way>
 <way id="61" version="1"><nd ref="16"/><nd ref="17"/><tag k="highway" v="footway"/></way>
 <way id="62" version="1"><nd ref="19"/><nd ref="20"/><tag k="highway" v="footway"/></way>
 <way id="40" version="1"><nd ref="20"/><nd ref="999"/><nd ref="21"/><tag k="highway" v="service"/></way>
 <way id="50" version="1"><nd ref="21"/><nd ref="22"/><nd ref="23"/><nd ref="21"/>
  <tag k="highway" v="primary"/><tag k="junction" v="roundabout"/><tag k="oneway" v="yes"/></way>
 <way id="70" version="1"><nd ref="24"/><nd ref="25"/><nd ref="26"/><nd ref="24"/>
  <tag k="highway" v="platform"/><tag k="public_transport" v="platform"/></way>
 <way id="80" version="1"><nd ref="30"/><nd ref="31"/><nd ref="32"/><nd ref="30"/><tag k="highway" v="pedestrian"/></way>
 <way id="90" version="1"><nd ref="24"/><nd ref="30"/><nd ref="31"/><nd ref="24"/>
  <tag k="highway" v="rest_area"/><tag k="area" v="yes"/></way>
 <way id="95" version="1"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="5"/><tag k="building" v="yes"/></way>
 <relation id="100" version="1">
  <member type="way" ref="10" role="outer"/><member type="way" ref="11" role="outer"/>
  <member type="way" ref="12" role="inner"/>
  <tag k="type" v="multipolygon"/><tag k="highway" v="pedestrian"/><tag k="foot" v="yes"/></relation>
 <relation id="200" version="1">
  <member type="way" ref="60" role="outer"/><tag k="type" v="multipolygon"/></relation>
</osm>
)";

} // namespace

TEST(OsmRoadReader, liechtenstein_gives_the_gdal_readers_ways_and_graph) { expect_same_as_gdal(li_pbf, "EPSG:32632"); }
TEST(OsmRoadReader, andorra_gives_the_gdal_readers_ways_and_graph) { expect_same_as_gdal(ad_pbf, "EPSG:32631"); }
TEST(OsmRoadReader, monaco_gives_the_gdal_readers_ways_and_graph) { expect_same_as_gdal(mc_pbf, "EPSG:32632"); }

TEST(OsmRoadReader, xml_with_every_kind_of_walkable_area_gives_the_gdal_readers_ways) {
    test::ScratchDir dir;
    const std::string xml = dir / "squares.osm";
    std::ofstream(xml) << fixture_xml;
    const std::vector<Way> gdal = read_osm_ways(xml, osmconf, "EPSG:32632");
    OsmRoadsOptions o;
    o.osmconf = osmconf;
    const OsmRoads osm = read_osm_roads(xml, "EPSG:32632", o);
    expect_same_ways(gdal, osm.ways);
    expect_same_graph(gdal, osm.ways, {});
    // what the fixture holds, counted by hand: the relation square's outer ring and hole, the
    // closed square, the old-style relation's square (id 200, its outer way's tags) and the
    // platform are walkable areas; the rest area is not; way 80 is a line
    std::size_t outlines = 0;
    bool old_style = false, closed_pedestrian_line = false;
    for (const Way& w : osm.ways) {
        outlines += w.origin == WayOrigin::area_outline;
        old_style = old_style || (w.id == 200 && w.origin == WayOrigin::area_outline && w.tags.highway == "pedestrian");
        closed_pedestrian_line = closed_pedestrian_line || (w.id == 80 && w.origin == WayOrigin::line);
        EXPECT_NE(w.id, 60) << "an old-style relation's outer way is the relation's area, not its own";
        EXPECT_NE(w.tags.highway, "rest_area");
    }
    EXPECT_EQ(outlines, 5u);
    EXPECT_TRUE(old_style);
    EXPECT_TRUE(closed_pedestrian_line);
    EXPECT_EQ(osm.missing_nodes, 1u); // node 999 of way 40
}

TEST(OsmRoadReader, a_clipped_read_gives_the_same_graph_inside_the_margin) {
    // a 1 km box around Vaduz with a 2 km margin: the clipped read keeps a fraction of the
    // ways, and the network built on the same clip is the whole read's, edge for edge
    const Envelope vaduz{539000, 5220400, 540000, 5221400}; // EPSG:32632
    const Envelope clip = vaduz.grown(2000);
    OsmRoadsOptions whole, clipped;
    whole.osmconf = clipped.osmconf = osmconf;
    clipped.clip = clip;
    const OsmRoads all = read_osm_roads(li_pbf, "EPSG:32632", whole);
    const OsmRoads part = read_osm_roads(li_pbf, "EPSG:32632", clipped);
    EXPECT_GT(part.ways_outside_clip, 0u);
    EXPECT_LT(part.ways.size(), all.ways.size() / 2);
    for (Profile p : {Profile::walk, Profile::drive}) {
        BuildOptions b;
        b.profile = p;
        b.clip = clip;
        expect_same_graph(all.ways, part.ways, b);
    }
    // the data extent is the file's, whatever the clip
    EXPECT_EQ(part.data_extent_lonlat.min_x, all.data_extent_lonlat.min_x);
    EXPECT_EQ(part.data_extent_lonlat.max_y, all.data_extent_lonlat.max_y);
    EXPECT_TRUE(all.data_extent.contains({vaduz.min_x, vaduz.min_y}));
}

TEST(OsmRoadReader, a_file_that_does_not_cover_the_area_gives_no_way_and_says_where_its_data_is) {
    // Monaco's file asked for a box in Lithuania (EPSG:3346): nothing, and an extent elsewhere
    OsmRoadsOptions o;
    o.clip = Envelope{495000, 6080000, 505000, 6090000};
    const OsmRoads r = read_osm_roads(mc_pbf, "EPSG:3346", o);
    EXPECT_TRUE(r.ways.empty());
    EXPECT_GT(r.ways_outside_clip, 1000u);
    const ExtentCoverage c = extent_coverage(r.data_extent, {*o.clip});
    EXPECT_EQ(c.outside, 1u);
    EXPECT_NEAR(r.data_extent_lonlat.min_x, 7.3825592, 1e-7); // osmium fileinfo's data bounding box
    EXPECT_NEAR(r.data_extent_lonlat.max_y, 43.7699398, 1e-7);
}

TEST(OsmRoadReader, extent_coverage_counts_boxes_outside_and_partly_outside) {
    const Envelope extent{0, 0, 100, 100};
    const ExtentCoverage c = extent_coverage(extent, {{10, 10, 20, 20}, {90, 90, 110, 110}, {200, 0, 210, 10},
                                                      {-5, 40, 5, 50}, {101, 101, 102, 102}});
    EXPECT_EQ(c.outside, 2u);
    EXPECT_EQ(c.partly, 2u);
    EXPECT_EQ(extent_coverage(Envelope{}, {{0, 0, 1, 1}}).outside, 1u);
}

TEST(OsmRoadReader, missing_and_damaged_files_are_clear_errors) {
    EXPECT_THROW(read_osm_roads("/nonexistent/roads.osm.pbf", "EPSG:32632"), IoError);
    test::ScratchDir dir;
    std::ofstream(dir / "bad.osm.pbf") << "not a pbf at all, just text that goes on";
    try {
        read_osm_roads(dir / "bad.osm.pbf", "EPSG:32632");
        FAIL() << "a damaged file was read";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("bad.osm.pbf"), std::string::npos) << e.what();
    }
    // a truncated PBF: the first half of Andorra's
    std::ifstream in(ad_pbf, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(dir / "half.osm.pbf", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    EXPECT_THROW(read_osm_roads(dir / "half.osm.pbf", "EPSG:32631"), IoError);
}
