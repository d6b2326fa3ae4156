// The output folder: ours alone, never replacing an input, and crash-safe. The crash tests
// fork a child that is killed (SIGKILL, by fault injection) at each step of the swap, then
// check that the folder holds a complete output and that the next run cleans up.
#include "geo/io/staged_directory.hpp"

#include <algorithm>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "geo/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;
using apreptis::test::ScratchDir;
using apreptis::test::write_file;
namespace fs = std::filesystem;

namespace {

/// A complete output of "ours": a marker run.json plus one content file.
void write_output(const std::string& dir, const std::string& content) {
    fs::create_directories(dir);
    write_file(dir + "/data.txt", content);
    write_file(dir + "/run.json", "{\"tool\": {\"name\": \"apreptis\"}}\n");
}

std::string read(const std::string& path) {
    std::ifstream f(path);
    return std::string((std::istreambuf_iterator<char>(f)), {});
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

/// Runs one staged write of "new" into dir/out in a child process with the given faults;
/// returns how the child ended (signal number, or 0 for a normal exit).
int staged_write_in_child(const std::string& out, const std::string& faults) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("APREPTIS_TEST_FAULTS", faults.c_str(), 1);
        try {
            StagedDirectory s(out);
            write_output(s.staging_path(), "new");
            s.commit();
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status);
}

} // namespace

TEST(StagedDirectory, nothing_appears_unless_committed) {
    ScratchDir d;
    {
        StagedDirectory s(d / "out");
        write_file(s.staging_path() + "/a.txt", "x");
    }
    EXPECT_FALSE(fs::exists(d / "out"));
    EXPECT_TRUE(entries(d.path()).empty());
}

TEST(StagedDirectory, commit_replaces_an_earlier_output_whole) {
    ScratchDir d;
    write_output(d / "out", "old");
    write_file(d / "out/stale.txt", "from the earlier run");
    StagedDirectory s(d / "out");
    write_output(s.staging_path(), "new");
    s.commit();
    EXPECT_EQ(read(d / "out/data.txt"), "new");
    EXPECT_FALSE(fs::exists(d / "out/stale.txt"));
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
}

TEST(StagedDirectory, a_folder_that_is_not_ours_is_refused_and_left_as_it_was) {
    ScratchDir d;
    fs::create_directories(d / "out");
    write_file(d / "out/council_report.docx", "precious");
    test::expect_error<IoError>([&] { StagedDirectory s(d / "out"); }, {"out", "not an earlier output", "council_report.docx"});
    EXPECT_EQ(read(d / "out/council_report.docx"), "precious");
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
    // a run.json that is not ours does not make it ours
    write_file(d / "out/run.json", "{\"other\": 1}");
    test::expect_error<IoError>([&] { StagedDirectory s(d / "out"); }, {"not an earlier output"});
    // an empty folder is fine
    fs::create_directories(d / "empty");
    EXPECT_NO_THROW(StagedDirectory(d / "empty"));
}

TEST(StagedDirectory, an_output_that_is_or_holds_an_input_is_refused) {
    ScratchDir d;
    write_file(d / "wards.geojson", "{}");
    StagedDirectoryOptions o;
    o.protected_paths = {d / "wards.geojson"};
    test::expect_error<IoError>([&] { StagedDirectory s(d.path().string(), o); }, {"contains an input", "wards.geojson"});
    test::expect_error<IoError>([&] { StagedDirectory s(d / "wards.geojson", o); }, {"is an input"});
    // through a different spelling of the same path
    test::expect_error<IoError>([&] { StagedDirectory s(d / "sub/..", o); }, {"contains an input"});
    EXPECT_NO_THROW(StagedDirectory(d / "out", o)); // a new folder beside the inputs is fine
}

TEST(StagedDirectory, a_kill_at_any_step_leaves_a_complete_output_and_the_next_run_cleans_up) {
    for (const std::string faults : {"kill:before-swap", "kill:after-exchange", "no-exchange,kill:after-move-old",
                                     "no-exchange,kill:after-move-new"}) {
        SCOPED_TRACE(faults);
        ScratchDir d;
        write_output(d / "out", "old");
        EXPECT_EQ(staged_write_in_child(d / "out", faults), SIGKILL);
        const bool moved_old_away = faults.find("after-move-old") != std::string::npos;
        if (moved_old_away) {
            // the one instant the two-rename fallback cannot cover: the old output is aside,
            // complete, under a name the next run knows
            EXPECT_FALSE(fs::exists(d / "out"));
        } else {
            const std::string content = read(d / "out/data.txt");
            EXPECT_TRUE(content == "old" || content == "new") << content;
            EXPECT_TRUE(fs::exists(d / "out/run.json"));
        }
        EXPECT_GT(entries(d.path()).size(), 1u); // something was left behind
        // the next run: puts the old output back if needed, removes leftovers, says so
        StagedDirectory next(d / "out");
        EXPECT_FALSE(next.notes().empty());
        EXPECT_TRUE(fs::exists(d / "out/run.json"));
        write_output(next.staging_path(), "newer");
        next.commit();
        EXPECT_EQ(read(d / "out/data.txt"), "newer");
        EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
    }
}

TEST(StagedDirectory, without_an_earlier_output_a_kill_leaves_nothing_but_a_staging_folder_to_clean) {
    ScratchDir d;
    EXPECT_EQ(staged_write_in_child(d / "out", "kill:before-swap"), SIGKILL);
    EXPECT_FALSE(fs::exists(d / "out"));
    StagedDirectory next(d / "out");
    ASSERT_EQ(next.notes().size(), 1u);
    EXPECT_NE(next.notes()[0].find("left by an interrupted run"), std::string::npos);
}

TEST(StagedDirectory, the_exchange_and_the_fallback_give_the_same_result) {
    for (const std::string faults : {"", "no-exchange"}) {
        ScratchDir d;
        write_output(d / "out", "old");
        EXPECT_EQ(staged_write_in_child(d / "out", faults), 0);
        EXPECT_EQ(read(d / "out/data.txt"), "new");
        EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"});
    }
}

// --- one run per output folder (issue 16): OutputLock ---

namespace {

/// A child process that takes the lock of `out`, says so through a pipe, then waits until
/// the pipe back is closed (or, with `die`, kills itself while holding it).
struct LockHolder {
    pid_t pid = -1;
    int release_fd = -1;
    LockHolder(const std::string& out, bool die) {
        int ready[2], release[2];
        EXPECT_EQ(::pipe(ready), 0);
        EXPECT_EQ(::pipe(release), 0);
        pid = ::fork();
        if (pid == 0) {
            ::close(ready[0]);
            ::close(release[1]);
            try {
                OutputLock lock(out);
                if (die) std::raise(SIGKILL);
                (void)!::write(ready[1], "1", 1);
                char c;
                (void)!::read(release[0], &c, 1); // returns when the parent closes its end
            } catch (...) {
                ::_exit(3);
            }
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(release[0]);
        release_fd = release[1];
        char c = 0;
        if (!die) {
            EXPECT_EQ(::read(ready[0], &c, 1), 1);
        }
        ::close(ready[0]);
        if (die) {
            int status = 0;
            ::waitpid(pid, &status, 0);
            pid = -1;
        }
    }
    ~LockHolder() {
        ::close(release_fd);
        if (pid > 0) ::waitpid(pid, nullptr, 0);
    }
};

} // namespace

TEST(OutputLock, a_second_run_is_refused_at_once_and_told_who_holds_the_folder) {
    ScratchDir d;
    {
        LockHolder other(d / "out", false);
        const std::string pid = "pid " + std::to_string(other.pid) + " on host ";
        test::expect_error<IoError>([&] { OutputLock mine(d / "out"); },
                                    {d / "out", "another run is writing this output folder", pid, "since 20"});
        // the staged directory too, and through another spelling of the path
        test::expect_error<IoError>([&] { StagedDirectory s(d / "sub/../out"); }, {"another run", pid});
        test::expect_error<IoError>([&] { claim_output_folder(d / "out", {}); }, {"another run", pid});
        EXPECT_FALSE(fs::exists(d / "out"));
    }
    // released: free again, and the lock file went with its holder
    EXPECT_FALSE(fs::exists(d / ".out.lock"));
    EXPECT_NO_THROW(OutputLock(d / "out"));
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{});
}

TEST(OutputLock, the_lock_of_a_killed_run_is_taken_over) {
    ScratchDir d;
    LockHolder dead(d / "out", true);
    ASSERT_TRUE(fs::exists(d / ".out.lock")); // left behind, naming a process that is gone
    StagedDirectory s(d / "out");
    EXPECT_NE(read(d / ".out.lock").find("pid " + std::to_string(::getpid())), std::string::npos); // ours now
    write_output(s.staging_path(), "new");
    s.commit();
    EXPECT_EQ(read(d / "out/data.txt"), "new");
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{"out"}); // released at the commit
}

TEST(OutputLock, a_command_holding_the_folder_opens_its_staged_directory_under_it) {
    ScratchDir d;
    const OutputLock held = claim_output_folder(d / "out", {});
    EXPECT_TRUE(OutputLock::held_here(d / "out"));
    StagedDirectory s(d / "out"); // no second lock of our own folder
    write_output(s.staging_path(), "new");
    s.commit();
    EXPECT_EQ(entries(d.path()), (std::vector<std::string>{".out.lock", "out"}));
}

TEST(StagedDirectory, errors_name_the_output_not_its_staging_folder) {
    ScratchDir d;
    StagedDirectory s(d / "out");
    const std::string inside = s.staging_path() + "/coverage.gpkg";
    EXPECT_EQ(output_names(inside + ": cannot commit"), (d / "out") + "/coverage.gpkg: cannot commit");
    EXPECT_EQ(output_names("elsewhere"), "elsewhere");
}

TEST(OutputLock, parent_folders_made_for_the_lock_go_again_when_nothing_was_written) {
    ScratchDir d;
    { const OutputLock lock(d / "new/sub/out"); EXPECT_TRUE(fs::exists(d / "new/sub/.out.lock")); }
    EXPECT_EQ(entries(d.path()), std::vector<std::string>{}); // a failed run leaves no empty folders
    {
        const OutputLock lock = claim_output_folder(d / "new/sub/out", {});
        StagedDirectory s(d / "new/sub/out");
        write_output(s.staging_path(), "new");
        s.commit();
    }
    EXPECT_EQ(read(d / "new/sub/out/data.txt"), "new");
    EXPECT_EQ(entries(d / "new/sub"), std::vector<std::string>{"out"});
}
