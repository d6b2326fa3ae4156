// The council report's "how sure" column (issue 20): with [robustness] in the project, every
// row of the worst-served table says "sure" / "not sure" with the share of runs in which the
// ward was among the k worst, and one sentence says what was varied. The figure is checked
// against the robustness.csv that `apreptis robustness` writes for the same project (an
// independent path: the CLI's output, read with the tests' own CSV parser).
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <map>

#include "test_util.hpp"

using namespace apreptis;

namespace {

std::string kaunas() { return test::source_dir() + "/datasets/kaunas/kaunas.toml"; }

struct Expected {
    long percent = 0;
    bool sure = false;
};

/// Ward name -> the share of runs among the k worst (rounded as the report prints it) and
/// whether it is robustly underserved, for nursing_hospital / residents by share within.
std::map<std::string, Expected> from_csv(const std::string& csv_path) {
    const auto rows = test::parse_csv(test::read_file(csv_path));
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < rows.at(0).size(); ++i) col[rows[0][i]] = i;
    std::map<std::string, Expected> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& f = rows[r];
        if (f[col.at("level")] != "ward" || f[col.at("indicator")] != "share_within" ||
            f[col.at("service_type")] != "nursing_hospital" || f[col.at("target_group")] != "residents")
            continue;
        out[f[col.at("area_name")]] = {std::lround(std::stod(f[col.at("p_worst_k")]) * 100),
                                       f[col.at("robustly_underserved")] == "1"};
    }
    return out;
}

/// The text on one line: line breaks and no-break spaces as one space.
std::string flat(const std::string& s) {
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (nbsp) ++i;
        if (nbsp || std::isspace(static_cast<unsigned char>(s[i]))) {
            if (!t.empty() && t.back() != ' ') t += ' ';
        } else {
            t += s[i];
        }
    }
    return t;
}

/// The line of `text` that holds `needle`, from `from` on.
std::string line_with(const std::string& text, const std::string& needle, std::size_t from) {
    const auto at = text.find(needle, from);
    if (at == std::string::npos) return "";
    const auto start = text.rfind('\n', at) + 1;
    return text.substr(start, text.find('\n', at) - start);
}

} // namespace

TEST(ReportRobustness, TheWorstServedTableSaysHowSureAsTheRobustnessCsvDoes) {
    test::ScratchDir dir;
    const auto robust = test::run_cli("robustness " + kaunas() + " --out " + dir / "r" + " --quiet");
    ASSERT_EQ(robust.rc, 0) << robust.output;
    const auto expected = from_csv(dir / "r/robustness.csv");
    ASSERT_EQ(expected.size(), 11u); // every ward of Kaunas has residents: all ranked
    const auto r = test::run_cli("report " + kaunas() + " --out " + dir / "k.pdf");
    ASSERT_EQ(r.rc, 0) << r.output;
    const std::string text = test::shell_stdout("pdftotext -layout " + dir / "k.pdf" + " -");
    const auto table = text.find("Blogiausiai aptarnaujamos seniūnijos");
    ASSERT_NE(table, std::string::npos) << text;
    EXPECT_NE(line_with(text, "Seniūnija", table).find("Kiek tikra"), std::string::npos);
    const auto sentence = text.find("Kiek tikra: 1 000 skaičiavimų", table);
    ASSERT_NE(sentence, std::string::npos) << text.substr(table, 3000);
    // the three worst wards of the single run, each with its figure from the CSV
    int rows = 0, sure = 0, not_sure = 0;
    for (const auto& [name, e] : expected) {
        const auto at = text.find(name, table);
        if (at == std::string::npos || at > sentence) continue; // not among the table's rows
        const std::string line = flat(line_with(text, name, table));
        const std::string want = std::string(e.sure ? "tikra, " : "netikra, ") + std::to_string(e.percent) + " %";
        EXPECT_NE(line.find(want), std::string::npos) << name << ": '" << want << "' not in '" << line << "'";
        EXPECT_EQ(line.find(e.sure ? "netikra" : " tikra, "), std::string::npos) << line;
        ++rows;
        (e.sure ? sure : not_sure)++;
    }
    EXPECT_EQ(rows, 3);
    EXPECT_GE(sure, 1);     // Vilijampolės and Šilainių: in every run among the 3 worst
    EXPECT_GE(not_sure, 1); // Eigulių: in some runs only
    // what was varied, as in [robustness] of kaunas.toml (pdftotext may break the lines)
    const std::string para = flat(text.substr(sentence, 700));
    for (const char* needle : {"45, 60 ar 75 min; pagrindinis skaičiavimas: pėsčiomis", "3,0–4,5 km/h", "±20 %", "tarp 3 blogiausių", "bent 90 %"})
        EXPECT_NE(para.find(needle), std::string::npos) << "missing '" << needle << "' in " << para;
}

TEST(ReportRobustness, EnglishSaysSureAndWhatWasVaried) {
    test::ScratchDir dir;
    const auto r = test::run_cli("report " + kaunas() + " --lang en --out " + dir / "en.pdf");
    ASSERT_EQ(r.rc, 0) << r.output;
    const std::string layout = test::shell_stdout("pdftotext -layout " + dir / "en.pdf" + " -");
    EXPECT_NE(flat(line_with(layout, "Šilainių sen.", layout.find("Wards worst served"))).find("sure, 100 %"), std::string::npos);
    const std::string text = flat(layout);
    for (const char* needle : {"How sure: 1,000 runs (ESTIMATES) varying the threshold (45, 60 or 75 min; the single run: on foot, 4.5 km/h, straight line)",
                               "3.0–4.5 km/h", "among the 3 worst"})
        EXPECT_NE(text.find(needle), std::string::npos) << "missing '" << needle << "'";
}
