#include "model/suppression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace apreptis::model {

double whole_persons(double count) { return std::round(count); }

bool is_small(double count, double threshold) {
    const double n = whole_persons(count);
    return threshold > 0 && n > 0 && n < threshold;
}

bool GroupSuppression::any() const {
    return total != Suppressed::no ||
           std::any_of(parts.begin(), parts.end(), [](Suppressed s) { return s != Suppressed::no; });
}

bool GroupSuppression::sum_public(const std::vector<std::size_t>& which) const {
    std::vector<bool> in(parts.size(), false);
    for (auto i : which) in[i] = true;
    bool inside = true, outside = true;
    for (std::size_t i = 0; i < parts.size(); ++i) (in[i] ? inside : outside) &= shown(i);
    return inside || (total == Suppressed::no && outside);
}

bool GroupSuppression::share_public(const std::vector<std::size_t>& which) const {
    return total == Suppressed::no && sum_public(which);
}

namespace {

/// Whether what the page shows leaves every small (primary) part anywhere in 1..N-1.
/// The reader knows: the total T, each shown part exactly, so the hidden parts sum to
/// S = T - shown; a primary part is 1..largest_small, a secondary one at least smallest_large.
bool protects(const std::vector<double>& n, const std::vector<Suppressed>& s, double total_n,
              double largest_small, double smallest_large) {
    double hidden_sum = total_n;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (s[i] == Suppressed::no) hidden_sum -= n[i];
    for (std::size_t p = 0; p < n.size(); ++p) {
        if (s[p] != Suppressed::primary) continue;
        double others_low = 0, others_high = 0;
        for (std::size_t j = 0; j < n.size(); ++j) {
            if (j == p || s[j] == Suppressed::no) continue;
            others_low += s[j] == Suppressed::primary ? 1 : smallest_large;
            others_high += s[j] == Suppressed::primary ? largest_small : std::numeric_limits<double>::infinity();
        }
        const double upper = hidden_sum - others_low, lower = hidden_sum - others_high;
        if (upper < largest_small || lower > 1) return false;
    }
    return true;
}

} // namespace

GroupSuppression suppress_group(double total, const std::vector<double>& parts, double threshold) {
    GroupSuppression g;
    g.parts.assign(parts.size(), Suppressed::no);
    if (!(threshold > 0)) return g;
    std::vector<double> n;
    for (double v : parts) n.push_back(whole_persons(v));
    if (is_small(total, threshold)) {
        g.total = Suppressed::primary;
        for (std::size_t i = 0; i < n.size(); ++i)
            if (n[i] > 0) g.parts[i] = Suppressed::primary;
        return g;
    }
    for (std::size_t i = 0; i < n.size(); ++i)
        if (is_small(parts[i], threshold)) g.parts[i] = Suppressed::primary;
    // the whole counts either side of the threshold (a threshold of 2.5: 2 is small, 3 is not)
    const double smallest_large = std::ceil(threshold), largest_small = smallest_large - 1;
    while (!protects(n, g.parts, whole_persons(total), largest_small, smallest_large)) {
        std::size_t next = n.size();
        for (std::size_t i = 0; i < n.size(); ++i)
            if (g.parts[i] == Suppressed::no && n[i] > 0 && (next == n.size() || n[i] < n[next])) next = i;
        if (next == n.size()) {
            g.total = Suppressed::secondary; // nothing left to hide beside it: the total goes
            break;
        }
        g.parts[next] = Suppressed::secondary;
    }
    return g;
}

} // namespace apreptis::model
