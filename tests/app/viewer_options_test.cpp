// The viewer's command line and its typed class limits, read without a window (app/viewer's
// viewer_options.cpp and manual_breaks.cpp are compiled into this test, no GL).
#include <cstring>

#include <gtest/gtest.h>

#include "manual_breaks.hpp"
#include "test_util.hpp"
#include "viewer_options.hpp"

using namespace apreptis;
using namespace apreptis::viewer;

namespace {
Options parse(std::vector<std::string> args) { return parse_options(args, "default.toml"); }
} // namespace

TEST(ViewerOptions, sizes_and_numbers_are_read_whole_or_refused_in_words) {
    const Options o = parse({"p.toml", "--size", "1600x1000", "--frames", "4", "--export-size", "800x600"});
    EXPECT_EQ(o.project, "p.toml");
    EXPECT_EQ(o.width, 1600);
    EXPECT_EQ(o.height, 1000);
    EXPECT_EQ(o.frames, 4);
    EXPECT_EQ(o.export_w, 800);
    EXPECT_EQ(parse({}).project, "default.toml");
    // before: "abc" and "1600" were ignored (the window opened at 1280x800); "4x" read as 4 wide
    for (const char* bad : {"abc", "1600", "1600x", "x900", "0x900", "1600x-1", "16x9z", "99999x10"})
        test::expect_error<UsageError>([&] { parse({"--size", bad}); },
                                       {"--size needs WIDTHxHEIGHT", std::string("found '") + bad + "'"});
    // before: std::stoi's own words ("stoi"), or "4x" read as 4
    for (const char* bad : {"four", "4x", "", "-2"})
        test::expect_error<UsageError>([&] { parse({"--frames", bad}); }, {"--frames needs a whole number", bad});
    test::expect_error<UsageError>([&] { parse({"--frames"}); }, {"missing value after --frames"});
    test::expect_error<UsageError>([&] { parse({"--lang", "de"}); }, {"--lang must be lt or en, found 'de'"});
    test::expect_error<UsageError>([&] { parse({"--pan"}); }, {"unknown option --pan"});
    test::expect_error<UsageError>([&] { parse({"--zoom", "5"}); }, {"--zoom needs FACTOR@X,Y", "found '5'"});
    test::expect_error<UsageError>([&] { parse({"--zoom", "0@1,2"}); }, {"--zoom: FACTOR must be from 0.01 to 10000"});
    const auto z = parse({"--zoom", "5@539700,5221300.5"}).zoom;
    ASSERT_TRUE(z);
    EXPECT_EQ(z->first, 5);
    EXPECT_EQ(z->second.x, 539700);
    EXPECT_EQ(z->second.y, 5221300.5);
}

TEST(ViewerOptions, scripted_edits_are_checked_before_the_window_opens) {
    Options o = parse({"--whatif", "ward:1904;day_care_home;older;30"});
    ASSERT_TRUE(o.whatif);
    EXPECT_EQ(o.whatif->ward, "1904");
    EXPECT_EQ(o.whatif->service, "day_care_home");
    EXPECT_FLOAT_EQ(o.whatif->places, 30);
    o = parse({"--whatif", "498000.5,6085000;s;g;2.5"});
    ASSERT_TRUE(o.whatif && o.whatif->at);
    EXPECT_DOUBLE_EQ(o.whatif->at->x, 498000.5);
    EXPECT_DOUBLE_EQ(o.whatif->at->y, 6085000);
    // before: "places" went to std::stof inside the run and ended as exit 1, "stof"
    test::expect_error<UsageError>([&] { parse({"--whatif", "ward:1904;s;g;many"}); }, {"--whatif: places must be a number", "'many'"});
    test::expect_error<UsageError>([&] { parse({"--whatif", "ward:1904;s;g"}); }, {"--whatif needs 'where;service;group;places'"});
    test::expect_error<UsageError>([&] { parse({"--whatif", "here;s;g;1"}); }, {"'ward:CODE' or 'X,Y'", "'here'"});
    test::expect_error<UsageError>([&] { parse({"--whatif", "1,y;s;g;1"}); }, {"Y must be a number, found 'y'"});
    test::expect_error<UsageError>([&] { parse({"--whatif", "ward:1904;;g;1"}); }, {"every part given"});
    o = parse({"--whatif-series", "50;s;g", "--suggest", "s;g;3"});
    EXPECT_EQ(o.whatif_series->edits, 50);
    EXPECT_EQ(o.suggest->k, 3u);
    test::expect_error<UsageError>([&] { parse({"--whatif-series", "many;s;g"}); }, {"--whatif-series N needs a whole number", "'many'"});
    test::expect_error<UsageError>([&] { parse({"--suggest", "s;g;0"}); }, {"--suggest k needs a whole number from 1", "'0'"});
}

TEST(ViewerOptions, an_unknown_service_type_is_named_with_the_known_ones) {
    model::Catalogue c;
    c.services.push_back(model::ServiceType{});
    c.services.back().code = "day_care_home";
    require_service("--whatif", c, "day_care_home");
    test::expect_error<UsageError>([&] { require_service("--whatif", c, "nursing"); },
                                   {"--whatif: no service type 'nursing'", "day_care_home"});
}

TEST(ManualBreaks, the_typed_text_is_read_without_writing_into_it) {
    char buffer[128] = "10, 20;30  40.5";
    const std::vector<double> b = parse_manual_breaks(buffer);
    EXPECT_EQ(b, (std::vector<double>{10, 20, 30, 40.5}));
    // before: strtok wrote NULs into ImGui's buffer, which then showed "10" only
    EXPECT_STREQ(buffer, "10, 20;30  40.5");
    EXPECT_EQ(std::strlen(buffer), 15u);
    // half-typed pieces are skipped, not read as 0 (atof)
    EXPECT_EQ(parse_manual_breaks("5, -, 1e, abc, 7"), (std::vector<double>{5, 7}));
    EXPECT_EQ(parse_manual_breaks("-2.5;0"), (std::vector<double>{-2.5, 0}));
    EXPECT_TRUE(parse_manual_breaks("").empty());
    EXPECT_TRUE(parse_manual_breaks(" ,; ").empty());
}

TEST(ViewerOptions, locate_steps_are_read_in_order_or_refused_in_words) {
    const Options o = parse({"--locate-place", "KNS122;ward:1904", "--locate-undo", "--locate-place", "KNS118;733,490.5",
                             "--locate-address", "KNS001;Sąjungos a. 13A, Kaunas", "--locate-save", "-"});
    EXPECT_TRUE(o.locate.open);
    ASSERT_EQ(o.locate.steps.size(), 4u);
    EXPECT_EQ(o.locate.steps[0].provider, "KNS122");
    EXPECT_EQ(o.locate.steps[0].ward, "1904");
    EXPECT_TRUE(o.locate.steps[1].undo);
    ASSERT_TRUE(o.locate.steps[2].pixel);
    EXPECT_DOUBLE_EQ(o.locate.steps[2].pixel->y, 490.5);
    EXPECT_EQ(o.locate.steps[3].address, "Sąjungos a. 13A, Kaunas"); // commas belong to the address
    ASSERT_TRUE(o.locate.save);
    EXPECT_EQ(*o.locate.save, ""); // "-": the default path
    EXPECT_FALSE(parse({}).locate.open);
    test::expect_error<UsageError>([&] { parse({"--locate-place", "KNS122"}); }, {"--locate-place needs 'ID;X,Y' or 'ID;ward:CODE'"});
    test::expect_error<UsageError>([&] { parse({"--locate-place", "KNS122;here"}); }, {"'X,Y' (screen pixels) or 'ward:CODE', found 'here'"});
    test::expect_error<UsageError>([&] { parse({"--locate-place", "KNS122;1,y"}); }, {"Y must be a number, found 'y'"});
    test::expect_error<UsageError>([&] { parse({"--locate-address", ";Birutės g. 29A"}); }, {"--locate-address needs 'ID;address'"});
}

TEST(ViewerOptions, how_sure_takes_a_number_of_runs) {
    EXPECT_EQ(parse({}).how_sure_runs, 0);
    EXPECT_EQ(parse({"--how-sure", "300"}).how_sure_runs, 300);
    for (const char* bad : {"0", "many", "100001"})
        test::expect_error<UsageError>([&] { parse({"--how-sure", bad}); }, {"--how-sure needs a whole number", bad});
}

TEST(ViewerOptions, help_describes_every_option_and_runs_nothing) {
    for (const char* flag : {"--help", "-h"}) {
        const Options o = parse({"p.toml", "--frames", "2", flag});
        EXPECT_FALSE(o.help.empty()) << flag;
        for (const char* option : {"--size", "--frames", "--screenshot", "--probe", "--indicator", "--select", "--whatif",
                                   "--whatif-series", "--suggest", "--export-png", "--export-size", "--lang", "--plain",
                                   "--level", "--compare-indicator"})
            EXPECT_NE(o.help.find(option), std::string::npos) << option;
    }
    EXPECT_TRUE(parse({"p.toml"}).help.empty());
    // --name=value as --name value; a second project is refused, not taken silently
    EXPECT_EQ(parse({"--frames=3"}).frames, 3);
    test::expect_error<UsageError>([&] { parse({"a.toml", "b.toml"}); }, {"more than one project"});
}
