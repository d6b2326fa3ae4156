// apreptis robustness end to end on Liechtenstein (network): the outputs, the same seed giving
// the same files, the single run's column equal to what analyze writes, usage errors.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

using namespace apreptis;

namespace {

/// "level,area_code,...,service_type,target_group" -> the named column, from a CSV whose
/// fields hold no commas (Liechtenstein's names have none).
std::map<std::string, double> column(const std::string& csv, const std::string& name, const std::string& indicator) {
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> head;
    for (std::stringstream h(line); std::getline(h, line, ',');) head.push_back(line);
    std::map<std::string, double> out;
    for (std::string row; std::getline(in, row);) {
        std::vector<std::string> f;
        for (std::stringstream r(row); std::getline(r, line, ',');) f.push_back(line);
        std::map<std::string, std::string> m;
        for (std::size_t i = 0; i < head.size() && i < f.size(); ++i) m[head[i]] = f[i];
        if (m["level"] != "ward" || (!indicator.empty() && m["indicator"] != indicator)) continue;
        out[m["area_code"] + "/" + m["service_type"] + "/" + m["target_group"]] = std::stod(m[name]);
    }
    return out;
}

} // namespace

TEST(RobustnessCli, LiechtensteinWritesTheSummariesAndTheSameSeedTheSameFiles) {
    test::ScratchDir dir;
    const std::string project = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    const auto a = test::run_cli("robustness " + project + " --out " + dir / "a" + " --runs 300 --seed 5");
    ASSERT_EQ(a.rc, 0) << a.output;
    EXPECT_NE(a.output.find("300 runs, seed 5"), std::string::npos) << a.output;
    EXPECT_NE(a.output.find("threshold: one of 20, 30, 45 min"), std::string::npos) << a.output;
    const auto b = test::run_cli("robustness " + project + " --out " + dir / "b" + " --runs 300 --seed 5");
    ASSERT_EQ(b.rc, 0) << b.output;
    const std::string csv = test::read_file(dir / "a/robustness.csv");
    EXPECT_EQ(csv, test::read_file(dir / "b/robustness.csv"));
    EXPECT_TRUE(std::filesystem::exists(dir / "a/robustness.gpkg"));
    const auto run = nlohmann::json::parse(test::read_file(dir / "a/run.json"));
    EXPECT_EQ(run["robustness"]["settings"]["runs"], 300);
    EXPECT_EQ(run["robustness"]["settings"]["seed"], 5);
    EXPECT_EQ(run["robustness"]["settings"]["speed_kmh"][0], 3.0);
    EXPECT_GT(run["robustness"]["rows"].get<int>(), 0);

    // the single run's share per ward is what analyze writes to access.csv
    const auto r = test::run_cli("analyze " + project + " --out " + dir / "analysis" + " --quiet");
    ASSERT_EQ(r.rc, 0) << r.output;
    const auto single = column(csv, "single_run", "share_within");
    const auto analysed = column(test::read_file(dir / "analysis/access.csv"), "share_within", "");
    ASSERT_FALSE(single.empty());
    for (const auto& [key, v] : single) {
        ASSERT_TRUE(analysed.count(key)) << key;
        EXPECT_DOUBLE_EQ(v, analysed.at(key)) << key;
    }
    // a slower walk and shorter thresholds never raise a ward's share: p05 <= single at 30 min
    const auto p05 = column(csv, "p05", "share_within");
    for (const auto& [key, v] : p05) EXPECT_LE(v, single.at(key) + 1e-12) << key;
}

TEST(RobustnessCli, UsageErrorsExit64) {
    const std::string project = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    EXPECT_EQ(test::run_cli("robustness " + project).rc, 64);
    test::ScratchDir dir;
    const auto r = test::run_cli("robustness " + project + " --out " + dir / "x" + " --runs 0");
    EXPECT_EQ(r.rc, 64);
    EXPECT_NE(r.output.find("--runs needs a whole number from 1"), std::string::npos) << r.output;
}

TEST(RobustnessCli, ASpeedRangeInDescendingOrderIsNamedWithLineAndColumn) {
    test::ScratchDir dir;
    std::string toml = test::read_file(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml");
    const auto at = toml.find("speed_kmh = [3.0, 4.5]");
    ASSERT_NE(at, std::string::npos);
    toml.replace(at, 22, "speed_kmh = [4.5, 3.0]");
    test::write_file(dir / "p.toml", toml); // [robustness] is read before any input file
    const auto r = test::run_cli("robustness " + dir / "p.toml" + " --out " + dir / "out");
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.output.find("p.toml:"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("[robustness] speed_kmh needs two numbers, low then high"), std::string::npos) << r.output;
}

// suggest --how-sure: the sites under [robustness]'s variations, in the terminal, in
// site_robustness.csv and in run.json; the same seed the same file; without the flag nothing
// of it is written.
TEST(RobustnessCli, SuggestHowSureSaysWhetherSiteOneStaysFirst) {
    test::ScratchDir dir;
    const std::string project = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    const std::string base = "suggest " + project + " --service pharmacy --k 2 --candidate-grid 500";
    const auto a = test::run_cli(base + " --out " + dir / "a" + " --how-sure --runs 60");
    ASSERT_EQ(a.rc, 0) << a.output;
    EXPECT_NE(a.output.find("How sure (60 runs, seed 1"), std::string::npos) << a.output;
    EXPECT_NE(a.output.find("keeps rank 1 in"), std::string::npos) << a.output;
    const auto rows = test::parse_csv(test::read_file(dir / "a/site_robustness.csv"));
    ASSERT_EQ(rows.size(), 3u); // header and two sites
    EXPECT_EQ(rows[0][0], "rank");
    const auto run = nlohmann::json::parse(test::read_file(dir / "a/run.json"));
    ASSERT_EQ(run["robustness"]["sites"].size(), 2u);
    EXPECT_EQ(run["robustness"]["settings"]["runs"], 60);
    for (const auto& s : run["robustness"]["sites"]) {
        EXPECT_GE(s["p_same_rank"].get<double>(), 0.0);
        EXPECT_LE(s["p_same_rank"].get<double>(), 1.0);
        EXPECT_LE(s["p05_gain"].get<double>(), s["median_gain"].get<double>());
        EXPECT_LE(s["median_gain"].get<double>(), s["p95_gain"].get<double>());
    }
    const auto b = test::run_cli(base + " --out " + dir / "b" + " --how-sure --runs 60");
    ASSERT_EQ(b.rc, 0) << b.output;
    EXPECT_EQ(test::read_file(dir / "a/site_robustness.csv"), test::read_file(dir / "b/site_robustness.csv"));
    const auto plain = test::run_cli(base + " --out " + dir / "c");
    ASSERT_EQ(plain.rc, 0) << plain.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "c/site_robustness.csv"));
    EXPECT_EQ(plain.output.find("How sure"), std::string::npos);
    EXPECT_EQ(test::run_cli(base + " --out " + dir / "d" + " --runs 60").rc, 64); // --runs without --how-sure
}

// compare --how-sure: per municipality the median share within over [robustness]'s runs, the
// same figure as the municipality row of `apreptis robustness`'s CSV (a separate command).
TEST(RobustnessCli, CompareHowSureGivesEachMunicipalityItsMedianShare) {
    test::ScratchDir dir;
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    const std::string li = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    std::map<std::string, double> expected; // municipality/service -> median (%)
    for (const auto& [p, name] : {std::pair{kaunas, std::string("k")}, std::pair{li, std::string("l")}}) {
        ASSERT_EQ(test::run_cli("robustness " + p + " --out " + dir / name + " --quiet").rc, 0);
        const auto rows = test::parse_csv(test::read_file(dir / (name + "/robustness.csv")));
        std::map<std::string, std::size_t> col;
        for (std::size_t i = 0; i < rows.at(0).size(); ++i) col[rows[0][i]] = i;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (rows[r][col["level"]] == "municipality" && rows[r][col["indicator"]] == "share_within")
                expected[rows[r][col["area_code"]] + "/" + rows[r][col["service_type"]] + ":" + rows[r][col["target_group"]]] =
                    std::stod(rows[r][col["median"]]) * 100;
    }
    ASSERT_GE(expected.size(), 3u);
    const auto r = test::run_cli("compare " + kaunas + " " + li + " --how-sure --out " + dir / "c");
    ASSERT_EQ(r.rc, 0) << r.output;
    const auto rows = test::parse_csv(test::read_file(dir / "c/comparison.csv"));
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows.at(0).size(); ++i) col[rows[0][i]] = i;
    std::size_t found = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::string& ind = rows[i][col["indicator"]];
        if (ind.rfind("share_within_median:", 0) != 0 || rows[i][col["value"]].empty()) continue;
        const std::string key = rows[i][col["municipality"]] + "/" + ind.substr(20);
        ASSERT_TRUE(expected.count(key)) << key;
        EXPECT_NEAR(std::stod(rows[i][col["value"]]), expected.at(key), 1e-9) << key;
        EXPECT_NE(rows[i][col["basis"]].find("median of 1000 runs"), std::string::npos);
        ++found;
    }
    EXPECT_EQ(found, expected.size());
    // without the flag, no such indicator
    ASSERT_EQ(test::run_cli("compare " + kaunas + " " + li + " --out " + dir / "plain").rc, 0);
    EXPECT_EQ(test::read_file(dir / "plain/comparison.csv").find("share_within_median"), std::string::npos);
}
