#include "model/suppression.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace apreptis::model {

std::vector<Suppressed> suppress_counts(const std::vector<double>& cells, double threshold, bool total_shown) {
    std::vector<Suppressed> out(cells.size(), Suppressed::no);
    if (!(threshold > 0)) return out;
    int primary = 0;
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (cells[i] > 0 && cells[i] < threshold) {
            out[i] = Suppressed::primary;
            ++primary;
        }
    if (total_shown && primary == 1) {
        std::size_t best = cells.size();
        double smallest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (out[i] == Suppressed::no && cells[i] > 0 && cells[i] < smallest) {
                smallest = cells[i];
                best = i;
            }
        if (best < cells.size()) out[best] = Suppressed::secondary;
    }
    return out;
}

std::string suppressed_text(double threshold) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "<%g", threshold);
    return buf;
}

} // namespace apreptis::model
