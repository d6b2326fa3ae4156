#include "app/core/class_labels.hpp"

namespace apreptis::app {

std::vector<std::string> class_labels(const std::vector<double>& limits, const std::optional<double>& lowest,
                                      Language lang, const std::function<std::string(double)>& number,
                                      const std::string& unit) {
    const bool lt = lang == Language::lt;
    std::vector<std::string> out;
    for (std::size_t k = 0; k < limits.size(); ++k) {
        const std::string hi = number(limits[k]) + unit;
        if (k > 0)
            out.push_back((lt ? "virš " : "over ") + number(limits[k - 1]) + (lt ? " iki " : " to ") + hi);
        else if (lowest && *lowest < limits[0])
            out.push_back((lt ? "nuo " : "") + number(*lowest) + (lt ? " iki " : " to ") + hi);
        else
            out.push_back(hi);
    }
    return out;
}

} // namespace apreptis::app
