// apreptis locate end to end: the Kaunas providers against an address layer named in the
// project's [addresses] table, then analyze reading the located file as it is.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "kaunas_locate_project.hpp"
#include "test_util.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

// The Kaunas project with its providers copied into `dir` (every other input read in place)
// and an [addresses] layer in the register's field names. The address points are SYNTHETIC:
// real Kaunas building points (datasets/kaunas/buildings.csv) given the seeds' addresses.
std::string kaunas_project(const test::ScratchDir& dir) {
    const std::string src = test::source_dir() + "/datasets/kaunas/";
    fs::copy_file(src + "providers.csv", dir / "providers.csv");
    test::write_file(dir / "addresses.csv", "SAV,GYV,GAT,NR,RAIDE,KORPUSAS,X,Y\n"
                                            "Kauno m. sav.,Kaunas,Sąjungos aikštė,13,A,,490013.0,6089351.0\n"
                                            "Kauno m. sav.,Kaunas,Birutės gatvė,27,,,501558.0,6079045.0\n"
                                            "Kauno m. sav.,Kaunas,Birutės gatvė,31,,,501600.0,6079100.0\n");
    return test::write_file(dir / "project.toml", test::kaunas_locate_toml("providers.csv"));
}

// The first CSV line of `text` that starts with `id,`.
std::string line_of(const std::string& text, const std::string& id) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(id + ",", 0) == 0) return line;
    return {};
}

} // namespace

TEST(LocateCli, places_the_exact_house_and_analyze_reads_the_file_as_is) {
    test::ScratchDir dir;
    const std::string proj = kaunas_project(dir);
    const std::string before = test::read_file(dir / "providers.csv");
    const auto r = test::run_cli("locate " + proj + " --in-place");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("address_point 1, street 1, ambiguous 0, not_found 0, kept 1"), std::string::npos) << r.output;
    EXPECT_EQ(test::read_file(dir / "providers.csv.bak"), before);

    const std::string after = test::read_file(dir / "providers.csv");
    const std::string kns001 = line_of(after, "KNS001");
    EXPECT_NE(kns001.find(",address,"), std::string::npos) << kns001;
    EXPECT_NE(kns001.find("locate: address point addresses fid 1 'Sąjungos aikštė 13A, Kaunas' in addresses.csv"),
              std::string::npos)
        << kns001;
    // Birutės g. 29A: the street is there, the house is not: never placed, nearest numbers listed
    const std::string kns138 = line_of(after, "KNS138");
    EXPECT_NE(kns138.find(",municipality,"), std::string::npos) << kns138;
    EXPECT_NE(kns138.find("nearest numbers: 27, 31; not placed"), std::string::npos) << kns138;

    // the lon/lat written are the address point's, back in the providers' CRS (EPSG:4326)
    const auto a = test::run_cli("analyze " + proj + " --out " + (dir / "out"));
    ASSERT_EQ(a.rc, 0) << a.output;
    const std::string out_line = line_of(test::read_file(dir / "out/providers.csv"), "KNS001");
    EXPECT_NE(out_line.find("address"), std::string::npos) << out_line;

    // a second run keeps what is placed and does not pile up its notes
    const auto again = test::run_cli("locate " + proj + " --in-place");
    ASSERT_EQ(again.rc, 0) << again.output;
    EXPECT_TRUE(fs::exists(dir / "providers.csv.bak1"));
    const std::string kns138_again = line_of(test::read_file(dir / "providers.csv"), "KNS138");
    EXPECT_EQ(kns138_again, kns138);
}

TEST(LocateCli, never_overwrites_the_providers_file_without_in_place) {
    test::ScratchDir dir;
    const std::string proj = kaunas_project(dir);
    const std::string before = test::read_file(dir / "providers.csv");
    const auto r = test::run_cli("locate " + proj + " --addresses " + (dir / "addresses.csv"));
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_EQ(test::read_file(dir / "providers.csv"), before);
    EXPECT_NE(line_of(test::read_file(dir / "providers_located.csv"), "KNS001").find(",address,"), std::string::npos);

    const auto same = test::run_cli("locate " + proj + " --out " + (dir / "providers.csv"));
    EXPECT_EQ(same.rc, 2) << same.output;
    EXPECT_NE(same.output.find("--in-place"), std::string::npos) << same.output;
    EXPECT_EQ(test::read_file(dir / "providers.csv"), before);
    EXPECT_EQ(test::run_cli("locate " + proj + " --out x.csv --in-place").rc, 64);
}

TEST(LocateCli, an_osm_extract_needs_no_addresses_table) {
    test::ScratchDir dir;
    const std::string proj = kaunas_project(dir);
    const auto r = test::run_cli("locate " + proj + " --addresses " + test::source_dir() +
                                 "/datasets/liechtenstein/liechtenstein-2013-08-03.osm.pbf --out " + (dir / "o.csv"));
    ASSERT_EQ(r.rc, 0) << r.output;
    // no Kaunas street is in Liechtenstein
    EXPECT_NE(r.output.find("address_point 0, street 0, ambiguous 0, not_found 2"), std::string::npos) << r.output;
}

TEST(LocateCli, an_address_layer_without_its_fields_named_is_refused) {
    test::ScratchDir dir;
    const std::string proj = kaunas_project(dir);
    std::string toml = test::read_file(proj);
    toml = toml.substr(0, toml.find("\n[addresses]")) + "\n";
    test::write_file(proj, toml);
    const auto r = test::run_cli("locate " + proj + " --addresses " + (dir / "addresses.csv"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("[addresses]"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("street_field"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "providers_located.csv"));
    // no source at all
    const auto none = test::run_cli("locate " + proj);
    EXPECT_EQ(none.rc, 2) << none.output;
    EXPECT_NE(none.output.find("--addresses"), std::string::npos) << none.output;
}
