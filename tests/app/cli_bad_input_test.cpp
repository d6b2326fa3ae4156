// The CLI on bad input: a message that names the place, exit code 2, and no output
// directory left behind (or the previous one left untouched).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "geo/io/output_lock.hpp"
#include "test_util.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

using test::CliRun;
CliRun run(const std::string& args) { return test::run_cli(args); }

/// A shell line run as it is (several commands).
CliRun run_cli_shell(const std::string& line) {
    CliRun r;
    r.rc = std::system(line.c_str());
    return r;
}

/// A copy of the Kaunas project in a scratch dir, with the wards file replaced if asked.
std::string project(const test::ScratchDir& d, const std::string& wards_file = "wards.geojson",
                    const std::string& extra_wards_keys = "", const std::string& crs = "EPSG:3346") {
    const std::string src = test::source_dir() + "/datasets";
    return test::write_file(d / "p.toml", "[project]\nworking_crs = \"" + crs + "\"\n[catalogue]\nservice_types = \"" +
                                              src + "/catalogue/service_types.csv\"\ntarget_groups = \"" + src +
                                              "/catalogue/target_groups.csv\"\n[wards]\npath = \"" + wards_file +
                                              "\"\ncode_field = \"SEN_KODAS\"\nname_field = \"SEN_PAV_TR\"\n"
                                              "municipality_field = \"SAV_PAV\"\npopulation_field = \"SEN_GYV\"\n" +
                                              extra_wards_keys);
}

std::string kaunas_wards_with(const std::string& from, const std::string& to) {
    std::ifstream f(test::source_dir() + "/datasets/kaunas/wards.geojson");
    std::string s((std::istreambuf_iterator<char>(f)), {});
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos);
    return s.replace(at, from.size(), to);
}

void expect_failed_cleanly(const CliRun& r, const test::ScratchDir& d, std::initializer_list<std::string> needles) {
    EXPECT_EQ(r.rc, 2) << r.output;
    for (const auto& n : needles) EXPECT_NE(r.output.find(n), std::string::npos) << "missing '" << n << "' in " << r.output;
    EXPECT_FALSE(fs::exists(d / "out"));
    for (const auto& e : fs::directory_iterator(d.path()))
        EXPECT_EQ(e.path().filename().string().find(".out.partial"), std::string::npos) << e.path();
}

} // namespace

TEST(Cli, kaunas_default_runs_and_prints_the_ward_summary) {
    test::ScratchDir d;
    CliRun r = run("analyze " + test::source_dir() + "/datasets/kaunas/kaunas.toml --out " + (d / "out"));
    EXPECT_EQ(r.rc, 0) << r.output;
    EXPECT_NE(r.output.find("298,753 residents in 11 wards"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Šilainių sen."), std::string::npos);
    EXPECT_TRUE(fs::exists(d / "out/coverage.gpkg"));
}

TEST(Cli, usage_errors_exit_64) {
    EXPECT_EQ(run("").rc, 64);
    EXPECT_EQ(run("analyze only_a_project.toml").rc, 64);
    EXPECT_EQ(run("frobnicate").rc, 64);
}

TEST(Cli, missing_project_and_bad_toml) {
    test::ScratchDir d;
    expect_failed_cleanly(run("analyze " + (d / "none.toml") + " --out " + (d / "out")), d, {"none.toml", "not found"});
    test::write_file(d / "bad.toml", "[wards]\npath = \"x\n");
    expect_failed_cleanly(run("analyze " + (d / "bad.toml") + " --out " + (d / "out")), d, {"bad.toml:2:", "not valid TOML"});
}

TEST(Cli, missing_and_unreadable_ward_files) {
    test::ScratchDir d;
    expect_failed_cleanly(run("analyze " + project(d, "nowhere.gpkg") + " --out " + (d / "out")), d,
                          {"nowhere.gpkg", "file not found"});
    test::write_file(d / "wards.txt", "hello");
    expect_failed_cleanly(run("analyze " + project(d, "wards.txt") + " --out " + (d / "out")), d,
                          {"wards.txt", "not a readable vector source"});
}

TEST(Cli, duplicate_ward_codes) {
    test::ScratchDir d;
    test::write_file(d / "w.geojson", kaunas_wards_with("\"SEN_KODAS\":1902", "\"SEN_KODAS\":1901"));
    expect_failed_cleanly(run("analyze " + project(d, "w.geojson") + " --out " + (d / "out")), d,
                          {"w.geojson", "duplicate ward code", "code 1901", "Žaliakalnio"});
}

TEST(Cli, negative_population) {
    test::ScratchDir d;
    test::write_file(d / "w.geojson", kaunas_wards_with("\"SEN_GYV\":14355", "\"SEN_GYV\":-14355"));
    expect_failed_cleanly(run("analyze " + project(d, "w.geojson") + " --out " + (d / "out")), d,
                          {"w.geojson:kaunas_wards:fid", ":SEN_GYV", "1901", "-14355"});
}

TEST(Cli, missing_field_in_the_ward_layer) {
    test::ScratchDir d;
    std::string p = project(d, test::source_dir() + "/datasets/kaunas/wards.geojson");
    std::string toml = "population_field = \"SEN_GYV\"";
    test::write_file(p, [&] {
        std::ifstream f(p);
        std::string s((std::istreambuf_iterator<char>(f)), {});
        return s.replace(s.find(toml), toml.size(), "population_field = \"POPULATION\"");
    }());
    expect_failed_cleanly(run("analyze " + p + " --out " + (d / "out")), d, {"missing field 'POPULATION'", "SEN_GYV"});
}

TEST(Cli, geographic_working_crs_is_refused) {
    test::ScratchDir d;
    std::string p = project(d, test::source_dir() + "/datasets/kaunas/wards.geojson", "", "EPSG:4326");
    expect_failed_cleanly(run("analyze " + p + " --out " + (d / "out")), d, {"EPSG:4326", "not a projected CRS"});
}

TEST(Cli, a_failed_run_leaves_the_previous_output_untouched) {
    test::ScratchDir d;
    std::string good = project(d, test::source_dir() + "/datasets/kaunas/wards.geojson");
    ASSERT_EQ(run("analyze " + good + " --out " + (d / "out")).rc, 0);
    auto before = fs::last_write_time(d / "out/run.json");
    test::write_file(d / "w.geojson", kaunas_wards_with("\"SEN_GYV\":14355", "\"SEN_GYV\":\"many\""));
    CliRun r = run("analyze " + project(d, "w.geojson") + " --out " + (d / "out"));
    EXPECT_EQ(r.rc, 2);
    EXPECT_NE(r.output.find("'many'"), std::string::npos) << r.output;
    EXPECT_EQ(fs::last_write_time(d / "out/run.json"), before);
}

// --- issue 16 §3: the bad inputs still open ---

namespace {

/// A copy of the Kaunas project (inputs and plans) in `dir`, with absolute catalogue paths.
std::string kaunas_copy(const fs::path& dir) {
    const std::string src = test::source_dir() + "/datasets";
    fs::create_directories(dir / "plans");
    for (const char* f : {"wards.geojson", "providers.csv", "population_groups.csv", "needs.csv", "buildings.csv"})
        fs::copy_file(src + "/kaunas/" + f, dir / f);
    for (const char* f : {"kaunas_2022_measures.csv", "kmspc_2021.csv"})
        fs::copy_file(src + "/plans/" + f, dir / "plans" / f);
    std::string toml = test::read_file(src + "/kaunas/kaunas.toml");
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"../catalogue/", src + "/catalogue/"},
                                   {"../plans/", "plans/"}})
        for (std::size_t at; (at = toml.find(from)) != std::string::npos;) toml.replace(at, from.size(), to);
    return test::write_file((dir / "kaunas.toml").string(), toml);
}

} // namespace

TEST(Cli, every_command_accepts_help) {
    for (const std::string c : {"analyze", "suggest", "plan", "report", "compare", "init", "locate", "robustness", "version"}) {
        SCOPED_TRACE(c);
        const CliRun r = run(c + " --help");
        EXPECT_EQ(r.rc, 0) << r.output;
        EXPECT_NE(r.output.find("usage:"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("apreptis " + c), std::string::npos) << r.output;
        // anywhere on the line, and nothing is run
        EXPECT_EQ(run(c + " no_such_project.toml --out /nowhere -h").rc, 0);
    }
    EXPECT_EQ(run("--help").rc, 0);
}

TEST(Cli, an_option_followed_by_another_option_has_no_value) {
    // before (the hand parser), "--out --quiet" wrote the analysis into a folder named --quiet
    test::ScratchDir d;
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    CliRun r = run("analyze " + kaunas + " --out --quiet");
    EXPECT_EQ(r.rc, 64) << r.output;
    EXPECT_NE(r.output.find("--out needs a value, found the option --quiet"), std::string::npos) << r.output;
    r = run("analyze " + kaunas + " --quiet --out");
    EXPECT_EQ(r.rc, 64) << r.output;
    EXPECT_NE(r.output.find("--out needs a value"), std::string::npos) << r.output;
    // --name=value is the same as --name value
    r = run("analyze " + kaunas + " --quiet --out=" + (d / "out"));
    EXPECT_EQ(r.rc, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(d / "out/access.csv"));
}

TEST(Cli, an_empty_out_is_a_usage_error) {
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    const std::vector<std::string> runs{"analyze " + kaunas + " --out \"\" --quiet", "analyze " + kaunas + " --out ''",
                                        "plan " + kaunas + " --out ''", "compare " + kaunas + " --out ''",
                                        "suggest " + kaunas + " --service x --k 1 --out ''"};
    for (const std::string& args : runs) {
        SCOPED_TRACE(args);
        const CliRun r = run(args);
        EXPECT_EQ(r.rc, 64) << r.output; // was 0: the whole analysis ran and nothing was written
        EXPECT_NE(r.output.find("--out needs a value, found an empty one"), std::string::npos) << r.output;
    }
}

TEST(Cli, a_project_under_a_folder_whose_name_is_not_utf8_runs_and_records_the_path_escaped) {
    test::ScratchDir d;
    const fs::path folder = d.path() / "savivaldyb\xEB"; // "savivaldybė" in cp1257: a valid POSIX name
    const std::string p = kaunas_copy(folder);
    const CliRun r = run("analyze '" + p + "' --out " + (d / "out") + " --quiet");
    EXPECT_EQ(r.rc, 0) << r.output; // was 1: "internal error: [json.exception.type_error.316] invalid UTF-8 byte"
    EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
    const std::string record = test::read_file(d / "out/run.json");
    EXPECT_NE(record.find("savivaldyb\\\\xEB/kaunas.toml"), std::string::npos) << "the path, its byte written \\xEB";
    EXPECT_NE(record.find("savivaldyb\\\\xEB/plans/kmspc_2021.csv"), std::string::npos);
}

TEST(Cli, a_second_run_on_the_same_out_is_refused_and_told_who_holds_it) {
    test::ScratchDir d;
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    {
        // another run holding the folder (this test process; the CLI is another process)
        const geo::OutputLock other(d / "out");
        const CliRun r = run("analyze " + kaunas + " --out " + (d / "out") + " --quiet");
        EXPECT_EQ(r.rc, 2) << r.output; // was 0: both ran, the last one's output won
        for (const std::string& n : std::vector<std::string>{d / "out", "another run is writing this output folder",
                                    "pid " + std::to_string(::getpid()), "wait until it has finished"})
            EXPECT_NE(r.output.find(n), std::string::npos) << "missing '" << n << "' in " << r.output;
        EXPECT_FALSE(fs::exists(d / "out"));
    }
    // released: the folder is free again, and no lock file is left beside it
    EXPECT_EQ(run("analyze " + kaunas + " --out " + (d / "out") + " --quiet").rc, 0);
    EXPECT_FALSE(fs::exists(d / ".out.lock"));
}

TEST(Cli, two_runs_started_together_on_the_same_out_one_is_refused) {
    test::ScratchDir d;
    const std::string cmd = std::string(APREPTIS_CLI) + " analyze " + test::source_dir() +
                            "/datasets/kaunas/kaunas.toml --out " + (d / "out") + " --quiet";
    const CliRun r = run_cli_shell("(" + cmd + " > " + (d / "a.txt") + " 2>&1; echo $? > " + (d / "a.rc") + ") & " + cmd +
                                   " > " + (d / "b.txt") + " 2>&1; echo $? > " + (d / "b.rc") + "; wait");
    (void)r;
    const std::string a = test::read_file(d / "a.rc"), b = test::read_file(d / "b.rc");
    // The two start within milliseconds and each runs about a second: the one that claims the
    // folder second is refused, naming the holder (before, both wrote and the last one won).
    const std::string both = test::read_file(d / "a.txt") + test::read_file(d / "b.txt");
    EXPECT_TRUE((a == "0\n" && b == "2\n") || (a == "2\n" && b == "0\n")) << a << b << both;
    EXPECT_NE(both.find("another run is writing this output folder (pid "), std::string::npos) << both;
    EXPECT_TRUE(fs::exists(d / "out/run.json"));
}

TEST(Cli, compare_refuses_the_same_project_twice) {
    test::ScratchDir d;
    const std::string kaunas = test::source_dir() + "/datasets/kaunas/kaunas.toml";
    const CliRun r = run("compare " + kaunas + " " + test::source_dir() + "/datasets/../datasets/kaunas/kaunas.toml --out " +
                         (d / "out"));
    EXPECT_EQ(r.rc, 64) << r.output; // was 0, saying nothing, Kaunas beside itself
    EXPECT_NE(r.output.find("is given twice"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(d / "out"));
}

TEST(Cli, a_candidate_grid_below_the_10_m_the_project_file_allows_is_refused) {
    test::ScratchDir d;
    for (const char* grid : {"9.99", "1", "0.01", "100001"}) {
        const CliRun r = run("suggest " + test::source_dir() + "/datasets/kaunas/kaunas.toml --service x --k 1 --candidate-grid " +
                             grid + " --out " + (d / "out"));
        EXPECT_EQ(r.rc, 64) << grid << ": " << r.output; // 1 m ran (silently) before
        EXPECT_NE(r.output.find("--candidate-grid needs a number from 10 to 100000"), std::string::npos) << r.output;
    }
}

TEST(Cli, a_report_into_a_missing_folder_names_the_folder) {
    test::ScratchDir d;
    const CliRun r = run("report " + test::source_dir() + "/datasets/kaunas/kaunas.toml --out " + (d / "no/such/r.pdf"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find((d / "no/such") + " does not exist"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("output stream"), std::string::npos) << r.output; // Cairo's words, before
    EXPECT_FALSE(fs::exists(d / "no"));
}

TEST(Cli, a_full_disk_is_said_and_the_output_named) {
    test::ScratchDir d;
    fs::create_directories(d / "small");
    // a real full disk: a 300 KB tmpfs (root only; skipped where mounting is not permitted)
    if (std::system(("mount -t tmpfs -o size=300k tmpfs " + (d / "small") + " 2>/dev/null").c_str()) != 0)
        GTEST_SKIP() << "cannot mount a small tmpfs here (not root, or no CAP_SYS_ADMIN)";
    const CliRun r = run("analyze " + test::source_dir() + "/datasets/kaunas/kaunas.toml --out " + (d / "small/out") + " --quiet");
    const auto listing = [&] {
        std::string s;
        for (const auto& e : fs::directory_iterator(d / "small")) s += e.path().filename().string() + " ";
        return s;
    }();
    std::system(("umount " + (d / "small")).c_str());
    EXPECT_EQ(r.rc, 2) << r.output;
    // was: "/…/small/.out.partial-123/coverage.gpkg: … no such table: gpkg_geometry_columns" (or
    // "sqlite3_exec(COMMIT) failed", depending on where the space ran out)
    EXPECT_NE(r.output.find((d / "small/out/coverage.gpkg") + ": disk full while writing it"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(".partial"), std::string::npos) << r.output;
    EXPECT_EQ(listing, "") << "nothing left behind";
}

TEST(Cli, past_a_file_size_limit_the_run_fails_with_words_naming_the_output) {
    test::ScratchDir d;
    // RLIMIT_FSIZE of 1.5 MB (ulimit -f counts 512-byte blocks in sh): any CI can do this
    const CliRun r = test::run_cli("analyze " + test::source_dir() + "/datasets/kaunas/kaunas.toml --out " + (d / "out") +
                                       " --quiet",
                                   "ulimit -f 3000;");
    EXPECT_EQ(r.rc, 2) << r.output; // was 153: killed by SIGXFSZ without a word
    EXPECT_NE(r.output.find((d / "out/coverage.gpkg") + ": "), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(".partial"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(d / "out"));
}

TEST(Cli, the_capacity_summary_parts_add_up_to_the_printed_demand) {
    test::ScratchDir d;
    const std::string src = test::source_dir() + "/datasets";
    for (const char* f : {"wards.geojson", "providers.csv", "population_groups.csv", "needs.csv"})
        fs::copy_file(src + "/kaunas/" + f, d / f);
    std::ifstream base(project(d));
    std::string toml((std::istreambuf_iterator<char>(base)), {});
    toml += "[providers]\npath = \"providers.csv\"\nx_field = \"lon\"\ny_field = \"lat\"\ncrs = \"EPSG:4326\"\n"
            "default_municipality = \"Kauno m. sav.\"\n[population]\ngroups = \"population_groups.csv\"\n"
            "[needs]\npath = \"needs.csv\"\n[access]\nprofile = \"walk\"\n[access.threshold_min]\nnursing_hospital = 10\n"
            "[capacity]\nservices = [\"nursing_hospital\"]\n[capacity.need_per_1000]\nnursing_hospital = 0.3\n";
    test::write_file(d / "p.toml", toml);
    const CliRun r = run("analyze " + (d / "p.toml") + " --out " + (d / "out"));
    ASSERT_EQ(r.rc, 0) << r.output;
    const std::string label = "nursing_hospital / residents";
    const auto at = r.output.find(label);
    ASSERT_NE(at, std::string::npos) << r.output;
    std::istringstream line(r.output.substr(at + label.size(), r.output.find('\n', at) - at - label.size()));
    long long demand = -1, served = -1, no_capacity = -1, too_far = -1;
    line >> demand >> served >> no_capacity >> too_far;
    // 89.6 residents' need: printed before as "90, 0, 0, 89"
    EXPECT_EQ(served + no_capacity + too_far, demand) << r.output.substr(at, 120);
    EXPECT_EQ(demand, 90);
}
