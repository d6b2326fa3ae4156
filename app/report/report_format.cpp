#include "app/report/report_format.hpp"

#include <cmath>
#include <cstdio>

#include "model/suppression.hpp"

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

std::string count_text(Language lang, double v, double threshold, bool suppressed) {
    if (suppressed) return model::suppressed_text(threshold);
    return number(lang, std::round(v), 0);
}

} // namespace apreptis::app::report
