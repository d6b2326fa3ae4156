#include "model/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace apreptis::model {

const char* to_string(RankOrder o) {
    switch (o) {
    case RankOrder::high_first: return "high_first";
    case RankOrder::low_first: return "low_first";
    case RankOrder::none: return "none";
    }
    return "?";
}

std::size_t Comparison::indicator(const ComparisonIndicator& i) {
    for (std::size_t k = 0; k < indicators.size(); ++k)
        if (indicators[k].id == i.id) return k;
    indicators.push_back(i);
    for (auto& row : cells) row.resize(indicators.size());
    return indicators.size() - 1;
}

std::size_t Comparison::municipality(const std::string& name) {
    for (std::size_t k = 0; k < municipalities.size(); ++k)
        if (municipalities[k] == name) return k;
    municipalities.push_back(name);
    cells.emplace_back(indicators.size());
    return municipalities.size() - 1;
}

void Comparison::set(const std::string& m, const ComparisonIndicator& i, double value, const std::string& basis) {
    const std::size_t col = indicator(i);
    const std::size_t row = municipality(m);
    cells[row][col].value = value;
    cells[row][col].basis = basis;
}

int Comparison::with_figure(std::size_t i) const {
    int n = 0;
    for (const auto& row : cells) n += i < row.size() && row[i].value.has_value();
    return n;
}

std::size_t most_telling_indicator(const Comparison& c) {
    auto score = [&](std::size_t i) {
        std::vector<double> values;
        for (const auto& row : c.cells)
            if (row[i].value) values.push_back(*row[i].value);
        std::sort(values.begin(), values.end());
        const auto distinct = std::unique(values.begin(), values.end()) - values.begin();
        return static_cast<long>(c.with_figure(i)) * 100000L + static_cast<long>(distinct);
    };
    std::size_t best = c.indicators.size();
    for (std::size_t i = 0; i < c.indicators.size(); ++i)
        if (c.indicators[i].order != RankOrder::none && (best == c.indicators.size() || score(i) > score(best)))
            best = i;
    if (best == c.indicators.size() && !c.indicators.empty()) best = 0;
    return best;
}

int display_decimals(const std::string& unit) {
    if (unit == "persons" || unit == "places" || unit == "recipients" || unit == "providers") return 0;
    if (unit == "%") return 1;
    return 2;
}

double printed_value(double value, int decimals) {
    if (!std::isfinite(value)) return value;
    char buf[400]; // "%.*f" of the largest double is 309 digits before the point
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return std::strtod(buf, nullptr);
}

double percent_share(double part, double whole) {
    if (!(whole > 0)) return 0;
    return std::clamp(part / whole * 100.0, 0.0, 100.0);
}

void rank(Comparison& c) {
    for (std::size_t i = 0; i < c.indicators.size(); ++i) {
        const RankOrder order = c.indicators[i].order;
        for (auto& row : c.cells) row[i].rank = 0;
        if (order == RankOrder::none) continue;
        // Compared as printed: a rank that differs where the printed values do not would be
        // a difference the reader cannot see (Palanga's 100.00000000000009 % once ranked 60,
        // alone, behind four municipalities at 100 %).
        const int decimals = display_decimals(c.indicators[i].unit);
        std::vector<std::optional<double>> shown;
        for (const auto& row : c.cells)
            shown.push_back(row[i].value ? std::optional<double>(printed_value(*row[i].value, decimals)) : std::nullopt);
        for (std::size_t m = 0; m < c.cells.size(); ++m) {
            if (!shown[m]) continue;
            int better = 0;
            for (const auto& other : shown)
                if (other && (order == RankOrder::high_first ? *other > *shown[m] : *other < *shown[m])) ++better;
            c.cells[m][i].rank = better + 1;
        }
    }
}

} // namespace apreptis::model
