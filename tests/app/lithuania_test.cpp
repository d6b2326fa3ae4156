// The national eldership layer: 554 units, two self-intersecting polygons, one sliver.
#include <gtest/gtest.h>

#include "app/core/analysis.hpp"
#include "app/core/project.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::app;

TEST(Lithuania, repaired_run_counts_the_whole_census) {
    Project p = load_project(test::source_dir() + "/datasets/lithuania/lithuania.toml");
    Analysis a = run_analysis(ProjectRun{p, {}, {}});
    EXPECT_EQ(a.study().wards.size(), 554u);
    long long pop = 0;
    for (const auto& w : a.study().wards) pop += w.population;
    EXPECT_EQ(pop, 2810755); // PROVENANCE: sum of SEN_GYV over the 554 units
    ASSERT_EQ(a.in().ward_report.repairs.size(), 2u);
    EXPECT_EQ(a.in().ward_report.repairs[0].name, "Kalvelių sen.");
    EXPECT_EQ(a.in().ward_report.repairs[1].name, "Onuškio sen.");
    EXPECT_EQ(a.study().municipalities().size(), 60u);
}

TEST(Lithuania, without_repair_the_two_invalid_polygons_are_named) {
    Project p = load_project(test::source_dir() + "/datasets/lithuania/lithuania.toml");
    p.repair_invalid = false;
    test::expect_error<model::DataError>([&] { run_analysis(ProjectRun{p, {}, {}}); },
                                         {"2 invalid ward polygon", "Kalvelių sen.", "Onuškio sen.", "Self-intersection"});
}

TEST(Lithuania, the_sliver_overlap_is_found_at_a_strict_tolerance) {
    Project p = load_project(test::source_dir() + "/datasets/lithuania/lithuania.toml");
    p.overlap_tolerance_m2 = 100;
    test::expect_error<model::DataError>([&] { run_analysis(ProjectRun{p, {}, {}}); }, {"Seredžiaus sen.", "Čekiškės sen.", "558 m2"});
}
