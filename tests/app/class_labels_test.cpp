// Legend labels shared by the report and the viewer: classes that do not overlap.
#include <gtest/gtest.h>

#include <cstdio>

#include "app/core/choropleth.hpp"
#include "app/core/class_labels.hpp"

using apreptis::app::class_labels;
using apreptis::app::Language;

namespace {
std::string one_decimal(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}
} // namespace

TEST(ClassLabels, limits_do_not_touch_and_a_value_on_a_limit_reads_as_the_lower_class) {
    // the viewer's old legend said "5.6 – 11.9", "11.9 – 16.2": 11.9 was in both
    const auto en = class_labels({11.9, 16.2}, 5.6, Language::en, one_decimal);
    EXPECT_EQ(en, (std::vector<std::string>{"5.6 to 11.9", "over 11.9 to 16.2"}));
    const auto lt = class_labels({3, 44}, 0.0, Language::lt, [](double v) { return one_decimal(v); }, "\u00a0%");
    EXPECT_EQ(lt, (std::vector<std::string>{"nuo 0.0 iki 3.0\u00a0%", "virš 3.0 iki 44.0\u00a0%"}));
    // and class_of puts the value on the limit where the label says
    EXPECT_EQ(apreptis::app::class_of(11.9, {11.9, 16.2}), 0);
    EXPECT_EQ(apreptis::app::class_of(11.95, {11.9, 16.2}), 1);
}

TEST(ClassLabels, a_first_class_that_holds_one_value_reads_that_value) {
    EXPECT_EQ(class_labels({0, 3}, 0.0, Language::en, one_decimal), (std::vector<std::string>{"0.0", "over 0.0 to 3.0"}));
    EXPECT_EQ(class_labels({2}, std::nullopt, Language::en, one_decimal), (std::vector<std::string>{"2.0"}));
    EXPECT_TRUE(class_labels({}, 1.0, Language::en, one_decimal).empty());
}
