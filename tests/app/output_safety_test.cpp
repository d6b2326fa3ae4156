// The CLI never deletes or half-writes a user's files: --out must be new, empty or an
// earlier output of ours, may not hold an input, and a run killed while it replaces the
// previous output leaves a complete one in place (the next run says what it cleaned).
#include <filesystem>

#include <gtest/gtest.h>

#include "test_util.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST(OutputSafety, a_folder_with_other_files_is_refused_before_any_work_and_kept) {
    test::ScratchDir d;
    fs::create_directories(d / "out");
    test::write_file(d / "out/notes.docx", "the planner's document");
    const auto r = test::run_cli("analyze " + kaunas + " --out " + (d / "out"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("notes.docx"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("not an earlier output"), std::string::npos) << r.output;
    EXPECT_EQ(test::read_file(d / "out/notes.docx"), "the planner's document");
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
    EXPECT_EQ(entries(d / "out"), std::vector<std::string>{"notes.docx"});
}

TEST(OutputSafety, the_input_folder_itself_is_refused) {
    const std::string folder = test::source_dir() + "/datasets/kaunas";
    const auto before = entries(folder);
    const auto r = test::run_cli("analyze " + kaunas + " --out " + folder);
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("contains an input"), std::string::npos) << r.output;
    EXPECT_EQ(entries(folder), before);
}

TEST(OutputSafety, an_earlier_output_is_replaced_and_nothing_else_in_the_parent_changes) {
    test::ScratchDir d;
    test::write_file(d / "neighbour.txt", "untouched");
    ASSERT_EQ(test::run_cli("analyze " + kaunas + " --out " + (d / "out") + " --quiet").rc, 0);
    test::write_file(d / "out/extra.txt", "ours to replace");
    const auto r = test::run_cli("analyze " + kaunas + " --out " + (d / "out") + " --quiet");
    EXPECT_EQ(r.rc, 0) << r.output;
    EXPECT_FALSE(fs::exists(d / "out/extra.txt"));
    EXPECT_EQ(entries(d.path()), (std::vector<std::string>{"neighbour.txt", "out"}));
}

TEST(OutputSafety, a_run_killed_during_the_swap_leaves_a_complete_output_and_the_next_run_cleans_up) {
    for (const std::string fault : {"kill:before-swap", "kill:after-exchange"}) {
        SCOPED_TRACE(fault);
        test::ScratchDir d;
        ASSERT_EQ(test::run_cli("analyze " + kaunas + " --out " + (d / "out") + " --quiet").rc, 0);
        const std::string first = test::read_file(d / "out/run.json");
        const auto killed =
            test::run_cli("analyze " + kaunas + " --out " + (d / "out") + " --quiet", "APREPTIS_TEST_FAULTS=" + fault);
        EXPECT_EQ(killed.rc, 128 + 9) << killed.output;
        ASSERT_TRUE(fs::exists(d / "out/run.json"));
        ASSERT_TRUE(fs::exists(d / "out/coverage.gpkg"));
        const auto next = test::run_cli("analyze " + kaunas + " --out " + (d / "out") + " --quiet");
        EXPECT_EQ(next.rc, 0) << next.output;
        EXPECT_NE(next.output.find("left by an interrupted run"), std::string::npos) << next.output;
        EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
        EXPECT_NE(test::read_file(d / "out/run.json"), first);
    }
}
