// Municipalities side by side on the real national data: populations are the sums of their
// elderships and keep the census total; every Eurostat nursing hospital is counted in exactly
// one municipality or named; the seeds' own municipal figures are carried with their basis
// and "no figure" is never filled in.
#include <gtest/gtest.h>

#include <map>

#include "geo/io/vector_reader.hpp"
#include "model/comparison.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {

struct Row {
    std::string value, rank, basis;
};

std::map<std::string, std::map<std::string, Row>> read_comparison(const std::string& path) {
    const auto t = geo::read_vector(path);
    const int m = t.require_field("municipality"), i = t.require_field("indicator"), v = t.require_field("value"),
              r = t.require_field("rank"), b = t.require_field("basis");
    std::map<std::string, std::map<std::string, Row>> out;
    for (const auto& f : t.features)
        out[*f.values[m]][*f.values[i]] = {f.values[v].value_or(""), f.values[r].value_or(""), f.values[b].value_or("")};
    return out;
}

/// The national comparison, run once for the tests that read it (a few seconds).
struct LithuaniaRun {
    test::ScratchDir dir;
    test::CliRun run;
    LithuaniaRun() {
        const std::string src = test::source_dir() + "/datasets/";
        run = test::run_cli("compare " + src + "lithuania/lithuania.toml --figures " + src +
                            "figures/municipal_figures.csv --out " + dir / "out");
    }
};
const LithuaniaRun& lithuania() {
    static const LithuaniaRun r;
    return r;
}

} // namespace

TEST(Compare, LithuaniaSideBySide) {
    const auto& dir = lithuania().dir;
    const auto& run = lithuania().run;
    ASSERT_EQ(run.rc, 0) << run.output;
    const auto c = read_comparison(dir / "out/comparison.csv");
    ASSERT_EQ(c.size(), 60u);
    double residents = 0, nursing = 0;
    for (const auto& [m, row] : c) {
        residents += std::stod(row.at("population").value);
        nursing += std::stod(row.at("providers:nursing_hospital").value);
    }
    EXPECT_DOUBLE_EQ(residents, 2810755); // 2021 census total
    // 47 Eurostat nursing hospitals: counted in a municipality, or named as lying in none
    const auto note = run.output.find("provider(s) of nursing_hospital lie in no ward");
    const double named = note == std::string::npos ? 0 : std::stod(run.output.substr(run.output.rfind("Note: ", note) + 6));
    EXPECT_DOUBLE_EQ(nursing + named, 47);
    // Kaunas 2021: 10 229 787 EUR / 293 277 residents = 34.88 EUR per resident, as printed
    const auto& k = c.at("Kauno m. sav.").at("social_services_spending_per_resident");
    EXPECT_NEAR(std::stod(k.value), 34.88, 0.005);
    EXPECT_NE(k.basis.find("293 277"), std::string::npos);
    // Vilnius has no such figure: none is filled in
    const auto& v = c.at("Vilniaus m. sav.").at("social_services_spending_per_resident");
    EXPECT_EQ(v.value, "");
    EXPECT_EQ(v.basis, "no figure");
    // Visaginas: its plan indicators judged; a rank among those with a figure
    EXPECT_NE(c.at("Visagino sav.").at("plan_on_track_share").value, "");
    EXPECT_NE(c.at("Visagino sav.").at("plan_on_track_share").rank, "");
    EXPECT_TRUE(std::filesystem::exists(dir / "out/comparison_map.svg"));
    EXPECT_TRUE(std::filesystem::exists(dir / "out/comparison.gpkg"));
}

TEST(Compare, RanksShareTiesAndSkipMissing) {
    model::Comparison c;
    const model::ComparisonIndicator hi{"x", "", "", "", model::RankOrder::high_first};
    const model::ComparisonIndicator lo{"y", "", "", "", model::RankOrder::low_first};
    c.set("A", hi, 5, "");
    c.set("B", hi, 7, "");
    c.set("C", hi, 5, "");
    c.municipality("D");
    c.set("A", lo, 1, "");
    c.set("B", lo, 3, "");
    model::rank(c);
    EXPECT_EQ(c.cells[0][0].rank, 2);
    EXPECT_EQ(c.cells[1][0].rank, 1);
    EXPECT_EQ(c.cells[2][0].rank, 2);
    EXPECT_EQ(c.cells[3][0].rank, 0); // no figure, no rank
    EXPECT_EQ(c.cells[0][1].rank, 1);
    EXPECT_EQ(c.cells[1][1].rank, 2);
    EXPECT_EQ(c.with_figure(0), 3);
}

TEST(Compare, ValuesEqualAsPrintedShareARank) {
    // Issue 16: Palanga's unserved share was 100.00000000000009 % and ranked 60 alone while
    // four municipalities shared 56 at 100 %. Shares print to a tenth: equal as printed, equal
    // rank; competition ranking ("1224") around them.
    model::Comparison c;
    const model::ComparisonIndicator lo{"unserved", "", "", "%", model::RankOrder::low_first};
    c.set("A", lo, 99.28, "");
    c.set("B", lo, 100.0, "");
    c.set("C", lo, 100.0, "");
    c.set("D", lo, 100.0, "");
    c.set("E", lo, 100.0, "");
    c.set("Palanga", lo, 100.00000000000009, "");
    c.set("F", lo, 60.17, ""); // both print "60.2"
    c.set("G", lo, 60.21, "");
    c.set("H", lo, 60.26, ""); // "60.3"
    model::rank(c);
    auto rank_of = [&](const std::string& m) { return c.cells[c.municipality(m)][0].rank; };
    EXPECT_EQ(rank_of("F"), 1);
    EXPECT_EQ(rank_of("G"), 1);
    EXPECT_EQ(rank_of("H"), 3);
    EXPECT_EQ(rank_of("A"), 4);
    for (const char* m : {"B", "C", "D", "E", "Palanga"}) EXPECT_EQ(rank_of(m), 5) << m;
}

TEST(Compare, PalangaUnservedShareIsAShareAndRankedWithTheOtherHundreds) {
    const auto& run = lithuania().run;
    ASSERT_EQ(run.rc, 0) << run.output;
    const auto c = read_comparison(lithuania().dir / "out/comparison.csv");
    const std::string ind = "unserved_share:nursing_hospital:residents";
    std::map<std::string, std::string> rank_of_hundred; // municipality -> rank, where the share prints as 100.0
    for (const auto& [m, row] : c) {
        const auto it = row.find(ind);
        if (it == row.end() || it->second.value.empty()) continue;
        const double v = std::stod(it->second.value);
        EXPECT_GE(v, 0.0) << m;
        EXPECT_LE(v, 100.0) << m << ": " << it->second.value; // a share, clamped when computed
        if (v >= 99.95) rank_of_hundred[m] = it->second.rank;
    }
    ASSERT_TRUE(rank_of_hundred.count("Palangos m. sav."));
    EXPECT_GE(rank_of_hundred.size(), 5u);
    for (const auto& [m, r] : rank_of_hundred) EXPECT_EQ(r, rank_of_hundred.at("Palangos m. sav.")) << m;
    // the printed table agrees: Palanga is listed at the rank the others at 100.0 have
    EXPECT_NE(run.output.find(rank_of_hundred.at("Palangos m. sav.") + ". Palangos m. sav.: 100.0\n"), std::string::npos)
        << run.output;
}

TEST(Compare, AFigureForAMunicipalityNotComparedIsRefused) {
    test::ScratchDir dir;
    test::write_file(dir / "f.csv", "municipality,indicator,rank_order,value,basis\nRygos sav.,x,none,1,printed\n");
    const auto r = test::run_cli("compare " + test::source_dir() + "/datasets/kaunas/kaunas.toml --figures " +
                                 dir / "f.csv" + " --out " + dir / "out");
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.output.find("Rygos sav."), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}
