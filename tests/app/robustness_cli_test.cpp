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
