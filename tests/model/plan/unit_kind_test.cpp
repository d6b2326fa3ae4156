// What a unit word counts: Lithuanian case endings are one unit, and a generic "vnt." is not
// taken for any kind.
#include <gtest/gtest.h>

#include "model/plan/unit_kind.hpp"

using namespace apreptis::model;

TEST(UnitKind, LithuanianInflectionsAreOneKind) {
    for (const char* u : {"asmuo", "asmenys", "asmenų", "asmenims", "asm.", "vaikai", "vaikų", "vaikams", "children",
                          "persons", "dalyviai", "žmonių"})
        EXPECT_EQ(unit_kind(u), UnitKind::persons) << u;
    for (const char* u : {"šeima", "šeimos", "šeimų", "šeimoms", "families"})
        EXPECT_EQ(unit_kind(u), UnitKind::families) << u;
    for (const char* u : {"sociokultūrinė veikla", "veiklos", "socio-cultural activity", "renginiai", "renginių",
                          "kartą", "posėdžiai", "meetings", "intervisions", "išvykos"})
        EXPECT_EQ(unit_kind(u), UnitKind::occasions) << u;
    EXPECT_EQ(unit_kind("val."), UnitKind::hours);
    EXPECT_EQ(unit_kind("h"), UnitKind::hours);
    EXPECT_EQ(unit_kind("proc."), UnitKind::share);
    EXPECT_EQ(unit_kind("%"), UnitKind::share);
}

TEST(UnitKind, GenericOrUnknownWordsAreNotCompared) {
    EXPECT_EQ(unit_kind(""), UnitKind::unknown);
    EXPECT_EQ(unit_kind("vnt."), UnitKind::unknown);
    EXPECT_EQ(unit_kind("kažkas"), UnitKind::unknown);
}
