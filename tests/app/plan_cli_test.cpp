// apreptis plan end to end: the seeds' plans read through the project, printed, and written
// as plan_progress / plan_funds / plan_reconciliation with run.json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

using namespace apreptis;

TEST(PlanCli, LithuaniaProjectCarriesAllFourDocuments) {
    test::ScratchDir dir;
    const auto r = test::run_cli("plan " + test::source_dir() + "/datasets/lithuania/lithuania.toml --out " + dir / "out");
    ASSERT_EQ(r.rc, 0) << r.output;
    // Visaginas 4.1.2: 45 of at least 30 persons, 508 763,47 of 470 250,00 EUR
    EXPECT_NE(r.output.find("4.1.2"), std::string::npos);
    EXPECT_NE(r.output.find("150.0 %, on_track"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Visagino sav. 2023 4.1.2: 108.2 %"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("KMSPC-budget-total planned_eur: 2 parts sum to 2,086,168, printed 2,086,178"),
              std::string::npos);
    const std::string csv = test::read_file(dir / "out/plan_progress.csv");
    EXPECT_NE(csv.find("VIS-4.1.2-1-i"), std::string::npos);
    EXPECT_NE(csv.find("PAL-19"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir / "out/plan_funds.csv"));
    EXPECT_TRUE(std::filesystem::exists(dir / "out/plan_reconciliation.csv"));
    const auto run = nlohmann::json::parse(test::read_file(dir / "out/run.json"));
    EXPECT_EQ(run["plan"]["disagreements"].size(), 1u);
    EXPECT_EQ(run["plan"]["files"].size(), 4u);
}

TEST(PlanCli, AProjectWithoutPlanSaysWhatToAdd) {
    const auto r = test::run_cli("plan " + test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml");
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.output.find("no [plan] table"), std::string::npos) << r.output;
}

TEST(PlanCli, ABrokenPlanIsNamedWithLineAndField) {
    test::ScratchDir dir;
    const std::string src = test::source_dir() + "/datasets/";
    test::write_file(dir / "plan.csv",
                     "id,municipality,measure_code,line,funds_part,planned_eur\n"
                     "A,Kauno m. sav.,1,funds,total,100\n"
                     "B,Kauno m. sav.,1,funds,state,abc\n");
    std::string toml = test::read_file(src + "kaunas/kaunas.toml");
    const auto at = toml.find("paths = [");
    toml.replace(at, toml.find('\n', at) - at, "paths = [\"" + dir / "plan.csv" + "\"]");
    for (std::string key : {"\"wards.geojson\"", "\"providers.csv\"", "\"population_groups.csv\"", "\"needs.csv\"",
                            "\"buildings.csv\"", "\"../catalogue/"}) {
        const std::string abs = "\"" + src + (key.find("catalogue") != std::string::npos ? "catalogue/" : "kaunas/" + key.substr(1));
        for (auto p = toml.find(key); p != std::string::npos; p = toml.find(key, p + abs.size()))
            toml.replace(p, key.size(), abs);
    }
    test::write_file(dir / "p.toml", toml);
    const auto r = test::run_cli("plan " + dir / "p.toml");
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("plan.csv"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("line 3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("planned_eur"), std::string::npos) << r.output;
}

// Issue 16: a negative target, and a share over 100 % where the indicator is a share, are
// flagged in plan_progress and in the summary; a target in other units than its result is
// "units differ", counted, not judged.
TEST(PlanCli, ImplausibleTargetsAreFlaggedAndUnitsThatDifferAreCounted) {
    test::ScratchDir dir;
    const std::string src = test::source_dir() + "/datasets/";
    test::write_file(dir / "plan.csv",
                     "id,municipality,measure_code,line,indicator,unit,target,achieved\n"
                     "A,Kauno m. sav.,1,indicator,waiting list change,asm.,-5,3\n"
                     "B,Kauno m. sav.,2,indicator,gavėjų dalis,proc.,120,90\n"
                     "C,Kauno m. sav.,3,indicator,veiklos,,ne mažiau nei viena sociokultūrinė veikla,34 vaikai\n"
                     "D,Kauno m. sav.,4,indicator,patenkintų dalis,%,80,104\n");
    std::string toml = test::read_file(src + "kaunas/kaunas.toml");
    const auto at = toml.find("paths = [");
    toml.replace(at, toml.find('\n', at) - at, "paths = [\"" + dir / "plan.csv" + "\"]");
    for (std::string key : {"\"wards.geojson\"", "\"providers.csv\"", "\"population_groups.csv\"", "\"needs.csv\"",
                            "\"buildings.csv\"", "\"../catalogue/"}) {
        const std::string abs = "\"" + src + (key.find("catalogue") != std::string::npos ? "catalogue/" : "kaunas/" + key.substr(1));
        for (auto p = toml.find(key); p != std::string::npos; p = toml.find(key, p + abs.size()))
            toml.replace(p, key.size(), abs);
    }
    test::write_file(dir / "p.toml", toml);
    const auto r = test::run_cli("plan " + dir / "p.toml --all --out " + dir / "out");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("units differ 1"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Flagged lines: 3"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("A: negative target (-5)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("B: target 120 % of a share"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("D: result 104 % of a share"), std::string::npos) << r.output;
    const std::string csv = test::read_file(dir / "out/plan_progress.csv");
    EXPECT_NE(csv.find("negative target (-5)"), std::string::npos);
    EXPECT_NE(csv.find("units_differ"), std::string::npos);
    const auto run = nlohmann::json::parse(test::read_file(dir / "out/run.json"));
    EXPECT_EQ(run["plan"]["status"]["units_differ"], 1);
    EXPECT_EQ(run["plan"]["flags"].size(), 3u);
}

// Issue 16: the plan command gives a measure of several bodies as the sum, with its parts.
TEST(PlanCli, AMeasureOfSeveralBodiesIsPrintedWithItsParts) {
    test::ScratchDir dir;
    const auto r = test::run_cli("plan " + test::source_dir() + "/datasets/lithuania/lithuania.toml --out " + dir / "out");
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("Visagino sav. 2023 4.2.1: 270.0 %"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("planned 300 + 100 = 400, used 300 + 780 = 1,080"), std::string::npos) << r.output;
    const std::string csv = test::read_file(dir / "out/plan_funds.csv");
    EXPECT_NE(csv.find("Visagino šeimos ir vaiko gerovės centras"), std::string::npos);
}
