// Addresses as the seed plans write them, parsed and compared (model/geocode/address.hpp).
#include <gtest/gtest.h>

#include "model/geocode/address.hpp"

using namespace apreptis::model;

namespace {
std::vector<std::string> texts(const ParsedAddress& a) {
    std::vector<std::string> out;
    for (const auto& w : a.street) out.push_back(w.text + (w.initial ? "." : ""));
    return out;
}
} // namespace

TEST(Address, fold_removes_lithuanian_and_other_diacritics_and_case) {
    EXPECT_EQ(fold("Sąjungos AIKŠTĖ"), "sajungos aikste");
    EXPECT_EQ(fold("Lampėdžio Čiurlionio Ūkio Įvažiavimas Ęž"), "lampedzio ciurlionio ukio ivaziavimas ez");
    EXPECT_EQ(fold("Boulevard Princesse Grâce Äußere Straße"), "boulevard princesse grace aussere strasse");
    EXPECT_EQ(fold("Carrer d'Areny"), "carrer d'areny");
}

TEST(Address, seed_addresses_parse_into_street_type_house_and_town) {
    const ParsedAddress a = parse_address("Sąjungos a. 13A, Kaunas");
    EXPECT_EQ(texts(a), std::vector<std::string>{"sajungos"});
    EXPECT_EQ(a.street_type, "a");
    EXPECT_EQ(a.house, "13a");
    EXPECT_EQ(a.town, "kaunas");
    struct Case {
        const char* text;
        const char* street;
        const char* house;
    };
    for (const Case& c : {Case{"Birutės g. 29A", "birutes", "29a"}, Case{"Kruonio g. 21", "kruonio", "21"},
                          Case{"Lampėdžio g. 10", "lampedzio", "10"}, Case{"Partizanų g. 5", "partizanu", "5"},
                          Case{"Kalantos g. 55", "kalantos", "55"}, Case{"Nemuno g. 29", "nemuno", "29"}}) {
        const ParsedAddress p = parse_address(c.text);
        EXPECT_EQ(texts(p), std::vector<std::string>{c.street}) << c.text;
        EXPECT_EQ(p.street_type, "g") << c.text;
        EXPECT_EQ(p.house, c.house) << c.text;
        EXPECT_EQ(p.town, "") << c.text;
    }
}

TEST(Address, street_type_words_and_abbreviations_are_one) {
    const std::pair<const char*, const char*> pairs[] = {
        {"Birutės g. 1", "Birutės gatvė 1"},       {"Savanorių pr. 1", "Savanorių prospektas 1"},
        {"Laisvės al. 1", "Laisvės alėja 1"},      {"Ukmergės pl. 1", "Ukmergės plentas 1"},
        {"Sąjungos a. 1", "Sąjungos aikštė 1"},    {"Arklių skg. 1", "Arklių skersgatvis 1"},
        {"Pušų tak. 1", "Pušų takas 1"},           {"Vilniaus kel. 1", "Vilniaus kelias 1"}};
    for (const auto& [abbr, full] : pairs) {
        const ParsedAddress a = parse_address(abbr), b = parse_address(full);
        EXPECT_EQ(a.street_type, b.street_type) << abbr;
        EXPECT_TRUE(same_street(a, b)) << abbr;
    }
    EXPECT_FALSE(same_street(parse_address("Birutės g. 1"), parse_address("Birutės al. 1")));
    // a street without its type word written matches the typed one
    EXPECT_TRUE(same_street(parse_address("Nemuno 29"), parse_address("Nemuno g. 29")));
}

TEST(Address, initials_match_the_full_first_name) {
    const ParsedAddress a = parse_address("K. Griniaus g. 12");
    const ParsedAddress b = parse_address_parts("Kazio Griniaus gatvė", "12", "Kaunas");
    EXPECT_EQ(texts(a), (std::vector<std::string>{"k.", "griniaus"}));
    EXPECT_TRUE(same_street(a, b));
    EXPECT_FALSE(same_street(parse_address("J. Griniaus g. 12"), b));
    EXPECT_FALSE(same_street(parse_address("Griniaus g. 12"), b)); // a dropped first name is not guessed
    // glued: "K.Griniaus g.12"
    const ParsedAddress glued = parse_address("K.Griniaus g.12");
    EXPECT_TRUE(same_street(glued, b));
    EXPECT_EQ(glued.house, "12");
}

TEST(Address, house_numbers_with_letters_flats_and_building_numbers) {
    EXPECT_EQ(parse_address("Birutės g. 29 A").house, "29a");
    EXPECT_EQ(parse_address("Birutės g. 12-3").house, "12-3");
    EXPECT_EQ(parse_address("Birutės g. 12 k. 2, Kaunas").house, "12k2");
    EXPECT_EQ(parse_address("Birutės g. 12 k. 2, Kaunas").town, "kaunas");
    EXPECT_EQ(parse_address("Birutės g. 12 - 3").house, "12-3");
    EXPECT_EQ(normalize_house("12 K. 2"), "12k2");
    // a number inside the street's name is not the house (seen in the Monaco extract)
    const ParsedAddress q = parse_address("Quai Antoine 1er 6, Monaco");
    EXPECT_EQ(texts(q), (std::vector<std::string>{"quai", "antoine", "1er"}));
    EXPECT_EQ(q.house, "6");
    EXPECT_EQ(house_number_value("29a"), 29);
    EXPECT_EQ(house_number_value("a"), -1);
}

TEST(Address, town_before_the_street_and_postcodes_are_read) {
    const ParsedAddress a = parse_address("Kaunas, Sąjungos a. 13A");
    EXPECT_EQ(texts(a), std::vector<std::string>{"sajungos"});
    EXPECT_EQ(a.house, "13a");
    EXPECT_EQ(a.town, "kaunas");
    const ParsedAddress b = parse_address("Sąjungos a. 13A, LT-44311 Kaunas");
    EXPECT_EQ(b.town, "kaunas");
    const ParsedAddress c = parse_address("Sąjungos a. 13A, LT-44311, Kaunas");
    EXPECT_EQ(c.town, "kaunas");
}

TEST(Address, towns_agree_across_lithuanian_case_endings) {
    EXPECT_TRUE(same_town("kaunas", "kauno"));
    EXPECT_TRUE(same_town("vilnius", "vilniaus"));
    EXPECT_TRUE(same_town("", "kaunas"));
    EXPECT_FALSE(same_town("kaunas", "kaisiadorys"));
    EXPECT_FALSE(same_town("vaduz", "schaan"));
}
