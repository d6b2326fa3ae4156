// apreptis report: the council report (two PDF pages per municipality) and its maps.
#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"
#include "app/core/robustness_run.hpp"
#include "app/report/council_report.hpp"

namespace apreptis::cli {

const CommandLine& report_line() {
    static const CommandLine line = [] {
        CommandLine l("report",
                      "  apreptis report <project.toml | scenario.toml> --out <report.pdf> [--lang lt|en]\n"
                      "                  [--municipality \"NAME;NAME\"] [--indicator ID] [--maps] [--small-count N]\n"
                      "                  [--unsuppressed]\n",
                      R"(      Draws the council report: per municipality a map page (legend, scale bar, north
      arrow, attribution, the basis of every figure) and a page with the wards worst served
      per service type and why, plan progress in short, and, for a scenario file, the change
      it makes per ward (before/after). Lithuanian by default. Counts of people from 1 to
      --small-count - 1 (default 5) print as "<5"; a figure that would let one be worked
      out (a total minus its parts, a share of a total) prints as "×", explained on the page.
      Zero prints as 0.
)");
        l.positionals("project.toml", "the project, or a scenario file naming its base project");
        l.option("--out", "FILE.pdf", "the report (its folder must exist)");
        l.option("--lang", "lt|en", "the report's language (default lt)");
        l.option("--municipality", "\"NAME;NAME\"", "only these municipalities of the study (default: every one)");
        l.option("--indicator", "ID", "map this indicator (ids as in the viewer), e.g. access:day_care_home:older");
        l.flag("--maps", "also write <report>-<municipality>.svg and .png");
        l.option("--small-count", "N", "print counts of people below N as \"<N\", 0 to 1000000 (default 5)");
        l.flag("--unsuppressed", "print every count and share as it is (the planner's own copy; says so on it)");
        return l;
    }();
    return line;
}

int report(const std::vector<std::string>& argv) {
    const Args args = report_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("report needs one project or scenario file");
    if (!args.has("--out")) throw UsageError("report needs --out <report.pdf>");
    const std::string out = args.option("--out");
    if (std::filesystem::path(out).extension() != ".pdf") throw UsageError("--out must name a .pdf file, found '" + out + "'");
    app::report::ReportOptions o;
    if (args.has("--lang")) o.lang = one_of("--lang", args.option("--lang"), {"lt", "en"}) == "lt" ? app::Language::lt : app::Language::en;
    if (args.has("--municipality"))
        for (const auto& m : app::split(args.option("--municipality"), ';')) o.municipalities.push_back(m);
    if (args.has("--indicator")) o.indicator = args.option("--indicator");
    if (args.has("--small-count")) o.small_count_threshold = number("--small-count", args.option("--small-count"), 0, 1e6);
    o.maps = args.flag("--maps");
    o.unsuppressed = args.flag("--unsuppressed");
    // Refused before the work, in words (Cairo said only "error while writing to output stream").
    const std::filesystem::path folder = std::filesystem::absolute(out).parent_path();
    if (std::error_code ec; !std::filesystem::is_directory(folder, ec))
        throw Error(out + ": the folder " + folder.string() +
                    (std::filesystem::exists(folder, ec) ? " is not a folder" : " does not exist") +
                    "; create it or choose another --out");
    if (std::error_code ec; std::filesystem::is_directory(out, ec))
        throw Error(out + ": is a folder; --out names the report's .pdf file");

    const app::ProjectRun run = app::load_run(args.positional[0]);
    // The report may not replace an input (a report named like the project's own file).
    const auto target = std::filesystem::weakly_canonical(out);
    for (const auto& input : run.project.input_files())
        if (std::filesystem::weakly_canonical(input) == target)
            throw Error(out + ": is an input of the project; choose another --out");
    const app::Analysis a = app::run_analysis(run);
    std::optional<app::Analysis> before;
    if (!a.out().scenario.edits.empty()) {
        before = app::with_scenario(a.inputs, model::Scenario{});
        o.before = &*before;
    }
    // How sure the worst-served wards are: [robustness]'s runs (travel figures only).
    std::optional<model::RobustnessResult> robust;
    if (run.project.robustness && a.out().access) {
        robust = app::run_robustness(a, *run.project.robustness);
        o.robustness = &*robust;
    }
    std::vector<std::string> warnings;
    o.warnings = &warnings;
    for (const auto& f : app::report::write_council_report(a, out, o)) std::cout << "Wrote " << f << "\n";
    for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
    if (!warnings.empty()) std::cerr << warnings.size() << (warnings.size() == 1 ? " warning\n" : " warnings\n");
    return 0;
}

} // namespace apreptis::cli
