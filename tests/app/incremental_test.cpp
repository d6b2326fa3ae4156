// A what-if computed from the previous result equals the same what-if computed from scratch
// (from inputs loaded separately), figure for figure, over a scripted series of edits (network
// and straight line); and the incremental path really is taken: only the edited service type is
// searched again and only the catchments of the provider the edit touched are drawn again,
// where a fresh run searches every type and draws every provider's catchments.
#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "test_util.hpp"

using namespace apreptis;

namespace {

void expect_same(const app::Results& a, const app::Results& b) {
    ASSERT_TRUE(a.access && b.access);
    const auto& x = *a.access;
    const auto& y = *b.access;
    ASSERT_EQ(x.services.size(), y.services.size());
    for (std::size_t i = 0; i < x.services.size(); ++i) {
        const auto& s = x.services[i];
        const auto& t = y.services[i];
        SCOPED_TRACE(s.service_type);
        ASSERT_EQ(s.service_type, t.service_type);
        ASSERT_EQ(s.providers, t.providers);
        ASSERT_EQ(s.per_unit.size(), t.per_unit.size());
        for (std::size_t u = 0; u < s.per_unit.size(); ++u) {
            ASSERT_EQ(s.per_unit[u].provider, t.per_unit[u].provider) << u;
            ASSERT_EQ(s.per_unit[u].time_s, t.per_unit[u].time_s) << u;
            ASSERT_EQ(s.per_unit[u].distance_m, t.per_unit[u].distance_m) << u;
        }
        ASSERT_EQ(s.rows.size(), t.rows.size());
        for (std::size_t r = 0; r < s.rows.size(); ++r) {
            EXPECT_EQ(s.rows[r].area_code, t.rows[r].area_code);
            EXPECT_EQ(s.rows[r].share_within, t.rows[r].share_within);
            EXPECT_EQ(s.rows[r].median_min, t.rows[r].median_min);
            EXPECT_EQ(s.rows[r].mean_m, t.rows[r].mean_m);
        }
        ASSERT_EQ(s.catchments.size(), t.catchments.size());
        for (std::size_t k = 0; k < s.catchments.size(); ++k) {
            EXPECT_EQ(s.catchments[k].provider, t.catchments[k].provider);
            EXPECT_EQ(s.catchments[k].area, t.catchments[k].area);
        }
        ASSERT_EQ(s.allocations.size(), t.allocations.size());
        for (std::size_t k = 0; k < s.allocations.size(); ++k) EXPECT_EQ(s.allocations[k].pieces, t.allocations[k].pieces);
    }
    ASSERT_EQ(a.coverage.rows.size(), b.coverage.rows.size());
    for (std::size_t r = 0; r < a.coverage.rows.size(); ++r) EXPECT_EQ(a.coverage.rows[r].places, b.coverage.rows[r].places);
}

void run_series(const std::string& project, const std::string& service, const std::string& group,
                model::CatchmentScope scope = model::CatchmentScope::provider) {
    auto run = app::load_run(project);
    if (scope != model::CatchmentScope::provider) {
        if (!run.project.access) run.project.access.emplace();
        run.project.access->catchments = scope;
    }
    const auto in = app::load_inputs(run.project);
    const auto fresh_in = app::load_inputs(run.project); // nothing shared with the incremental runs
    const auto& wards = in->study->wards;
    model::Scenario sc;
    auto previous = app::compute(*in, sc);
    for (int n = 0; n < 8; ++n) {
        model::ScenarioEdit e;
        e.provider_id = "PLAN-" + std::to_string(n / 2);
        if (n % 2 == 0) {
            e.kind = model::ScenarioEdit::Kind::add;
            e.service_type = service;
            e.target_group = group;
            e.places = 10;
            e.point = geo::point_on_surface(wards[static_cast<std::size_t>(n) % wards.size()].geometry);
        } else if (n == 5) {
            e.kind = model::ScenarioEdit::Kind::remove; // indices shift: reused results are remapped
        } else {
            e.kind = model::ScenarioEdit::Kind::move;
            e.point = geo::point_on_surface(wards[static_cast<std::size_t>(n + 2) % wards.size()].geometry);
        }
        sc.edits.push_back(e);
        auto incremental = app::compute(*in, sc, previous.get());
        auto scratch = app::compute(*fresh_in, sc);
        SCOPED_TRACE("edit " + std::to_string(n));
        expect_same(*incremental, *scratch);
        // The work done, counted by the model, against what the edit can have changed (worked
        // out here from the edit alone): one service type searched again, not all of them ...
        const auto& inc = *incremental->access;
        const auto& full = *scratch->access;
        ASSERT_GT(full.services.size(), 1u);
        EXPECT_EQ(full.services_recomputed, full.services.size());
        EXPECT_EQ(inc.services_recomputed, 1u);
        // ... and, with a catchment per provider, only the added or moved provider's drawn
        // again (none after a removal); a fresh run draws one set per provider with a place.
        if (scope == model::CatchmentScope::provider) {
            std::size_t located = 0;
            for (const auto& sa : full.services) located += sa.providers.size();
            EXPECT_EQ(full.catchments_recomputed, located);
            EXPECT_EQ(inc.catchments_recomputed, e.kind == model::ScenarioEdit::Kind::remove ? 0u : 1u);
        } else {
            EXPECT_EQ(inc.catchments_recomputed, 0u);
        }
        previous = incremental;
    }
}

} // namespace

TEST(Incremental, what_ifs_from_the_previous_result_equal_a_fresh_computation_on_a_network) {
    run_series(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml", "pharmacy", "residents");
}

TEST(Incremental, service_areas_after_what_ifs_equal_a_fresh_computation) {
    // [access] catchments = "service": the edited type's areas are drawn again, the others kept
    run_series(test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml", "pharmacy", "residents",
               model::CatchmentScope::service);
    run_series(test::source_dir() + "/datasets/kaunas/kaunas.toml", "children_day_centre", "children",
               model::CatchmentScope::service);
}

TEST(Incremental, what_ifs_from_the_previous_result_equal_a_fresh_computation_in_a_straight_line) {
    run_series(test::source_dir() + "/datasets/kaunas/kaunas.toml", "children_day_centre", "children");
}

TEST(Incremental, a_cancelled_computation_stops_with_cancelled) {
    const auto in = app::load_inputs(app::load_run(test::source_dir() + "/datasets/kaunas/kaunas.toml").project);
    std::stop_source stop;
    stop.request_stop();
    EXPECT_THROW(app::compute(*in, {}, nullptr, stop.get_token()), model::Cancelled);
}
