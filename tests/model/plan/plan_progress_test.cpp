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

// Issue 16: a measure carried out by two bodies prints one line per body, and the measure is
// the sum of them. Seed 003_fd67ff239f3ddc46.txt, by hand:
//   4.2.1 (lines 95, 96): Visagino socialinių paslaugų centras 300,00 planned / 300,00 used;
//         Visagino šeimos ir vaiko gerovės centras 100,00 / 780,00 (320,00 + 460,00):
//         used 1 080 of planned 400 = 270 %.
//   1.2.6 (lines 37, 38): planned "-" on both lines; used 701,00 + 533,00 = 1 234.
//   4.4.1 (lines 114, 115): planned 400,00 + 300,00 = 700; used 700,00 and nothing printed.
TEST(PlanProgressSeeds, VisaginasMeasuresWithTwoBodiesAreTheSumOfTheirLines) {
    const auto p = compute_plan_progress(load_plan("visaginas_2023.csv"));
    const auto& m421 = funds_of(p, "4.2.1");
    EXPECT_DOUBLE_EQ(*m421.planned_eur, 300.0 + 100.0);
    EXPECT_DOUBLE_EQ(*m421.used_eur, 300.0 + 780.0);
    EXPECT_NEAR(*m421.execution * 100, 270.0, 1e-9);
    const auto& m126 = funds_of(p, "1.2.6");
    EXPECT_FALSE(m126.planned_eur);
    EXPECT_DOUBLE_EQ(*m126.used_eur, 701.0 + 533.0);
    EXPECT_FALSE(m126.execution);
    const auto& m441 = funds_of(p, "4.4.1");
    EXPECT_DOUBLE_EQ(*m441.planned_eur, 400.0 + 300.0);
    ASSERT_TRUE(m441.used_eur);
    EXPECT_DOUBLE_EQ(*m441.used_eur, 700.0);
    // the second line prints no used figure: said, not silently taken as zero
    EXPECT_NE(m441.total_basis.find("1 of 2 bodies print no used figure"), std::string::npos) << m441.total_basis;
    EXPECT_EQ(m441.bodies_without_used, 1);
    EXPECT_EQ(m441.parts_listed, "planned 400 + 300 = 700, used 700 + — = 700");
    // each body keeps its own line, labelled as the document prints it
    ASSERT_EQ(m421.bodies.size(), 2u);
    EXPECT_EQ(m421.bodies[0].implementer, "Visagino socialinių paslaugų centras");
    EXPECT_DOUBLE_EQ(*m421.bodies[0].planned_eur, 300);
    EXPECT_DOUBLE_EQ(*m421.bodies[0].used_eur, 300);
    EXPECT_EQ(m421.bodies[1].implementer, "Visagino šeimos ir vaiko gerovės centras");
    EXPECT_DOUBLE_EQ(*m421.bodies[1].planned_eur, 100);
    EXPECT_DOUBLE_EQ(*m421.bodies[1].used_eur, 780);
    EXPECT_EQ(m421.parts_listed, "planned 300 + 100 = 400, used 300 + 780 = 1,080");
    EXPECT_EQ(m126.parts_listed, "planned — + —, used 701 + 533 = 1,234");
    EXPECT_EQ(m441.bodies[1].implementer, ""); // line 115 prints no body
    EXPECT_FALSE(m441.bodies[1].used_eur);
    // 1.2.7 (line 41) prints both bodies' amounts in one cell, in the order of its two bodies:
    // 39 806,00 / 37 973,81 and 62 868,00 / 95 236,00
    const auto& m127 = funds_of(p, "1.2.7");
    ASSERT_EQ(m127.bodies.size(), 2u);
    EXPECT_EQ(m127.bodies[1].implementer, "Visagino šeimos ir vaiko gerovės centras");
    EXPECT_DOUBLE_EQ(*m127.bodies[1].used_eur, 95236.00);
    EXPECT_DOUBLE_EQ(*m127.planned_eur, 39806.00 + 62868.00);
    EXPECT_DOUBLE_EQ(*m127.used_eur, 37973.81 + 95236.00);
    // a measure of one body is that body, as before
    EXPECT_EQ(funds_of(p, "4.1.2").bodies.size(), 1u);
    EXPECT_EQ(funds_of(p, "4.1.2").total_basis, "printed total");
}

TEST(PlanProgress, SourcesWithoutATotalFormOneBodyPerImplementer) {
    auto a = funds("a", "state", 100, 90);
    a.implementer = "Centre A";
    auto b = funds("b", "municipal", 50, 50);
    b.implementer = "Centre A";
    auto c = funds("c", "municipal", 200, std::nullopt);
    c.implementer = "Centre B";
    const auto p = compute_plan_progress({a, b, c});
    ASSERT_EQ(p.funds.size(), 1u);
    const auto& f = p.funds[0];
    ASSERT_EQ(f.bodies.size(), 2u);
    EXPECT_EQ(f.bodies[0].basis, "sum of sources");
    EXPECT_DOUBLE_EQ(*f.bodies[0].planned_eur, 150);
    EXPECT_DOUBLE_EQ(*f.bodies[0].used_eur, 140);
    EXPECT_DOUBLE_EQ(*f.planned_eur, 350);
    EXPECT_DOUBLE_EQ(*f.used_eur, 140);
    EXPECT_EQ(f.bodies_without_used, 1);
    EXPECT_EQ(f.total_basis, "sum of 2 bodies; used: 1 of 2 bodies print no used figure");
    EXPECT_EQ(f.parts[2].implementer, "Centre B");
}

TEST(PlanProgress, NegativeTargetsAndSharesOverAHundredAreFlagged) {
    auto share = indicator("s", "120", "90");
    share.unit = "proc.";
    const auto p = compute_plan_progress({indicator("n", "-5", "3"), share, indicator("r", "80 %", "104 %"),
                                          indicator("ok", "80 %", "94 %"), indicator("big", "120", "130")});
    EXPECT_EQ(indicator_of(p, "n").flags, std::vector<std::string>{"negative target (-5)"});
    EXPECT_EQ(indicator_of(p, "s").flags, std::vector<std::string>{"target 120 % of a share"});
    EXPECT_EQ(indicator_of(p, "r").flags, std::vector<std::string>{"result 104 % of a share"});
    EXPECT_TRUE(indicator_of(p, "ok").flags.empty());
    EXPECT_TRUE(indicator_of(p, "big").flags.empty()); // 120 persons: not a share
    EXPECT_EQ(p.flagged(), 3);
}

// Issue 16: Palanga PAL-15 (seed 001_5408f6026c9e3c26.txt:41): the target is "ne mažiau nei
// viena sociokultūrinė veikla" (activities), the result 34 children: not comparable. Its
// target_as_printed is the planned-result column, not the date column ("2023 m.").
TEST(PlanProgressSeeds, PalangaActivitiesAgainstChildrenAreNotJudged) {
    const auto p = compute_plan_progress(load_plan("palanga_2023.csv"));
    const auto& i = indicator_of(p, "PAL-15");
    EXPECT_EQ(std::string(to_string(i.status)), "units_differ");
    EXPECT_FALSE(i.fulfilment);
    EXPECT_EQ(i.line.target_as_printed, "Suorganizuotos ne mažiau nei viena sociokultūrinė veikla šeimos ir jų vaikams.");
    // once per month against 12 meetings, 8 h against 8 hours: the same units, still judged
    EXPECT_EQ(indicator_of(p, "PAL-19").status, ProgressStatus::on_track);
    EXPECT_EQ(indicator_of(p, "PAL-22").status, ProgressStatus::on_track);
    for (const auto& x : p.indicators)
        EXPECT_NE(x.line.target_as_printed, "2023 m.") << x.line.id;
}

TEST(PlanProgress, UnitsAreReadInTheirLithuanianForms) {
    auto line = [](std::string id, std::string target, std::string achieved, std::string unit = "") {
        auto l = indicator(std::move(id), std::move(target), std::move(achieved));
        l.unit = std::move(unit);
        return l;
    };
    const auto p = compute_plan_progress({line("a", "ne mažiau nei 2 renginiai", "34 vaikams"),
                                          line("b", "50 vaikų", "60 vaikai"),
                                          line("c", "ne mažiau nei 30", "45", "asm."),
                                          line("d", "ne mažiau nei 30 asmenų", "45 dalyviai"),
                                          line("e", "ne mažiau nei 160 šeimų", "170 asmenų"),
                                          line("f", "1 kartą per mėnesį", "12 posėdžių"),
                                          line("g", "at least 8 h", "8", "hours")});
    EXPECT_EQ(std::string(to_string(indicator_of(p, "a").status)), "units_differ");
    EXPECT_EQ(indicator_of(p, "b").status, ProgressStatus::on_track);
    EXPECT_EQ(indicator_of(p, "c").status, ProgressStatus::on_track);
    EXPECT_EQ(indicator_of(p, "d").status, ProgressStatus::on_track);
    EXPECT_EQ(std::string(to_string(indicator_of(p, "e").status)), "units_differ");
    EXPECT_EQ(indicator_of(p, "f").status, ProgressStatus::on_track);
    EXPECT_EQ(indicator_of(p, "g").status, ProgressStatus::on_track);
}
