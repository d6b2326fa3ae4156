// Matching addresses against a hand-made index (model/geocode/address_matcher.hpp).
#include <gtest/gtest.h>

#include "model/geocode/address_matcher.hpp"

using namespace apreptis::model;

namespace {
AddressMatcher kaunas() {
    return AddressMatcher({
        {"Sąjungos aikštė", "13A", "Kaunas", {100, 100}, "p0"},
        {"Sąjungos aikštė", "13", "Kaunas", {120, 100}, "p1"},
        {"Sąjungos aikštė", "15", "Kaunas", {140, 100}, "p2"},
        {"Kazio Griniaus gatvė", "12", "Kaunas", {500, 500}, "p3"},
        {"Kęstučio Griniaus gatvė", "12", "Kaunas", {900, 900}, "p4"},
        {"Birutės gatvė", "29A", "Kaunas", {300, 300}, "p5"},
        {"Birutės gatvė", "29A", "Kaunas", {310, 320}, "p6 (the same house's outline)"},
        {"Nemuno gatvė", "29", "Kaunas", {0, 0}, "p7"},
        {"Nemuno gatvė", "29", "Birštonas", {5000, 0}, "p8"},
        {"Kruonio gatvė", "", "Kaunas", {1, 1}, "no number: not indexed"},
    });
}
} // namespace

TEST(AddressMatcher, exact_house_is_an_address_point) {
    const auto m = kaunas().match(parse_address("Sąjungos a. 13A, Kaunas"));
    ASSERT_EQ(m.kind, MatchKind::address_point);
    EXPECT_EQ(*m.point, 0u);
}

TEST(AddressMatcher, a_missing_house_is_never_placed_and_lists_the_nearest_numbers) {
    const auto m = kaunas().match(parse_address("Sąjungos a. 14"));
    EXPECT_EQ(m.kind, MatchKind::street);
    EXPECT_FALSE(m.point);
    EXPECT_EQ(m.nearest_houses, (std::vector<std::string>{"13", "13A", "15"}));
}

TEST(AddressMatcher, an_initial_matching_two_streets_is_ambiguous) {
    const auto m = kaunas().match(parse_address("K. Griniaus g. 12"));
    EXPECT_EQ(m.kind, MatchKind::ambiguous);
    EXPECT_EQ(m.candidates.size(), 2u);
    EXPECT_FALSE(m.point);
    EXPECT_EQ(kaunas().match(parse_address("Kazio Griniaus g. 12")).kind, MatchKind::address_point);
}

TEST(AddressMatcher, one_house_as_node_and_outline_is_one_place) {
    const auto m = kaunas().match(parse_address("Birutės g. 29A"));
    ASSERT_EQ(m.kind, MatchKind::address_point);
}

TEST(AddressMatcher, the_town_separates_streets_of_one_name) {
    const auto all = kaunas();
    EXPECT_EQ(all.match(parse_address("Nemuno g. 29")).kind, MatchKind::ambiguous);
    const auto m = all.match(parse_address("Nemuno g. 29, Kaunas"));
    ASSERT_EQ(m.kind, MatchKind::address_point);
    EXPECT_EQ(*m.point, 7u);
}

TEST(AddressMatcher, a_flat_number_places_at_the_house_and_says_so) {
    const auto m = kaunas().match(parse_address("Sąjungos a. 15-3"));
    ASSERT_EQ(m.kind, MatchKind::address_point);
    EXPECT_EQ(*m.point, 2u);
    EXPECT_NE(m.note.find("flat 3"), std::string::npos);
}

TEST(AddressMatcher, unknown_streets_and_excluded_points_are_not_found) {
    const auto all = kaunas();
    EXPECT_EQ(all.match(parse_address("Kalantos g. 55")).kind, MatchKind::not_found);
    EXPECT_EQ(all.match(parse_address("Kruonio g. 21")).kind, MatchKind::not_found);
    EXPECT_EQ(all.match(parse_address("Lampėdžio g. 10")).kind, MatchKind::not_found);
    EXPECT_EQ(all.match(parse_address("Partizanų g. 5")).kind, MatchKind::not_found);
    EXPECT_EQ(all.indexed(), 9u);
    // leave-one-out: Sąjungos 13A without its own point is only the street
    EXPECT_EQ(all.match(parse_address("Sąjungos a. 13A"), 0).kind, MatchKind::street);
}
