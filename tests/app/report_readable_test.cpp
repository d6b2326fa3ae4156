// The council report read without help (issue 16, part 2), on the Kaunas report in both
// languages: nothing cut short, every travel figure says how it was measured, providers
// without a location said first and never making a ward "lowest", the plan's own lines,
// class limits that do not overlap, and a chart. Expected figures come from the analysis
// outputs (providers.csv, wards.csv) and the plan CSV, read here, not from the report code.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "test_util.hpp"

using namespace apreptis;

namespace {

std::string kaunas() { return test::source_dir() + "/datasets/kaunas/kaunas.toml"; }

/// Runs of whitespace (line breaks, no-break spaces) made one space.
std::string collapse(const std::string& s) {
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        const bool space = nbsp || std::isspace(static_cast<unsigned char>(s[i]));
        if (nbsp) ++i;
        if (space) {
            if (!t.empty() && t.back() != ' ') t += ' ';
        } else {
            t += s[i];
        }
    }
    return t;
}

std::vector<std::vector<std::string>> read_csv(const std::string& path) { return test::parse_csv(test::read_file(path)); }

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
}

/// The Kaunas report in `lang` (text, layout text) and the analysis outputs, made once.
struct Kaunas {
    test::ScratchDir dir;
    std::map<std::string, std::string> text, layout;
    Kaunas() {
        for (const std::string lang : {"lt", "en"}) {
            const auto r = test::run_cli("report " + kaunas() + " --lang " + lang + " --out " + dir / (lang + ".pdf"));
            EXPECT_EQ(r.rc, 0) << r.output;
            text[lang] = test::shell_stdout("pdftotext " + dir / (lang + ".pdf") + " -");
            layout[lang] = test::shell_stdout("pdftotext -layout " + dir / (lang + ".pdf") + " -");
        }
        const auto r = test::run_cli("analyze " + kaunas() + " --quiet --out " + dir / "out");
        EXPECT_EQ(r.rc, 0) << r.output;
    }
    static Kaunas& get() {
        static Kaunas k;
        return k;
    }
    std::string out(const std::string& file) const { return dir / ("out/" + file); }
};

const std::set<std::string> located_precisions{"ward", "address", "building", "planned", "placed_by_hand"};

} // namespace

TEST(ReadableReport, NoTextIsCutShort) {
    auto& k = Kaunas::get();
    for (const auto& [lang, text] : k.text) {
        ASSERT_GT(text.size(), 1000u) << lang;
        EXPECT_EQ(text.find("…"), std::string::npos) << lang << ": " << text.substr(text.find("…") - 80, 120);
    }
}

// Each "N min" is followed, in the same sentence, cell or heading, by the mode and the method.
void expect_travel_figures_say_how(const std::string& text, const std::string& lang, const std::string& method_en,
                                   const std::string& method_lt) {
    const std::string t = collapse(text);
    const std::regex minutes(R"((\d+) min\b)");
    int figures = 0;
    for (auto it = std::sregex_iterator(t.begin(), t.end(), minutes); it != std::sregex_iterator(); ++it) {
        ++figures;
        const std::string after = t.substr(static_cast<std::size_t>(it->position()), 90);
        const bool mode = lang == "en" ? (after.find("on foot") != std::string::npos || after.find("by car") != std::string::npos)
                                       : (after.find("pėsčiomis") != std::string::npos || after.find("automobiliu") != std::string::npos);
        const bool method = after.find(lang == "en" ? method_en : method_lt) != std::string::npos;
        EXPECT_TRUE(mode && method) << lang << ": '" << after << "'";
    }
    EXPECT_GT(figures, 2) << lang;
}

TEST(ReadableReport, EveryTravelFigureNamesModeAndMethod) {
    auto& k = Kaunas::get();
    for (const auto& [lang, text] : k.text) {
        expect_travel_figures_say_how(text, lang, "straight line", "tiesia linija");
        EXPECT_NE(collapse(text).find(lang == "en" ? "on foot, 4.5 km/h, straight line" : "pėsčiomis, 4,5 km/h, tiesia linija"),
                  std::string::npos) << lang;
    }
}

TEST(ReadableReport, NetworkTimesSayNetwork) {
    test::ScratchDir dir;
    const std::string li = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    const auto r = test::run_cli("report " + li + " --lang en --out " + dir / "li.pdf");
    ASSERT_EQ(r.rc, 0) << r.output;
    const std::string text = test::shell_stdout("pdftotext " + dir / "li.pdf" + " -");
    expect_travel_figures_say_how(text, "en", "road network", "kelių tinklu");
    EXPECT_EQ(collapse(text).find("straight line"), std::string::npos);
}

TEST(ReadableReport, UnlocatedProvidersAreSaidBeforeAnyWardFigure) {
    auto& k = Kaunas::get();
    // Providers of the analysis outputs, each once, and how many are located to a ward or better.
    const auto providers = read_csv(k.out("providers.csv"));
    ASSERT_GT(providers.size(), 2u);
    const auto id = column(providers[0], "provider_id"), precision = column(providers[0], "location_precision");
    std::map<std::string, std::string> by_id;
    for (std::size_t i = 1; i < providers.size(); ++i) by_id[providers[i][id]] = providers[i][precision];
    int located = 0;
    for (const auto& [p, prec] : by_id) located += located_precisions.count(prec) > 0;
    const int total = static_cast<int>(by_id.size()), missing = total - located;
    EXPECT_EQ(total, 141); // README: 141 providers, 7 located (6 to a ward, 1 address)
    const auto wards = read_csv(k.out("wards.csv"));
    const auto name = column(wards[0], "name");
    for (const auto& [lang, raw] : k.text) {
        const std::string text = collapse(raw);
        const std::string sentence = lang == "en"
            ? std::to_string(missing) + " of " + std::to_string(total) + " providers have no location"
            : std::to_string(missing) + " iš " + std::to_string(total) + " paslaugų teikėjų vieta nežinoma";
        const std::string count = lang == "en" ? "count only the " + std::to_string(located) + " located"
                                               : "apima tik " + std::to_string(located) + " teikėjus";
        const auto at = text.find(sentence);
        ASSERT_NE(at, std::string::npos) << lang << ": no '" << sentence << "'";
        EXPECT_NE(text.find(count, at), std::string::npos) << lang << ": no '" << count << "'";
        for (std::size_t i = 1; i < wards.size(); ++i)
            if (wards[i].size() > name) {
                EXPECT_LT(at, text.find(wards[i][name])) << lang << ": " << wards[i][name] << " before the notice";
            }
    }
}

TEST(ReadableReport, NoWardIsLowestBecauseItsProvidersAreUnlocated) {
    auto& k = Kaunas::get();
    // Service lines (type/group/unit) whose every provider is located: only there can a ward be lowest.
    const auto providers = read_csv(k.out("providers.csv"));
    const auto& h = providers[0];
    const auto st = column(h, "service_type"), tg = column(h, "target_group"), unit = column(h, "unit"),
               precision = column(h, "location_precision");
    std::map<std::string, bool> all_located;
    for (std::size_t i = 1; i < providers.size(); ++i) {
        const std::string key = providers[i][st] + "/" + providers[i][tg] + "/" + providers[i][unit];
        const bool here = located_precisions.count(providers[i][precision]) > 0;
        all_located[key] = all_located.count(key) ? (all_located[key] && here) : here;
    }
    int fully_located = 0;
    for (const auto& [key, all] : all_located) fully_located += all;
    const auto wards = read_csv(k.out("wards.csv"));
    const auto name = column(wards[0], "name");
    const std::string layout = k.layout.at("en");
    const auto from = layout.find("per 1000 of the target group"), to = layout.find("Plan progress");
    ASSERT_NE(from, std::string::npos);
    std::istringstream section(layout.substr(from, to - from));
    int rows_naming_a_ward = 0;
    for (std::string line; std::getline(section, line);)
        for (std::size_t i = 1; i < wards.size(); ++i)
            if (wards[i].size() > name && line.find(wards[i][name]) != std::string::npos) {
                ++rows_naming_a_ward;
                break;
            }
    EXPECT_GE(fully_located, 1);
    EXPECT_LE(rows_naming_a_ward, fully_located) << layout.substr(from, to - from);
    EXPECT_NE(layout.find("not known: 18 of 23"), std::string::npos); // children's day centres: 5 of 23 placed
}

TEST(ReadableReport, PlanShowsTargetsAndResultsAsText) {
    auto& k = Kaunas::get();
    // The 2022 plan's measures with a target in words and a result in words (plan CSV, read here).
    const auto plan = read_csv(test::source_dir() + "/datasets/plans/kaunas_2022_measures.csv");
    const auto& h = plan[0];
    const auto code = column(h, "measure_code"), target = column(h, "target"), achieved = column(h, "achieved"),
               line = column(h, "line");
    std::map<std::string, std::pair<std::string, std::string>> measures;
    for (std::size_t i = 1; i < plan.size(); ++i) {
        if (plan[i].size() <= achieved || plan[i][line] != "indicator") continue;
        if (!plan[i][target].empty()) measures[plan[i][code]].first = plan[i][target];
        if (!plan[i][achieved].empty()) measures[plan[i][code]].second = plan[i][achieved];
    }
    for (const auto& [lang, raw] : k.text) {
        const std::string text = collapse(raw);
        int shown = 0;
        for (const std::string m : {"1.3", "1.4", "2.1"}) {
            const auto& [t, a] = measures.at(m);
            ASSERT_FALSE(t.empty() || a.empty()) << m;
            const auto at_t = text.find(collapse(t)), at_a = text.find(collapse(a));
            EXPECT_NE(at_t, std::string::npos) << lang << ": target of " << m << ": " << t;
            EXPECT_NE(at_a, std::string::npos) << lang << ": result of " << m << ": " << a;
            if (at_t != std::string::npos && at_a != std::string::npos) {
                EXPECT_LT(at_t, at_a);
                EXPECT_LT(at_a - at_t, collapse(t).size() + 40) << lang << ": target and result of " << m << " side by side";
                ++shown;
            }
        }
        EXPECT_EQ(shown, 3) << lang;
    }
}

TEST(ReadableReport, ClassLimitsDoNotOverlapAndLabelsCarryUnitAndWard) {
    auto& k = Kaunas::get();
    // Legend rows: "0 to 3 %", "over 3 to 44 %" (en); the old "0–3", "3 – 44" parse the same way.
    const std::regex legend_row(R"(^(over )?([0-9.,]+) ?(?:to|–) ?([0-9.,]+)(?: %)?$)");
    std::istringstream lines(k.text.at("en"));
    struct Class { double lo, hi; bool open_lo; };
    std::vector<Class> classes;
    for (std::string line; std::getline(lines, line);) {
        line = collapse(line);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        std::smatch m;
        if (std::regex_match(line, m, legend_row))
            classes.push_back({std::stod(m[2]), std::stod(m[3]), m[1].matched});
    }
    ASSERT_GE(classes.size(), 3u);
    std::set<double> limits;
    for (const auto& c : classes) limits.insert(c.lo), limits.insert(c.hi);
    for (double v : limits) {
        int in = 0;
        for (const auto& c : classes) in += (c.open_lo ? v > c.lo : v >= c.lo) && v <= c.hi;
        EXPECT_EQ(in, 1) << "the limit " << v << " is in " << in << " classes";
    }
    // Every ward is numbered in the key beside the map, and every value on page 1 carries its unit.
    const auto wards = read_csv(k.out("wards.csv"));
    const auto name = column(wards[0], "name");
    const std::string text = collapse(k.text.at("en"));
    const std::string page1 = text.substr(0, text.find("How the figures were obtained"));
    int named = 0;
    for (std::size_t i = 1; i < wards.size(); ++i) {
        if (wards[i].size() <= name) continue;
        ++named;
        const std::regex keyed(R"(\b\d+ )" + std::regex_replace(wards[i][name], std::regex(R"([.()])"), R"(\$&)"));
        EXPECT_TRUE(std::regex_search(page1, keyed)) << wards[i][name] << " numbered in the key on page 1";
    }
    const std::regex with_unit(R"(\b\d+ ?%)");
    const auto values = std::distance(std::sregex_iterator(page1.begin(), page1.end(), with_unit), std::sregex_iterator());
    EXPECT_GE(values, 2 * named) << "each ward's label on the map and in the key, with %";
}

TEST(ReadableReport, ChartIsDrawn) {
    auto& k = Kaunas::get();
    // The bars are drawn in one colour that only the chart uses on page 2.
    test::shell_stdout("pdftoppm -r 72 -f 2 -l 2 -aa no -aaVector no " + k.dir / "en.pdf" + " " + k.dir / "p2");
    std::ifstream f(k.dir / "p2-2.ppm", std::ios::binary);
    std::string magic;
    int w = 0, hgt = 0, maxval = 0;
    f >> magic >> w >> hgt >> maxval;
    f.get();
    std::vector<unsigned char> rgb(static_cast<std::size_t>(w) * hgt * 3);
    f.read(reinterpret_cast<char*>(rgb.data()), static_cast<std::streamsize>(rgb.size()));
    ASSERT_EQ(magic, "P6");
    long bar = 0;
    for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) bar += rgb[i] == 67 && rgb[i + 1] == 162 && rgb[i + 2] == 202;
    EXPECT_GT(bar, 2000) << "bar pixels";
    // The reference line: the municipality's share within the threshold, from access.csv.
    const auto access = read_csv(k.out("access.csv"));
    const auto level = column(access[0], "level"), share = column(access[0], "share_within");
    std::string municipal;
    for (std::size_t i = 1; i < access.size(); ++i)
        if (access[i].size() > share && access[i][level] == "municipality")
            municipal = std::to_string(static_cast<int>(std::lround(std::stod(access[i][share]) * 100)));
    ASSERT_FALSE(municipal.empty());
    const std::string text = collapse(k.text.at("en"));
    EXPECT_NE(text.find("per ward"), std::string::npos);
    EXPECT_NE(text.find("municipality " + municipal + " %"), std::string::npos) << municipal;
}
