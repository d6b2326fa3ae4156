#include "manual_breaks.hpp"

#include <charconv>
#include <cmath>

namespace apreptis::viewer {

std::vector<double> parse_manual_breaks(std::string_view text) {
    std::vector<double> out;
    const auto separator = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '\t'; };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && separator(text[i])) ++i;
        std::size_t j = i;
        while (j < text.size() && !separator(text[j])) ++j;
        if (j > i) {
            double v = 0;
            const char* end = text.data() + j;
            const auto r = std::from_chars(text.data() + i, end, v);
            if (r.ec == std::errc() && r.ptr == end && std::isfinite(v)) out.push_back(v);
        }
        i = j;
    }
    return out;
}

} // namespace apreptis::viewer
