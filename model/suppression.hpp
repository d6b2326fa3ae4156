#pragma once
// Small-count suppression for what is published (the council report, the comparison):
// counts of people in vulnerable groups below a threshold are shown as "<5", and where a
// total is shown beside its parts, a second cell is hidden so that the first cannot be worked
// out as total minus the rest (secondary suppression). Zero is shown: it discloses no one.
#include <string>
#include <vector>

namespace apreptis::model {

enum class Suppressed { no, primary, secondary };

/// One decision per cell of a group of cells that add up to a shown total (total_shown) or
/// stand alone. Primary: 0 < value < threshold. Secondary, only with a shown total: when
/// exactly one cell of the group is suppressed, the smallest other non-zero cell is too.
/// A threshold <= 0 suppresses nothing.
std::vector<Suppressed> suppress_counts(const std::vector<double>& cells, double threshold, bool total_shown);

/// "<5" for threshold 5 (the text a suppressed cell shows).
std::string suppressed_text(double threshold);

} // namespace apreptis::model
