#include "model/provider_placement.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(PlaceProviders, points_are_placed_and_strays_reported_by_reason) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("IN", geo::XY{1500, 500}), test::provider("OUT", geo::XY{-500, 500}),
                   test::provider("WRONG", geo::XY{2500, 500}, "A"), test::provider("NOWARD", std::nullopt, "Z"),
                   test::provider("NOWHERE", std::nullopt)};
    const auto warnings = place_providers(s);
    EXPECT_EQ(s.providers[0].ward_code, "B");
    EXPECT_EQ(s.providers[1].ward_code, "");
    EXPECT_EQ(s.providers[2].ward_code, "C"); // the point wins
    EXPECT_EQ(s.providers[3].ward_code, "");
    ASSERT_EQ(warnings.size(), 4u);
    EXPECT_NE(warnings[0].find("1 provider(s) have a point outside every ward"), std::string::npos);
    EXPECT_NE(warnings[0].find("OUT"), std::string::npos);
    EXPECT_NE(warnings[1].find("data say ward A, point is in C"), std::string::npos);
    EXPECT_NE(warnings[2].find("ward Z"), std::string::npos);
    // a provider with a point outside the wards is not counted as having no location
    EXPECT_NE(warnings[3].find("1 of 5 providers have neither a point nor a ward"), std::string::npos);
}
