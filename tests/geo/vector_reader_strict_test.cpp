// The strict input layer: types, ranges, CSV structure, encodings and coordinates are checked
// where they are read, and every refusal names the file, feature, line and field.
#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "geo/io/vector_reader.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {

Location location_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        if (e.location()) return *e.location();
        ADD_FAILURE() << "no location in: " << e.what();
        return {};
    }
    ADD_FAILURE() << "no error";
    return {};
}

ReadOptions points(const std::string& crs = "EPSG:4326") {
    ReadOptions o;
    o.x_field = "lon";
    o.y_field = "lat";
    o.declared_crs = crs;
    return o;
}

} // namespace

TEST(ReadVectorStrict, a_lithuanian_excel_export_reads_with_its_encoding_separator_and_decimal_comma) {
    test::ScratchDir d;
    // "Šilainių" in Windows-1257: Š = 0xD0, ų = 0xF8
    test::write_file(d / "p.csv", "name;lon;lat\n\xD0ilaini\xF8;23,85;54,93\n");
    ReadOptions o = points();
    o.encoding = "CP1257";
    o.separator = ';';
    o.decimal_comma = true;
    const FeatureTable t = read_vector(d / "p.csv", o);
    ASSERT_EQ(t.features.size(), 1u);
    EXPECT_EQ(*t.features[0].values[0], "Šilainių");
    const XY p = std::get<XY>(t.features[0].geometry);
    EXPECT_NEAR(p.x, 490000.0, 20000); // LKS94 easting near Kaunas
    EXPECT_TRUE(t.decimal_comma);
}

TEST(ReadVectorStrict, text_that_is_not_utf8_names_the_field_and_suggests_the_encoding) {
    test::ScratchDir d;
    test::write_file(d / "p.csv", "name,lon,lat\nok,23.9,54.9\n\xD0ilaini\xF8,23.9,54.9\n");
    const Location l = location_of([&] { read_vector(d / "p.csv", points()); });
    EXPECT_EQ(l.field, "name");
    EXPECT_EQ(l.line, 3);
    test::expect_error<IoError>([&] { read_vector(d / "p.csv", points()); }, {"not valid UTF-8", "cp1257"});
}

TEST(ReadVectorStrict, a_csv_with_an_unterminated_quote_is_refused_not_swallowed) {
    test::ScratchDir d;
    test::write_file(d / "p.csv", "name,lon,lat\na,23.9,54.9\n\"b,23.9,54.9\nc,23.9,54.9\n");
    const Location l = location_of([&] { read_vector(d / "p.csv", points()); });
    EXPECT_EQ(l.line, 3);
}

TEST(ReadVectorStrict, swapped_latitude_and_longitude_are_refused_with_a_hint) {
    test::ScratchDir d;
    test::write_file(d / "p.csv", "name,lon,lat\nKaunas,54.9,23.9\n");
    test::expect_error<CrsError>([&] { read_vector(d / "p.csv", points()); },
                                 {"outside the area of use of EPSG:3346", "swapped"});
}

TEST(ReadVectorStrict, a_json_boolean_is_a_boolean_field_not_a_count) {
    test::ScratchDir d;
    test::write_file(d / "w.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"A","population":true},
       "geometry":{"type":"Polygon","coordinates":[[[23.9,54.9],[23.91,54.9],[23.91,54.91],[23.9,54.9]]]}}]})");
    ReadOptions o;
    const FeatureTable t = read_vector(d / "w.geojson", o);
    EXPECT_EQ(t.kinds[static_cast<std::size_t>(t.field_index("population"))], FieldKind::boolean);
}

TEST(ReadVectorStrict, numbers_with_decimal_commas_are_only_read_when_declared) {
    double v = 0;
    EXPECT_TRUE(parse_number("12,5", true, v));
    EXPECT_DOUBLE_EQ(v, 12.5);
    EXPECT_FALSE(parse_number("12,5", false, v));
    EXPECT_FALSE(parse_number("1.234,5", true, v)); // thousands separators are not guessed
    EXPECT_FALSE(parse_number("nan", false, v));
    EXPECT_FALSE(parse_number("1e400", false, v));
}

TEST(ReadVectorStrict, an_unknown_encoding_is_refused_before_reading) {
    EXPECT_TRUE(is_known_encoding("CP1257"));
    EXPECT_TRUE(is_known_encoding("utf-8"));
    EXPECT_FALSE(is_known_encoding("klingon-9"));
}
