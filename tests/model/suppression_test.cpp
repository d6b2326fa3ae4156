// Small-count suppression, checked by hand on small groups and, independently, by listing
// every group of whole counts a reader could take for the printed page: no small count may be
// narrowed below "1 to N-1", and no "<N" may stand for N or more.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "model/suppression.hpp"

using apreptis::model::GroupSuppression;
using apreptis::model::is_small;
using apreptis::model::suppress_group;
using S = apreptis::model::Suppressed;

TEST(Suppression, SmallIsOneToNMinusOneAsPrintedZeroIsNot) {
    EXPECT_FALSE(is_small(0, 5));
    EXPECT_TRUE(is_small(3, 5));
    EXPECT_FALSE(is_small(5, 5));
    EXPECT_FALSE(is_small(4.9, 5));  // printed "5"
    EXPECT_FALSE(is_small(0.005, 5)); // printed "0": Liechtenstein's hospital, Triesen served
    EXPECT_TRUE(is_small(1111, 1200));
    EXPECT_FALSE(is_small(38245, 1200));
    EXPECT_FALSE(is_small(3, 0)); // threshold 0: nothing is small
}

// Issue 16: a Liechtenstein copy where pharmacy OSM-N14801 has 3 places: Triesen demand 428 =
// served 3 + no capacity 425 + too far 0. Served is "<5"; no capacity is withheld as the
// complement (never "<5": it is 425); the zero shows; "not served" (425 + 0) and the share
// served (3 / 428) would each give the 3 back, so they are not public.
TEST(Suppression, TriesenPharmacyHidesTheComplementNotAsSmall) {
    const GroupSuppression g = suppress_group(428, {3, 425, 0}, 5);
    EXPECT_EQ(g.total, S::no);
    EXPECT_EQ(g.parts, (std::vector<S>{S::primary, S::secondary, S::no}));
    EXPECT_FALSE(g.sum_public({1, 2}));
    EXPECT_FALSE(g.share_public({0}));
    EXPECT_TRUE(g.sum_public({2}));
}

// Issue 16: Kaunas, Eigulių sen., --small-count 1200: 39,356 residents, 1,111 within 60 min,
// 38,245 beyond. 1,111 is "<1200"; 38,245 is withheld, not "<1200"; the share (3 %) is not public.
TEST(Suppression, EiguliuAt1200HidesTheShareToo) {
    const GroupSuppression g = suppress_group(39356, {1110.89, 38245.11}, 1200);
    EXPECT_EQ(g.total, S::no);
    EXPECT_EQ(g.parts, (std::vector<S>{S::primary, S::secondary}));
    EXPECT_FALSE(g.share_public({0}));
    EXPECT_FALSE(g.share_public({1}));
}

TEST(Suppression, ZerosShowAndNothingHidesWithoutASmallCount) {
    const GroupSuppression g = suppress_group(40, {0, 40}, 5);
    EXPECT_FALSE(g.any());
    EXPECT_TRUE(g.share_public({0}));
    // a small total: its non-zero parts are small, its zero parts show
    const GroupSuppression t = suppress_group(3, {0, 3}, 5);
    EXPECT_EQ(t.total, S::primary);
    EXPECT_EQ(t.parts, (std::vector<S>{S::no, S::primary}));
    EXPECT_FALSE(t.share_public({0}));
}

TEST(Suppression, TwoSmallCountsProtectEachOtherOnlyWhenTheirSumLeavesBothOpen) {
    // 3 + 2 = 5 known: each of them could be 1..4
    EXPECT_EQ(suppress_group(45, {3, 40, 2}, 5).parts, (std::vector<S>{S::primary, S::no, S::primary}));
    // 1 + 1 = 2 known: both are 1. The 40 is withheld too
    EXPECT_EQ(suppress_group(42, {1, 40, 1}, 5).parts, (std::vector<S>{S::primary, S::secondary, S::primary}));
    // the smallest other non-zero count is the complement
    EXPECT_EQ(suppress_group(55, {3, 40, 12}, 5).parts, (std::vector<S>{S::primary, S::no, S::secondary}));
}

TEST(Suppression, ASmallTotalBesideItsComplementHidesTheTotal) {
    // 8 = 3 + 5 with "×" >= 5 printed beside 8: the 3 would be at most 3. The total goes too.
    const GroupSuppression g = suppress_group(8, {3, 5}, 5);
    EXPECT_EQ(g.total, S::secondary);
    EXPECT_EQ(g.parts, (std::vector<S>{S::primary, S::secondary}));
    // 9 = 3 + 6: the 3 could be 1..4 (the 6 at least 5): the total shows
    EXPECT_EQ(suppress_group(9, {3, 6}, 5).total, S::no);
}

TEST(Suppression, ThresholdZeroHidesNothing) { EXPECT_FALSE(suppress_group(2, {1, 1}, 0).any()); }

namespace {

// Every vector of whole counts a reader could take for the page: shown parts as printed, "<N"
// 1..N-1, a withheld part at least N (the reader knows the rule), the sum the shown total (or,
// withheld, at least N; small, 1..N-1). For each small part, the values it can take.
std::vector<std::set<int>> readings(int total, const std::vector<int>& parts, const GroupSuppression& g, int n) {
    std::vector<std::set<int>> seen(parts.size());
    std::vector<int> v(parts.size());
    std::function<void(std::size_t)> walk = [&](std::size_t k) {
        if (k == parts.size()) {
            int sum = 0;
            for (int x : v) sum += x;
            const bool ok = g.total == S::no ? sum == total : g.total == S::primary ? sum >= 1 && sum < n : sum >= n;
            if (ok)
                for (std::size_t i = 0; i < v.size(); ++i) seen[i].insert(v[i]);
            return;
        }
        int lo = parts[k], hi = parts[k];
        if (g.parts[k] == S::primary) lo = 1, hi = n - 1;
        if (g.parts[k] == S::secondary) lo = n, hi = total + n;
        for (v[k] = lo; v[k] <= hi; ++v[k]) walk(k + 1);
    };
    walk(0);
    return seen;
}

} // namespace

TEST(Suppression, NoPageNarrowsASmallCountByEnumeration) {
    const int n = 5;
    int groups = 0;
    for (int a = 0; a <= 14; ++a)
        for (int b = 0; b <= 14; ++b)
            for (int c = 0; c <= 14; ++c) {
                const std::vector<int> parts{a, b, c};
                const int total = a + b + c;
                const GroupSuppression g = suppress_group(total, {double(a), double(b), double(c)}, n);
                const auto seen = readings(total, parts, g, n);
                for (std::size_t i = 0; i < parts.size(); ++i) {
                    if (g.parts[i] == S::primary) {
                        EXPECT_TRUE(parts[i] >= 1 && parts[i] < n) << a << "," << b << "," << c;
                        EXPECT_TRUE(seen[i].count(parts[i])) << "part " << i << " of " << a << "," << b << "," << c;
                        // beside a small total, two "<5" parts add up to less than 5 (3 + 1: each
                        // 1..3): narrowed, never pinned. Beside a shown total: nothing narrowed.
                        if (g.total == S::primary)
                            EXPECT_GE(seen[i].size(), 2u) << "part " << i << " of " << a << "," << b << "," << c;
                        else
                            EXPECT_EQ(seen[i].size(), std::size_t(n - 1)) << "part " << i << " of " << a << "," << b << "," << c;
                    }
                    if (g.parts[i] == S::no) {
                        EXPECT_FALSE(parts[i] >= 1 && parts[i] < n);
                    }
                }
                ++groups;
            }
    EXPECT_EQ(groups, 15 * 15 * 15);
}
