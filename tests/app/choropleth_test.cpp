#include "app/core/choropleth.hpp"

#include <gtest/gtest.h>

using namespace apreptis::app;

TEST(Choropleth, quantile_breaks_by_hand) {
    std::vector<std::optional<double>> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, std::nullopt};
    auto b = class_breaks(v, Classification::quantiles, 5);
    EXPECT_EQ(b, (std::vector<double>{2, 4, 6, 8, 10}));
    EXPECT_EQ(class_of(3.0, b), 1);
    EXPECT_EQ(class_of(10.0, b), 4);
    EXPECT_EQ(class_of(std::nullopt, b), -1);
}

TEST(Choropleth, equal_interval_and_manual_breaks) {
    std::vector<std::optional<double>> v = {0, 10, 100};
    EXPECT_EQ(class_breaks(v, Classification::equal_interval, 4), (std::vector<double>{25, 50, 75, 100}));
    EXPECT_EQ(class_breaks(v, Classification::manual, 3, {50, 5}), (std::vector<double>{5, 50}));
    EXPECT_EQ(class_of(60.0, std::vector<double>{5, 50}), 1); // above the last break: last class
}

TEST(Choropleth, ties_do_not_make_empty_classes) {
    std::vector<std::optional<double>> v = {0, 0, 0, 0, 0, 0, 0, 0, 51.4, 73.4, 74};
    auto b = class_breaks(v, Classification::quantiles, 5);
    EXPECT_EQ(b.front(), 0);
    EXPECT_EQ(std::adjacent_find(b.begin(), b.end()), b.end());
    EXPECT_EQ(class_breaks({3.27}, Classification::quantiles, 5).size(), 1u);
}

TEST(Choropleth, palette_runs_light_to_dark_and_highlight_differs) {
    auto p = palette(5);
    ASSERT_EQ(p.size(), 5u);
    EXPECT_GT(p.front().r + p.front().g + p.front().b, p.back().r + p.back().g + p.back().b);
    EXPECT_NE(highlighted(p[2]), p[2]);
}
