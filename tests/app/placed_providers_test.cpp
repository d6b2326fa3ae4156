// Saving providers placed by hand (app/core/placed_providers.hpp, the viewer's "Locate
// providers"): every column and unplaced row kept as written, the placed rows' coordinates in
// the providers' CRS, written through a temporary file, the input replaced only when asked and
// then after a backup.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/core/placed_providers.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "geo/io/pending_file.hpp"
#include "test_util.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

// Semicolons, CRLF line ends, a column the tool does not know and a quoted field with the
// separator in it: all must come back as they were.
const std::string providers_csv =
    "provider_id;name;service_type;target_group;places;location_precision;ward_code;address;lon;lat;location_basis;note\r\n"
    "P1;\"Centras; dienos\";day_care;older;10;unknown;;;;;no address in the plan;keep me\r\n"
    "P2;Globos namai;ltc;residents;20;ward;1904;;;;name names the ward;\r\n"
    "P1;\"Centras; dienos\";meals;older;5;unknown;;;;;no address in the plan;second line\r\n"
    "P3;Kitas;day_care;older;;unknown;;;;;;\r\n";

app::Project project(const test::ScratchDir& d) {
    test::write_file(d / "providers.csv", providers_csv);
    app::Project p;
    p.file = d / "project.toml";
    p.working_crs = "EPSG:3346";
    app::LayerSource s;
    s.path = d / "providers.csv";
    s.crs = "EPSG:4326";
    s.x_field = "lon";
    s.y_field = "lat";
    p.providers = s;
    return p;
}

std::vector<app::Placement> two_placed() {
    // LKS94's central meridian is 24°E at easting 500,000: P1's longitude is 24 exactly
    return {{"P1", {500000.0, 6090000.0}, "placed_by_hand", app::placed_by_hand_basis("2026-12-02"), "1904"},
            {"P2", {498000.0, 6087000.0}, "placed_by_hand", app::placed_by_hand_basis("2026-12-02"), "1905"}};
}

std::vector<std::string> no_temporary_files(const fs::path& dir) {
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) left.push_back(e.path().string());
    return left;
}

} // namespace

TEST(PlacedProviders, keeps_every_column_and_row_and_writes_the_placed_points_in_the_providers_crs) {
    test::ScratchDir d;
    const app::Project p = project(d);
    const auto r = app::write_placements(p, two_placed(), "", false);
    EXPECT_EQ(r.out_path, d / "providers_located.csv"); // the default: beside the providers file
    EXPECT_EQ(r.providers, 2u);
    EXPECT_EQ(r.rows, 3u); // P1 has two service lines
    EXPECT_TRUE(r.backup_path.empty());
    EXPECT_EQ(test::read_file(d / "providers.csv"), providers_csv); // the input untouched
    EXPECT_TRUE(no_temporary_files(d.path()).empty());

    const std::string out = test::read_file(r.out_path);
    EXPECT_EQ(out.substr(0, out.find("\r\n") + 2), providers_csv.substr(0, providers_csv.find("\r\n") + 2)); // same header, CRLF kept
    EXPECT_EQ(out.find("\n", 0), out.find("\r\n") + 1);
    EXPECT_NE(out.find("\r\nP3;Kitas;day_care;older;;unknown;;;;;;\r\n"), std::string::npos) << out; // unplaced row as it was
    EXPECT_NE(out.find("P1;\"Centras; dienos\";day_care;older;10;placed_by_hand;1904;;24.0000000;"), std::string::npos) << out;
    EXPECT_NE(out.find(";placed in the viewer, 2026-12-02;keep me\r\n"), std::string::npos) << out;
    EXPECT_NE(out.find("P1;\"Centras; dienos\";meals;older;5;placed_by_hand;1904;;24.0000000;"), std::string::npos) << out;
    EXPECT_NE(out.find(";placed in the viewer, 2026-12-02;second line\r\n"), std::string::npos) << out;
    // P2: the ward named before is replaced by the ward its point lies in
    EXPECT_NE(out.find("P2;Globos namai;ltc;residents;20;placed_by_hand;1905;;"), std::string::npos) << out;

    // the lon/lat written go back to the working-CRS point within the 7 decimals' centimetre
    std::string text = out;
    for (char& c : text)
        if (c == ';') c = ',';
    const auto rows = test::parse_csv(text);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].size(), 12u);
    const geo::Transformer to_working("EPSG:4326", "EPSG:3346");
    const geo::XY p2 = to_working.transform(geo::XY{std::stod(rows[2][8]), std::stod(rows[2][9])});
    EXPECT_NEAR(p2.x, 498000.0, 0.02);
    EXPECT_NEAR(p2.y, 6087000.0, 0.02);
}

TEST(PlacedProviders, never_replaces_the_providers_file_unless_asked_and_then_keeps_a_backup) {
    test::ScratchDir d;
    const app::Project p = project(d);
    try {
        app::write_placements(p, two_placed(), d / "providers.csv", false);
        FAIL() << "the providers file itself was accepted as the output";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("providers file itself"), std::string::npos) << e.what();
        ASSERT_TRUE(e.location().has_value()); // the file refused as the output
        EXPECT_EQ(e.location()->path, d / "providers.csv");
        EXPECT_EQ(std::string(e.what()), e.location()->path + ": " + e.detail());
    }
    EXPECT_EQ(test::read_file(d / "providers.csv"), providers_csv);

    const auto r = app::write_placements(p, two_placed(), d / "providers.csv", true);
    EXPECT_EQ(r.backup_path, d / "providers.csv.bak");
    EXPECT_EQ(test::read_file(d / "providers.csv.bak"), providers_csv);
    EXPECT_NE(test::read_file(d / "providers.csv").find("placed_by_hand"), std::string::npos);
    // a second save keeps the first backup and writes another
    const std::string first = test::read_file(d / "providers.csv");
    const auto again = app::write_placements(p, two_placed(), d / "providers.csv", true);
    EXPECT_EQ(again.backup_path, d / "providers.csv.bak1");
    EXPECT_EQ(test::read_file(d / "providers.csv.bak1"), first);
    EXPECT_EQ(test::read_file(d / "providers.csv.bak"), providers_csv);
    EXPECT_TRUE(no_temporary_files(d.path()).empty());
}

TEST(PlacedProviders, a_refused_save_leaves_the_earlier_output_as_it_was) {
    test::ScratchDir d;
    const app::Project p = project(d);
    test::write_file(d / "providers_located.csv", "an earlier save\n");
    auto placed = two_placed();
    placed.push_back({"P9", {500000.0, 6090000.0}, "placed_by_hand", "x", ""});
    try {
        app::write_placements(p, placed, "", false);
        FAIL() << "a provider id not in the file was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no provider P9"), std::string::npos) << e.what();
        ASSERT_TRUE(e.location().has_value()); // the providers file the id is missing from
        EXPECT_EQ(std::filesystem::path(e.location()->path).filename(), "providers.csv");
        EXPECT_EQ(e.detail().rfind("no provider P9 in the file", 0), 0u) << e.detail();
    }
    EXPECT_THROW(app::write_placements(p, {}, "", false), Error); // nothing placed: nothing to save
    // a folder that does not exist: IoError from the temporary file, nothing left behind
    EXPECT_THROW(app::write_placements(p, two_placed(), d / "no_such_dir/out.csv", false), Error);
    EXPECT_EQ(test::read_file(d / "providers_located.csv"), "an earlier save\n");
    EXPECT_TRUE(no_temporary_files(d.path()).empty());
    EXPECT_FALSE(fs::exists(d / "no_such_dir"));
}

TEST(PlacedProviders, the_output_is_written_through_a_temporary_file_beside_it) {
    // While the content is written, the final name still holds the earlier file: PendingFile
    // (geo/io/pending_file.hpp) writes DIR/.NAME.tmp-PID and moves it into place at the end.
    test::ScratchDir d;
    const app::Project p = project(d);
    const std::string out = d / "located.csv";
    EXPECT_EQ(geo::temp_name_for(out), d / (".located.csv.tmp-" + std::to_string(::getpid())));
    test::write_file(geo::temp_name_for(out), "stale temporary of this process");
    app::write_placements(p, two_placed(), out, false);
    EXPECT_FALSE(fs::exists(geo::temp_name_for(out))); // replaced, then moved into place
    EXPECT_NE(test::read_file(out).find("placed_by_hand"), std::string::npos);
}

TEST(PlacedProviders, a_project_without_providers_is_refused_at_its_providers_table) {
    app::Project p;
    p.file = "/somewhere/project.toml";
    try {
        app::default_placed_path(p);
        FAIL() << "a project without [providers] had a providers file";
    } catch (const Error& e) {
        ASSERT_TRUE(e.location().has_value());
        EXPECT_EQ(e.location()->path, "/somewhere/project.toml");
        EXPECT_EQ(e.location()->key, "providers");
        EXPECT_EQ(std::string(e.what()), "/somewhere/project.toml: no [providers] table");
    }
}
