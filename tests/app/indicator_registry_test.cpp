// The indicator registry: ids unique, both spellings of the travel share found, the ward map and
// the comparison labelled from it, and docs/INDICATORS.md carrying its table.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/core/indicators/registry.hpp"

namespace ind = apreptis::app::indicators;

TEST(IndicatorRegistry, keys_and_ids_are_unique_and_every_entry_is_shown_somewhere) {
    std::set<std::string> keys, ids;
    for (const auto& d : ind::all()) {
        EXPECT_TRUE(keys.insert(std::string(d.key)).second) << d.key;
        EXPECT_FALSE(d.ward_id.empty() && d.municipal_id.empty()) << d.key << " is neither mapped nor compared";
        if (!d.ward_id.empty()) {
            EXPECT_TRUE(ids.insert(std::string(d.ward_id)).second) << d.ward_id;
            EXPECT_FALSE(d.ward_lt.empty() || d.ward_en.empty()) << d.key;
        }
        if (!d.municipal_id.empty() && d.municipal_id != d.ward_id) {
            EXPECT_TRUE(ids.insert(std::string(d.municipal_id)).second) << d.municipal_id;
            EXPECT_FALSE(d.municipal_lt.empty() || d.municipal_en.empty()) << d.key;
        }
    }
}

TEST(IndicatorRegistry, finds_an_id_in_either_spelling) {
    ASSERT_NE(ind::find("access:home_help:older"), nullptr);
    EXPECT_EQ(ind::find("access:home_help:older")->key, "access.share_within");
    EXPECT_EQ(ind::find("share_within:home_help:older"), ind::find("access:home_help:older"));
    EXPECT_EQ(ind::find("coverage:meals:residents:persons:places_per_1000")->key, "coverage.places_per_1000");
    EXPECT_EQ(ind::find("places_per_1000:meals:residents:persons")->key, "coverage.places_per_1000");
    EXPECT_EQ(ind::find("capacity:meals:residents:too_far")->key, "capacity.too_far");
    EXPECT_EQ(ind::find("unserved_share:meals:residents")->key, "capacity.unserved_share");
    EXPECT_EQ(ind::find("density")->key, "density");
    EXPECT_EQ(ind::find("coverage:meals:residents:persons:no_such_measure"), nullptr);
    EXPECT_EQ(ind::find("capacity:meals::too_far"), nullptr); // an empty part is no service or group
    EXPECT_EQ(ind::find("share_within_median:meals:residents"), nullptr); // --how-sure adds it, not the registry
    EXPECT_EQ(ind::ward_spelling("share_within:a:b"), "access:a:b");
    EXPECT_EQ(ind::ward_spelling("access:a:b"), "access:a:b");
    EXPECT_EQ(ind::municipal_spelling("access:a:b"), "share_within:a:b");
    EXPECT_EQ(ind::municipal_spelling("share_within_median:a:b"), "share_within_median:a:b");
    // every entry with both spellings, not only the travel share
    EXPECT_EQ(ind::ward_spelling("places_per_1000:a:b:persons"), "coverage:a:b:persons:places_per_1000");
    EXPECT_EQ(ind::municipal_spelling("coverage:a:b:persons:recipients_per_1000"), "recipients_per_1000:a:b:persons");
    EXPECT_EQ(ind::municipal_spelling("capacity:a:b:unserved_share"), "unserved_share:a:b");
    EXPECT_EQ(ind::ward_spelling("unserved_share:a:b"), "capacity:a:b:unserved_share");
    EXPECT_EQ(ind::municipal_spelling("capacity:a:b:too_far"), "capacity:a:b:too_far"); // not compared
    EXPECT_EQ(ind::ward_spelling("providers:a"), "providers:a");                          // not on the ward map
    EXPECT_EQ(ind::ward_spelling("density"), "density");
}

TEST(IndicatorRegistry, parse_takes_an_id_apart_in_either_spelling) {
    const auto c = ind::parse("coverage:meals:residents:persons:places_per_1000");
    ASSERT_NE(c.entry, nullptr);
    EXPECT_EQ(c.entry->key, "coverage.places_per_1000");
    EXPECT_EQ(c.entry->family, ind::Family::coverage);
    EXPECT_EQ(c.service, "meals");
    EXPECT_EQ(c.group, "residents");
    EXPECT_EQ(c.unit, "persons");
    const auto s = ind::parse("share_within:home_help:older");
    ASSERT_NE(s.entry, nullptr);
    EXPECT_EQ(s.entry->family, ind::Family::access);
    EXPECT_EQ(s.service, "home_help");
    EXPECT_EQ(s.group, "older");
    EXPECT_EQ(s.unit, "");
    const auto u = ind::parse("unserved_share:hospital:residents");
    ASSERT_NE(u.entry, nullptr);
    EXPECT_EQ(u.entry->key, "capacity.unserved_share");
    EXPECT_EQ(u.service, "hospital");
    const auto p = ind::parse("providers:pharmacy");
    ASSERT_NE(p.entry, nullptr);
    EXPECT_EQ(p.entry->family, ind::Family::providers);
    EXPECT_EQ(p.service, "pharmacy");
    const auto d = ind::parse("density");
    ASSERT_NE(d.entry, nullptr);
    EXPECT_EQ(d.service, "");
    EXPECT_EQ(ind::parse("access:home_help").entry, nullptr); // a part short
    EXPECT_EQ(ind::parse("no_such").entry, nullptr);
    EXPECT_EQ(ind::ward_id("access.share_within", "home_help", "older"), "access:home_help:older");
    EXPECT_EQ(ind::ward_id("capacity.unserved_share", "hospital", "residents"), "capacity:hospital:residents:unserved_share");
    EXPECT_EQ(ind::ward_id("coverage.places_per_1000", "meals", "older", "persons"), "coverage:meals:older:persons:places_per_1000");
    EXPECT_EQ(ind::ward_id("density"), "density");
}

TEST(IndicatorRegistry, every_compared_entry_has_a_unit_the_comparison_prints_with_the_decimals_written_here) {
    // The comparison's decimals (and so its ranks: equal as printed, equal rank) follow the unit
    // (model::display_decimals, which also serves the --figures rows' units). A unit spelled
    // otherwise ("person") would fall to 2 decimals unnoticed; each compared entry is listed here.
    const std::map<std::string, std::pair<std::string, int>> expected = {
        {"population", {"persons", 0}},
        {"providers", {"providers", 0}},
        {"coverage.recipients_per_1000", {"per 1000", 2}},
        {"coverage.places_per_1000", {"per 1000", 2}},
        {"access.share_within", {"%", 1}},
        {"capacity.unserved_share", {"%", 1}},
        {"plan_on_track_share", {"%", 1}},
    };
    std::size_t compared = 0;
    for (const auto& d : ind::all()) {
        if (d.municipal_id.empty()) continue;
        ++compared;
        const auto it = expected.find(std::string(d.key));
        ASSERT_NE(it, expected.end()) << d.key << ": add its unit and decimals to this test";
        EXPECT_EQ(d.unit, it->second.first) << d.key;
        EXPECT_EQ(apreptis::model::display_decimals(std::string(d.unit)), it->second.second) << d.key;
    }
    EXPECT_EQ(compared, expected.size());
}

TEST(IndicatorRegistry, fill_replaces_every_placeholder) {
    EXPECT_EQ(ind::fill("{who}: {min} min, {who}", {{"who", "A — B"}, {"min", "30"}}), "A — B: 30 min, A — B");
    EXPECT_EQ(ind::fill(ind::get("coverage.places_per_1000").ward_id, {{"service", "s"}, {"group", "g"}, {"unit", "u"}}),
              "coverage:s:g:u:places_per_1000");
    EXPECT_THROW(ind::get("no_such_key"), std::logic_error);
}

TEST(IndicatorRegistry, docs_indicators_md_carries_the_registry_table) {
    const std::string path = std::string(APREPTIS_SOURCE_DIR) + "/docs/INDICATORS.md";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    const std::string begin = "<!-- registry:begin (generated: APREPTIS_UPDATE_DOCS=1 ctest -R IndicatorRegistry) -->\n";
    const std::string end = "<!-- registry:end -->";
    const auto b = doc.find(begin), e = doc.find(end);
    ASSERT_NE(b, std::string::npos) << path << " lacks the line " << begin;
    ASSERT_NE(e, std::string::npos) << path << " lacks " << end;
    const std::string shown = doc.substr(b + begin.size(), e - b - begin.size());
    const std::string table = ind::markdown_table();
    if (shown != table && std::getenv("APREPTIS_UPDATE_DOCS")) {
        doc.replace(b + begin.size(), e - b - begin.size(), table);
        std::ofstream(path) << doc;
        return;
    }
    EXPECT_EQ(shown, table) << path << " differs from the registry; rerun with APREPTIS_UPDATE_DOCS=1";
}
