// End to end: the Kaunas wards with a synthetic population raster given as [population] grid;
// `apreptis analyze` reports every ward's grid total against its census figure.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/core/project.hpp"
#include "geo/io/vector_reader.hpp"
#include "grid_fixture.hpp"
#include "test_util.hpp"

using namespace apreptis;
using apreptis::test::SyntheticGrid;

namespace {

const std::string kaunas = test::source_dir() + "/datasets/kaunas";

geo::Envelope kaunas_envelope() {
    geo::ReadOptions o;
    o.geometry_required = true;
    geo::Envelope e;
    for (const auto& f : geo::read_vector(kaunas + "/wards.geojson", o).features)
        for (const auto& p : std::get<geo::MultiPolygon>(f.geometry))
            for (const auto& c : p.outer) e.expand(c);
    return e;
}

/// 50 persons in every 500 m cell of a grid aligned to 500 m, reaching `margin_m` beyond `e`
/// (`east_share` < 1: only the western part of it).
SyntheticGrid uniform_grid(const geo::Envelope& e, double margin_m, double east_share = 1) {
    SyntheticGrid g;
    g.cell_w = g.cell_h = 500;
    g.x0 = std::floor((e.min_x - margin_m) / 500) * 500;
    g.y1 = std::ceil((e.max_y + margin_m) / 500) * 500;
    g.columns = static_cast<int>(std::ceil((e.min_x + east_share * e.width() + margin_m - g.x0) / 500));
    g.rows = static_cast<int>(std::ceil((g.y1 - (e.min_y - margin_m)) / 500));
    g.values.assign(static_cast<std::size_t>(g.columns * g.rows), 50.0);
    return g;
}

std::string project(const test::ScratchDir& d, const std::string& population) {
    const std::string src = test::source_dir() + "/datasets";
    return test::write_file(d / "p.toml", "[project]\nname = \"Kaunas on a population grid\"\n"
                                          "[catalogue]\nservice_types = \"" + src + "/catalogue/service_types.csv\"\n"
                                          "target_groups = \"" + src + "/catalogue/target_groups.csv\"\n"
                                          "[wards]\npath = \"" + kaunas + "/wards.geojson\"\ncode_field = \"SEN_KODAS\"\n"
                                          "name_field = \"SEN_PAV_TR\"\nmunicipality_field = \"SAV_PAV\"\n"
                                          "population_field = \"SEN_GYV\"\n"
                                          "[providers]\npath = \"" + kaunas + "/providers.csv\"\nx_field = \"lon\"\n"
                                          "y_field = \"lat\"\ncrs = \"EPSG:4326\"\n"
                                          "default_municipality = \"Kauno m. sav.\"\n" + population +
                                          "[access]\nprofile = \"walk\"\n");
}

/// population_grid.csv rows by code (wards) / level
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& path) {
    std::ifstream f(path);
    std::string line;
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> out;
    auto split = [](const std::string& s) {
        std::vector<std::string> v;
        std::string cur;
        bool q = false;
        for (char c : s) {
            if (c == '"') q = !q;
            else if (c == ',' && !q) {
                v.push_back(cur);
                cur.clear();
            } else cur += c;
        }
        v.push_back(cur);
        return v;
    };
    std::getline(f, line);
    header = split(line);
    while (std::getline(f, line)) {
        const auto v = split(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < v.size(); ++i) row[header[i]] = v[i];
        out.push_back(row);
    }
    return out;
}

} // namespace

TEST(PopulationGridCli, kaunas_on_a_raster_reports_each_ward_grid_total_against_its_census) {
    test::ScratchDir d;
    const geo::Envelope e = kaunas_envelope();
    const SyntheticGrid g = uniform_grid(e, 1000);
    test::write_geotiff(g, d / "grid.tif");
    const auto r = test::run_cli("analyze " + project(d, "[population]\ngrid = \"grid.tif\"\n") + " --out " + (d / "out"));
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("Population grid against the census (population grid"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("grid.tif"), std::string::npos);

    std::map<std::string, double> area_km2, census;
    for (const auto& w : csv_rows(d / "out/wards.csv")) {
        area_km2[w.at("code")] = std::stod(w.at("area_km2"));
        census[w.at("code")] = std::stod(w.at("population"));
    }
    ASSERT_EQ(area_km2.size(), 11u);
    const auto rows = csv_rows(d / "out/population_grid.csv");
    std::size_t wards = 0;
    double grid_sum = 0;
    for (const auto& row : rows) {
        if (row.at("level") != "ward") continue;
        ++wards;
        const std::string code = row.at("code");
        const double grid = std::stod(row.at("grid_population"));
        grid_sum += grid;
        // 50 persons per 0.25 km2 everywhere: 200 per km2 of ward, give or take a person per
        // cell cut by the boundary (whole persons)
        EXPECT_NEAR(grid, 200 * area_km2.at(code), 0.01 * 200 * area_km2.at(code) + 30) << code;
        EXPECT_EQ(grid, std::floor(grid)) << code;
        EXPECT_EQ(std::stod(row.at("census_population")), census.at(code)) << code;
        EXPECT_EQ(std::stod(row.at("difference")), grid - census.at(code)) << code;
        EXPECT_EQ(std::stod(row.at("grid_covered_share")), 1.0) << code;
        EXPECT_NE(row.at("basis").find("population grid"), std::string::npos);
    }
    EXPECT_EQ(wards, 11u);

    std::ifstream f(d / "out/run.json");
    const auto j = nlohmann::json::parse(f);
    const auto& pg = j.at("population_grid");
    EXPECT_EQ(pg.at("wards").size(), 11u);
    EXPECT_EQ(pg.at("source_crs"), "EPSG:3346");
    EXPECT_EQ(pg.at("persons_in_wards").get<double>(), grid_sum);
    // conserved: the cells over the wards' bounding box, counted here from the grid's layout
    double over = 0;
    for (int row = 0; row < g.rows; ++row)
        for (int c = 0; c < g.columns; ++c) {
            const double x0 = g.x0 + c * 500, y1 = g.y1 - row * 500;
            if (x0 <= e.max_x && x0 + 500 >= e.min_x && y1 - 500 <= e.max_y && y1 >= e.min_y) ++over;
        }
    EXPECT_EQ(pg.at("persons_used").get<double>(), 50.0 * over);
    EXPECT_EQ(pg.at("persons_in_wards").get<double>() + pg.at("persons_outside_wards").get<double>(), 50.0 * over);
    EXPECT_EQ(j.at("distances").at("population_surface").at("method").get<std::string>().rfind("population grid", 0), 0u);
}

TEST(PopulationGridCli, a_grid_over_part_of_kaunas_is_warned_with_the_share_uncovered) {
    test::ScratchDir d;
    test::write_geotiff(uniform_grid(kaunas_envelope(), 0, 0.5), d / "west.tif");
    const auto r = test::run_cli("analyze " + project(d, "[population]\ngrid = \"west.tif\"\n") + " --out " + (d / "out"));
    ASSERT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("population grid " + (d / "west.tif") + " covers only part of the study area"),
              std::string::npos) << r.output;
    EXPECT_NE(r.output.find("census residents ("), std::string::npos);
    EXPECT_NE(r.output.find("% covered"), std::string::npos);
}

TEST(PopulationGridCli, a_grid_elsewhere_stops_the_run_with_exit_2_naming_the_file) {
    test::ScratchDir d;
    geo::Envelope far = kaunas_envelope();
    far.min_x += 150000;
    far.max_x += 150000;
    test::write_geotiff(uniform_grid(far, 0), d / "elsewhere.tif");
    const auto r = test::run_cli("analyze " + project(d, "[population]\ngrid = \"elsewhere.tif\"\n") + " --out " + (d / "out"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("elsewhere.tif"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("does not cover the study area"), std::string::npos) << r.output;
}

TEST(PopulationGridCli, building_points_share_the_grid_cells_when_both_are_given) {
    test::ScratchDir d;
    test::write_geotiff(uniform_grid(kaunas_envelope(), 1000), d / "grid.tif");
    const auto r = test::run_cli("analyze " + project(d, "[population]\ngrid = \"grid.tif\"\n"
                                            "[population_surface]\nmethod = \"points\"\npath = \"" + kaunas +
                                            "/buildings.csv\"\nx_field = \"x_lks94\"\ny_field = \"y_lks94\"\n"
                                            "crs = \"EPSG:3346\"\nweight_field = \"aukstu_skaicius\"\n") +
                                 " --out " + (d / "out"));
    ASSERT_EQ(r.rc, 0) << r.output;
    std::ifstream f(d / "out/run.json");
    const auto j = nlohmann::json::parse(f);
    EXPECT_GT(j.at("population_grid").at("cells_by_buildings").get<long long>(), 100);
    EXPECT_NE(j.at("population_grid").at("basis").get<std::string>().find("building points"), std::string::npos);
    EXPECT_EQ(j.at("population_grid").at("persons_in_wards").get<double>() +
                  j.at("population_grid").at("persons_outside_wards").get<double>(),
              j.at("population_grid").at("persons_used").get<double>());
}

TEST(PopulationGridProject, grid_keys_are_read_and_misuse_is_refused_with_the_line) {
    test::ScratchDir d;
    auto p = app::load_project(project(d, "[population]\ngrid = \"cells.gpkg\"\ngrid_field = \"TOT_P\"\n"
                                          "grid_layer = \"grid\"\ngrid_crs = \"EPSG:3035\"\n"));
    ASSERT_TRUE(p.population_grid);
    EXPECT_EQ(p.population_grid->path, d / "cells.gpkg");
    EXPECT_EQ(p.population_grid->field, "TOT_P");
    EXPECT_EQ(p.population_grid->crs, "EPSG:3035");
    EXPECT_FALSE(p.population_groups); // groups are optional beside a grid
    const auto inputs = p.input_files(); // protected from --out, digested in run.json
    EXPECT_NE(std::find(inputs.begin(), inputs.end(), d / "cells.gpkg"), inputs.end());
    test::expect_error<Error>([&] { app::load_project(project(d, "[population]\ngrid_field = \"TOT_P\"\n")); },
                              {"p.toml:", "grid_field needs grid"});
    test::expect_error<Error>([&] { app::load_project(project(d, "[population]\n")); }, {"needs groups", "grid"});
    test::expect_error<Error>([&] {
        app::load_project(project(d, "[population]\ngrid = \"g.tif\"\n[population_surface]\ngrid_cell_m = 100\n"));
    }, {"[population_surface] method = \"grid\"", "population grid is the surface"});
}
