#include "model/population_grid.hpp"

#include <cmath>
#include <map>
#include <numbers>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/io/raster_reader.hpp"
#include "geo/io/vector_reader.hpp"
#include "grid_fixture.hpp"
#include "model/errors.hpp"
#include "model/load/population_grid_cells.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;
using apreptis::test::SyntheticGrid;

namespace {

constexpr double X0 = 500000, Y0 = 6100000; // where the three wards lie in LKS94

/// test::three_wards() moved to Lithuania: A, B, C are 1 km squares side by side from (X0, Y0),
/// census 1000 / 2000 / 7000.
StudyArea lithuanian_wards() {
    StudyArea s;
    s.catalogue = test::tiny_catalogue();
    for (auto [code, pop, dx] : {std::tuple{"A", 1000, 0.0}, {"B", 2000, 1000.0}, {"C", 7000, 2000.0}}) {
        Ward w = test::ward(code, pop, 0);
        for (auto& c : w.geometry[0].outer) c = {c.x + X0 + dx, c.y + Y0};
        s.wards.push_back(w);
    }
    index_wards(s);
    return s;
}

/// Six 600 m cells by two from (X0, Y0 + 1200), checked by hand in the test below: the top row
/// reaches 200 m beyond the wards, the last column lies east of them.
SyntheticGrid hand_grid() {
    SyntheticGrid g;
    g.x0 = X0;
    g.y1 = Y0 + 1200;
    g.cell_w = g.cell_h = 600;
    g.columns = 6;
    g.rows = 2;
    g.values = {3.0, 6.0, 0.0, std::nullopt, 12.0, 1.0,  // top: y 600..1200 (a third beyond the wards)
                10.0, 9.0, 5.0, 7.0, 4.0, 8.0};          // bottom: y 0..600
    return g;
}

PopulationGrid from_raster(const std::string& tif, const StudyArea& s) {
    geo::RasterReadOptions o;
    o.window = s.envelope();
    return load::population_grid_from(geo::read_raster_grid(tif, o));
}

PopulationGrid from_polygons(const std::string& gpkg) {
    geo::ReadOptions o;
    o.geometry_required = true;
    return load::population_grid_from(geo::read_vector(gpkg, o), "persons");
}

std::vector<double> ward_totals(const std::vector<PopulationUnit>& units, std::size_t wards) {
    std::vector<double> t(wards, 0);
    for (const auto& u : units) t[u.ward] += u.population;
    return t;
}

} // namespace

TEST(PopulationGrid, cells_are_shared_by_area_in_whole_persons_as_worked_out_by_hand) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    test::write_geotiff(hand_grid(), dir / "grid.tif");
    PopulationGridReport rep;
    SurfaceReport surface;
    const auto units = distribute_population_grid(s, from_raster(dir / "grid.tif", s), {}, "", rep, surface);
    // By hand, cell by cell (area shares, largest remainder):
    //   bottom row: 10 -> A; 9 over A 400 m : B 200 m -> A 6, B 3; 5 -> B; 7 over B 200 : C 400 ->
    //   quotas 2.33 / 4.67 -> B 2, C 5; 4 -> C; 8 east of the wards -> outside.
    //   top row (2/3 over the wards): 3 -> A 2, outside 1; 6 over A 160000 m2, B 80000, outside
    //   120000 -> quotas 2.67 / 1.33 / 2 -> A 3, B 1, outside 2; 0; nodata; 12 -> C 8, outside 4; 1 -> outside.
    const auto t = ward_totals(units, 3);
    EXPECT_EQ(t[0], 21);
    EXPECT_EQ(t[1], 11);
    EXPECT_EQ(t[2], 17);
    EXPECT_EQ(rep.persons_outside_wards, 16);
    EXPECT_EQ(rep.persons_used, 65);
    EXPECT_EQ(rep.persons_in_wards + rep.persons_outside_wards, rep.persons_used); // conserved exactly
    EXPECT_EQ(rep.wards[0].grid_persons, 21);
    EXPECT_TRUE(rep.whole_persons);
    for (const auto& u : units) EXPECT_EQ(u.population, std::floor(u.population));
    EXPECT_EQ(rep.cells_read, 12u);
    EXPECT_EQ(rep.zero_cells, 1u);
    EXPECT_EQ(rep.nodata_cells, 1u);
    EXPECT_EQ(rep.cells_used, 10u);
    EXPECT_EQ(rep.cells_split, 5u);
    // the nodata cell covers 200 x 400 m of B and 400 x 400 m of C
    EXPECT_NEAR(rep.wards[0].covered_share, 1.0, 1e-9);
    EXPECT_NEAR(rep.wards[1].covered_share, 0.92, 1e-9);
    EXPECT_NEAR(rep.wards[2].covered_share, 0.84, 1e-9);
    EXPECT_EQ(rep.wards_partly_covered, 2u);
    EXPECT_NEAR(rep.census_uncovered, 2000 * 0.08 + 7000 * 0.16, 1e-6);
    // a whole cell's unit sits at its centre; every unit inside its ward
    bool centre_found = false;
    for (const auto& u : units) {
        EXPECT_EQ(s.ward_at(u.point), u.ward);
        centre_found |= std::abs(u.point.x - (X0 + 300)) < 1e-6 && std::abs(u.point.y - (Y0 + 300)) < 1e-6;
    }
    EXPECT_TRUE(centre_found);
    EXPECT_NE(rep.basis.find("population grid"), std::string::npos);
    EXPECT_NE(rep.basis.find("grid.tif"), std::string::npos);
    EXPECT_EQ(surface.method, rep.basis);
}

class GridForms : public ::testing::TestWithParam<std::string> {};

TEST_P(GridForms, a_raster_and_the_same_grid_as_polygons_give_identical_units_and_ward_totals) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g = hand_grid();
    if (GetParam() == "EPSG:4326") { // 14 x 7 cells of 0.005 x 0.003 degrees over the wards
        g.crs = GetParam();
        g.x0 = 23.99;
        g.y1 = 55.05;
        g.cell_w = 0.005;
        g.cell_h = 0.003;
        g.columns = 14;
        g.rows = 7;
        g.values.clear();
        for (int i = 0; i < 98; ++i) g.values.push_back(i == 40 ? std::nullopt : std::optional<double>((i * 37) % 23));
    }
    test::write_geotiff(g, dir / "grid.tif");
    test::write_grid_polygons(g, dir / "grid.gpkg");
    PopulationGridReport ra, va;
    SurfaceReport rs, vs;
    const auto ru = distribute_population_grid(s, from_raster(dir / "grid.tif", s), {}, "", ra, rs);
    const auto vu = distribute_population_grid(s, from_polygons(dir / "grid.gpkg"), {}, "", va, vs);
    ASSERT_EQ(ru.size(), vu.size());
    for (std::size_t i = 0; i < ru.size(); ++i) {
        EXPECT_EQ(ru[i].ward, vu[i].ward) << i;
        EXPECT_EQ(ru[i].population, vu[i].population) << i;
        EXPECT_NEAR(ru[i].point.x, vu[i].point.x, 1e-6) << i; // 1 micrometre
        EXPECT_NEAR(ru[i].point.y, vu[i].point.y, 1e-6) << i;
    }
    for (std::size_t w = 0; w < 3; ++w) {
        EXPECT_EQ(ra.wards[w].grid_persons, va.wards[w].grid_persons);
        EXPECT_NEAR(ra.wards[w].covered_share, va.wards[w].covered_share, 1e-12);
    }
    EXPECT_EQ(ra.persons_used, va.persons_used);
    EXPECT_EQ(ra.persons_in_wards + ra.persons_outside_wards, ra.persons_used);
    EXPECT_EQ(ra.nodata_cells, va.nodata_cells);
    // the raster is read only over the wards' bounding box (one cell of margin), the vector grid whole
    if (GetParam() == "EPSG:3346") EXPECT_EQ(ra.zero_cells, va.zero_cells);
    EXPECT_LE(ra.cells_read, va.cells_read);
    EXPECT_GT(ra.persons_in_wards, 0);
}

INSTANTIATE_TEST_SUITE_P(Crs, GridForms, ::testing::Values("EPSG:3346", "EPSG:4326"),
                         [](const auto& p) { return p.param == "EPSG:3346" ? std::string("lks94") : std::string("wgs84"); });

TEST(PopulationGrid, a_grid_in_wgs84_puts_people_where_the_ellipsoid_says) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g; // 100 persons in every 0.005 x 0.003 degree cell around the wards
    g.crs = "EPSG:4326";
    g.x0 = 23.99;
    g.y1 = 55.05;
    g.cell_w = 0.005;
    g.cell_h = 0.003;
    g.columns = 14;
    g.rows = 7;
    g.values.assign(98, 100.0);
    test::write_geotiff(g, dir / "wgs84.tif");
    PopulationGridReport rep;
    SurfaceReport surface;
    const auto units = distribute_population_grid(s, from_raster(dir / "wgs84.tif", s), {}, "", rep, surface);
    // independently of PROJ: a cell's area on the WGS84 ellipsoid at 55.04 N (meridian and
    // prime-vertical radii), times LKS94's scale there (k0 0.9998, about 500 km from its
    // central meridian at most 3 km off: k within 1e-5 of k0), squared
    const double a = 6378137, e2 = 0.00669437999014, phi = 55.04 * std::numbers::pi / 180;
    const double w = 1 - e2 * std::sin(phi) * std::sin(phi);
    const double m = a * (1 - e2) / std::pow(w, 1.5), n = a / std::sqrt(w);
    const double deg = std::numbers::pi / 180;
    const double cell_m2 = (0.005 * deg * n * std::cos(phi)) * (0.003 * deg * m) * 0.9998 * 0.9998;
    const double per_ward = 100 * 1e6 / cell_m2; // a 1 km2 ward
    const auto t = ward_totals(units, 3);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(t[i], per_ward, per_ward * 0.005) << i; // 0.5 %
    EXPECT_EQ(rep.persons_in_wards + rep.persons_outside_wards, rep.persons_used);
    EXPECT_EQ(rep.wards_partly_covered + rep.wards_uncovered, 0u);
}

TEST(PopulationGrid, building_points_share_each_cell_they_stand_in_and_area_shares_the_rest) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    test::write_geotiff(hand_grid(), dir / "grid.tif");
    const std::vector<WeightedPoint> buildings = {
        {{X0 + 700, Y0 + 100}, 1}, {{X0 + 1100, Y0 + 100}, 2}, // the 9 of bottom cell 2: A 3, B 6 (not 6 / 3)
        {{X0 + 100, Y0 + 1100}, 1},                           // the 3 of top cell 1 stand beyond the wards
    };
    PopulationGridReport rep;
    SurfaceReport surface;
    const auto units = distribute_population_grid(s, from_raster(dir / "grid.tif", s), buildings, "test buildings", rep, surface);
    const auto t = ward_totals(units, 3);
    EXPECT_EQ(t[0], 10 + 3 + 0 + 3); // bottom 10, building 3, top cell 1 all outside, top cell 2 by area 3
    EXPECT_EQ(t[1], 6 + 5 + 2 + 1);
    EXPECT_EQ(t[2], 17);
    EXPECT_EQ(rep.persons_outside_wards, 16 - 1 + 3);
    EXPECT_EQ(rep.persons_in_wards + rep.persons_outside_wards, 65);
    EXPECT_EQ(rep.cells_by_buildings, 2u);
    EXPECT_EQ(surface.points_read, 3u);
    EXPECT_EQ(surface.points_outside_wards, 1u);
    std::size_t at_buildings = 0;
    for (const auto& u : units)
        if ((u.point == geo::XY{X0 + 700, Y0 + 100} && u.population == 3) ||
            (u.point == geo::XY{X0 + 1100, Y0 + 100} && u.population == 6))
            ++at_buildings;
    EXPECT_EQ(at_buildings, 2u);
    EXPECT_NE(rep.basis.find("test buildings"), std::string::npos);
}

TEST(PopulationGrid, a_grid_over_part_of_the_study_area_says_how_much_and_uncovered_wards_keep_their_census) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g; // 500 m cells over A and the western half of B
    g.x0 = X0;
    g.y1 = Y0 + 1000;
    g.cell_w = g.cell_h = 500;
    g.columns = 3;
    g.rows = 2;
    g.values.assign(6, 100.0);
    test::write_geotiff(g, dir / "part.tif");
    PopulationGridReport rep;
    SurfaceReport surface;
    const auto units = distribute_population_grid(s, from_raster(dir / "part.tif", s), {}, "", rep, surface);
    const auto t = ward_totals(units, 3);
    EXPECT_EQ(t[0], 400);
    EXPECT_EQ(t[1], 200);  // the grid's figure: the covered half only
    EXPECT_EQ(t[2], 7000); // not covered: the census figure at one point inside the ward
    EXPECT_EQ(rep.wards[2].grid_persons, 0);
    EXPECT_TRUE(rep.wards[2].census_fallback);
    EXPECT_EQ(rep.wards_uncovered, 1u);
    EXPECT_EQ(rep.wards_partly_covered, 1u);
    EXPECT_NEAR(rep.wards[1].covered_share, 0.5, 1e-9);
    EXPECT_NEAR(rep.census_uncovered, 2000 * 0.5 + 7000, 1e-6);
    EXPECT_EQ(rep.persons_in_wards, 600); // the fallback is no grid person
    ASSERT_EQ(surface.wards_without_points.size(), 1u);
    EXPECT_NE(surface.wards_without_points[0].find("C"), std::string::npos);
}

TEST(PopulationGrid, a_grid_that_misses_the_study_area_is_refused_naming_the_file) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g = hand_grid();
    g.x0 += 100000; // 100 km east
    test::write_geotiff(g, dir / "elsewhere.tif");
    test::write_grid_polygons(g, dir / "elsewhere.gpkg");
    PopulationGridReport rep;
    SurfaceReport surface;
    test::expect_error<DataError>(
        [&] { distribute_population_grid(s, from_raster(dir / "elsewhere.tif", s), {}, "", rep, surface); },
        {"elsewhere.tif", "does not cover the study area", "grid_crs"});
    test::expect_error<DataError>(
        [&] { distribute_population_grid(s, from_polygons(dir / "elsewhere.gpkg"), {}, "", rep, surface); },
        {"elsewhere.gpkg", "does not cover the study area"});
}

TEST(PopulationGrid, a_negative_cell_of_a_raster_without_nodata_is_refused_with_its_row_and_column) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g = hand_grid();
    g.write_nodata = false; // its nodata cell is written as -9999, but the file does not say so
    test::write_geotiff(g, dir / "undeclared.tif");
    test::expect_error<DataError>([&] { from_raster(dir / "undeclared.tif", s); },
                                  {"undeclared.tif", "row 0, column 3", "-9999", "gdal_edit.py -a_nodata"});
    g.at(0, 3) = 2.0;
    g.at(1, 2) = -1.0;
    test::write_geotiff(g, dir / "neg.tif");
    test::expect_error<DataError>([&] { from_raster(dir / "neg.tif", s); }, {"neg.tif", "row 1, column 2", "found -1"});
}

TEST(PopulationGrid, fractional_grids_are_shared_in_proportion_and_still_add_up) {
    test::ScratchDir dir;
    const StudyArea s = lithuanian_wards();
    SyntheticGrid g = hand_grid();
    g.at(1, 1) = 9.3; // A 6.2, B 3.1
    test::write_geotiff(g, dir / "frac.tif");
    PopulationGridReport rep;
    SurfaceReport surface;
    const auto units = distribute_population_grid(s, from_raster(dir / "frac.tif", s), {}, "", rep, surface);
    EXPECT_FALSE(rep.whole_persons);
    EXPECT_NE(rep.basis.find("fractional"), std::string::npos);
    const auto t = ward_totals(units, 3);
    EXPECT_NEAR(t[0], 10 + 6.2 + 2 + 8.0 / 3, 1e-9); // the top cells too: 3 -> A 2; 6 -> A 2.67, B 1.33
    EXPECT_NEAR(rep.persons_in_wards + rep.persons_outside_wards, 65.3, 1e-9);
}

TEST(PopulationGrid, whole_splits_use_largest_remainders_and_add_up_exactly) {
    EXPECT_EQ(split_in_proportion(10, {1, 1, 1}, true), (std::vector<double>{4, 3, 3}));
    EXPECT_EQ(split_in_proportion(7, {1, 2}, true), (std::vector<double>{2, 5}));
    EXPECT_EQ(split_in_proportion(0, {1, 2}, true), (std::vector<double>{0, 0}));
    const auto parts = split_in_proportion(1000003, {0.1, 0.2, 0.3, 0.4, 1e-12}, true);
    EXPECT_EQ(parts[0] + parts[1] + parts[2] + parts[3] + parts[4], 1000003);
    const auto f = split_in_proportion(1, {1, 2}, false);
    EXPECT_NEAR(f[0], 1.0 / 3, 1e-15);
}
