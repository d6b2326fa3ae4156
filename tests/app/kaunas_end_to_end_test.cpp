// The embedded Kaunas default, end to end, against figures from outside this code:
// the 2021 census per ward (tests/data/kaunas-wards-census2021.csv) and the Kaunas 2022
// plan's own counts (DIGEST section 8.3).
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/project.hpp"
#include "geo/io/vector_reader.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

namespace {
const Analysis& kaunas() {
    static const Analysis a = run_analysis(load_run(test::source_dir() + "/datasets/kaunas/kaunas.toml"));
    return a;
}
const model::CoverageRow& municipal(const std::string& type, const std::string& group) {
    for (const auto& r : kaunas().out().coverage.rows)
        if (r.level == model::AreaLevel::municipality && r.service_type == type && r.target_group == group) return r;
    throw std::runtime_error("no municipal row " + type + " " + group);
}
} // namespace

TEST(KaunasDefault, eleven_wards_match_the_census_per_ward) {
    const auto& a = kaunas();
    ASSERT_EQ(a.study().wards.size(), 11u);
    auto census = geo::read_vector(test::source_dir() + "/tests/data/kaunas-wards-census2021.csv");
    int code = census.require_field("SEN_KODAS"), pop = census.require_field("pop_total_2021"),
        area = census.require_field("area_km2_computed_lks94");
    long long total = 0;
    for (const auto& f : census.features) {
        const auto* w = a.study().find_ward(*f.values[static_cast<std::size_t>(code)]);
        ASSERT_NE(w, nullptr);
        EXPECT_EQ(w->population, std::stoll(*f.values[static_cast<std::size_t>(pop)])) << w->name;
        // area in LKS94, computed independently by the data's provenance (3 decimals)
        EXPECT_NEAR(w->area_m2 / 1e6, std::stod(*f.values[static_cast<std::size_t>(area)]), 0.0015) << w->name;
        total += w->population;
    }
    EXPECT_EQ(total, 298753);
}

TEST(KaunasDefault, plan_figures_are_reproduced) {
    // DIGEST 8.3 #1: long-term care of older persons, 766 / 59 873 x 1000 = 12.79 per 1000
    EXPECT_NEAR(*municipal("ltc_institution", "older").assessed_need_per_1000, 12.79, 0.005);
    // #5: children's day centres, 511 recipients (= 511 places) per 51 735 children = 9.88 per 1000
    EXPECT_NEAR(*municipal("children_day_centre", "children").recipients_per_1000, 9.88, 0.005);
    EXPECT_DOUBLE_EQ(*municipal("children_day_centre", "children").recipients, 511);
    // #10: independent living, 20 served + 23 waiting: unmet share 53 %
    EXPECT_NEAR(*municipal("independent_living", "adults_disability").unmet_share, 0.5349, 0.0001);
    // Section 1 sum of the provider table: 1 158 recipients, 404 municipality-funded (DIGEST 5.3)
    EXPECT_DOUBLE_EQ(*municipal("ltc_institution", "residents").recipients, 1158);
    EXPECT_DOUBLE_EQ(*municipal("ltc_institution", "residents").municipality_funded, 404);
    // #6: population identity of the plan's groups
    const auto& g = kaunas().study().groups;
    EXPECT_EQ(g.find("Kauno m. sav.", "children")->value + g.find("Kauno m. sav.", "working_age")->value +
                  g.find("Kauno m. sav.", "older")->value,
              293277);
}

TEST(KaunasDefault, ward_estimates_are_labelled_and_add_up_to_the_plan) {
    double older = 0;
    for (const auto& w : kaunas().out().coverage.wards) {
        EXPECT_TRUE(w.older.estimated);
        EXPECT_NE(w.older.basis.find("estimate"), std::string::npos);
        older += *w.older.value;
    }
    EXPECT_NEAR(older, 59873, 1e-6);
}

TEST(KaunasDefault, providers_are_located_only_as_far_as_the_data_allow) {
    const auto& a = kaunas();
    std::map<model::LocationPrecision, int> n;
    for (const auto& p : a.study().providers) {
        n[p.precision]++;
        if (p.point) {
            EXPECT_TRUE(model::has_point(p.precision));
        }
        if (p.precision == model::LocationPrecision::ward) {
            EXPECT_FALSE(p.ward_code.empty());
        }
    }
    EXPECT_EQ(n[model::LocationPrecision::address], 1); // the Eurostat nursing hospital only
    const auto* hospital = &a.study().providers.back();
    EXPECT_EQ(hospital->ward_code, "1907");             // Kruonio g. 21 is in Panemunė (PROVENANCE)
    bool warned = false;
    for (const auto& w : a.warnings()) warned |= w.find("have neither a point nor a ward") != std::string::npos;
    EXPECT_TRUE(warned);
}

TEST(KaunasDefault, outputs_open_with_their_crs_and_record_the_inputs) {
    test::ScratchDir d;
    write_outputs(kaunas(), d / "out");
    for (const char* f : {"coverage.gpkg", "wards.csv", "coverage.csv", "providers.csv", "plan_audit.csv", "run.json"})
        EXPECT_TRUE(std::filesystem::exists(d / (std::string("out/") + f))) << f;
    geo::ReadOptions o;
    o.layer = "wards";
    auto wards = geo::read_vector(d / "out/coverage.gpkg", o);
    EXPECT_EQ(wards.features.size(), 11u);
    EXPECT_EQ(wards.source_crs, "EPSG:3346");
    o.layer = "coverage";
    EXPECT_EQ(geo::read_vector(d / "out/coverage.gpkg", o).features.size(), kaunas().out().coverage.rows.size());
    std::ifstream f(d / "out/run.json");
    auto j = nlohmann::json::parse(f);
    EXPECT_EQ(j["counts"]["residents"], 298753);
    EXPECT_GE(j["inputs"].size(), 7u);
    // the digest is SHA-256 as sha256sum prints it: check it with sha256sum itself
    const std::string path = j["inputs"][0]["path"].get<std::string>();
    FILE* p = ::popen(("sha256sum '" + path + "'").c_str(), "r");
    ASSERT_NE(p, nullptr);
    char hex[65] = {};
    ASSERT_EQ(std::fread(hex, 1, 64, p), 64u);
    ::pclose(p);
    EXPECT_EQ(j["inputs"][0]["sha256"].get<std::string>(), std::string(hex));
    EXPECT_EQ(j["parameters"]["working_crs"], "EPSG:3346");
}

TEST(KaunasDefault, distances_are_straight_line_and_say_so) {
    const auto& a = kaunas();
    ASSERT_TRUE(a.out().access.has_value());
    EXPECT_FALSE(a.in().routing->has_network());
    EXPECT_EQ(a.out().access->method, model::DistanceMethod::straight_line);
    EXPECT_NE(a.out().access->method_label.find("straight line"), std::string::npos);
    // only the Eurostat nursing hospital has coordinates; every other provider is listed
    ASSERT_EQ(a.out().access->services.size(), 1u);
    EXPECT_EQ(a.out().access->services[0].service_type, "nursing_hospital");
    EXPECT_EQ(a.out().access->left_out.size(), a.study().providers.size() - 1);
    // the building surface keeps every ward's census total; 3 points lie outside the wards
    double pop = 0;
    for (const auto& u : a.in().routing->units()) pop += u.population;
    EXPECT_NEAR(pop, 298753, 1e-3);
    EXPECT_EQ(a.in().routing->surface().points_read, 49487u);
    EXPECT_EQ(a.in().routing->surface().points_outside_wards, 3u); // PROVENANCE: 3 points outside the simplified edge
    bool labelled = false;
    for (const auto& w : a.warnings()) labelled |= w.find("STRAIGHT-LINE") != std::string::npos;
    EXPECT_TRUE(labelled);
    test::ScratchDir d;
    write_outputs(a, d / "out");
    std::ifstream f(d / "out/access.csv");
    std::string header;
    std::getline(f, header);
    std::string first;
    std::getline(f, first);
    EXPECT_NE(first.find(",straight_line,"), std::string::npos) << first;
}
