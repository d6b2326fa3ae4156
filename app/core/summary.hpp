#pragma once
// The plain-text summary the CLI prints after a run.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"

namespace apreptis::app {

std::string summary_text(const Analysis& analysis);

/// Whole numbers for `parts` that add up to the rounded sum of the parts (largest remainder:
/// each part rounded down, then the ones that lost most get one more, ties to the earlier part).
/// Rounding each part on its own printed "demand 19, served 0, no capacity 0, too far 18".
/// Parts must be >= 0.
std::vector<long long> rounded_parts(const std::vector<double>& parts);

/// 298753 -> "298,753"
std::string thousands(long long v);

} // namespace apreptis::app
