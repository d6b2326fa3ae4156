// apreptis plan: the plan's targets against its results, budget execution and the check of
// parts against printed totals, printed and (with --out) written with the whole analysis.
#include <cstdio>
#include <iostream>
#include <optional>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/analysis.hpp"
#include "app/core/outputs.hpp"
#include "app/core/plan_layers.hpp"
#include "geo/io/staged_directory.hpp"

namespace apreptis::cli {

const CommandLine& plan_line() {
    static const CommandLine line = [] {
        CommandLine l("plan", "  apreptis plan <project.toml> [--out <dir>] [--all]\n",
                      R"(      Reads the measures plans and reports the project's [plan] names and prints, per
      document, fulfilment (achieved / target) and status of every indicator with a numeric
      target, budget execution (used / planned) per measure (the sum of its bodies where
      several carry it out, each listed), and every printed total its parts do not add up
      to. Targets that state no number, or count other things than their result (units
      differ), are counted, not judged; implausible figures are flagged.
)");
        l.positionals("project.toml", "the project (with a [plan] table)");
        l.flag("--all",
               "list every indicator line (default: those judged against a numeric target,\n"
               "and those whose target and result are in different units)");
        l.option("--out", "DIR",
                 "also write the whole analysis there (plan_progress, plan_funds,\n"
                 "plan_reconciliation as GPKG tables and CSV, run.json), all or nothing");
        return l;
    }();
    return line;
}

namespace {

std::string cut(const std::string& s, std::size_t n) {
    // cut at a UTF-8 character boundary
    if (s.size() <= n) return s;
    std::size_t i = n;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return s.substr(0, i) + "…";
}

std::string percent(const std::optional<double>& ratio) {
    if (!ratio) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", *ratio * 100.0);
    return buf;
}

/// 780 -> "780 EUR", 17865.3 -> "17,865.30 EUR", nothing -> "— (not printed)".
std::string amount(const std::optional<double>& eur) {
    return eur ? model::grouped(*eur) + " EUR" : "— (not printed)";
}

} // namespace

int plan(const std::vector<std::string>& argv) {
    const Args args = plan_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("plan needs one project file");
    app::ProjectRun run = app::load_run(args.positional[0]);
    if (run.project.plans.empty())
        throw Error(run.project.file + ": no [plan] table: add [plan] paths = [\"measures.csv\"] (docs/INPUTS.md)");
    std::optional<geo::OutputLock> lock; // --out held for the whole run: a second run on it is refused
    if (args.has("--out"))
        lock.emplace(geo::claim_output_folder(args.option("--out"), app::output_options(run.project, run.scenario_file)));
    const app::Analysis a = app::run_analysis(run);
    const model::PlanProgress& p = *a.in().plan;

    std::string document;
    for (const auto& i : p.indicators) {
        if (i.line.document != document) {
            document = i.line.document;
            std::cout << "\n" << i.line.municipality << " — " << document << "\n";
        }
        const bool differ = i.status == model::ProgressStatus::units_differ;
        if (!args.flag("--all") && !i.fulfilment && !differ) continue;
        std::cout << "  " << i.line.measure_code << "  " << cut(i.line.indicator, 60) << ": target "
                  << cut(i.line.target, 30) << ", achieved " << (i.achieved ? cut(i.line.achieved, 20) : "—") << " → ";
        if (differ)
            std::cout << "units differ (target in " << i.target_unit << ", result in " << i.result_unit << "), not judged\n";
        else
            std::cout << percent(i.fulfilment) << ", " << model::to_string(i.status) << "\n";
        if (const std::string link = app::linked_coverage(a, i.line); !link.empty())
            std::cout << "      coverage now: " << link << "\n";
    }
    std::cout << "\nIndicator lines: " << p.indicators.size() << " (on track " << p.count(model::ProgressStatus::on_track)
              << ", behind " << p.count(model::ProgressStatus::behind) << ", not numeric "
              << p.count(model::ProgressStatus::not_numeric) << ", not reported "
              << p.count(model::ProgressStatus::not_reported) << ", result only "
              << p.count(model::ProgressStatus::result_only) << ", units differ "
              << p.count(model::ProgressStatus::units_differ) << ")\n";
    if (p.flagged() > 0) {
        std::cout << "Flagged lines: " << p.flagged() << "\n";
        for (const auto& i : p.indicators)
            for (const auto& f : i.flags) std::cout << "  " << i.line.id << ": " << f << "\n";
    }
    std::cout << "\nBudget execution (used / planned, total per measure):\n";
    for (const auto& f : p.funds) {
        if (!f.execution && f.bodies.size() < 2) continue;
        std::cout << "  " << f.municipality << " " << f.year << " " << f.measure_code << ": " << percent(f.execution)
                  << " (" << f.total_basis << (f.parts_listed.empty() ? "" : " — " + f.parts_listed) << ")\n";
        if (f.bodies.size() < 2) continue;
        for (const auto& b : f.bodies)
            std::cout << "      " << app::body_label(b) << ": " << amount(b.used_eur) << " of " << amount(b.planned_eur)
                      << " → " << percent(b.execution) << "\n";
    }
    std::cout << "\nParts against printed totals: " << p.reconciliations.size() << " checked, " << p.disagreements()
              << " disagree\n";
    for (const auto& r : p.reconciliations)
        if (!r.agrees) std::cout << "  " << r.total_id << " " << r.quantity << ": " << r.message << "\n";
    if (args.has("--out")) {
        for (const auto& n : app::write_outputs(a, args.option("--out"))) std::cout << "Note: " << n << "\n";
        std::cout << "\nWrote " << args.option("--out")
                  << "/coverage.gpkg (with plan_progress, plan_funds, plan_reconciliation), the same as CSV, run.json\n";
    }
    return 0;
}

} // namespace apreptis::cli
