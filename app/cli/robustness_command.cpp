// apreptis robustness: how sure are we? The access figures under [robustness]'s variations,
// per ward the interval, the rank interval and the probability of being among the k worst.
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/outputs.hpp"
#include "app/core/robustness_run.hpp"
#include "geo/errors.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::cli {

const CommandLine& robustness_line() {
    static const CommandLine line = [] {
        CommandLine l("robustness",
                      "  apreptis robustness <project.toml | scenario.toml> --out <dir> [--runs N] [--seed S] [--quiet]\n",
                      R"(      Recomputes the travel-distance figures N times (default: [robustness] runs, else 1000)
      under seeded variations of what is only estimated, as the project's [robustness]
      section says: thresholds, travel speed, estimated group sizes per ward, the points of
      providers located only to their ward (docs/ROBUSTNESS.md). Per ward and municipality:
      the median, the 90 % interval, the rank interval and the probability of being among the
      k worst; "robustly underserved" from 0.9. Writes <dir>/robustness.gpkg, robustness.csv
      and run.json, all or nothing. The same seed gives the same output.
)");
        l.positionals("project.toml", "the project (with [robustness]), or a scenario file naming it");
        l.option("--out", "DIR", "the output folder");
        l.option("--runs", "N", "how many runs, 1 to 100000 (default [robustness] runs)");
        l.option("--seed", "S", "the seed, 0 to 9007199254740991 (default [robustness] seed)");
        l.flag("--quiet", "print only what was written");
        return l;
    }();
    return line;
}

int robustness(const std::vector<std::string>& argv) {
    const Args args = robustness_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("robustness needs one project or scenario file");
    if (!args.has("--out")) throw UsageError("robustness needs --out");
    const std::string out = args.option("--out");
    app::ProjectRun run = app::load_run(args.positional[0]);
    if (!run.project.robustness)
        throw Error(run.project.file + ": no [robustness] section: say what to vary and by how much "
                                       "(thresholds_min, speed_kmh, group_relative, move_ward_located; docs/ROBUSTNESS.md)");
    model::RobustnessSettings settings = *run.project.robustness;
    if (args.has("--runs")) settings.runs = static_cast<std::size_t>(whole_number("--runs", args.option("--runs"), 1, 100000));
    if (args.has("--seed"))
        settings.seed = static_cast<std::uint64_t>(whole_number("--seed", args.option("--seed"), 0, 9007199254740991LL));

    const auto options = app::output_options(run.project, run.scenario_file);
    const geo::OutputLock lock = geo::claim_output_folder(out, options); // held for the whole run
    const app::Analysis a = app::run_analysis(run);
    const model::RobustnessResult r = app::run_robustness(a, settings);

    geo::StagedDirectory dir(out, options);
    const std::vector<geo::OutLayer> layers = app::robustness_layers(a, r);
    geo::write_geopackage(dir.staging_path() + "/robustness.gpkg", a.project().working_crs, layers);
    // one CSV: wards, then municipalities
    geo::OutLayer all = layers[0];
    all.features.insert(all.features.end(), layers[1].features.begin(), layers[1].features.end());
    geo::write_csv(dir.staging_path() + "/robustness.csv", all);
    nlohmann::json j;
    j["tool"] = {{"name", "apreptis"}, {"command", "robustness"}};
    j["project"] = a.project().file;
    j["scenario_file"] = a.scenario_file;
    j["robustness"] = nlohmann::json::parse(app::robustness_record_json(a, r));
    geo::write_text_file(dir.staging_path() + "/run.json", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    dir.commit();
    for (const auto& n : dir.notes()) std::cout << "Note: " << n << "\n";
    if (!args.flag("--quiet")) { // was args.has(): --quiet was accepted and ignored
        std::cout << "Robustness: " << settings.runs << " runs, seed " << settings.seed << ", "
                  << geo::format_number(std::round(r.seconds * 100) / 100) << " s. Varied:";
        for (const auto& v : r.varied) std::cout << "\n  - " << v;
        if (r.varied.empty()) std::cout << " nothing ([robustness] varies no source: every run is the single run)";
        std::cout << "\nDistances: " << a.out().access->method_label << "\n" << app::robustness_summary(a, r);
    }
    std::cout << "Wrote " << out << "/robustness.gpkg, robustness.csv, run.json\n";
    return 0;
}

} // namespace apreptis::cli
