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

const char* report_usage = R"(  apreptis report <project.toml | scenario.toml> --out <report.pdf> [--lang lt|en]
                  [--municipality "NAME;NAME"] [--indicator ID] [--maps] [--small-count N]
                  [--unsuppressed]

      Draws the council report: per municipality a map page (legend, scale bar, north
      arrow, attribution, the basis of every figure) and a page with the wards worst served
      per service type and why, plan progress in short, and, for a scenario file, the change
      it makes per ward (before/after). Lithuanian by default. Counts of people from 1 to
      --small-count - 1 (default 5) print as "<5"; a figure that would let one be worked
      out (a total minus its parts, a share of a total) prints as "×", explained on the page.
      Zero prints as 0.
      --maps          also write <report>-<municipality>.svg and .png
      --indicator     map this indicator (ids as in the viewer), e.g. access:day_care_home:older
      --unsuppressed  print every count and share as it is (the planner's own copy; says so on it)
)";

int report(const std::vector<std::string>& argv) {
    const Args args = parse_args(argv, {"--out", "--lang", "--municipality", "--indicator", "--small-count"},
                                 {"--maps", "--unsuppressed"});
    if (args.positional.size() != 1) throw UsageError("report needs one project or scenario file");
    if (!args.has("--out")) throw UsageError("report needs --out <report.pdf>");
    const std::string out = args.option("--out");
    if (std::filesystem::path(out).extension() != ".pdf") throw UsageError("--out must name a .pdf file, found '" + out + "'");
    // Refused before the work, in words (Cairo said only "error while writing to output stream").
    const std::filesystem::path folder = std::filesystem::absolute(out).parent_path();
    if (std::error_code ec; !std::filesystem::is_directory(folder, ec))
        throw Error(out + ": the folder " + folder.string() +
                    (std::filesystem::exists(folder, ec) ? " is not a folder" : " does not exist") +
                    "; create it or choose another --out");
    if (std::error_code ec; std::filesystem::is_directory(out, ec))
        throw Error(out + ": is a folder; --out names the report's .pdf file");
    app::report::ReportOptions o;
    if (args.has("--lang")) {
        const std::string lang = args.option("--lang");
        if (lang == "lt") o.lang = app::Language::lt;
        else if (lang == "en") o.lang = app::Language::en;
        else throw UsageError("--lang must be lt or en, found '" + lang + "'");
    }
    if (args.has("--municipality"))
        for (const auto& m : app::split(args.option("--municipality"), ';')) o.municipalities.push_back(m);
    if (args.has("--indicator")) o.indicator = args.option("--indicator");
    if (args.has("--small-count")) {
        std::size_t used = 0;
        double v = -1;
        try {
            v = std::stod(args.option("--small-count"), &used);
        } catch (...) {
            used = 0;
        }
        if (used != args.option("--small-count").size() || !std::isfinite(v) || v < 0 || v > 1e6)
            throw UsageError("--small-count needs a number from 0 to 1000000, found '" + args.option("--small-count") + "'");
        o.small_count_threshold = v;
    }
    o.maps = args.flag("--maps");
    o.unsuppressed = args.flag("--unsuppressed");

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
