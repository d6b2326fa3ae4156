// scripts/osm_providers.py (the README's Liechtenstein providers list, made from the real OSM
// extract: © OpenStreetMap contributors, ODbL 1.0, datasets/liechtenstein) run on the extract
// into a scratch folder. Its output is checked against facts counted by hand, independently
// of the script, with osmium-tool:
//   osmium tags-filter -R -o K.osm.pbf liechtenstein-2013-08-03.osm.pbf nw/amenity=K
//   osmium fileinfo -e -g data.count.nodes K.osm.pbf   (and data.count.ways)
// hospital 1 node; pharmacy 4 nodes; kindergarten 5 nodes + 1 way; school 6 nodes + 10 ways;
// doctors, dentist, clinic, social_facility, nursing_home none: 27 objects, 16 nodes and 11
// ways; `osmium cat -f opl` shows 5 of them with an addr:street (listed below). The extract
// has 65,733 nodes and 7,121 ways (osmium fileinfo -e). Skipped only where python3 or osmium
// (Debian osmium-tool, scripts/install-deps.sh) is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "test_util.hpp"

using namespace apreptis;

namespace {

bool have(const char* program) { return std::system(("command -v " + std::string(program) + " > /dev/null 2>&1").c_str()) == 0; }

long count(const std::string& osm_file, const char* what) {
    return std::stol(test::shell_stdout("osmium fileinfo -e -g data.count." + std::string(what) + " " + osm_file));
}

} // namespace

TEST(OsmProvidersScript, the_liechtenstein_list_holds_the_extracts_health_and_school_objects_without_coordinates) {
    if (!have("python3")) GTEST_SKIP() << "python3 is not installed: scripts/osm_providers.py cannot run";
    if (!have("osmium")) GTEST_SKIP() << "osmium is not installed (Debian osmium-tool): scripts/osm_providers.py needs it";
    test::ScratchDir d;
    const std::string extract = test::source_dir() + "/datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf";
    const std::string out = d / "li-locate";
    const int rc = std::system(("python3 " + test::source_dir() + "/scripts/osm_providers.py " + extract + " " + out +
                                " > " + (d / "script.log") + " 2>&1")
                                   .c_str());
    ASSERT_EQ(rc, 0) << test::read_file(d / "script.log");
    EXPECT_NE(test::read_file(d / "script.log").find("27 providers (5 with an address in OSM)"), std::string::npos);

    const auto rows = test::parse_csv(test::read_file(out + "/providers.csv"));
    ASSERT_EQ(rows.size(), 28u); // the header and 27 providers
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
    for (const char* c : {"provider_id", "name", "service_type", "location_precision", "lon", "lat", "address", "source"})
        ASSERT_TRUE(col.count(c)) << c;
    std::map<std::string, int> by_type, by_kind;
    std::map<std::string, std::string> addresses, names;
    std::set<std::string> ids;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::string id = row[col["provider_id"]];
        EXPECT_TRUE(ids.insert(id).second) << id;
        ++by_type[row[col["service_type"]]];
        ++by_kind[id.substr(0, 5)]; // OSM-N, OSM-W
        EXPECT_EQ(row[col["location_precision"]], "unknown") << id;
        EXPECT_EQ(row[col["lon"]], "") << id; // no coordinates: what locate is to find
        EXPECT_EQ(row[col["lat"]], "") << id;
        EXPECT_NE(row[col["source"]].find("(© OpenStreetMap contributors, ODbL 1.0)"), std::string::npos) << id;
        names[id] = row[col["name"]];
        if (!row[col["address"]].empty()) addresses[id] = row[col["address"]];
    }
    EXPECT_EQ(by_type, (std::map<std::string, int>{{"hospital", 1}, {"kindergarten", 6}, {"pharmacy", 4}, {"school", 16}}));
    EXPECT_EQ(by_kind, (std::map<std::string, int>{{"OSM-N", 16}, {"OSM-W", 11}}));
    // addr:street, addr:housenumber, addr:city of the 5 as osmium cat -f opl shows them
    EXPECT_EQ(addresses, (std::map<std::string, std::string>{{"OSM-N6245", "Heiligkreuz 25, Vaduz"},
                                                              {"OSM-N22684", "Landstrasse 97, Schaan"},
                                                              {"OSM-N2898", "Dorfstrasse 24"},
                                                              {"OSM-N58462", "Fürst-Franz-Josef-Strasse"},
                                                              {"OSM-W5272", "Dorfstrasse 100, Planken"}}));
    EXPECT_EQ(names["OSM-N6245"], "Liechtensteinisches Landesspital");
    EXPECT_EQ(names["OSM-N22684"], "TopPharm Apotheke");
    EXPECT_EQ(names["OSM-W1170"], "Kindergaten \"Schule\""); // as mapped, with its typo and quotes
    EXPECT_EQ(names["OSM-N14801"], "(pharmacy, unnamed)");

    // the address source without the providers: exactly their 16 nodes and 11 ways removed
    const std::string without = out + "/addresses-without-providers.osm.pbf";
    EXPECT_EQ(count(extract, "nodes"), 65733);
    EXPECT_EQ(count(extract, "ways"), 7121);
    EXPECT_EQ(count(without, "nodes"), 65733 - 16);
    EXPECT_EQ(count(without, "ways"), 7121 - 11);

    // the catalogue and project it writes load: apreptis locate reads them and matches the
    // 5 addresses against the extract's own addr:* points (each finds its own tagged object,
    // but the university's, which has no house number)
    const test::CliRun located = test::run_cli("locate " + out + "/project.toml --addresses " + extract);
    ASSERT_EQ(located.rc, 0) << located.output;
    EXPECT_NE(located.output.find("Providers: 27, address_point 4, street 1, ambiguous 0, not_found 0, kept 0, no_address 22"),
              std::string::npos)
        << located.output;
    EXPECT_TRUE(std::filesystem::exists(out + "/providers_located.csv"));
}
