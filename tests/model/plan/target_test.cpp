// Reading plan targets from their text: what is a number, a bound, a frequency, and what is
// left as text.
#include <gtest/gtest.h>

#include "model/plan/target.hpp"

using namespace apreptis::model;

TEST(PlanTarget, PlainNumbersWithUnitsAndSpaces) {
    auto t = parse_target("25");
    EXPECT_EQ(t.kind, TargetKind::exact);
    EXPECT_DOUBLE_EQ(t.value, 25);
    t = parse_target("2 800 asmenų");
    EXPECT_EQ(t.kind, TargetKind::exact);
    EXPECT_DOUBLE_EQ(t.value, 2800);
    t = parse_target("99,1");
    EXPECT_DOUBLE_EQ(t.value, 99.1);
    t = parse_target("80 proc.");
    EXPECT_DOUBLE_EQ(t.value, 80);
}

TEST(PlanTarget, BoundsInLithuanianAndEnglish) {
    auto t = parse_target("ne mažiau nei 30");
    EXPECT_EQ(t.kind, TargetKind::at_least);
    EXPECT_DOUBLE_EQ(t.value, 30);
    EXPECT_EQ(parse_target("Ne mažiau kaip 160 šeimų").kind, TargetKind::at_least);
    EXPECT_EQ(parse_target("≥ 30").kind, TargetKind::at_least);
    EXPECT_EQ(parse_target(">=30").kind, TargetKind::at_least);
    EXPECT_EQ(parse_target("2023 m. nemažiau kaip 8 val.").kind, TargetKind::at_least);
    EXPECT_DOUBLE_EQ(parse_target("2023 m. nemažiau kaip 8 val.").value, 8);
    t = parse_target("at least one socio-cultural activity");
    EXPECT_EQ(t.kind, TargetKind::at_least);
    EXPECT_DOUBLE_EQ(t.value, 1);
    t = parse_target("ne daugiau kaip 18 dienų");
    EXPECT_EQ(t.kind, TargetKind::at_most);
    EXPECT_DOUBLE_EQ(t.value, 18);
    EXPECT_EQ(parse_target("iki 17").kind, TargetKind::at_most);
    t = parse_target("apie 150");
    EXPECT_EQ(t.kind, TargetKind::approximate);
    EXPECT_DOUBLE_EQ(t.value, 150);
}

TEST(PlanTarget, RangesKeepBothEnds) {
    auto t = parse_target("40–50");
    EXPECT_EQ(t.kind, TargetKind::range);
    EXPECT_DOUBLE_EQ(t.value, 40);
    ASSERT_TRUE(t.upper);
    EXPECT_DOUBLE_EQ(*t.upper, 50);
    EXPECT_EQ(parse_target("apie 40-50").kind, TargetKind::range);
}

TEST(PlanTarget, FrequenciesBecomeCountsPerYear) {
    auto t = parse_target("1 kartą per mėnesį");
    EXPECT_EQ(t.kind, TargetKind::frequency);
    EXPECT_DOUBLE_EQ(t.value, 12);
    EXPECT_EQ(t.period, "month");
    EXPECT_DOUBLE_EQ(parse_target("kas mėnesį").value, 12);
    EXPECT_DOUBLE_EQ(parse_target("once per month").value, 12);
    EXPECT_DOUBLE_EQ(parse_target("at least once per quarter").value, 4);
    EXPECT_DOUBLE_EQ(parse_target("2 kartus per metus").value, 2);
    EXPECT_DOUBLE_EQ(parse_target("first Tuesday of every month").value, 12);
}

TEST(PlanTarget, TextThatStatesNoNumberIsNotGuessed) {
    EXPECT_EQ(parse_target("pagal poreikį").kind, TargetKind::not_numeric);
    EXPECT_EQ(parse_target("Paslaugos bus suteiktos 500 vaikų").kind, TargetKind::not_numeric);
    EXPECT_EQ(parse_target("at least 16 h training, incl. at least 5 academic hours").kind, TargetKind::not_numeric);
    EXPECT_EQ(parse_target("survey in December 2023").kind, TargetKind::not_numeric);
    EXPECT_EQ(parse_target("").kind, TargetKind::none);
    EXPECT_EQ(parse_target("   ").kind, TargetKind::none);
}

TEST(PlanTarget, ResultsAreNumbersOrNothing) {
    EXPECT_EQ(parse_result("45"), 45.0);
    EXPECT_EQ(parse_result("94 %"), 94.0);
    EXPECT_EQ(parse_result("2 560 asm."), 2560.0);
    EXPECT_FALSE(parse_result("Priemonė vykdyta nebuvo."));
    EXPECT_FALSE(parse_result("Paslaugos buvo suteiktos 485 vaikams"));
    EXPECT_FALSE(parse_result(""));
}

// Issue 16: a negative target is read as the number it is (and flagged by plan progress),
// not dropped as text.
TEST(PlanTarget, NegativeTargetsAreReadAsNumbers) {
    auto t = parse_target("-5");
    EXPECT_EQ(t.kind, TargetKind::exact);
    EXPECT_DOUBLE_EQ(t.value, -5);
    t = parse_target("−2,5 proc."); // U+2212 minus sign
    EXPECT_EQ(t.kind, TargetKind::exact);
    EXPECT_DOUBLE_EQ(t.value, -2.5);
    EXPECT_EQ(parse_target("40–50").kind, TargetKind::range); // a dash between numbers is still a range
}
