// The registry's unit and counts-people flag drive what the council report's ward map prints: the
// unit after each ward label and each legend class, whole numbers for counts of people. The
// expected texts are written here by hand, not taken from the registry.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"
#include "app/core/indicators/registry.hpp"
#include "app/report/report_maps.hpp"
#include "test_util.hpp"

using namespace apreptis;
using app::Language;

namespace {

struct Expected {
    std::string id;         ///< a ward map id of the entry
    std::string lt, en;     ///< the unit after a value
    bool counts_people;
};

// One row per registry entry on the ward map: a new entry fails the test until it is added here.
const std::map<std::string, Expected> expected = {
    {"population", {"population", "\u00a0gyv.", "\u00a0res.", false}},
    {"density", {"density", "/km²", "/km²", false}},
    {"children_est", {"children_est", "\u00a0asm.", "\u00a0people", true}},
    {"older_est", {"older_est", "\u00a0asm.", "\u00a0people", true}},
    {"providers_located", {"providers_located", "", "", false}},
    {"coverage.recipients_per_1000", {"coverage:meals:older:persons:recipients_per_1000", "/1000", "/1000", false}},
    {"coverage.places_per_1000", {"coverage:meals:older:persons:places_per_1000", "/1000", "/1000", false}},
    {"access.share_within", {"access:meals:older", "\u00a0%", "\u00a0%", false}},
    {"capacity.unserved_share", {"capacity:meals:older:unserved_share", "\u00a0%", "\u00a0%", false}},
    {"capacity.no_capacity", {"capacity:meals:older:no_capacity", "\u00a0asm.", "\u00a0people", true}},
    {"capacity.too_far", {"capacity:meals:older:too_far", "\u00a0asm.", "\u00a0people", true}},
    {"capacity.two_step", {"capacity:meals:older:two_step", "/1000", "/1000", false}},
    {"capacity.enhanced", {"capacity:meals:older:enhanced", "/1000", "/1000", false}},
};

/// v with `decimals` and the language's grouping and decimal mark, written out here.
std::string printed(double v, int decimals, Language lang) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf, head = s.substr(0, s.find('.')), out;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (i > 0 && (head.size() - i) % 3 == 0) out += lang == Language::lt ? "\u00a0" : ",";
        out += head[i];
    }
    if (decimals > 0) out += (lang == Language::lt ? "," : ".") + s.substr(s.find('.') + 1);
    return out;
}

} // namespace

TEST(ReportUnits, every_ward_map_entry_prints_the_unit_written_here) {
    std::size_t on_map = 0;
    for (const auto& d : app::indicators::all()) {
        if (d.ward_id.empty()) continue;
        ++on_map;
        const auto it = expected.find(std::string(d.key));
        ASSERT_NE(it, expected.end()) << d.key << ": add the unit it should print to this test";
        const Expected& e = it->second;
        EXPECT_EQ(app::report::indicator_unit(e.id, Language::lt), e.lt) << e.id;
        EXPECT_EQ(app::report::indicator_unit(e.id, Language::en), e.en) << e.id;
        EXPECT_EQ(d.counts_people, e.counts_people) << d.key;
        const auto p = app::indicators::parse(e.id);
        EXPECT_EQ(p.entry, &d) << e.id;
    }
    EXPECT_EQ(on_map, expected.size());
    EXPECT_EQ(app::report::indicator_unit("share_within_median:meals:older", Language::en), ""); // no entry: no unit
}

TEST(ReportUnits, the_legend_carries_the_entry_unit_after_each_upper_limit) {
    const std::vector<std::optional<double>> v = {2.0, 4.0, 6.0, 8.0, 10.0, std::nullopt};
    const auto people = app::report::classify(v, Language::en, 0, app::report::indicator_unit("older_est", Language::en));
    std::vector<std::string> labels;
    for (const auto& [colour, text] : people.legend) labels.push_back(text);
    EXPECT_EQ(labels, (std::vector<std::string>{"2\u00a0people", "over 2 to 4\u00a0people", "over 4 to 6\u00a0people",
                                                "over 6 to 8\u00a0people", "over 8 to 10\u00a0people", "no data"}));
    const auto share = app::report::classify({0.5, 12.25, 99.0}, Language::lt, 1,
                                             app::report::indicator_unit("access:meals:older", Language::lt));
    ASSERT_EQ(share.legend.size(), 3u);
    EXPECT_EQ(share.legend[0].second, "0,5\u00a0%");
    EXPECT_EQ(share.legend[1].second, "virš 0,5 iki 12,3\u00a0%"); // 12.25 rounds half up to 12.3
    EXPECT_EQ(share.legend[2].second, "virš 12,3 iki 99,0\u00a0%");
    const auto rate = app::report::classify({1.0, 3.0}, Language::en, 1,
                                            app::report::indicator_unit("capacity:meals:older:two_step", Language::en));
    EXPECT_EQ(rate.legend[1].second, "over 1.0 to 3.0/1000");
}

// Liechtenstein's hospital capacity (datasets/liechtenstein): the ward labels of a count of people
// are whole numbers followed by "people" / "asm.", a share has a decimal and "%".
TEST(ReportUnits, liechtenstein_ward_labels_follow_the_entry_unit_and_whether_it_counts_people) {
    using namespace apreptis::app;
    const Analysis a = run_analysis(load_run(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml"));
    struct Case {
        std::string id;
        bool counts_people;
        std::string lt, en;
    };
    for (const Case& c : {Case{"capacity:hospital:residents:too_far", true, "\u00a0asm.", "\u00a0people"},
                          Case{"capacity:hospital:residents:unserved_share", false, "\u00a0%", "\u00a0%"},
                          Case{"population", false, "\u00a0gyv.", "\u00a0res."}})
        for (Language lang : {Language::lt, Language::en}) {
            const auto choice = report::choose_indicator(a, "Liechtenstein", lang, c.id);
            EXPECT_EQ(choice.counts_people, c.counts_people) << c.id;
            const auto fig = report::ward_map(a, choice, lang, "Liechtenstein", 5, /*unsuppressed=*/true);
            const auto values = ward_values(a, c.id);
            double max_abs = 0;
            for (std::size_t i = 0; i < a.study().wards.size(); ++i)
                if (a.study().wards[i].municipality == "Liechtenstein" && values[i]) max_abs = std::max(max_abs, std::fabs(*values[i]));
            // a count of people is whole; another figure has a decimal unless it reaches 100
            const int decimals = c.counts_people || max_abs >= 100 ? 0 : 1;
            const std::string& unit = lang == Language::lt ? c.lt : c.en;
            std::size_t k = 0, checked = 0;
            for (std::size_t i = 0; i < a.study().wards.size(); ++i) {
                if (a.study().wards[i].municipality != "Liechtenstein") continue;
                ASSERT_LT(k, fig.labels.size());
                if (values[i]) {
                    const double v = c.counts_people ? std::round(*values[i]) : *values[i];
                    EXPECT_EQ(fig.labels[k], printed(v, decimals, lang) + unit) << c.id << " " << a.study().wards[i].name;
                    ++checked;
                }
                ++k;
            }
            EXPECT_GE(checked, 10u) << c.id; // the eleven municipalities (Gemeinden) have figures
            ASSERT_FALSE(fig.legend.empty());
            const std::string& first = fig.legend.front().second; // the lowest class
            ASSERT_GE(first.size(), unit.size());
            EXPECT_EQ(first.substr(first.size() - unit.size()), unit) << c.id << ": " << first;
        }
}
