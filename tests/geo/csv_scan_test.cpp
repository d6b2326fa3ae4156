#include "geo/io/csv_scan.hpp"

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;

namespace {
Location location_of(const std::string& text) {
    try {
        scan_csv(text, "f.csv");
    } catch (const IoError& e) {
        return *e.location();
    }
    ADD_FAILURE() << "no error for: " << text;
    return {};
}
} // namespace

TEST(CsvScan, records_map_to_the_lines_they_start_on_even_across_quoted_newlines) {
    const auto s = scan_csv("a,b,c\n1,\"two\nlines\",3\n\n4,5,6\n", "f.csv");
    EXPECT_EQ(s.separator, ',');
    EXPECT_EQ(s.columns, 3u);
    EXPECT_EQ(s.record_line, (std::vector<long long>{2, 5}));
}

TEST(CsvScan, the_separator_is_detected_from_the_header_and_a_bom_is_skipped) {
    EXPECT_EQ(scan_csv("\xEF\xBB\xBF" "a;b;c\n1,5;2;3\n", "f.csv").separator, ';');
    EXPECT_EQ(scan_csv("a\tb\n1\t2\n", "f.csv").separator, '\t');
}

TEST(CsvScan, an_unterminated_quote_names_the_line_where_it_opened) {
    const Location l = location_of("id,name\n1,ok\n2,\"never closed\n3,lost\n4,lost\n");
    EXPECT_EQ(l.path, "f.csv");
    EXPECT_EQ(l.line, 3);
}

TEST(CsvScan, short_and_long_rows_are_named_with_their_field_counts) {
    EXPECT_EQ(location_of("a,b,c\n1,2,3\n4,5\n").line, 3);
    EXPECT_EQ(location_of("a,b\n1,2,3\n").line, 2);
    test::expect_error<IoError>([] { scan_csv("a,b,c\n1,2\n", "f.csv"); }, {"f.csv:2", "has 2 fields", "header has 3"});
}

TEST(CsvScan, stray_quotes_are_refused) {
    EXPECT_EQ(location_of("a,b\n1,x\"y\n").line, 2);
    EXPECT_EQ(location_of("a,b\n1,\"x\"y\n").line, 2);
    EXPECT_NO_THROW(scan_csv("a,b\n1,\"x \"\"quoted\"\" y\"\n", "f.csv"));
}

TEST(Utf8, invalid_sequences_are_found_by_offset) {
    EXPECT_EQ(invalid_utf8_at("Šilainių"), std::string::npos);
    EXPECT_EQ(invalid_utf8_at("ab\xE0""c"), 2u);      // truncated sequence
    EXPECT_EQ(invalid_utf8_at("\xC0\xAF"), 0u);       // overlong
    EXPECT_EQ(invalid_utf8_at("x\xED\xA0\x80"), 1u);  // surrogate
    EXPECT_EQ(invalid_utf8_at("\xD0"), 0u);           // cp1257 'Š' is not UTF-8
}

TEST(ConnectionString, credentials_are_redacted_and_files_untouched) {
    EXPECT_EQ(redacted("PG:dbname=gis host=/tmp/s user=anna password='s3 cret'"),
              "PG:dbname=gis host=/tmp/s user=*** password=***");
    EXPECT_EQ(redacted("PG:postgresql://anna:pw@db/gis"), "PG:postgresql://***@db/gis");
    EXPECT_EQ(redacted("wards.geojson"), "wards.geojson");
}

TEST(Utf8Escaped, bytes_that_are_not_utf8_become_backslash_x_and_valid_text_is_unchanged) {
    EXPECT_EQ(utf8_escaped("/tmp/savivaldybė/p.toml"), "/tmp/savivaldybė/p.toml");
    EXPECT_EQ(utf8_escaped("/tmp/savivaldyb\xEB/p.toml"), "/tmp/savivaldyb\\xEB/p.toml"); // cp1257 ė
    EXPECT_EQ(utf8_escaped("\xFF\xFE"), "\\xFF\\xFE");
    EXPECT_EQ(utf8_escaped("a\xC4"), "a\\xC4");            // a sequence cut short at the end
    EXPECT_EQ(utf8_escaped("\xC4\x97\xC4"), "ė\\xC4");       // valid, then a lone lead byte
    EXPECT_EQ(utf8_escaped(""), "");
}
