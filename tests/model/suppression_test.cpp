// Small-count suppression: primary below the threshold, secondary where a total would give
// the hidden cell away, zero shown.
#include <gtest/gtest.h>

#include "model/suppression.hpp"

using apreptis::model::suppress_counts;
using S = apreptis::model::Suppressed;

TEST(Suppression, PrimaryBelowTheThresholdZeroShown) {
    EXPECT_EQ(suppress_counts({0, 3, 5, 4.9, 120}, 5, false), (std::vector<S>{S::no, S::primary, S::no, S::primary, S::no}));
}

TEST(Suppression, ASingleHiddenCellBesideATotalTakesTheSmallestOtherWithIt) {
    // 3 + 40 + 12 = 55 shown: 3 alone hidden could be read as 55 - 40 - 12
    EXPECT_EQ(suppress_counts({3, 40, 12}, 5, true), (std::vector<S>{S::primary, S::no, S::secondary}));
    // two hidden cells already protect each other
    EXPECT_EQ(suppress_counts({3, 40, 2}, 5, true), (std::vector<S>{S::primary, S::no, S::primary}));
    // no total shown: nothing to derive from
    EXPECT_EQ(suppress_counts({3, 40, 12}, 5, false), (std::vector<S>{S::primary, S::no, S::no}));
}

TEST(Suppression, ThresholdZeroSuppressesNothing) {
    EXPECT_EQ(suppress_counts({1, 2}, 0, true), (std::vector<S>{S::no, S::no}));
    EXPECT_EQ(apreptis::model::suppressed_text(5), "<5");
}
