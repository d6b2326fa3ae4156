// The viewer's "Locate providers" panel under a virtual X server: two Kaunas providers without
// a point placed by clicks on the map (a third by its typed address), saved, and the saved
// file opened as the project's providers: the file keeps every column and row, says how each
// point was found, holds the clicked points, and the wards count the placed providers.
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "app/core/project.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "kaunas_locate_project.hpp"
#include "test_util.hpp"
#include "viewer_run.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

// The Kaunas project with its providers copied into `dir` (every other input read in place)
// and an [addresses] layer of one SYNTHETIC address point (a real Kaunas building point given
// the seed's address "Sąjungos a. 13A"), as in locate_test.cpp.
std::string kaunas_project(const test::ScratchDir& dir, const std::string& providers_file, const std::string& name) {
    const std::string src = test::source_dir() + "/datasets/kaunas/";
    if (!fs::exists(dir / "providers.csv")) fs::copy_file(src + "providers.csv", dir / "providers.csv");
    test::write_file(dir / "addresses.csv", "SAV,GYV,GAT,NR,RAIDE,KORPUSAS,X,Y\n"
                                            "Kauno m. sav.,Kaunas,Sąjungos aikštė,13,A,,490013.0,6089351.0\n");
    return test::write_file(dir / name, test::kaunas_locate_toml(providers_file));
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
    return buf;
}

const nlohmann::json& ward_in(const nlohmann::json& probe, const std::string& code) {
    for (const auto& w : probe["wards"])
        if (w["code"] == code) return w;
    throw std::runtime_error("no ward " + code + " in the probe");
}

/// A map point as the panel's messages print it.
std::string point_text(const nlohmann::json& xy) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f, %.1f", xy[0].get<double>(), xy[1].get<double>());
    return buf;
}

const model::CoverageRow* coverage_row(const app::Analysis& a, const std::string& ward) {
    for (const auto& r : a.out().coverage.rows)
        if (r.level == model::AreaLevel::ward && r.area_code == ward && r.service_type == "children_day_centre" &&
            r.target_group == "children")
            return &r;
    return nullptr;
}

} // namespace

TEST(ViewerLocateGui, providers_placed_by_clicks_are_saved_reloaded_and_counted_in_their_wards) {
    test::ScratchDir d;
    const std::string project = kaunas_project(d, "providers.csv", "project.toml");
    const std::string before = test::read_file(d / "providers.csv");
    const std::string indicator = "coverage:children_day_centre:children:persons:recipients_per_1000";
    // KNS122 (30 recipients) and KNS118 (65) have no point; Dainava (1904) has no children's
    // day centre with one. A click at the pixel of each ward's interior point places them;
    // KNS122 is first placed in the wrong ward (1901) and the placement undone.
    ASSERT_EQ(test::run_viewer(project + " --size 1600x1000 --frames 3 --lang en --indicator " + indicator +
                               " --locate-place 'KNS122;ward:1901' --locate-undo"
                               " --locate-place 'KNS122;ward:1904' --locate-place 'KNS118;ward:1908'"
                               " --locate-address 'KNS001;Sąjungos a. 13A, Kaunas' --locate-save - --locate-select KNS122"
                               " --screenshot " + (d / "placed.png") + " --probe " + (d / "placed.json")),
              0);
    const auto placed = test::load_json(d / "placed.json");
    ASSERT_EQ(placed["error"], "");
    const auto& loc = placed["locate"];
    ASSERT_EQ(loc["steps"].size(), 5u);
    for (const auto& s : loc["steps"])
        if (!s.contains("undo")) EXPECT_TRUE(s["placed"].get<bool>()) << s["message"];
    ASSERT_EQ(loc["placed"].size(), 3u);
    EXPECT_EQ(loc["steps"][2]["message"], "KNS122 placed at " + point_text(loc["steps"][2]["clicked"]) + " (ward 1904)");
    EXPECT_EQ(loc["saved"], d / "providers_located.csv");
    EXPECT_EQ(test::read_file(d / "providers.csv"), before); // never the input unless asked
    // on screen: the selected KNS122 is drawn where it was clicked, in the selection colour
    const test::Image shot = test::load_png(d / "placed.png");
    ASSERT_EQ(shot.w, 1600);
    const auto& click = loc["steps"][2]["pixel"];
    ASSERT_EQ(loc["steps"][2]["provider"], "KNS122");
    const auto px = shot.at(click[0].get<int>(), click[1].get<int>());
    EXPECT_NEAR(px[0], 255, 3);
    EXPECT_NEAR(px[1], 204, 3);
    EXPECT_NEAR(px[2], 0, 3);

    // where the clicks were meant: the wards' interior points, from the model, not the viewer
    const auto base = app::load_inputs(app::load_project(project));
    std::map<std::string, geo::XY> target;
    for (const char* w : {"1904", "1908"}) target[w] = geo::point_on_surface(base->study->find_ward(w)->geometry);
    const double metres_per_pixel = loc["metres_per_pixel"];
    ASSERT_GT(metres_per_pixel, 1);
    ASSERT_LT(metres_per_pixel, 100);

    // the file: the input's columns and rows; only the placed providers' rows changed
    const auto in = test::parse_csv(before);
    const auto out = test::parse_csv(test::read_file(d / "providers_located.csv"));
    ASSERT_EQ(out.size(), in.size());
    ASSERT_EQ(out[0], in[0]);
    auto col = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(in[0].begin(), in[0].end(), name) - in[0].begin());
    };
    const std::size_t id = col("provider_id"), prec = col("location_precision"), basis = col("location_basis"),
                      ward = col("ward_code"), lon = col("lon"), lat = col("lat");
    const geo::Transformer to_working("EPSG:4326", "EPSG:3346");
    const std::set<std::string> moved{"KNS122", "KNS118", "KNS001"};
    int checked = 0;
    for (std::size_t r = 1; r < out.size(); ++r) {
        const std::string pid = out[r][id];
        if (!moved.count(pid)) {
            EXPECT_EQ(out[r], in[r]) << "row " << r;
            continue;
        }
        const geo::XY at = to_working.transform(geo::XY{std::stod(out[r][lon]), std::stod(out[r][lat])});
        if (pid == "KNS001") { // by its address: the address point, said so
            EXPECT_EQ(out[r][prec], "address");
            EXPECT_NE(out[r][basis].find("address point addresses fid 1 'Sąjungos aikštė 13A, Kaunas' in addresses.csv, "
                                         "matched in the viewer, " + today()),
                      std::string::npos)
                << out[r][basis];
            EXPECT_NEAR(at.x, 490013.0, 0.05);
            EXPECT_NEAR(at.y, 6089351.0, 0.05);
        } else {
            const std::string w = pid == "KNS122" ? "1904" : "1908";
            EXPECT_EQ(out[r][prec], "placed_by_hand") << pid;
            EXPECT_EQ(out[r][basis], "placed in the viewer, " + today()) << pid;
            EXPECT_EQ(out[r][ward], w) << pid;
            // within a pixel's ground size of where the click was meant (a mouse clicks whole pixels)
            EXPECT_LE(std::hypot(at.x - target[w].x, at.y - target[w].y), metres_per_pixel) << pid;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 5); // KNS001 has three service lines

    // reloaded as the project's providers, in the viewer and by the model
    const std::string reloaded = kaunas_project(d, "providers_located.csv", "reloaded.toml");
    ASSERT_EQ(test::run_viewer(reloaded + " --size 1600x1000 --frames 2 --indicator " + indicator + " --probe " +
                               (d / "reloaded.json")),
              0);
    const auto again = test::load_json(d / "reloaded.json");
    ASSERT_EQ(again["error"], "");
    const auto inputs = app::load_inputs(app::load_project(reloaded));
    const app::Analysis a = app::with_scenario(inputs, {});
    for (const auto& p : a.study().providers)
        if (moved.count(p.id)) EXPECT_EQ(model::to_string(p.precision), std::string(p.id == "KNS001" ? "address" : "placed_by_hand"));
    const model::CoverageRow* dainava = coverage_row(a, "1904");
    ASSERT_NE(dainava, nullptr);
    EXPECT_DOUBLE_EQ(dainava->recipients.value_or(0), 30); // KNS122's, now in the ward
    ASSERT_TRUE(dainava->recipients_per_1000);
    EXPECT_NEAR(ward_in(again, "1904")["value"].get<double>(), *dainava->recipients_per_1000, 1e-9);
    // before: no children's day centre counted in Dainava
    const app::Analysis b = app::with_scenario(base, {});
    const model::CoverageRow* dainava_before = coverage_row(b, "1904");
    EXPECT_TRUE(!dainava_before || !dainava_before->recipients || *dainava_before->recipients == 0);
    // the panel's what-if showed the same figure before it was saved
    EXPECT_NEAR(ward_in(placed, "1904")["value"].get<double>(), *dainava->recipients_per_1000, 1e-9);
}

TEST(ViewerLocateGui, the_panels_messages_are_in_the_viewers_language) {
    test::ScratchDir d;
    const std::string project = kaunas_project(d, "providers.csv", "project.toml");
    // in Lithuanian (the default): a placement, an address that is not found, the save
    ASSERT_EQ(test::run_viewer(project + " --size 1600x1000 --frames 2 --lang lt --locate-place 'KNS122;ward:1904'"
                               " --locate-address 'KNS118;Nėra g. 1, Kaunas' --locate-save - --probe " + (d / "lt.json")),
              0);
    const auto lt = test::load_json(d / "lt.json");
    ASSERT_EQ(lt["error"], "");
    const auto& steps = lt["locate"]["steps"];
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0]["message"], "KNS122 padėtas ties " + point_text(steps[0]["clicked"]) + " (seniūnija 1904)");
    EXPECT_FALSE(steps[1]["placed"].get<bool>());
    EXPECT_EQ(steps[1]["message"].get<std::string>().rfind("KNS118: not_found: ", 0), 0u) << steps[1]["message"];
    EXPECT_EQ(lt["locate"]["message"], "įrašyta į " + d / "providers_located.csv" + ": padėtų teikėjų 1, eilučių 1");
    // in English
    ASSERT_EQ(test::run_viewer(project + " --size 1600x1000 --frames 2 --lang en --locate-place 'KNS122;ward:1904'"
                               " --locate-save " + (d / "en.csv") + " --probe " + (d / "en.json")),
              0);
    const auto en = test::load_json(d / "en.json");
    ASSERT_EQ(en["error"], "");
    EXPECT_EQ(en["locate"]["steps"][0]["message"],
              "KNS122 placed at " + point_text(en["locate"]["steps"][0]["clicked"]) + " (ward 1904)");
    EXPECT_EQ(en["locate"]["message"], "saved 1 placed provider(s) (1 rows) to " + d / "en.csv");
}
