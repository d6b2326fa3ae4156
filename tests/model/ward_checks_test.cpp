#include "wkt.hpp"
#include "model/ward_checks.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(WardChecks, valid_wards_get_their_area) {
    auto w = test::three_wards().wards;
    auto report = check_wards(w, {}, "t.geojson");
    EXPECT_DOUBLE_EQ(w[0].area_m2, 1e6);
    EXPECT_DOUBLE_EQ(report.total_area_m2, 3e6);
}

TEST(WardChecks, duplicate_codes_name_both_features) {
    auto w = test::three_wards().wards;
    w[2].code = "A";
    w[0].fid = 1;
    w[2].fid = 3;
    test::expect_error<DataError>([&] { check_wards(w, {}, "t.geojson"); },
                                  {"t.geojson", "1 duplicate ward code", "code A", "fid 1", "fid 3"});
}

TEST(WardChecks, invalid_polygon_is_refused_or_repaired_with_a_record) {
    auto w = test::three_wards().wards;
    w[1].geometry = test::multipolygon_from_wkt("POLYGON((1000 0, 2000 1000, 2000 0, 1000 1000, 1000 0))");
    w[1].fid = 7;
    test::expect_error<DataError>([&] { check_wards(w, {}, "t.geojson"); },
                                  {"1 invalid ward polygon", "fid 7", "ward B", "Self-intersection", "--repair-invalid"});
    auto report = check_wards(w, {true, 100.0}, "t.geojson");
    ASSERT_EQ(report.repairs.size(), 1u);
    EXPECT_EQ(report.repairs[0].code, "B");
    EXPECT_NEAR(report.repairs[0].area_after_m2, 500000.0, 1e-6); // two triangles of 250 000
    EXPECT_TRUE(w[1].repaired);
}

TEST(WardChecks, overlap_beyond_tolerance_is_refused) {
    auto w = test::three_wards().wards;
    w[1].geometry = test::multipolygon_from_wkt("POLYGON((900 0, 2000 0, 2000 1000, 900 1000, 900 0))");
    test::expect_error<DataError>([&] { check_wards(w, {false, 100.0}, "t.geojson"); },
                                  {"overlap", "A (Ward A) and B (Ward B)", "100000 m2"});
    EXPECT_NO_THROW(check_wards(w, {false, 200000.0}, "t.geojson"));
}

TEST(WardChecks, a_hole_between_wards_is_reported_with_its_area_place_and_neighbours) {
    // A ring of four 1 km wards around an uncovered 200 m x 200 m square
    std::vector<Ward> w = {test::ward("S", 10, 0), test::ward("T", 10, 0), test::ward("U", 10, 0), test::ward("V", 10, 0)};
    w[0].geometry = test::multipolygon_from_wkt("POLYGON((0 0, 1000 0, 1000 400, 0 400, 0 0))");
    w[1].geometry = test::multipolygon_from_wkt("POLYGON((0 600, 1000 600, 1000 1000, 0 1000, 0 600))");
    w[2].geometry = test::multipolygon_from_wkt("POLYGON((0 400, 400 400, 400 600, 0 600, 0 400))");
    w[3].geometry = test::multipolygon_from_wkt("POLYGON((600 400, 1000 400, 1000 600, 600 600, 600 400))");
    const auto r = check_wards(w, {false, 100.0, 1000.0}, "t.geojson");
    ASSERT_EQ(r.gaps.size(), 1u);
    EXPECT_NEAR(r.gaps[0].area_m2, 200.0 * 200.0, 1e-6);
    EXPECT_GT(r.gaps[0].inside.x, 400);
    EXPECT_LT(r.gaps[0].inside.x, 600);
    EXPECT_EQ(r.gaps[0].around, (std::vector<std::string>{"S", "T", "U", "V"}));
    EXPECT_TRUE(check_wards(w, {false, 100.0, 50000.0}, "t.geojson").gaps.empty()); // below the tolerance
}
