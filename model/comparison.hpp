#pragma once
// Municipalities side by side: one value per municipality and indicator, with its basis, and
// a rank per indicator (1 = first in the indicator's order; values equal as printed share a
// rank; a municipality without a figure has none and is never filled in).
#include <optional>
#include <string>
#include <vector>

namespace apreptis::model {

enum class RankOrder { high_first, low_first, none };
const char* to_string(RankOrder o);

struct ComparisonIndicator {
    std::string id;
    std::string label_lt, label_en;
    std::string unit;
    RankOrder order = RankOrder::high_first;
};

struct ComparisonCell {
    std::optional<double> value;
    std::string basis; ///< how the figure was obtained ("" when there is none)
    int rank = 0;      ///< 0: not ranked (no figure, or an indicator that is not ranked)
};

struct Comparison {
    std::vector<ComparisonIndicator> indicators;
    std::vector<std::string> municipalities;
    std::vector<std::vector<ComparisonCell>> cells; ///< [municipality][indicator]

    /// Index of an indicator, adding it when new (with an empty column).
    std::size_t indicator(const ComparisonIndicator& i);
    /// Index of a municipality, adding it when new.
    std::size_t municipality(const std::string& name);
    void set(const std::string& municipality, const ComparisonIndicator& i, double value, const std::string& basis);
    /// Municipalities with a figure for indicator i.
    int with_figure(std::size_t i) const;
};

/// Decimals a comparison figure is printed with, everywhere it is shown (CLI, viewer): counts
/// of people, places and providers whole, shares (%) to a tenth, rates and money to a hundredth.
int display_decimals(const std::string& unit);

/// The value as printed with `decimals` (the "%.*f" text read back): what ranks compare, so
/// that 100.00000000000009 and 100 (both "100.0") are equal and 60.17 and 60.21 ("60.2") too.
double printed_value(double value, int decimals);

/// part / whole as a percentage clamped to [0, 100] (0 when whole is not positive): shares
/// made of float sums (no capacity + too far over demand) can land a hair outside.
double percent_share(double part, double whole);

/// A figure a document prints about a whole municipality (datasets/figures/README.md).
struct MunicipalFigure {
    std::string municipality;
    ComparisonIndicator indicator;
    int year = 0;
    double value = 0;   ///< numerator / denominator, or the value as given
    std::string basis, source;
};

/// The indicator a map of the comparison shows when none is asked for: the ranked one most
/// municipalities have a figure of, and among those the one with most distinct values (the one
/// that tells them apart); with nothing ranked, the first. indicators.size() when there is none.
std::size_t most_telling_indicator(const Comparison& c);

/// Fills every cell's rank: competition ranking ("1224"), in the indicator's order, comparing
/// values as printed (printed_value at display_decimals of the indicator's unit).
void rank(Comparison& c);

} // namespace apreptis::model
