// Plan progress: fulfilment, status, budget execution and parts against totals, on hand-made
// lines and on the seeds' own tables (datasets/plans, built from shared/seeds/extracted by
// datasets/tools/build_plans.py): the expected figures are the ones the documents print.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/io/vector_reader.hpp"
#include "model/catalogue.hpp"
#include "model/errors.hpp"
#include "model/load/loaders.hpp"
#include "model/plan/plan_progress.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;

namespace {

PlanLine indicator(std::string id, std::string target, std::string achieved) {
    PlanLine l;
    l.id = std::move(id);
    l.municipality = "M";
    l.measure_code = "1";
    l.target = std::move(target);
    l.achieved = std::move(achieved);
    return l;
}

PlanLine funds(std::string id, std::string part, std::optional<double> planned, std::optional<double> used,
               std::vector<std::string> part_of = {}) {
    PlanLine l;
    l.id = std::move(id);
    l.municipality = "M";
    l.measure_code = "1";
    l.kind = PlanLineKind::funds;
    l.funds_part = std::move(part);
    l.planned_eur = planned;
    l.used_eur = used;
    l.part_of = std::move(part_of);
    return l;
}

std::vector<PlanLine> load_plan(const std::string& name) {
    const std::string dir = test::source_dir() + "/datasets/";
    const Catalogue cat = load_catalogue(dir + "catalogue/service_types.csv", dir + "catalogue/target_groups.csv");
    return load::plan_lines_from(geo::read_vector(dir + "plans/" + name), cat);
}

const IndicatorProgress& indicator_of(const PlanProgress& p, const std::string& id) {
    for (const auto& i : p.indicators)
        if (i.line.id == id) return i;
    throw std::runtime_error("no indicator " + id);
}

const FundsProgress& funds_of(const PlanProgress& p, const std::string& code, int year = 2023) {
    for (const auto& f : p.funds)
        if (f.measure_code == code && f.year == year) return f;
    throw std::runtime_error("no funds " + code);
}

} // namespace

TEST(PlanProgress, StatusFollowsTheKindOfTarget) {
    const auto p = compute_plan_progress({indicator("a", "ne mažiau nei 30", "45"), indicator("b", "30", "29"),
                                          indicator("c", "ne daugiau kaip 18", "20"), indicator("d", "pagal poreikį", "12"),
                                          indicator("e", "25", ""), indicator("f", "", "58"),
                                          indicator("g", "25", "Paslaugas gavo daug žmonių")});
    EXPECT_EQ(indicator_of(p, "a").status, ProgressStatus::on_track);
    EXPECT_DOUBLE_EQ(*indicator_of(p, "a").fulfilment, 1.5);
    EXPECT_EQ(indicator_of(p, "b").status, ProgressStatus::behind);
    EXPECT_EQ(indicator_of(p, "c").status, ProgressStatus::behind);
    EXPECT_EQ(indicator_of(p, "d").status, ProgressStatus::not_numeric);
    EXPECT_FALSE(indicator_of(p, "d").fulfilment);
    EXPECT_EQ(indicator_of(p, "e").status, ProgressStatus::not_reported);
    EXPECT_EQ(indicator_of(p, "f").status, ProgressStatus::result_only);
    EXPECT_EQ(indicator_of(p, "g").status, ProgressStatus::not_numeric);
    EXPECT_EQ(p.indicators.size(), 7u); // nothing dropped
}

TEST(PlanProgress, BudgetExecutionPerSourceAndTotal) {
    const auto p = compute_plan_progress({funds("t", "total", 1000, 900), funds("s", "state", 600, 600, {"t"}),
                                          funds("m", "municipal", 400, 300, {"t"})});
    ASSERT_EQ(p.funds.size(), 1u);
    EXPECT_DOUBLE_EQ(*p.funds[0].execution, 0.9);
    EXPECT_EQ(p.funds[0].total_basis, "printed total");
    EXPECT_DOUBLE_EQ(*p.funds[0].parts[1].execution, 0.75);
    ASSERT_EQ(p.reconciliations.size(), 2u); // planned and used
    EXPECT_TRUE(p.reconciliations[0].agrees);
    EXPECT_EQ(p.disagreements(), 0);
}

TEST(PlanProgress, WithoutAPrintedTotalTheSourcesAreSummedAndSaySo) {
    const auto p = compute_plan_progress({funds("s", "state", 600, std::nullopt), funds("m", "municipal", 400, std::nullopt)});
    EXPECT_DOUBLE_EQ(*p.funds[0].planned_eur, 1000);
    EXPECT_FALSE(p.funds[0].execution);
    EXPECT_EQ(p.funds[0].total_basis, "sum of sources");
}

TEST(PlanProgress, AMissingPartOfIsAnErrorWithItsLine) {
    auto l = funds("s", "state", 1, 1, {"nope"});
    l.where.path = "plan.csv";
    l.where.line = 7;
    try {
        compute_plan_progress({l});
        FAIL();
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("plan.csv"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
    }
}

// Visaginas 2023 report, measure 4.1.2 (day social care at home for persons with severe
// disability): planned 470 250,00 EUR, used 508 763,47 EUR = 108.2 %; target "ne mažiau nei
// 30" persons, achieved 45 = 150 %.
TEST(PlanProgressSeeds, Visaginas412) {
    const auto lines = load_plan("visaginas_2023.csv");
    const auto p = compute_plan_progress(lines);
    const auto& f = funds_of(p, "4.1.2");
    EXPECT_DOUBLE_EQ(*f.planned_eur, 470250.00);
    EXPECT_DOUBLE_EQ(*f.used_eur, 508763.47);
    EXPECT_NEAR(*f.execution * 100, 108.2, 0.05);
    const auto& i = indicator_of(p, "VIS-4.1.2-1-i");
    EXPECT_EQ(i.target.kind, TargetKind::at_least);
    EXPECT_NEAR(*i.fulfilment * 100, 150.0, 1e-9);
    EXPECT_EQ(i.status, ProgressStatus::on_track);
    EXPECT_EQ(i.line.service_type, "day_care_home");
}

// Visaginas funds used by source add up to the printed totals of 2021, 2022 and 2023, and
// every measure's sources add up to its printed total (4.6.2 included, with its targeted
// compensation).
TEST(PlanProgressSeeds, VisaginasFundsAddUp) {
    const auto p = compute_plan_progress(load_plan("visaginas_2023.csv"));
    int years = 0;
    for (const auto& r : p.reconciliations) {
        EXPECT_TRUE(r.agrees) << r.total_id << " " << r.quantity << ": " << r.message;
        if (r.total_id.rfind("VIS-funds-", 0) == 0) ++years;
    }
    EXPECT_EQ(years, 3);
    EXPECT_DOUBLE_EQ(*funds_of(p, "funds-used-2021", 2021).used_eur, 2827718.68);
    EXPECT_DOUBLE_EQ(*funds_of(p, "funds-used-2023", 2023).used_eur, 4126389.38);
}

// KMSPC 2021: "2086178 eurų, iš jų: darbo užmokesčiu – 1666665 eurų; turtui – 419503 eurų":
// the parts sum to 2,086,168, ten less than printed.
TEST(PlanProgressSeeds, KmspcBudgetIdentityIsFlagged) {
    const auto p = compute_plan_progress(load_plan("kmspc_2021.csv"));
    ASSERT_EQ(p.disagreements(), 1);
    const auto& r = *std::find_if(p.reconciliations.begin(), p.reconciliations.end(),
                                  [](const Reconciliation& x) { return !x.agrees; });
    EXPECT_EQ(r.total_id, "KMSPC-budget-total");
    EXPECT_DOUBLE_EQ(r.printed, 2086178);
    EXPECT_DOUBLE_EQ(r.parts_sum, 2086168);
    EXPECT_NE(r.message.find("2,086,168"), std::string::npos);
    EXPECT_NE(r.message.find("difference 10"), std::string::npos);
}

// Palanga 2023: 58 new case-management processes = 40 with assessed need + 18 not started;
// 53 closed = 20 + 10 + 2 + 3 + 18 by reason; 33 questionnaires = 31 answered + 2 not.
TEST(PlanProgressSeeds, PalangaCaseManagementArithmetic) {
    const auto p = compute_plan_progress(load_plan("palanga_2023.csv"));
    auto rec = [&](const std::string& id) {
        for (const auto& r : p.reconciliations)
            if (r.total_id == id) return r;
        throw std::runtime_error("no reconciliation of " + id);
    };
    const auto r58 = rec("PAL-01");
    EXPECT_DOUBLE_EQ(r58.printed, 58);
    EXPECT_DOUBLE_EQ(r58.parts_sum, 40 + 18);
    EXPECT_EQ(r58.parts, 2);
    EXPECT_TRUE(r58.agrees);
    const auto r53 = rec("PAL-04");
    EXPECT_DOUBLE_EQ(r53.printed, 53);
    EXPECT_DOUBLE_EQ(r53.parts_sum, 20 + 10 + 2 + 3 + 18);
    EXPECT_EQ(r53.parts, 5);
    EXPECT_TRUE(rec("PAL-25").agrees);
    EXPECT_EQ(p.disagreements(), 0);
    // "once per month" with 12 meetings is on track
    EXPECT_EQ(indicator_of(p, "PAL-19").status, ProgressStatus::on_track);
}

TEST(PlanProgressSeeds, EveryLineOfEveryPlanIsKept) {
    for (const char* name : {"visaginas_2023.csv", "kmspc_2021.csv", "kaunas_2022_measures.csv", "palanga_2023.csv"}) {
        const auto lines = load_plan(name);
        const auto p = compute_plan_progress(lines);
        std::size_t funds_lines = 0;
        for (const auto& l : lines) funds_lines += l.kind == PlanLineKind::funds;
        EXPECT_EQ(p.indicators.size() + funds_lines, lines.size()) << name;
    }
}
