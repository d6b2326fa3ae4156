#include "model/geocode/address.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace apreptis::model {

namespace {

// U+00C0..U+00FF and U+0100..U+017F to their base letter ('*': keep the character: × ÷).
constexpr std::string_view latin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
                                    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr std::string_view latin_a = "aaaaaa"
                                     "cccccccc"
                                     "dddd"
                                     "eeeeeeeeee"
                                     "gggggggg"
                                     "hhhh"
                                     "iiiiiiiiii"
                                     "ii"
                                     "jj"
                                     "kkk"
                                     "llllllllll"
                                     "nnnnnnnnn"
                                     "oooooo"
                                     "oo"
                                     "rrrrrr"
                                     "ssssssss"
                                     "tttttt"
                                     "uuuuuuuuuuuu"
                                     "ww"
                                     "yyy"
                                     "zzzzzz"
                                     "s";
static_assert(latin1.size() == 64 && latin_a.size() == 128);

// Street type words as the plans write them, full or abbreviated, to one abbreviation.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> street_types{{
    {"g", "g"},     {"gatve", "g"},   {"pr", "pr"},     {"prospektas", "pr"}, {"al", "al"},   {"aleja", "al"},
    {"pl", "pl"},   {"plentas", "pl"}, {"a", "a"},      {"aikste", "a"},      {"skg", "skg"}, {"skersgatvis", "skg"},
    {"tak", "tak"}, {"takas", "tak"},  {"kel", "kel"},  {"kelias", "kel"},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    return out;
}

// Words of a folded text: split at spaces, and after a dot glued to the next word
// ("g.29a" → "g." "29a", "k.griniaus" → "k." "griniaus"); quotes dropped.
std::vector<std::string> words(std::string_view folded) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '(' || c == ')') {
            flush();
        } else {
            cur += c;
            if (c == '.') flush();
        }
    }
    flush();
    return out;
}

std::string without_dots(std::string_view w) {
    std::string s;
    for (char c : w)
        if (c != '.') s += c;
    return s;
}

bool starts_with_digit(std::string_view w) { return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0])); }

std::string_view street_type_of(std::string_view word) {
    const std::string bare = without_dots(word);
    for (const auto& [w, abbr] : street_types)
        if (bare == w) return abbr;
    return {};
}

// Street words (with the type word taken out) from folded words.
void read_street(const std::vector<std::string>& ws, ParsedAddress& a) {
    std::size_t type_at = ws.size();
    if (ws.size() > 1)
        for (std::size_t i = ws.size(); i-- > 0;)
            if (!street_type_of(ws[i]).empty()) {
                type_at = i;
                break;
            }
    if (type_at < ws.size()) a.street_type = std::string(street_type_of(ws[type_at]));
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (i == type_at) continue;
        std::string bare = without_dots(ws[i]);
        if (bare.empty() || bare == "-" || bare == ",") continue;
        // "K." or "Vl." is an initial; a single letter without a dot as well ("K Griniaus")
        const bool initial = (ws[i].back() == '.' && bare.size() <= 3) || bare.size() == 1;
        a.street.push_back({std::move(bare), initial});
    }
}

// Where the house number starts: the last word that starts with a digit, after at least one
// street word ("Quai Antoine 1er 6": 6), moved back over a building or flat number written
// after it ("12 k. 2", "12 - 3"); 0 when there is none.
std::size_t house_start(const std::vector<std::string>& ws) {
    std::size_t h = 0;
    for (std::size_t i = 1; i < ws.size(); ++i)
        if (starts_with_digit(ws[i])) h = i;
    while (h >= 3 && (ws[h - 1] == "k." || ws[h - 1] == "k" || ws[h - 1] == "korp." || ws[h - 1] == "-") &&
           starts_with_digit(ws[h - 2]))
        h -= 2;
    return h;
}

bool is_postcode(std::string_view part) {
    std::string s = fold(trim(part));
    if (s.rfind("lt-", 0) == 0 || s.rfind("lt ", 0) == 0) s = s.substr(3);
    return s.size() >= 4 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The town's first word, past a postcode written before it ("LT-44311 Kaunas").
std::string town_of(std::string_view part) {
    for (const auto& w : words(fold(part)))
        if (!is_postcode(w) && !starts_with_digit(w)) return without_dots(w);
    return {};
}

} // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            out += static_cast<char>(std::tolower(b));
            ++i;
            continue;
        }
        std::size_t len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        if (i + len > text.size()) len = 1;
        char base = 0;
        if (len == 2) {
            const unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            if (cp == 0xDF) {
                out += "ss";
                i += 2;
                continue;
            }
            if (cp >= 0xC0 && cp < 0x100) base = latin1[cp - 0xC0] == '*' ? 0 : latin1[cp - 0xC0];
            else if (cp >= 0x100 && cp < 0x180) base = latin_a[cp - 0x100];
        }
        if (base) out += base;
        else out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string normalize_house(std::string_view house) {
    std::string s;
    for (const auto& w : words(fold(house))) {
        std::string bare = without_dots(w);
        if (bare == "nr") continue; // "Nr. 5"
        s += bare;
    }
    // "12 - 3" → "12-3"; a slash as written in some registers ("12/3") stays
    return s;
}

int house_number_value(std::string_view house) {
    int v = 0;
    std::size_t i = 0;
    for (; i < house.size() && std::isdigit(static_cast<unsigned char>(house[i])) && i < 6; ++i) v = v * 10 + (house[i] - '0');
    return i == 0 ? -1 : v;
}

ParsedAddress parse_address(std::string_view text) {
    ParsedAddress a;
    std::vector<std::string_view> parts;
    for (auto p : split(text, ','))
        if (!p.empty() && !is_postcode(p)) parts.push_back(p);
    // The street part is the first one with a house number after a street word.
    std::size_t street_at = parts.size();
    std::vector<std::string> street_words;
    for (std::size_t i = 0; i < parts.size() && street_at == parts.size(); ++i) {
        const auto ws = words(fold(parts[i]));
        const std::size_t h = house_start(ws);
        if (h == 0) continue;
        street_at = i;
        street_words.assign(ws.begin(), ws.begin() + static_cast<std::ptrdiff_t>(h));
        std::string house;
        for (std::size_t k = h; k < ws.size(); ++k) house += ws[k] + " ";
        a.house = normalize_house(house);
    }
    if (street_at == parts.size() && !parts.empty()) { // no number: a street alone
        street_at = 0;
        street_words = words(fold(parts[0]));
    }
    read_street(street_words, a);
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (i != street_at) {
            a.town = town_of(parts[i]);
            if (!a.town.empty()) break;
        }
    return a;
}

ParsedAddress parse_address_parts(std::string_view street, std::string_view house, std::string_view town) {
    ParsedAddress a;
    read_street(words(fold(street)), a);
    a.house = normalize_house(house);
    a.town = town_of(town);
    return a;
}

bool same_street(const ParsedAddress& a, const ParsedAddress& b) {
    if (!a.street_type.empty() && !b.street_type.empty() && a.street_type != b.street_type) return false;
    if (a.street.size() != b.street.size() || a.street.empty()) return false;
    for (std::size_t i = 0; i < a.street.size(); ++i) {
        const auto& x = a.street[i];
        const auto& y = b.street[i];
        if (x.text == y.text) continue;
        if (x.initial && !y.initial && y.text.rfind(x.text, 0) == 0) continue;
        if (y.initial && !x.initial && x.text.rfind(y.text, 0) == 0) continue;
        return false;
    }
    return true;
}

bool same_town(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty() || a == b) return true;
    // Lithuanian endings: "kaunas" / "kauno", "vilnius" / "vilniaus": the stems agree when
    // they share all but the last two letters of the shorter word (and at least 4).
    const std::size_t shorter = std::min(a.size(), b.size());
    if (shorter < 5) return false;
    const std::size_t need = shorter - 2;
    return a.substr(0, need) == b.substr(0, need);
}

std::string street_key(const ParsedAddress& a) {
    std::string s;
    for (const auto& w : a.street) s += (s.empty() ? "" : " ") + w.text + (w.initial ? "." : "");
    if (!a.street_type.empty()) s += " " + a.street_type + ".";
    return s;
}

} // namespace apreptis::model
