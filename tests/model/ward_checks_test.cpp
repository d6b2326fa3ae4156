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
    w[1].geometry = geo::multipolygon_from_wkt("POLYGON((1000 0, 2000 1000, 2000 0, 1000 1000, 1000 0))");
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
    w[1].geometry = geo::multipolygon_from_wkt("POLYGON((900 0, 2000 0, 2000 1000, 900 1000, 900 0))");
    test::expect_error<DataError>([&] { check_wards(w, {false, 100.0}, "t.geojson"); },
                                  {"overlap", "A (Ward A) and B (Ward B)", "100000 m2"});
    EXPECT_NO_THROW(check_wards(w, {false, 200000.0}, "t.geojson"));
}
