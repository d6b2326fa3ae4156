#pragma once
// Small-count suppression for what is published (the council report): a count of people from 1
// to N-1 is shown as "<N" (primary); where a total is shown beside its parts, more cells are
// hidden until the page no longer narrows a small count beyond "from 1 to N-1" (complementary,
// printed as a mark of its own, never as "<N": it is not small). Zero is shown: it discloses no
// one. A share is shown only where its count and its total are (share_public): a share of a
// hidden count times the total would give the count back. Counts are judged as the whole
// persons they are printed as (0.4 prints, and is judged, as 0).
#include <cstddef>
#include <vector>

namespace apreptis::model {

enum class Suppressed { no, primary, secondary };

/// The whole count a figure prints as (nearest person).
double whole_persons(double count);

/// Primary: 0 < whole_persons(count) < threshold. A threshold <= 0 makes nothing small.
bool is_small(double count, double threshold);

/// The decision for a total shown beside parts that add up to it.
struct GroupSuppression {
    Suppressed total = Suppressed::no;
    std::vector<Suppressed> parts;

    bool shown(std::size_t part) const { return parts[part] == Suppressed::no; }
    bool any() const;
    /// The sum of `which` parts is exactly known from the page: each of them shown, or the
    /// total shown and every other part shown (it is then the total minus them).
    bool sum_public(const std::vector<std::size_t>& which) const;
    /// A share (the sum of `which` parts over the total) may be printed: both are known.
    bool share_public(const std::vector<std::size_t>& which) const;
};

/// Decides which cells of a group hide. Total small: every non-zero part is small too (all
/// "<N"). Else each small part is primary, and while the page (the total, the shown parts, a
/// "<N" cell being 1..N-1 and a complementary cell at least N) narrows some small part to less
/// than 1..N-1, the smallest shown non-zero part is hidden as well (secondary); when no part is
/// left to hide, the total is (secondary). Pure: hand-checkable with small vectors.
GroupSuppression suppress_group(double total, const std::vector<double>& parts, double threshold);

} // namespace apreptis::model
