#include "app/core/municipality_names.hpp"

#include <algorithm>
#include <utility>

namespace apreptis::app {

namespace {

/// The Lithuanian letters with marks (UTF-8), and what they fold to.
constexpr std::pair<const char*, char> marked_letters[] = {
    {"ą", 'a'}, {"Ą", 'a'}, {"č", 'c'}, {"Č", 'c'}, {"ę", 'e'}, {"Ę", 'e'}, {"ė", 'e'}, {"Ė", 'e'},
    {"į", 'i'}, {"Į", 'i'}, {"š", 's'}, {"Š", 's'}, {"ų", 'u'}, {"Ų", 'u'}, {"ū", 'u'}, {"Ū", 'u'},
    {"ž", 'z'}, {"Ž", 'z'}};

/// The long official forms and the short ones of the ward layer (both folded).
constexpr std::pair<const char*, const char*> long_forms[] = {
    {" miesto savivaldybe", " m sav"}, {" rajono savivaldybe", " r sav"}, {" savivaldybe", " sav"}};

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// "palangos m sav" -> "palangos"; a name without a known suffix is its own stem.
std::string stem(const std::string& folded) {
    for (const char* tail : {" m sav", " r sav", " sav"})
        if (ends_with(folded, tail)) return folded.substr(0, folded.size() - std::string(tail).size());
    return folded;
}

} // namespace

std::string fold_municipality_name(const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        bool marked = false;
        for (const auto& [letter, plain] : marked_letters) {
            const std::string l(letter);
            if (name.compare(i, l.size(), l) == 0) {
                out += plain;
                i += l.size();
                marked = true;
                break;
            }
        }
        if (marked) continue;
        const char c = name[i++];
        if (c == '.') {
            out += ' '; // "m.sav." reads as "m sav"
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_') {
            out += ' ';
        } else {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    // collapse and trim the spaces
    std::string collapsed;
    for (char c : out)
        if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) collapsed += c;
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    for (const auto& [from, to] : long_forms)
        if (ends_with(collapsed, from)) {
            collapsed = collapsed.substr(0, collapsed.size() - std::string(from).size()) + to;
            break;
        }
    return collapsed;
}

std::size_t name_distance(const std::string& a, const std::string& b) {
    // optimal string alignment: Levenshtein plus the swap of two neighbours
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

MunicipalityMatch match_municipality(const std::string& typed, const std::vector<std::string>& names) {
    MunicipalityMatch m;
    const std::string t = fold_municipality_name(typed);
    for (const auto& n : names)
        if (fold_municipality_name(n) == t) {
            m.name = n;
            return m;
        }
    // the bare stem ("Palangos"), when it names one municipality only
    std::vector<std::string> same_stem;
    for (const auto& n : names)
        if (stem(fold_municipality_name(n)) == t) same_stem.push_back(n);
    if (same_stem.size() == 1) {
        m.name = same_stem.front();
        return m;
    }
    if (same_stem.size() > 1) {
        m.ambiguous = true;
        m.suggestions = same_stem;
        return m;
    }
    // nearest first: by the whole name or by the stem, whichever is nearer ("Palanga" is
    // two edits from the stem "palangos"); ties in the layer's order
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& n : names) {
        const std::string f = fold_municipality_name(n);
        ranked.emplace_back(std::min(name_distance(t, f), name_distance(stem(t), stem(f))), n);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, ranked.size()); ++i) m.suggestions.push_back(ranked[i].second);
    return m;
}

} // namespace apreptis::app
