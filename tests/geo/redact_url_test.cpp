// Tile URLs with API keys and passwords: named in warnings, the viewer and the report only
// with the secrets replaced by "***" (geo/io/redact_url.hpp). Expected texts written by hand.
#include <gtest/gtest.h>

#include "geo/io/redact_url.hpp"

using apreptis::geo::is_secret_parameter;
using apreptis::geo::redact_url;

TEST(RedactUrl, key_like_query_values_are_replaced_whatever_their_case) {
    EXPECT_EQ(redact_url("https://tile.example.com/{z}/{x}/{y}.png?apikey=SECRET"),
              "https://tile.example.com/{z}/{x}/{y}.png?apikey=***");
    EXPECT_EQ(redact_url("https://t.example.com/{z}/{x}/{y}.png?style=light&API_KEY=abc123&lang=lt"),
              "https://t.example.com/{z}/{x}/{y}.png?style=light&API_KEY=***&lang=lt");
    EXPECT_EQ(redact_url("https://a.example/x?access_token=pk.eyJ1&Token=t0k&Secret=s&password=p&Signature=sg&key=k"),
              "https://a.example/x?access_token=***&Token=***&Secret=***&password=***&Signature=***&key=***");
    EXPECT_EQ(redact_url("https://a.example/x?subscription-key=7f&sig=zz&X-Amz-Credential=AK#top"),
              "https://a.example/x?subscription-key=***&sig=***&X-Amz-Credential=***#top");
}

TEST(RedactUrl, userinfo_is_replaced) {
    EXPECT_EQ(redact_url("https://user:pass@host.example/{z}/{x}/{y}.png"), "https://***@host.example/{z}/{x}/{y}.png");
    EXPECT_EQ(redact_url("http://anna@tiles.example:8080/t?apikey=1"), "http://***@tiles.example:8080/t?apikey=***");
    // an '@' in the path is no userinfo
    EXPECT_EQ(redact_url("https://host.example/@2x/{z}/{x}/{y}.png"), "https://host.example/@2x/{z}/{x}/{y}.png");
}

TEST(RedactUrl, everything_else_is_unchanged) {
    for (const char* s : {"https://tile.openstreetmap.org/{z}/{x}/{y}.png", "/data/basemap.tif", "basemap.mbtiles",
                          "https://t.example/{z}/{x}/{y}.png?style=light&lang=lt&monochrome", "https://t.example/x?apikey=",
                          "", "no url here: 404"})
        EXPECT_EQ(redact_url(s), s);
    EXPECT_FALSE(is_secret_parameter("style"));
    EXPECT_FALSE(is_secret_parameter("layer"));
    EXPECT_TRUE(is_secret_parameter("ApiKey"));
    EXPECT_TRUE(is_secret_parameter("auth"));
}

TEST(RedactUrl, urls_inside_messages_and_gdal_names_are_found) {
    // GDAL's WMS driver quotes the URL it failed on
    EXPECT_EQ(redact_url("basemap WMTS:https://w.example/wmts?token=abc: cannot be opened: GDALWMS: Unable to download "
                         "block 0, 0.\nURL: http://127.0.0.1:9/tiles/1/2/3.png?apikey=SECRET\n  HTTP status code: 404"),
              "basemap WMTS:https://w.example/wmts?token=***: cannot be opened: GDALWMS: Unable to download block 0, 0.\n"
              "URL: http://127.0.0.1:9/tiles/1/2/3.png?apikey=***\n  HTTP status code: 404");
    // a GDAL_WMS description: the query is XML-escaped ("&amp;")
    EXPECT_EQ(redact_url("<ServerUrl>https://t.example/${z}/${x}/${y}.png?lang=lt&amp;apikey=SECRET</ServerUrl>"),
              "<ServerUrl>https://t.example/${z}/${x}/${y}.png?lang=lt&amp;apikey=***</ServerUrl>");
    EXPECT_EQ(redact_url("basemap https://t.example/{z}/{x}/{y}.png?apikey=K1: a 404. See https://t.example/?key=K2."),
              "basemap https://t.example/{z}/{x}/{y}.png?apikey=***: a 404. See https://t.example/?key=***.");
    EXPECT_EQ(redact_url("'https://u:p@a.example/x' and \"https://b.example/y?key=K\""),
              "'https://***@a.example/x' and \"https://b.example/y?key=***\"");
}
