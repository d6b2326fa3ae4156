#include "model/coverage.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "model/provider_placement.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {
const CoverageRow& row(const CoverageResult& r, const std::string& area, const std::string& type) {
    for (const auto& x : r.rows)
        if (x.area_code == area && x.service_type == type) return x;
    throw std::runtime_error("no row " + area + " " + type);
}
} // namespace

TEST(Coverage, ward_group_estimate_is_municipal_size_times_census_share) {
    StudyArea s = test::three_wards();
    // older 1500 shared 1000:2000:7000 -> 150, 300, 1050
    auto t = ward_target_population(s, s.wards[2], "older");
    ASSERT_TRUE(t.value);
    EXPECT_DOUBLE_EQ(*t.value, 1050.0);
    EXPECT_TRUE(t.estimated);
    auto r = ward_target_population(s, s.wards[2], "residents");
    EXPECT_DOUBLE_EQ(*r.value, 7000.0);
    EXPECT_FALSE(r.estimated);
    EXPECT_FALSE(ward_target_population(s, s.wards[0], "social_risk_families").value.has_value());
}

TEST(Coverage, places_per_1000_utilisation_and_funded_share_by_hand) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P1", geo::XY{2500, 500}), test::provider("P2", geo::XY{2600, 600}),
                   test::provider("P3", geo::XY{500, 500})};
    s.lines = {test::line(0, "day_centre", 30, 27, 9), test::line(1, "day_centre", 12, 12, 12),
               test::line(2, "day_centre", {}, 5)};
    place_providers(s);
    CoverageResult r = compute_coverage(s);

    const CoverageRow& c = row(r, "C", "day_centre");
    EXPECT_EQ(c.lines, 2);
    EXPECT_DOUBLE_EQ(*c.places, 42.0);
    EXPECT_DOUBLE_EQ(*c.recipients, 39.0);
    EXPECT_DOUBLE_EQ(*c.places_per_1000, 42.0 / 1050.0 * 1000.0); // 40 per 1000 older
    EXPECT_DOUBLE_EQ(*c.utilisation, 39.0 / 42.0);
    EXPECT_DOUBLE_EQ(*c.funded_share, 21.0 / 39.0);
    EXPECT_TRUE(c.estimated);

    const CoverageRow& a = row(r, "A", "day_centre");
    EXPECT_FALSE(a.places.has_value()); // P3 gives no places
    EXPECT_DOUBLE_EQ(*a.recipients, 5.0);
    EXPECT_FALSE(a.utilisation.has_value());

    const CoverageRow& b = row(r, "B", "day_centre");
    EXPECT_EQ(b.lines, 0);
    EXPECT_DOUBLE_EQ(*b.places, 0.0); // every municipal line is placed: a true zero
    EXPECT_DOUBLE_EQ(*b.places_per_1000, 0.0);

    const CoverageRow& m = row(r, "M", "day_centre");
    EXPECT_EQ(m.level, AreaLevel::municipality);
    EXPECT_DOUBLE_EQ(*m.places_per_1000, 42.0 / 1500.0 * 1000.0);
    EXPECT_DOUBLE_EQ(*m.utilisation, 39.0 / 42.0); // only lines that give both figures
    EXPECT_FALSE(m.estimated);                      // municipal size is given, not estimated
}

TEST(Coverage, unplaced_lines_make_ward_zeros_unknown) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P1", geo::XY{500, 500}), test::provider("P2", std::nullopt)};
    s.lines = {test::line(0, "home_help", {}, 10), test::line(1, "home_help", {}, 40)};
    place_providers(s);
    CoverageResult r = compute_coverage(s);
    const CoverageRow& b = row(r, "B", "home_help");
    EXPECT_FALSE(b.recipients.has_value()); // not 0: one line could be anywhere
    EXPECT_EQ(b.lines_unplaced, 1);
    EXPECT_NE(b.notes.find("incomplete"), std::string::npos);
    const CoverageRow& m = row(r, "M", "home_help");
    EXPECT_DOUBLE_EQ(*m.recipients, 50.0);
    EXPECT_EQ(m.lines_unplaced, 1);
}

TEST(Coverage, needs_give_assessed_per_1000_and_unmet_share) {
    StudyArea s = test::three_wards();
    NeedRow n;
    n.municipality = "M";
    n.code = "5.6";
    n.service_type = "day_centre";
    n.target_group = "older";
    n.unit = "persons";
    n.assessed_need = 20;
    n.unmet_need = 23;
    s.needs = {n};
    CoverageResult r = compute_coverage(s);
    const CoverageRow& m = row(r, "M", "day_centre");
    EXPECT_DOUBLE_EQ(*m.assessed_need_per_1000, 20.0 / 1500.0 * 1000.0);
    EXPECT_NEAR(*m.unmet_share, 23.0 / 43.0, 1e-12); // DIGEST check 10: 53 %
    EXPECT_EQ(m.need_codes, "5.6");
    EXPECT_FALSE(row(r, "A", "day_centre").assessed_need.has_value()); // plans give no ward figures
}
