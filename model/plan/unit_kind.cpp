#include "model/plan/unit_kind.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace apreptis::model {

const char* to_string(UnitKind k) {
    switch (k) {
    case UnitKind::unknown: return "unknown";
    case UnitKind::persons: return "persons";
    case UnitKind::families: return "families";
    case UnitKind::occasions: return "occasions";
    case UnitKind::groups: return "groups";
    case UnitKind::hours: return "hours";
    case UnitKind::days: return "days";
    case UnitKind::share: return "share";
    case UnitKind::money: return "money";
    case UnitKind::dwellings: return "dwellings";
    case UnitKind::places: return "places";
    case UnitKind::cases: return "cases";
    case UnitKind::documents: return "documents";
    }
    return "?";
}

namespace {

using K = UnitKind;

// Stems: a word that starts with one is of that kind. Lithuanian stems end before the case
// ending ("asm" asmuo/asmenys/asmenų/asmenims/asm., "vaik" vaikai/vaikų/vaikams, "šeim"
// šeima/šeimos/šeimų/šeimoms, "kart" kartą/kartai/kartų/kartus, "veikl" veikla/veiklos/veiklų).
constexpr std::array<std::pair<const char*, K>, 62> stems{{
    {"asm", K::persons}, {"žmon", K::persons}, {"žmog", K::persons}, {"person", K::persons}, {"people", K::persons},
    {"participant", K::persons}, {"dalyv", K::persons}, {"gyventoj", K::persons}, {"vaik", K::persons},
    {"child", K::persons}, {"senjor", K::persons}, {"jubiliat", K::persons}, {"darbuotoj", K::persons},
    {"staff", K::persons}, {"employee", K::persons}, {"specialist", K::persons}, {"globėj", K::persons},
    {"klient", K::persons}, {"client", K::persons}, {"gavėj", K::persons}, {"recipient", K::persons},
    {"mokin", K::persons}, {"pupil", K::persons}, {"respondent", K::persons},
    {"šeim", K::families}, {"famil", K::families}, {"household", K::families},
    {"kart", K::occasions}, {"time", K::occasions}, {"veikl", K::occasions}, {"activit", K::occasions},
    {"rengin", K::occasions}, {"event", K::occasions}, {"posėd", K::occasions}, {"meeting", K::occasions},
    {"susitikim", K::occasions}, {"session", K::occasions}, {"užsiėmim", K::occasions}, {"mokym", K::occasions},
    {"training", K::occasions}, {"interviz", K::occasions}, {"intervision", K::occasions},
    {"supervizij", K::occasions}, {"išvyk", K::occasions}, {"trip", K::occasions}, {"ekskursij", K::occasions},
    {"akcij", K::occasions}, {"konsultacij", K::occasions}, {"consultation", K::occasions},
    {"grup", K::groups}, {"group", K::groups},
    {"val", K::hours}, {"hour", K::hours},
    {"dien", K::days}, {"day", K::days},
    {"proc", K::share}, {"percent", K::share},
    {"eur", K::money},
    {"būst", K::dwellings}, {"dwelling", K::dwellings},
    {"viet", K::places}, {"place", K::places}}};

// Whole words only: too short, or too common as the start of other words, to be stems.
constexpr std::array<std::pair<const char*, K>, 14> words{{
    {"h", K::hours}, {"d", K::days}, {"%", K::share}, {"€", K::money}, {"butai", K::dwellings},
    {"butų", K::dwellings}, {"butas", K::dwellings}, {"flats", K::dwellings}, {"beds", K::places},
    {"lovos", K::places}, {"lovų", K::places}, {"atvejai", K::cases}, {"atvejų", K::cases}, {"cases", K::cases}}};

constexpr std::array<std::pair<const char*, K>, 6> more_stems{{
    {"proces", K::cases}, {"process", K::cases}, {"byl", K::cases}, {"anket", K::documents},
    {"questionnaire", K::documents}, {"klausimyn", K::documents}}};

K kind_of_word(std::string w) {
    while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ')')) w.pop_back();
    while (!w.empty() && w.front() == '(') w.erase(0, 1);
    for (auto& c : w)
        if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty()) return K::unknown;
    for (const auto& [word, k] : words)
        if (w == word) return k;
    for (const auto& [stem, k] : stems)
        if (w.compare(0, std::string(stem).size(), stem) == 0) return k;
    for (const auto& [stem, k] : more_stems)
        if (w.compare(0, std::string(stem).size(), stem) == 0) return k;
    return K::unknown;
}

} // namespace

UnitKind unit_kind(const std::string& unit) {
    std::string word;
    for (std::size_t i = 0; i <= unit.size(); ++i) {
        const char c = i < unit.size() ? unit[i] : ' ';
        if (c == ' ' || c == '/') {
            if (const K k = kind_of_word(word); k != K::unknown) return k;
            word.clear();
        } else {
            word += c;
        }
    }
    // "94%": a percent sign written against the number's unit
    return unit.find('%') != std::string::npos ? K::share : K::unknown;
}

} // namespace apreptis::model
