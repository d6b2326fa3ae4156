#include "geo/crs/transformer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>

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

// CRS look-ups share one PROJ context per thread (transformer.cpp: lookup_context); a
// Transformer keeps a copy of its operation in a context of its own.
TEST(Transformer, made_on_one_thread_works_on_another_while_the_first_looks_up) {
    Transformer t("EPSG:4326", "EPSG:3346");
    XY there{};
    std::thread other([&] {
        for (int i = 0; i < 200; ++i) there = t.transform(XY{24.0, 54.9});
    });
    for (int i = 0; i < 20; ++i) { // the making thread's look-up context stays busy meanwhile
        EXPECT_TRUE(is_metric_projected("EPSG:3346"));
        Transformer again("EPSG:3346", "EPSG:4326");
    }
    other.join();
    EXPECT_EQ(there, t.transform(XY{24.0, 54.9}));
    EXPECT_NEAR(there.x, 500000.0, 1e-3);
}

TEST(Crs, an_error_is_not_carried_into_the_next_look_up) {
    EXPECT_THROW(describe_crs("EPSG:999999"), CrsError);
    // the shared context had an error set: the next calls succeed and say nothing of it
    EXPECT_EQ(describe_crs("EPSG:3346"), "EPSG:3346");
    EXPECT_TRUE(is_metric_projected("EPSG:3346"));
    Transformer t("EPSG:4326", "EPSG:3346");
    EXPECT_NEAR(t.transform(XY{24.0, 54.9}).x, 500000.0, 1e-3);
    // and a second error is reported as a first one was
    std::string first, second;
    try { Transformer bad("EPSG:999999", "EPSG:3346"); } catch (const CrsError& e) { first = e.what(); }
    try { Transformer bad("EPSG:999999", "EPSG:3346"); } catch (const CrsError& e) { second = e.what(); }
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, second);
}
