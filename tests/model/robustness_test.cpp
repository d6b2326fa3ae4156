// Robustness runs (issue 20, "How we will know"): nothing varied gives the single run to the
// bit; two wards a hair apart are each worst about half the time, two far apart always / never;
// the same seed gives the same output; shuffled inputs change nothing. Figures by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "fixtures.hpp"
#include "model/provider_placement.hpp"
#include "model/robustness/rank_summary.hpp"
#include "model/robustness/robustness.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

/// Four 1 km2 wards A..D in a row, one unit each at the ward's centre, the day centre (20 min
/// walking = 1500 m) at D's centre: C (1000 m) and D within, B (2000 m) and A (3000 m) beyond.
/// "older" is estimated per ward from the municipality's 1500 in proportion to residents.
struct Row4 {
    StudyArea study;
    std::vector<PopulationUnit> units;
};

Row4 four_wards(std::int64_t pop_a, std::int64_t pop_b) {
    Row4 r;
    r.study.catalogue = test::tiny_catalogue();
    r.study.wards = {test::ward("A", pop_a, 0), test::ward("B", pop_b, 1000), test::ward("C", 2000, 2000),
                     test::ward("D", 2000, 3000)};
    r.study.groups.values = {{"M", "older", 1500, "persons", "2021-01-01", false, "t"}};
    index_wards(r.study);
    r.study.providers = {test::provider("P", geo::XY{3500, 500})};
    r.study.lines = {test::line(0, "day_centre", 10, 10)};
    place_providers(r.study);
    for (std::size_t w = 0; w < 4; ++w)
        r.units.push_back({{500.0 + 1000.0 * static_cast<double>(w), 500}, w, static_cast<double>(r.study.wards[w].population)});
    return r;
}

const RobustRow* find(const RobustnessResult& r, const std::string& code, RobustIndicator ind) {
    for (const auto& row : r.rows)
        if (row.level == AreaLevel::ward && row.area_code == code && row.indicator == ind) return &row;
    return nullptr;
}

RobustnessResult run(const StudyArea& s, const std::vector<PopulationUnit>& units, const RobustnessSettings& st) {
    const RoutingIndex routing(units, SurfaceReport{"test", 0, 0, {}});
    const AccessSettings access;
    const AccessAnalysis single = analyse_access(s, routing, access);
    return analyse_robustness(s, routing, access, single, st);
}

} // namespace

TEST(Robustness, nearest_rank_quantiles_by_hand) {
    const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(nearest_rank(v, 0.5), 5);   // 5 of 10 at or below
    EXPECT_EQ(nearest_rank(v, 0.05), 1);
    EXPECT_EQ(nearest_rank(v, 0.95), 10);  // ceil(9.5) = 10th
}

TEST(Robustness, equal_values_share_the_worst_rank_they_tie_for) {
    // shares 0, 0, 0.5, 1 (lowest worst): the two at 0 are both rank 1, the next is 3
    std::vector<RankInput> in = {{"D", 0, {0}}, {"A", 0.5, {0.5}}, {"C", 0, {0}}, {"B", 1, {1}}};
    const auto r = summarise_ranks(in, false, 1);
    EXPECT_EQ(r[0].single_rank, 1u);
    EXPECT_EQ(r[2].single_rank, 1u);
    EXPECT_EQ(r[1].single_rank, 3u);
    EXPECT_EQ(r[3].single_rank, 4u);
    EXPECT_EQ(r[0].p_worst_k, 1.0); // both tied for worst are among the 1 worst
    EXPECT_EQ(r[2].p_worst_k, 1.0);
}

TEST(Robustness, nothing_varied_equals_the_single_run_exactly) {
    StudyArea s = test::three_wards();
    s.providers = {test::provider("P", geo::XY{0, 500}), test::provider("Q", std::nullopt, "C")};
    s.lines = {test::line(0, "day_centre", 10, 10), test::line(1, "day_centre", 10, 10)};
    place_providers(s);
    const std::vector<PopulationUnit> units = {{{150, 500}, 0, 600}, {{450, 500}, 0, 400}, {{1350, 500}, 1, 2000},
                                               {{2500, 500}, 2, 7000}};
    const RoutingIndex routing(units, SurfaceReport{"test", 0, 0, {}});
    const AccessSettings access;
    const AccessAnalysis single = analyse_access(s, routing, access);
    RobustnessSettings st;
    st.runs = 7;
    const RobustnessResult r = analyse_robustness(s, routing, access, single, st);
    std::size_t compared = 0;
    for (const AccessRow& a : single.services[0].rows)
        for (const RobustRow& row : r.rows) {
            if (row.level != a.level || row.area_code != a.area_code || row.target_group != a.target_group) continue;
            const double expected = row.indicator == RobustIndicator::share_within
                                        ? a.share_within
                                        : a.target_population - a.within_threshold;
            EXPECT_EQ(row.single_run, expected) << row.area_code << " " << to_string(row.indicator);
            EXPECT_EQ(row.median, expected);
            EXPECT_EQ(row.p05, expected);
            EXPECT_EQ(row.p95, expected);
            EXPECT_EQ(row.rank_min, row.single_rank);
            EXPECT_EQ(row.rank_max, row.single_rank);
            EXPECT_TRUE(row.p_worst_k == 0.0 || row.p_worst_k == 1.0);
            ++compared;
        }
    EXPECT_EQ(compared, 2u * 4u); // wards A, B, C and M x two indicators
    // by hand: C's 1050 older are 2500 m away (> 1500 m): the worst share, beyond 1050
    const RobustRow* c = find(r, "C", RobustIndicator::beyond);
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->single_run, 1050, 1e-9);
    EXPECT_EQ(c->single_rank, 1u);
}

TEST(Robustness, two_wards_a_hair_apart_are_each_worst_about_half_the_time) {
    const Row4 r = four_wards(1000, 1001); // beyond: A 1500 x 1000/6001 = 249.96, B 250.21
    RobustnessSettings st;
    st.runs = 2000;
    st.k_worst = 1;
    st.group_relative = 0.2;
    const RobustnessResult res = run(r.study, r.units, st);
    const RobustRow* a = find(res, "A", RobustIndicator::beyond);
    const RobustRow* b = find(res, "B", RobustIndicator::beyond);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(b->single_rank, 1u);
    EXPECT_NEAR(a->p_worst_k, 0.5, 0.05);
    EXPECT_NEAR(b->p_worst_k, 0.5, 0.05);
    EXPECT_NEAR(a->p_worst_k + b->p_worst_k, 1.0, 1e-12); // C and D reach it: never worst
    EXPECT_FALSE(a->robustly_underserved);
    EXPECT_FALSE(b->robustly_underserved);
    EXPECT_EQ(a->rank_min, 1u);
    EXPECT_EQ(a->rank_max, 2u);
    // the 90 % interval of A's figure: 249.96 x [0.8, 1.2] -> about [0.82, 1.18] of it
    EXPECT_NEAR(a->p05 / a->single_run, 0.82, 0.01);
    EXPECT_NEAR(a->p95 / a->single_run, 1.18, 0.01);
}

TEST(Robustness, two_wards_far_apart_are_always_and_never_worst) {
    const Row4 r = four_wards(1000, 3000); // beyond: B three times A; +/- 20 % never overlaps
    RobustnessSettings st;
    st.runs = 500;
    st.k_worst = 1;
    st.group_relative = 0.2;
    const RobustnessResult res = run(r.study, r.units, st);
    const RobustRow* a = find(res, "A", RobustIndicator::beyond);
    const RobustRow* b = find(res, "B", RobustIndicator::beyond);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(b->p_worst_k, 1.0);
    EXPECT_TRUE(b->robustly_underserved);
    EXPECT_EQ(a->p_worst_k, 0.0);
    EXPECT_EQ(a->rank_min, 2u);
}

TEST(Robustness, a_faster_speed_and_a_longer_threshold_reach_farther_by_hand) {
    const Row4 r = four_wards(1000, 1000);
    RobustnessSettings st;
    st.runs = 3;
    st.speed_kmh = std::pair{9.0, 9.0}; // twice walking: 20 min = 3000 m, A (3000 m) just within
    RobustnessResult res = run(r.study, r.units, st);
    EXPECT_EQ(find(res, "A", RobustIndicator::share_within)->median, 1.0);
    EXPECT_EQ(find(res, "A", RobustIndicator::share_within)->single_run, 0.0);
    st.speed_kmh.reset();
    st.thresholds_min = {30}; // 30 min at 4.5 km/h = 2250 m: B (2000 m) within, A not
    res = run(r.study, r.units, st);
    EXPECT_EQ(find(res, "B", RobustIndicator::share_within)->median, 1.0);
    EXPECT_EQ(find(res, "A", RobustIndicator::share_within)->median, 0.0);
}

TEST(Robustness, a_ward_located_provider_is_put_on_a_point_of_its_ward) {
    Row4 r = four_wards(1000, 1000);
    r.study.providers.push_back(test::provider("W", std::nullopt, "A")); // only its ward is known
    r.study.lines.push_back(test::line(1, "day_centre", 10, 10));
    place_providers(r.study);
    RobustnessSettings st;
    st.runs = 5;
    st.move_ward_located = true;
    const RobustnessResult res = run(r.study, r.units, st);
    EXPECT_EQ(res.ward_located_moved, 1u);
    // A's one unit is the only point of A: the provider is there in every run
    EXPECT_EQ(find(res, "A", RobustIndicator::share_within)->p05, 1.0);
    EXPECT_EQ(find(res, "A", RobustIndicator::share_within)->single_run, 0.0);
    EXPECT_EQ(find(res, "B", RobustIndicator::share_within)->p05, 1.0); // 1000 m from A's centre
}

namespace {

RobustnessSettings everything(std::uint64_t seed) {
    RobustnessSettings st;
    st.runs = 200;
    st.seed = seed;
    st.thresholds_min = {15, 20, 30};
    st.speed_kmh = std::pair{3.0, 4.5};
    st.group_relative = 0.25;
    st.move_ward_located = true;
    return st;
}

/// Three providers, one located only to ward B; several units per ward.
Row4 busy() {
    Row4 r = four_wards(1000, 1200);
    r.study.providers.push_back(test::provider("W", std::nullopt, "B"));
    r.study.providers.push_back(test::provider("X", geo::XY{200, 900}));
    r.study.lines.push_back(test::line(1, "day_centre", 10, 10));
    r.study.lines.push_back(test::line(2, "day_centre", 10, 10));
    place_providers(r.study);
    r.units.clear();
    for (std::size_t w = 0; w < 4; ++w)
        for (int k = 0; k < 5; ++k)
            r.units.push_back({{1000.0 * static_cast<double>(w) + 100 + 180 * k, 100.0 + 170 * k}, w,
                               static_cast<double>(r.study.wards[w].population) / 5});
    return r;
}

using Key = std::tuple<int, std::string, std::string, int>;
std::map<Key, RobustRow> by_key(const RobustnessResult& r) {
    std::map<Key, RobustRow> m;
    for (const auto& row : r.rows)
        m[{static_cast<int>(row.level), row.area_code, row.target_group, static_cast<int>(row.indicator)}] = row;
    return m;
}

} // namespace

TEST(Robustness, the_same_seed_gives_the_same_output_another_seed_another) {
    const Row4 r = busy();
    const auto a = by_key(run(r.study, r.units, everything(7)));
    const auto b = by_key(run(r.study, r.units, everything(7)));
    const auto c = by_key(run(r.study, r.units, everything(8)));
    ASSERT_EQ(a.size(), b.size());
    bool any_difference = false;
    for (const auto& [k, x] : a) {
        const RobustRow& y = b.at(k);
        EXPECT_EQ(x.median, y.median);
        EXPECT_EQ(x.p05, y.p05);
        EXPECT_EQ(x.p95, y.p95);
        EXPECT_EQ(x.p_worst_k, y.p_worst_k);
        EXPECT_EQ(x.rank_p05, y.rank_p05);
        EXPECT_EQ(x.rank_p95, y.rank_p95);
        any_difference = any_difference || x.p_worst_k != c.at(k).p_worst_k || x.median != c.at(k).median ||
                         x.p05 != c.at(k).p05 || x.p95 != c.at(k).p95;
    }
    EXPECT_TRUE(any_difference);
}

TEST(Robustness, shuffled_wards_providers_and_units_change_nothing) {
    const Row4 r = busy();
    Row4 s = r;
    // wards, providers (with their lines) and units in reverse order
    std::reverse(s.study.wards.begin(), s.study.wards.end());
    index_wards(s.study);
    std::reverse(s.study.providers.begin(), s.study.providers.end());
    for (auto& l : s.study.lines) l.provider = s.study.providers.size() - 1 - l.provider;
    std::reverse(s.study.lines.begin(), s.study.lines.end());
    for (auto& p : s.study.providers)
        if (p.point) p.ward_code.clear();
    place_providers(s.study);
    std::reverse(s.units.begin(), s.units.end());
    for (auto& u : s.units) u.ward = 3 - u.ward;
    const auto a = by_key(run(r.study, r.units, everything(3)));
    const auto b = by_key(run(s.study, s.units, everything(3)));
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [k, x] : a) {
        const RobustRow& y = b.at(k);
        EXPECT_NEAR(x.median, y.median, 1e-9) << std::get<1>(k);
        EXPECT_NEAR(x.p05, y.p05, 1e-9);
        EXPECT_NEAR(x.p95, y.p95, 1e-9);
        EXPECT_EQ(x.p_worst_k, y.p_worst_k) << std::get<1>(k);
        EXPECT_EQ(x.rank_p05, y.rank_p05);
        EXPECT_EQ(x.rank_p95, y.rank_p95);
        EXPECT_EQ(x.single_rank, y.single_rank);
    }
}
