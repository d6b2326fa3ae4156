#include "app/report/report_format.hpp"

#include <cmath>
#include <cstdio>


namespace apreptis::app::report {

std::string number(Language lang, double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string s = buf;
    const auto dot = s.find('.');
    const std::string head = s.substr(0, dot), tail = dot == std::string::npos ? "" : s.substr(dot + 1);
    const std::string group = lang == Language::lt ? "\u00a0" : ",";
    std::string out;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (i > 0 && (head.size() - i) % 3 == 0) out += group;
        out += head[i];
    }
    if (!tail.empty()) out += (lang == Language::lt ? "," : ".") + tail;
    const bool negative = v < 0 && std::stod(buf) != 0.0;
    return (negative ? "−" : "") + out;
}

std::string percent(Language lang, double r, int decimals) { return number(lang, r * 100.0, decimals) + "\u00a0%"; }

std::string number_or_dash(Language lang, const std::optional<double>& v, int decimals) {
    return v ? number(lang, *v, decimals) : "—";
}

std::string small_text(Language lang, double threshold) {
    return "<" + number(lang, threshold, std::floor(threshold) == threshold ? 0 : 1);
}

std::string count_text(Language lang, double v, double threshold, Shown shown) {
    if (shown == Shown::small) return small_text(lang, threshold);
    if (shown == Shown::withheld) return withheld_mark;
    return number(lang, std::round(v), 0);
}

std::string withheld_note(Language lang, double threshold) {
    const std::string t = small_text(lang, threshold), n = number(lang, std::ceil(threshold) - 1, 0);
    return lang == Language::lt
               ? "„" + t + "“ — 1–" + n + " asmenys (maži skaičiai neskelbiami); „" + withheld_mark +
                     "“ — paslėpta, kad mažo skaičiaus nebūtų galima apskaičiuoti iš kitų (suma minus dalys, "
                     "dalis nuo sumos); paslėpto skaičiaus procentas paslepiamas taip pat. Nulis rodomas."
               : "\"" + t + "\": 1 to " + n + " persons (small counts are not published); \"" + withheld_mark +
                     "\": withheld so that a small count cannot be worked out from the others (a total minus its "
                     "parts, a share of a total); the share of a withheld count is withheld too. Zero is shown.";
}

} // namespace apreptis::app::report
