// Every bad option value on the command line is a usage error: exit 64, a message naming the
// option, what it expects and what it found, nothing written. Values a project must be read
// to refuse (a service type, an indicator, a municipality, a CRS that is not projected) too: the
// fix is in the command line, not in a file (README.md, "Exit codes"). And --help: its option
// list is made from the same declarations the parser reads; the hand-written synopsis names each.
#include <filesystem>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "test_util.hpp"

using namespace apreptis;
namespace fs = std::filesystem;

namespace {

struct BadValue {
    std::string args; ///< {li}, {ka}: the Liechtenstein / Kaunas projects; {out}: an output path
    std::vector<std::string> needles;
};

std::string expand(std::string s, const test::ScratchDir& d) {
    const std::string datasets = test::source_dir() + "/datasets";
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"{li}", datasets + "/liechtenstein/liechtenstein.toml"},
                                   {"{ka}", datasets + "/kaunas/kaunas.toml"},
                                   {"{out}", (d / "out")}})
        for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
    return s;
}

} // namespace

TEST(CliOptionValues, every_bad_value_exits_64_naming_the_option_the_expected_and_the_found) {
    const std::vector<BadValue> table{
        // analyze
        {"analyze {li} --out {out} --crs foo", {"--crs: working CRS foo is not a projected CRS"}},
        {"analyze {li} --out {out} --crs EPSG:4326", {"--crs", "EPSG:4326", "not a projected CRS in metres"}},
        {"analyze {li} --out-db PG:dbname=x --out-schema Bad-Name", {"--out-schema \"Bad-Name\"", "lower-case letters"}},
        {"analyze {li} --out-db notpg", {"--out-db needs a PostgreSQL connection string"}},
        // suggest
        {"suggest {li} --service pharmacy --k many --out {out}", {"--k needs a whole number from 1 to 100000", "found 'many'"}},
        {"suggest {li} --service pharmacy --k -1 --out {out}", {"--k needs a whole number from 1", "found '-1'"}},
        {"suggest {li} --service pharmacy --k 0 --out {out}", {"--k needs a whole number from 1", "found '0'"}},
        {"suggest {li} --service pharmacy --k 100001 --out {out}", {"--k needs a whole number from 1 to 100000", "found '100001'"}},
        {"suggest {li} --service pharmacy --k 2.5 --out {out}", {"--k needs a whole number", "found '2.5'"}},
        {"suggest {li} --service pharmacy --k 2 --places lots --out {out}", {"--places needs a number from 0 to 1000000", "found 'lots'"}},
        {"suggest {li} --service pharmacy --k 2 --places -3 --out {out}", {"--places needs a number", "found '-3'"}},
        {"suggest {li} --service pharmacy --k 2 --places 0 --out {out}", {"--places needs a number above 0", "found '0'"}},
        {"suggest {li} --service pharmacy --k 2 --places inf --out {out}", {"--places needs a number", "found 'inf'"}},
        {"suggest {li} --service pharmacy --k 2 --candidate-grid 9.99 --out {out}", {"--candidate-grid needs a number from 10 to 100000 (metres)", "found '9.99'"}},
        {"suggest {li} --service pharmacy --k 2 --candidate-grid wide --out {out}", {"--candidate-grid needs a number", "found 'wide'"}},
        {"suggest {li} --service pharmacy --k 2 --objective best --out {out}", {"--objective must be coverage or p_median", "found 'best'"}},
        {"suggest {li} --service pharmacy --k 2 --how-sure --runs 0 --out {out}", {"--runs needs a whole number from 1 to 100000", "found '0'"}},
        {"suggest {li} --service spa --k 2 --out {out}", {"--service spa", "not in the capacity analysis", "analysed: hospital/residents, pharmacy/residents"}},
        {"suggest {li} --service pharmacy --group aliens --k 2 --out {out}", {"--service pharmacy --group aliens", "not in the capacity analysis"}},
        {"suggest {li} --service pharmacy --k 2 --crs EPSG:4326 --out {out}", {"--crs", "not a projected CRS"}},
        // report
        {"report {li} --out {out}.pdf --lang xx", {"--lang must be lt or en, found 'xx'"}},
        {"report {li} --out {out}.pdf --small-count -1", {"--small-count needs a number from 0 to 1000000", "found '-1'"}},
        {"report {li} --out {out}.pdf --small-count few", {"--small-count needs a number", "found 'few'"}},
        {"report {li} --out {out}.txt", {"--out must name a .pdf file", "found '"}},
        {"report {li} --out {out}.pdf --indicator unknown", {"--indicator 'unknown' is not an indicator of this analysis", "known: population, density"}},
        {"report {li} --out {out}.pdf --municipality Atlantis", {"--municipality 'Atlantis' is not a municipality of the study"}},
        // compare
        {"compare {li} --out {out} --lang de", {"--lang must be lt or en, found 'de'"}},
        {"compare {li} --out {out} --map unknown", {"--map 'unknown' is not an indicator of the comparison", "known: population"}},
        // robustness
        {"robustness {li} --out {out} --runs ten", {"--runs needs a whole number from 1 to 100000", "found 'ten'"}},
        {"robustness {li} --out {out} --runs -5", {"--runs needs a whole number from 1", "found '-5'"}},
        {"robustness {li} --out {out} --runs 100001", {"--runs needs a whole number from 1 to 100000", "found '100001'"}},
        {"robustness {li} --out {out} --seed -1", {"--seed needs a whole number from 0 to 9007199254740991", "found '-1'"}},
        {"robustness {li} --out {out} --seed 9007199254740992", {"--seed needs a whole number from 0", "found '9007199254740992'"}},
        // init
        {"init {out} --municipality Atlantis", {"--municipality \"Atlantis\"", "no such municipality", "nearest:"}},
        // no value at all, or one the parser cannot place
        {"robustness {li} --out {out} --runs", {"--runs needs a value"}},
        {"suggest {li} --service pharmacy --k '' --out {out}", {"--k needs a value, found an empty one"}},
        {"plan {ka} --out {out} --out {out}", {"--out is given twice"}},
        {"version now", {"version takes no arguments"}},
    };
    for (const BadValue& b : table) {
        test::ScratchDir d;
        const std::string args = expand(b.args, d);
        SCOPED_TRACE(args);
        const test::CliRun r = test::run_cli(args);
        EXPECT_EQ(r.rc, 64) << r.output;
        for (const auto& n : b.needles) EXPECT_NE(r.output.find(n), std::string::npos) << "missing '" << n << "' in " << r.output;
        // the command's help follows the message; nothing was written
        EXPECT_NE(r.output.find("usage:\n  apreptis " + args.substr(0, args.find(' '))), std::string::npos) << r.output;
        EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
        for (const char* out : {"out", "out.pdf", "out.txt"}) EXPECT_FALSE(fs::exists(d / out)) << out;
    }
}

TEST(CliOptionValues, a_value_naming_a_file_that_is_wrong_is_bad_input_exit_2) {
    // the other side of the rule: the fix is in the file (or the folder) the value names
    test::ScratchDir d;
    const std::string li = test::source_dir() + "/datasets/liechtenstein/liechtenstein.toml";
    test::CliRun r = test::run_cli("compare " + li + " --out " + (d / "out") + " --figures " + (d / "none.csv"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("none.csv"), std::string::npos) << r.output;
    r = test::run_cli("report " + li + " --out " + (d / "nowhere/r.pdf"));
    EXPECT_EQ(r.rc, 2) << r.output;
    EXPECT_NE(r.output.find("does not exist"), std::string::npos) << r.output;
}

TEST(CliOptionValues, help_lists_every_option_the_parser_accepts_and_the_synopsis_names_each) {
    for (const std::string c : {"analyze", "suggest", "plan", "report", "compare", "init", "locate", "robustness", "version"}) {
        SCOPED_TRACE(c);
        const test::CliRun h = test::run_cli(c + " --help");
        ASSERT_EQ(h.rc, 0) << h.output;
        EXPECT_EQ(test::run_cli("help " + c).output, h.output); // apreptis help <command>: the same
        const auto options_at = h.output.find("\noptions:\n");
        ASSERT_NE(options_at, std::string::npos) << h.output;
        const std::string synopsis = h.output.substr(0, h.output.find("\n\n"));
        // the listed options: "  --name VALUE   description" at the start of a line
        std::set<std::string> listed;
        const std::regex line(R"(\n  (?:-h,)?(--[a-z-]+))");
        const std::string list = h.output.substr(options_at);
        for (std::sregex_iterator it(list.begin(), list.end(), line), end; it != end; ++it) listed.insert((*it)[1]);
        EXPECT_TRUE(listed.count("--help"));
        listed.erase("--help");
        for (const std::string& o : listed) {
            EXPECT_NE(synopsis.find(o), std::string::npos) << o << " is listed but not in the synopsis:\n" << synopsis;
            // and the parser knows it (the run stops at the missing project, not at the option)
            const test::CliRun r = test::run_cli(c + " " + o + " x");
            EXPECT_EQ(r.output.find("unknown option"), std::string::npos) << o << ": " << r.output;
        }
        // and every option in the synopsis is listed
        const std::regex named(R"(\[?(--[a-z][a-z-]*))");
        for (std::sregex_iterator it(synopsis.begin(), synopsis.end(), named), end; it != end; ++it)
            EXPECT_TRUE(listed.count((*it)[1])) << (*it)[1] << " is in the synopsis but not listed:\n" << h.output;
    }
}

TEST(CliOptionValues, the_readme_quotes_every_synopsis_as_help_prints_it) {
    const std::string readme = test::read_file(test::source_dir() + "/README.md");
    const test::CliRun all = test::run_cli("--help");
    ASSERT_EQ(all.rc, 0);
    for (const std::string c : {"analyze", "suggest", "plan", "report", "compare", "init", "locate", "robustness", "version"}) {
        SCOPED_TRACE(c);
        const std::string help = test::run_cli(c + " --help").output;
        // the synopsis without "usage:\n" and the two-space indent of each line
        std::string synopsis = help.substr(std::string("usage:\n").size(), help.find("\n\n") - std::string("usage:\n").size() + 1);
        EXPECT_NE(all.output.find(synopsis), std::string::npos) << "apreptis --help lacks\n" << synopsis;
        std::string quoted;
        for (std::size_t at = 0; at < synopsis.size();) {
            const auto nl = synopsis.find('\n', at);
            quoted += synopsis.substr(at + 2, nl + 1 - at - 2);
            at = nl + 1;
        }
        EXPECT_NE(readme.find("\n" + quoted), std::string::npos) << "README.md (Using it) lacks\n" << quoted;
    }
}
