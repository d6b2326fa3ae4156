#pragma once
// Addresses as the plans write them ("Sąjungos a. 13A, Kaunas", "K. Griniaus g. 12 k. 2")
// and as address points carry them (street, house number, town), parsed into one comparable
// form. Case and diacritics are folded for matching only; the text shown to people is never
// rewritten. Pure functions: no I/O (docs/LOCATE.md).
#include <string>
#include <string_view>
#include <vector>

namespace apreptis::model {

/// A street name word: folded ("griniaus"), and whether it was written as an initial ("k.").
struct StreetWord {
    std::string text;
    bool initial = false;
    bool operator==(const StreetWord&) const = default;
};

struct ParsedAddress {
    std::vector<StreetWord> street; ///< the name without its type word
    std::string street_type;        ///< canonical abbreviation: g, pr, al, pl, a, skg, tak, kel; empty: none written
    std::string house;              ///< folded, no spaces: "13a", "12-3", "12k2"; empty: none
    std::string town;               ///< folded first word of the town ("kaunas"); empty: none
    bool empty() const { return street.empty(); }
};

/// Lower case, Latin diacritics removed (ą→a, š→s, é→e, ß→ss); other characters kept.
std::string fold(std::string_view text);

/// A whole address line: street, type word, house number and an optional town after a comma
/// (or before it); a postcode part ("LT-44311") is skipped.
ParsedAddress parse_address(std::string_view text);

/// An address point's fields. `street` may carry its type word ("Kazio Griniaus gatvė").
ParsedAddress parse_address_parts(std::string_view street, std::string_view house, std::string_view town);

/// The folded house number: "29 A" → "29a", "12 k. 2" → "12k2", "12-3" stays.
std::string normalize_house(std::string_view house);

/// The leading number of a house ("29a" → 29), or -1.
int house_number_value(std::string_view house);

/// Same street: same type (or one not written), the same words, where an initial matches any
/// word that starts with it ("k. griniaus" ~ "kazio griniaus").
bool same_street(const ParsedAddress& a, const ParsedAddress& b);

/// Same town, allowing Lithuanian case endings ("kaunas" ~ "kauno"); true when either is empty.
bool same_town(std::string_view a, std::string_view b);

/// "k. griniaus g." — the folded street as matched, for messages.
std::string street_key(const ParsedAddress& a);

} // namespace apreptis::model
