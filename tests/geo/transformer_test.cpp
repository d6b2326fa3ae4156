#include "geo/crs/transformer.hpp"

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

TEST(Transformer, central_meridian_maps_to_false_easting) {
    // LKS94 / Lithuania TM: central meridian 24 E, false easting 500 000 m, k0 = 0.9998.
    Transformer t("EPSG:4326", "EPSG:3346");
    XY p = t.transform(XY{24.0, 54.9}); // lon, lat: axis order is normalised
    EXPECT_NEAR(p.x, 500000.0, 1e-3);   // 1 mm
    // On the central meridian northing = k0 * meridian arc length. The GRS80 arc to 54.9 N,
    // integrated numerically (Simpson, 200 000 steps) outside this code, is 6 086 098.052 m;
    // times 0.9998 gives 6 084 880.832 m.
    EXPECT_NEAR(p.y, 6084880.832, 0.01);
}

TEST(Transformer, west_of_meridian_has_smaller_easting) {
    Transformer t("EPSG:4326", "EPSG:3346");
    XY p = t.transform(XY{23.9, 54.9});
    EXPECT_LT(p.x, 500000.0);
    EXPECT_NEAR(p.x, 493585.97, 0.05); // STACK.md prototype value for the same point
}

TEST(Transformer, round_trip_is_within_a_millimetre) {
    Transformer fwd("EPSG:4326", "EPSG:3346"), inv("EPSG:3346", "EPSG:4326");
    XY p = inv.transform(fwd.transform(XY{23.95, 54.88}));
    EXPECT_NEAR(p.x, 23.95, 1e-8);
    EXPECT_NEAR(p.y, 54.88, 1e-8);
}

TEST(Transformer, same_crs_is_identity) {
    Transformer t("EPSG:3346", "EPSG:3346");
    EXPECT_TRUE(t.is_identity());
    XY p = t.transform(XY{1.5, 2.5});
    EXPECT_EQ(p, (XY{1.5, 2.5}));
}

TEST(Transformer, unknown_crs_is_a_crs_error) {
    test::expect_error<CrsError>([] { Transformer t("EPSG:999999", "EPSG:3346"); }, {"EPSG:999999"});
}

TEST(Crs, describe_and_units) {
    EXPECT_EQ(describe_crs("EPSG:3346"), "EPSG:3346");
    EXPECT_TRUE(is_metric_projected("EPSG:3346"));
    EXPECT_FALSE(is_metric_projected("EPSG:4326"));
    EXPECT_FALSE(is_metric_projected("EPSG:2223")); // Arizona Central, US survey feet
}
