// The viewer under a virtual X server: renders frames, saves a screenshot, and the pixels
// are checked against what the model and the legend say. Also the scripted what-if.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"
#include "app/core/project.hpp"
#include "basemap_fixture.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "test_util.hpp"
#include "viewer_run.hpp"

using namespace apreptis;
using test::Image, test::load_json, test::load_png, test::run_viewer; // viewer_run.hpp

TEST(ViewerGui, ward_fills_match_the_legend_and_the_selection_is_highlighted) {
    test::ScratchDir d;
    ASSERT_EQ(run_viewer("--size 1600x1000 --frames 4 --plain --indicator density --select 1904 --screenshot " +
                         (d / "shot.png") + " --probe " + (d / "probe.json")),
              0);
    const Image img = load_png(d / "shot.png");
    ASSERT_EQ(img.w, 1600);
    const auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["error"], "");
    EXPECT_EQ(probe["missing_lithuanian_glyphs"], ""); // ą č ę ė į š ų ū ž are in the font
    EXPECT_EQ(probe["selected_ward"], "1904");
    const auto& legend = probe["legend"];
    ASSERT_EQ(legend.size(), 5u);
    const double band0 = probe["band"][0], band1 = probe["band"][1];
    int checked = 0;
    bool selected_checked = false;
    for (const auto& w : probe["wards"]) {
        const int x = static_cast<int>(std::lround(w["x"].get<double>())), y = static_cast<int>(std::lround(w["y"].get<double>()));
        if (x < band0 + 5 || x > band1 - 5 || y < 5 || y > img.h - 330) continue; // under a panel or the legend
        const int cls = w["class"];
        ASSERT_GE(cls, 0);
        const auto expected = w["selected"].get<bool>()
                                  ? [&] {
                                        const app::Rgb base{legend[cls][0], legend[cls][1], legend[cls][2]};
                                        const app::Rgb h = app::highlighted(base);
                                        return std::array<int, 3>{h.r, h.g, h.b};
                                    }()
                                  : std::array<int, 3>{legend[cls][0], legend[cls][1], legend[cls][2]};
        const auto got = img.at(x, y);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(got[c], expected[c], 2) << w["code"] << " channel " << c;
        if (w["selected"].get<bool>()) {
            selected_checked = true;
            // highlighted: not the plain legend colour
            EXPECT_GT(std::abs(got[0] - legend[cls][0].get<int>()) + std::abs(got[2] - legend[cls][2].get<int>()), 20);
        }
        ++checked;
    }
    EXPECT_GE(checked, 6);
    EXPECT_TRUE(selected_checked);
    // The classes, worked out by hand for Kaunas's 11 wards (not by app::class_breaks): 5
    // quantile classes end at ranks ceil(k * 11 / 5) = 3, 5, 7, 9, 11 of the sorted densities
    // (residents per km2): 450.9 601.2 883.0 | 1648.1 2362.9 | 2561.3 2883.1 | 2952.9 3136.6 |
    // 6270.3 10135.7
    const std::map<std::string, std::pair<double, int>> expected{
        {"1906", {450.9, 0}}, {"1907", {601.2, 0}},  {"1908", {883.0, 0}},   {"1910", {1648.1, 1}},
        {"1911", {2362.9, 1}}, {"1903", {2561.3, 2}}, {"1902", {2883.1, 2}}, {"1909", {2952.9, 3}},
        {"1901", {3136.6, 3}}, {"1905", {6270.3, 4}}, {"1904", {10135.7, 4}}};
    ASSERT_EQ(probe["wards"].size(), expected.size());
    for (const auto& w : probe["wards"]) {
        const auto& [value, cls] = expected.at(w["code"].get<std::string>());
        EXPECT_NEAR(w["value"].get<double>(), value, 0.05) << w["code"];
        EXPECT_EQ(w["class"].get<int>(), cls) << w["code"];
    }
    // The legend panel reads as the legend box (the report's wording, classes that do not touch,
    // each limit with the figure's unit as the report prints it), with the wards in each class
    // from the table above (it used to say "≤ 882.96  (3)").
    EXPECT_EQ(probe["legend_panel"],
              nlohmann::json::array({"nuo 450.9 iki 883.0/km²  (3)", "virš 883.0 iki 2362.9/km²  (2)",
                                     "virš 2362.9 iki 2883.1/km²  (2)", "virš 2883.1 iki 3136.6/km²  (2)",
                                     "virš 3136.6 iki 10135.7/km²  (2)"}));
}

TEST(ViewerGui, scripted_what_if_changes_the_ward_by_what_the_model_computes) {
    test::ScratchDir d;
    ASSERT_EQ(run_viewer("--frames 2 --whatif 'ward:1904;children_day_centre;children;30' --probe " + (d / "probe.json")), 0);
    const auto probe = load_json(d / "probe.json");
    const auto& w = probe["whatif"];
    EXPECT_EQ(w["ward"], "1904");
    EXPECT_TRUE(w["before"].is_null()); // no children's day centre is known to be in Dainava
    // the same edit through the model, without the viewer
    auto loaded = app::load_inputs(app::load_run(test::source_dir() + "/datasets/kaunas/kaunas.toml").project);
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "X";
    e.service_type = "children_day_centre";
    e.target_group = "children";
    e.point = geo::point_on_surface(loaded->study->find_ward("1904")->geometry);
    e.places = 30;
    auto after = app::with_scenario(loaded, {"t", {e}});
    double expected = -1;
    for (const auto& r : after.out().coverage.rows)
        if (r.area_code == "1904" && r.service_type == "children_day_centre" && r.target_group == "children")
            expected = *r.places_per_1000;
    EXPECT_NEAR(w["after"].get<double>(), expected, 1e-9);
    EXPECT_GT(w["edit_to_update_ms"].get<double>(), 0);
}

TEST(ViewerGui, a_bad_project_is_a_message_not_a_crash) {
    test::ScratchDir d;
    test::write_file(d / "bad.toml", "[wards]\npath = \"nowhere.geojson\"\n");
    EXPECT_EQ(run_viewer(d / "bad.toml" + std::string(" --frames 2 --probe ") + (d / "probe.json")), 2);
    const auto probe = load_json(d / "probe.json");
    EXPECT_NE(probe["error"].get<std::string>().find("bad.toml"), std::string::npos);
}

TEST(ViewerGui, a_bad_command_line_is_a_usage_message_not_a_crash) {
    // exit 64 with words: before, an unknown --whatif service dereferenced a null pointer
    // (killed by SIGSEGV) and a bad --size was ignored (exit 0 at 1280x800)
    test::ScratchDir d;
    const auto run = [&](const std::string& args, const std::string& log, bool display = true) {
        // The viewer's own exit status, kept in a file: xvfb-run's can be its own (5 when it
        // cannot clean its temporary folder up after a program that ended at once). The
        // command line is read before the window opens: only a loaded project needs X.
        test::write_file(d / (log + ".sh"), std::string(APREPTIS_VIEWER) + " " + args + " > " + (d / log) +
                                                " 2>&1; echo $? > " + (d / (log + ".rc")) + "\n");
        const std::string cmd = (display ? "xvfb-run -a -s \"-screen 0 1600x1000x24\" sh " : "DISPLAY= sh ") +
                                (d / (log + ".sh")) + " > /dev/null 2>&1";
        std::system(cmd.c_str());
        const std::string rc = test::read_file(d / (log + ".rc"));
        return rc.empty() ? -1 : std::stoi(rc);
    };
    EXPECT_EQ(run("--frames 2 --whatif 'ward:1904;no_such_service;older;30'", "whatif.log"), 64);
    const std::string whatif = test::read_file(d / "whatif.log");
    EXPECT_NE(whatif.find("--whatif: no service type 'no_such_service' in the project's catalogue ("), std::string::npos) << whatif;
    EXPECT_NE(whatif.find("day_care_home"), std::string::npos) << whatif; // the known ones listed
    EXPECT_EQ(run("--frames 2 --size 1600by1000", "size.log", false), 64);
    EXPECT_NE(test::read_file(d / "size.log").find("--size needs WIDTHxHEIGHT"), std::string::npos) << test::read_file(d / "size.log");
    // --help: every option described, exit 0, no window (no display needed)
    EXPECT_EQ(run("--help", "help.log", false), 0);
    EXPECT_NE(test::read_file(d / "help.log").find("--whatif-series"), std::string::npos) << test::read_file(d / "help.log");
    EXPECT_EQ(run("--frames 2 --whatif-series 'ten;day_care_home;older'", "series.log", false), 64);
    EXPECT_EQ(test::read_file(d / "series.log").find("stoi"), std::string::npos) << test::read_file(d / "series.log");
    // values only the loaded project can refuse: an indicator it cannot show, a ward it does not
    // have (before, both ran on with exit 0: every ward "no data", nothing selected)
    EXPECT_EQ(run("--frames 2 --indicator no_such_indicator", "indicator.log"), 64);
    const std::string indicator = test::read_file(d / "indicator.log");
    EXPECT_NE(indicator.find("--indicator: no indicator no_such_indicator in this project (known: population, density"),
              std::string::npos) << indicator;
    EXPECT_EQ(run("--frames 2 --select 9999", "select.log"), 64);
    EXPECT_NE(test::read_file(d / "select.log").find("--select: no ward 9999 in the project"), std::string::npos)
        << test::read_file(d / "select.log");
    EXPECT_EQ(run("--frames -1", "frames.log", false), 64);
    EXPECT_NE(test::read_file(d / "frames.log").find("--frames needs a whole number from 0 to 1000000, found '-1'"),
              std::string::npos) << test::read_file(d / "frames.log");
}

TEST(ViewerGui, site_suggestions_run_on_the_worker_and_a_site_can_be_accepted) {
    test::ScratchDir d;
    const std::string li = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    ASSERT_EQ(run_viewer(li + " --frames 2 --indicator capacity:pharmacy:residents:unserved_share --suggest "
                              "'pharmacy;residents;2' --probe " + (d / "probe.json")),
              0);
    const auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["error"], "");
    ASSERT_EQ(probe["suggested_sites"].size(), 2u);
    EXPECT_GT(probe["suggested_sites"][0]["gain"].get<double>(), 0);
    EXPECT_EQ(probe["providers_after_accept"].get<int>(), 6); // 5 mapped + the accepted site
    EXPECT_EQ(probe["indicator"], "capacity:pharmacy:residents:unserved_share");
}

TEST(ViewerGui, municipality_level_colours_every_ward_by_its_municipality) {
    // Lithuania at the municipality level: each ward takes its municipality's value of a
    // comparison indicator (app/core/comparison_table.hpp), classed over the 60 municipalities.
    test::ScratchDir d;
    const std::string lt = test::source_dir() + "/datasets/lithuania/lithuania.toml";
    const std::string shot = d / "municipalities.png";
    ASSERT_EQ(run_viewer(lt + " --size 1600x1000 --frames 4 --plain --level municipality --select 8226 --screenshot " +
                         shot + " --probe " + (d / "probe.json")),
              0);
    if (const char* keep = std::getenv("APREPTIS_KEEP_SCREENSHOT")) // for a human to look at
        std::system(("cp '" + shot + "' '" + keep + "'").c_str());
    const Image img = load_png(shot);
    ASSERT_EQ(img.w, 1600);
    const auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["error"], "");
    EXPECT_EQ(probe["level"], "municipality");
    EXPECT_FALSE(probe["compare_indicator"].get<std::string>().empty());
    ASSERT_EQ(probe["municipalities"].size(), 60u);
    const auto& legend = probe["legend"];
    ASSERT_EQ(legend.size(), 5u);
    // the classes come from the municipality values
    std::vector<std::optional<double>> mvalues;
    std::map<std::string, int> mclass;
    for (const auto& m : probe["municipalities"]) {
        mvalues.push_back(m["value"].is_null() ? std::nullopt : std::optional<double>(m["value"].get<double>()));
        mclass[m["name"]] = m["class"];
    }
    // Worked out here from the definition, not by app::class_breaks: sorted by value, the 5
    // quantile classes end at ranks ceil(k n / 5) (1-based, of the n with a value); equal values
    // share a class, and a class a run of equal values swallowed whole is dropped. So a value's
    // class is the number of runs of equal values before its own that hold a class-ending rank.
    // No value, no class.
    std::vector<std::pair<double, int>> ranked; // value, class shown
    for (const auto& m : probe["municipalities"]) {
        if (m["value"].is_null()) EXPECT_EQ(m["class"].get<int>(), -1) << m["name"];
        else ranked.push_back({m["value"].get<double>(), m["class"].get<int>()});
    }
    std::sort(ranked.begin(), ranked.end());
    const std::size_t n = ranked.size();
    ASSERT_GE(n, 50u);
    std::set<std::size_t> class_ends;
    for (std::size_t k = 1; k <= 5; ++k) class_ends.insert((k * n + 4) / 5);
    int runs_with_an_end = 0;
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first; // the run of equal values [first, last]
        while (last + 1 < n && ranked[last + 1].first == ranked[first].first) ++last;
        for (std::size_t r = first; r <= last; ++r)
            EXPECT_EQ(ranked[r].second, runs_with_an_end) << "rank " << r + 1 << " of " << n << ", value " << ranked[r].first;
        if (class_ends.lower_bound(first + 1) != class_ends.end() && *class_ends.lower_bound(first + 1) <= last + 1)
            ++runs_with_an_end;
        first = last + 1;
    }
    // the selected ward selects its municipality; the inspector ranks it on every indicator
    ASSERT_TRUE(probe.contains("selected_municipality"));
    EXPECT_EQ(probe["selected_municipality"]["name"], "Utenos r. sav.");
    const auto& ranks = probe["selected_municipality"]["ranks"];
    EXPECT_GE(ranks.size(), 3u);
    const std::string shown = probe["compare_indicator"];
    ASSERT_TRUE(ranks.contains(shown));
    EXPECT_NE(ranks[shown].get<std::string>().find(" iš "), std::string::npos) << ranks[shown]; // "3 iš 60"

    auto near = [](std::array<int, 3> a, std::array<int, 3> b) {
        for (int c = 0; c < 3; ++c)
            if (std::abs(a[c] - b[c]) > 2) return false;
        return true;
    };
    auto legend_rgb = [&](int cls, bool selected) {
        app::Rgb k{legend[cls][0], legend[cls][1], legend[cls][2]};
        if (selected) k = app::highlighted(k);
        return std::array<int, 3>{k.r, k.g, k.b};
    };
    // pixels at wards' interior points (clear of outlines: the 5x5 around is one colour), by municipality
    const double band0 = probe["band"][0], band1 = probe["band"][1];
    std::map<std::string, std::vector<std::pair<std::string, std::array<int, 3>>>> seen;
    for (const auto& w : probe["wards"]) {
        const int x = static_cast<int>(std::lround(w["x"].get<double>())), y = static_cast<int>(std::lround(w["y"].get<double>()));
        if (x < band0 + 5 || x > band1 - 5 || y < 5 || y > img.h - 330) continue; // under a panel or the legend
        const auto px = img.at(x, y);
        bool interior = true;
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) interior = interior && near(img.at(x + dx, y + dy), px);
        if (!interior) continue;
        const std::string m = w["municipality"];
        const int cls = mclass.at(m);
        EXPECT_EQ(w["class"], cls) << w["code"]; // the ward is classed by its municipality's value
        if (cls < 0) continue;
        // one of the legend's colours: the municipality's class (highlighted when selected)
        EXPECT_TRUE(near(px, legend_rgb(cls, w["selected"].get<bool>())))
            << w["code"] << " " << m << ": " << px[0] << "," << px[1] << "," << px[2];
        EXPECT_EQ(w["selected"].get<bool>(), m == "Utenos r. sav.") << w["code"];
        seen[m].push_back({w["code"], px});
    }
    int pairs = 0;
    for (const auto& [m, wards] : seen)
        for (std::size_t k = 1; k < wards.size(); ++k) {
            EXPECT_TRUE(near(wards[k].second, wards[0].second)) << m << ": " << wards[0].first << " vs " << wards[k].first;
            ++pairs;
        }
    EXPECT_GE(pairs, 20); // many municipalities show two or more wards side by side
    EXPECT_GE(seen["Utenos r. sav."].size(), 2u);
}

// "How sure?" (issue 20): after [robustness]'s runs the wards whose rank is not sure (among the
// 3 worst in more than 10 % and fewer than 90 % of runs) are hatched in the overlay's ink, the
// others are not, and the key is drawn; which wards, checked against the CSV that
// `apreptis robustness` writes with the same runs and seed.
TEST(ViewerGui, how_sure_hatches_the_wards_whose_rank_is_not_sure) {
    test::ScratchDir d;
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    ASSERT_EQ(test::run_cli("robustness " + kaunas + " --runs 300 --out " + d / "r" + " --quiet").rc, 0);
    std::map<std::string, double> p_worst; // ward code -> p_worst_k, nursing_hospital / residents, share within
    {
        const auto rows = test::parse_csv(test::read_file(d / "r/robustness.csv"));
        std::map<std::string, std::size_t> col;
        for (std::size_t i = 0; i < rows.at(0).size(); ++i) col[rows[0][i]] = i;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (rows[r][col["level"]] == "ward" && rows[r][col["indicator"]] == "share_within" &&
                rows[r][col["service_type"]] == "nursing_hospital" && rows[r][col["target_group"]] == "residents")
                p_worst[rows[r][col["area_code"]]] = std::stod(rows[r][col["p_worst_k"]]);
    }
    ASSERT_EQ(p_worst.size(), 11u);
    ASSERT_EQ(run_viewer("--size 1600x1000 --frames 4 --plain --lang en --indicator density --how-sure 300 --screenshot " +
                         (d / "shot.png") + " --probe " + (d / "probe.json")),
              0);
    const Image img = load_png(d / "shot.png");
    ASSERT_EQ(img.w, 1600);
    const auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["error"], "");
    ASSERT_EQ(probe["how_sure"]["service"], "nursing_hospital");
    const double band0 = probe["band"][0], band1 = probe["band"][1];
    auto ink_near = [&](int x0, int y0, int half) { // pixels of the hatching's ink (70, 0, 110)
        int n = 0;
        for (int y = y0 - half; y <= y0 + half; ++y)
            for (int x = x0 - half; x <= x0 + half; ++x) {
                const auto c = img.at(x, y);
                n += std::abs(c[0] - 70) + std::abs(c[1]) + std::abs(c[2] - 110) < 40;
            }
        return n;
    };
    int hatched = 0, plain = 0;
    for (const auto& w : probe["wards"]) {
        const std::string code = w["code"];
        const double p = p_worst.at(code);
        const bool unstable = p > 0.1 && p < 0.9;
        EXPECT_DOUBLE_EQ(probe["how_sure"]["wards"][code]["p_worst_k"].get<double>(), p) << code;
        EXPECT_EQ(probe["how_sure"]["wards"][code]["hatched"].get<bool>(), unstable) << code;
        const int x = static_cast<int>(std::lround(w["x"].get<double>())), y = static_cast<int>(std::lround(w["y"].get<double>()));
        if (x < band0 + 10 || x > band1 - 10 || y < 60 || y > img.h - 330) continue; // under a panel, the key or the legend
        const int ink = ink_near(x, y, 6); // 13 x 13 px: the 9 px hatching crosses it at least twice
        if (unstable) {
            EXPECT_GT(ink, 6) << code << " (p " << p << ") is not hatched";
            ++hatched;
        } else {
            EXPECT_EQ(ink, 0) << code << " (p " << p << ") is hatched";
            ++plain;
        }
    }
    EXPECT_GE(hatched, 1);
    EXPECT_GE(plain, 3);
    // the key's hatched swatch, top left of the map band
    EXPECT_GT(ink_near(static_cast<int>(band0) + 34, 24, 10), 6);
}

namespace {

long count_colour(const Image& img, std::array<int, 3> c) {
    long n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x)
            if (img.at(x, y) == c) ++n;
    return n;
}

} // namespace

TEST(ViewerGui, a_geotiff_basemap_is_drawn_under_semi_transparent_wards_and_in_the_png_export) {
    test::ScratchDir d;
    test::RgbImage base; // red west of x 482000 (west of Kaunas), blue east of it, far around
    base.x0 = 432000;
    base.y1 = 6130000;
    base.cell = 100;
    base.columns = base.rows = 1000;
    test::write_rgb_geotiff(base, d / "base.tif");
    const std::string p = test::kaunas_wards_project(d, "[basemap]\nsource = \"base.tif\"\nattribution = \"Test basemap\"\nward_opacity = 0.5\n");
    ASSERT_EQ(run_viewer(p + " --size 1600x1000 --frames 3 --plain --indicator density --screenshot " + (d / "shot.png") +
                         " --probe " + (d / "probe.json") + " --export-png " + (d / "export.png") + " --export-size 800x600"),
              0);
    const auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["error"], "");
    EXPECT_EQ(probe["basemap"]["failures"], 0);
    EXPECT_GE(probe["basemap"]["reads"], 1);
    const Image img = load_png(d / "shot.png");
    ASSERT_EQ(img.w, 1600);
    // around the wards the basemap shows as it is, both halves
    EXPECT_GT(count_colour(img, {220, 30, 30}), 5000);
    EXPECT_GT(count_colour(img, {30, 30, 220}), 5000);
    // at each ward's point the fill is half the class colour, half the basemap under it
    int checked = 0;
    for (const auto& w : probe["wards"]) {
        const int x = static_cast<int>(std::lround(w["x"].get<double>())), y = static_cast<int>(std::lround(w["y"].get<double>()));
        const auto got = img.at(x, y);
        const int gx = std::clamp(x - 8, 0, img.w - 1); // the basemap a little west (wards are larger than 8 px)
        bool match = false;
        for (const std::array<int, 3> under : {std::array<int, 3>{220, 30, 30}, std::array<int, 3>{30, 30, 220}}) {
            bool all = true;
            for (int k = 0; k < 3; ++k)
                all &= std::abs(got[static_cast<std::size_t>(k)] -
                                (w["colour"][static_cast<std::size_t>(k)].get<int>() + under[static_cast<std::size_t>(k)]) / 2) <= 4;
            match |= all;
        }
        EXPECT_TRUE(match) << w["code"] << " at " << x << "," << y << ": " << got[0] << " " << got[1] << " " << got[2]
                           << " (pixel west: " << img.at(gx, y)[0] << ")";
        ++checked;
    }
    EXPECT_EQ(checked, 11);
    const Image exported = load_png(d / "export.png");
    ASSERT_EQ(exported.w, 800);
    EXPECT_GT(count_colour(exported, {220, 30, 30}) + count_colour(exported, {30, 30, 220}), 20000);
}

TEST(ViewerGui, an_xyz_basemap_comes_from_a_local_tile_server_and_one_that_fails_is_a_warning) {
    test::ScratchDir d;
    test::write_tile_png(d / "tile.png", 40, 200, 60);
    test::TileServer server(d / "tile.png", d / "port");
    ::setenv("GDAL_DEFAULT_WMS_CACHE_PATH", (d / "cache").c_str(), 1); // the viewer inherits it
    const std::string p = test::kaunas_wards_project(d, "[basemap]\nsource = \"" + server.url() + "\"\nattribution = \"Test tiles\"\n");
    ASSERT_EQ(run_viewer(p + " --size 1600x1000 --frames 3 --plain --screenshot " + (d / "shot.png") + " --probe " +
                         (d / "probe.json")),
              0);
    auto probe = load_json(d / "probe.json");
    EXPECT_EQ(probe["basemap"]["failures"], 0);
    EXPECT_GT(count_colour(load_png(d / "shot.png"), {40, 200, 60}), 20000);
    EXPECT_FALSE(server.requests().empty());

    // with an API key in the URL: the viewer's status names the source without it (redact_url.hpp)
    const std::string missing = "http://127.0.0.1:" + std::to_string(server.port()) + "/missing/{z}/{x}/{y}.png?apikey=SECRET";
    const std::string bad = test::kaunas_wards_project(d, "[basemap]\nsource = \"" + missing + "\"\nattribution = \"Test tiles\"\n");
    ASSERT_EQ(run_viewer(bad + " --size 1600x1000 --frames 3 --plain --screenshot " + (d / "bad.png") + " --probe " +
                         (d / "bad.json")),
              0); // a warning, not an error
    probe = load_json(d / "bad.json");
    EXPECT_EQ(probe["error"], "");
    EXPECT_GE(probe["basemap"]["failures"], 1);
    EXPECT_NE(probe["basemap"]["warning"].get<std::string>().find("/missing/{z}/{x}/{y}.png?apikey=***"), std::string::npos);
    EXPECT_EQ(probe["basemap"]["warning"].get<std::string>().find("SECRET"), std::string::npos);
    EXPECT_EQ(count_colour(load_png(d / "bad.png"), {40, 200, 60}), 0);
    ::unsetenv("GDAL_DEFAULT_WMS_CACHE_PATH");
}
