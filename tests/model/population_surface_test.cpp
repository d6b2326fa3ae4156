#include "wkt.hpp"
#include "model/population_surface.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

TEST(PopulationSurface, ward_totals_are_kept_exactly_and_weights_respected) {
    StudyArea s = test::three_wards();
    std::vector<WeightedPoint> pts = {{{100, 100}, 1}, {{200, 200}, 3}, // ward A: 1000 -> 250 / 750
                                      {{1500, 500}, 5},                   // ward B: all 2000
                                      {{-50, -50}, 2}};                   // outside every ward
    SurfaceReport rep;
    auto units = distribute_to_points(s, pts, "test", rep);
    EXPECT_EQ(rep.points_outside_wards, 1u);
    ASSERT_EQ(rep.wards_without_points.size(), 1u); // C has no point: one unit inside it
    EXPECT_NE(rep.wards_without_points[0].find("C"), std::string::npos);
    std::vector<double> total(3, 0);
    for (const auto& u : units) total[u.ward] += u.population;
    EXPECT_NEAR(total[0], 1000, 1e-9);
    EXPECT_NEAR(total[1], 2000, 1e-9);
    EXPECT_NEAR(total[2], 7000, 1e-9);
    EXPECT_NEAR(units[0].population, 250, 1e-9);
    EXPECT_NEAR(units[1].population, 750, 1e-9);
}

TEST(PopulationSurface, grid_points_fall_inside_their_ward) {
    StudyArea s = test::three_wards();
    SurfaceReport rep;
    auto units = distribute_to_grid(s, 250, rep);
    EXPECT_EQ(units.size(), 3u * 16u); // 4 x 4 cells per 1 km square
    for (const auto& u : units) EXPECT_NEAR(u.population, static_cast<double>(s.wards[u.ward].population) / 16.0, 1e-9);
}

TEST(PopulationSurface, a_grid_too_fine_for_the_area_is_refused_with_the_key_to_change) {
    StudyArea s = test::three_wards(); // 3 km x 1 km: a 0.5 m grid is 12 M cells, within the limit
    SurfaceReport rep;
    s.wards[2].geometry = test::multipolygon_from_wkt("POLYGON((2000 0, 300000 0, 300000 100000, 2000 100000, 2000 0))");
    test::expect_error<DataError>([&] { distribute_to_grid(s, 10, rep); }, {"grid_cell_m", "cells"});
}

TEST(PopulationSurface, a_negative_or_non_finite_weight_is_refused) {
    StudyArea s = test::three_wards();
    SurfaceReport rep;
    test::expect_error<DataError>([&] { distribute_to_points(s, {{{100, 100}, -1}}, "t", rep); }, {"weight", ">= 0"});
    test::expect_error<DataError>(
        [&] { distribute_to_points(s, {{{100, 100}, std::numeric_limits<double>::quiet_NaN()}}, "t", rep); },
        {"weight"});
}
