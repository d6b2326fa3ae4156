#include <filesystem>

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;
using test::expect_error;
using test::ScratchDir;
using test::write_file;

namespace {
const char* two_points_geojson = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"A","pop":10},"geometry":{"type":"Point","coordinates":[24.0,54.9]}},
 {"type":"Feature","properties":{"code":"B","pop":20},"geometry":{"type":"Point","coordinates":[23.9,54.9]}}]})";
}

TEST(ReadVector, geojson_is_reprojected_lon_lat_to_easting_northing) {
    ScratchDir d;
    auto t = read_vector(write_file(d / "p.geojson", two_points_geojson));
    EXPECT_EQ(t.driver, "GeoJSON");
    EXPECT_EQ(t.source_crs, "EPSG:4326");
    ASSERT_EQ(t.features.size(), 2u);
    auto p = std::get<XY>(t.features[0].geometry);
    EXPECT_NEAR(p.x, 500000.0, 1e-3);
    EXPECT_EQ(*t.features[0].values[static_cast<std::size_t>(t.require_field("code"))], "A");
}

TEST(ReadVector, csv_with_coordinate_columns_and_declared_crs) {
    ScratchDir d;
    write_file(d / "p.csv", "id,lon,lat\n1,24.0,54.9\n2,,\n");
    ReadOptions o;
    o.x_field = "lon";
    o.y_field = "lat";
    o.declared_crs = "EPSG:4326";
    auto t = read_vector(d / "p.csv", o);
    ASSERT_EQ(t.features.size(), 2u);
    EXPECT_NEAR(std::get<XY>(t.features[0].geometry).x, 500000.0, 1e-3);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(t.features[1].geometry)); // blank = unlocated
}

TEST(ReadVector, csv_coordinates_without_crs_are_refused) {
    ScratchDir d;
    write_file(d / "p.csv", "id,x,y\n1,500000,6080000\n");
    ReadOptions o;
    o.x_field = "x";
    o.y_field = "y";
    expect_error<CrsError>([&] { read_vector(d / "p.csv", o); }, {"p.csv", "no CRS", "declare"});
}

TEST(ReadVector, broken_number_names_file_line_and_field) {
    ScratchDir d;
    write_file(d / "p.csv", "id,lon,lat\n1,24.0,54.9\n2,24.1,fifty\n");
    ReadOptions o;
    o.x_field = "lon";
    o.y_field = "lat";
    o.declared_crs = "EPSG:4326";
    expect_error<IoError>([&] { read_vector(d / "p.csv", o); }, {"p.csv", "fid 2", "(line 3)", "lat", "fifty"});
}

TEST(ReadVector, declared_crs_that_contradicts_the_file_is_refused) {
    ScratchDir d;
    ReadOptions o;
    o.declared_crs = "EPSG:3346";
    expect_error<CrsError>([&] { read_vector(write_file(d / "p.geojson", two_points_geojson), o); },
                           {"declares EPSG:3346", "EPSG:4326"});
}

TEST(ReadVector, missing_garbage_and_empty_sources) {
    ScratchDir d;
    expect_error<IoError>([&] { read_vector(d / "nope.gpkg"); }, {"nope.gpkg", "not found"});
    write_file(d / "junk.gpkg", "this is not a geopackage");
    expect_error<IoError>([&] { read_vector(d / "junk.gpkg"); }, {"junk.gpkg", "not a readable vector source"});
    write_file(d / "empty.geojson", R"({"type":"FeatureCollection","features":[]})");
    expect_error<IoError>([&] { read_vector(d / "empty.geojson"); }, {"empty.geojson", "empty"});
    ReadOptions allow;
    allow.allow_empty = true;
    EXPECT_TRUE(read_vector(d / "empty.geojson", allow).features.empty());
}

TEST(ReadVector, missing_field_lists_the_fields_present) {
    ScratchDir d;
    auto t = read_vector(write_file(d / "p.geojson", two_points_geojson));
    expect_error<IoError>([&] { t.require_field("population"); }, {"population", "code, pop"});
}

TEST(GeoPackage, round_trip_keeps_fields_geometry_and_crs) {
    ScratchDir d;
    OutLayer L;
    L.name = "wards";
    L.geometry_type = GeometryType::multipolygon;
    L.fields = {{"code", FieldType::text}, {"population", FieldType::integer}, {"share", FieldType::real}};
    OutFeature f;
    f.values = {std::string("Šančių"), std::int64_t{18954}, 0.25};
    f.geometry = MultiPolygon{{Ring{{500000, 6080000}, {501000, 6080000}, {501000, 6081000}, {500000, 6080000}}, {}}};
    L.features.push_back(f);
    OutLayer pts;
    pts.name = "providers";
    pts.geometry_type = GeometryType::point;
    pts.fields = {{"id", FieldType::text}};
    pts.features.push_back({{std::string("P1")}, XY{500500, 6080200}});
    write_geopackage(d / "out.gpkg", "EPSG:3346", {L, pts});

    ReadOptions o;
    o.layer = "wards";
    auto t = read_vector(d / "out.gpkg", o);
    EXPECT_EQ(t.source_crs, "EPSG:3346");
    EXPECT_EQ(*t.features[0].values[0], "Šančių");
    EXPECT_EQ(*t.features[0].values[1], "18954");
    auto mp = std::get<MultiPolygon>(t.features[0].geometry);
    EXPECT_NEAR(mp[0].outer[1].x, 501000, 1e-6);
    o.layer = "providers";
    auto p = read_vector(d / "out.gpkg", o);
    EXPECT_NEAR(std::get<XY>(p.features[0].geometry).y, 6080200, 1e-6);
    expect_error<IoError>([&] { read_vector(d / "out.gpkg"); }, {"2 layers", "wards", "providers"});
    EXPECT_FALSE(std::filesystem::exists(d / ".out.gpkg.tmp-" + std::to_string(::getpid())));
}

TEST(GeoPackage, lat_lon_crs_is_read_in_the_right_axis_order) {
    ScratchDir d;
    OutLayer L;
    L.name = "p";
    L.geometry_type = GeometryType::point;
    L.fields = {{"id", FieldType::text}};
    L.features.push_back({{std::string("a")}, XY{24.0, 54.9}}); // lon, lat as GIS software stores it
    write_geopackage(d / "ll.gpkg", "EPSG:4326", {L});
    auto t = read_vector(d / "ll.gpkg");
    auto p = std::get<XY>(t.features[0].geometry);
    EXPECT_NEAR(p.x, 500000.0, 1e-3);
    EXPECT_NEAR(p.y, 6084880.832, 0.01);
}

TEST(Csv, quotes_commas_quotes_and_newlines) {
    ScratchDir d;
    OutLayer L;
    L.fields = {{"a", FieldType::text}, {"b", FieldType::real}, {"c", FieldType::integer}};
    L.features.push_back({{std::string("x, \"y\""), 0.1, Value{}}, {}});
    write_csv(d / "t.csv", L);
    std::ifstream f(d / "t.csv");
    std::string all((std::istreambuf_iterator<char>(f)), {});
    EXPECT_EQ(all, "a,b,c\n\"x, \"\"y\"\"\",0.1,\n");
}


TEST(Csv, generated_rows_are_written_as_held_ones) {
    ScratchDir d;
    OutLayer held, made;
    held.fields = made.fields = {{"i", FieldType::integer}, {"v", FieldType::real}};
    for (int i = 0; i < 5; ++i) held.features.push_back({{std::int64_t{i}, i * 0.5}, {}});
    made.generated_rows = 5;
    made.generate = [](std::size_t i, OutFeature& f) { f.values = {static_cast<std::int64_t>(i), static_cast<double>(i) * 0.5}; };
    write_csv(d / "held.csv", held);
    write_csv(d / "made.csv", made);
    std::ifstream a(d / "held.csv"), b(d / "made.csv");
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(a)), {}), std::string((std::istreambuf_iterator<char>(b)), {}));
}

TEST(Writers, a_row_that_cannot_be_made_leaves_the_earlier_file_and_no_temporary) {
    // a generated layer that fails half way (as a bug or a full disk would): the earlier
    // outputs stay as they were and nothing half-written is left beside them
    ScratchDir d;
    write_file(d / "t.csv", "earlier\n");
    OutLayer L;
    L.name = "t";
    L.fields = {{"i", FieldType::integer}};
    L.generated_rows = 100;
    L.generate = [](std::size_t i, OutFeature& f) {
        if (i == 50) throw IoError("row 50 cannot be made");
        f.values = {static_cast<std::int64_t>(i)};
    };
    EXPECT_THROW(write_csv(d / "t.csv", L), IoError);
    EXPECT_THROW(write_geopackage(d / "t.gpkg", "EPSG:3346", {L}), IoError);
    // a row far in, made on the GeoPackage writer's other thread while rows before it go in
    OutLayer far = L;
    far.generated_rows = 10000;
    far.generate = [](std::size_t i, OutFeature& f) {
        if (i == 9000) throw IoError("row 9000 cannot be made");
        f.values = {static_cast<std::int64_t>(i)};
    };
    EXPECT_THROW(write_geopackage(d / "t.gpkg", "EPSG:3346", {far}), IoError);
    std::ifstream f(d / "t.csv");
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(f)), {}), "earlier\n");
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(d.path())) files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 1u); // t.csv only
}
