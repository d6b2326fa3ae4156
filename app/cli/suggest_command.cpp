// apreptis suggest: where k new sites of a service would serve the most (or travel least).
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/capacity_layers.hpp"
#include "app/core/outputs.hpp"
#include "app/core/siting_robustness_run.hpp"
#include "app/core/siting_run.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::cli {

const CommandLine& suggest_line() {
    static const CommandLine line = [] {
        CommandLine l("suggest",
                      "  apreptis suggest <project.toml | scenario.toml> --service S --k K --out <dir>\n"
                      "                   [--group G] [--places P] [--candidates LAYER | --candidate-grid METRES]\n"
                      "                   [--objective coverage|p_median] [--how-sure [--runs N]] [--crs EPSG:nnnn] [--quiet]\n",
                      R"(      Suggests K new sites of service S (existing providers fixed; the project needs a
      [capacity] section), each with P places (default: the median of the existing ones),
      among candidate points (a point layer, or the centres of a grid over the people with
      demand, 250 m by default, 10 to 100000 m). coverage: most extra demand served;
      p_median: least total travel. Writes <dir>/suggested_sites.gpkg and .csv and
      run.json (all or nothing) and prints each site's gain and the optimality gap.
      --how-sure (the project needs [robustness]): the sites again under its variations
      (N runs, default [robustness] runs): per site the median gain, the 90 % interval and
      how often it keeps its rank; also site_robustness.csv (docs/ROBUSTNESS.md#siting).
)");
        l.positionals("project.toml", "the project, or a scenario file naming its base project");
        l.option("--service", "S", "the service type (a code of the project's catalogue)");
        l.option("--k", "K", "how many new sites, 1 to 100000");
        l.option("--out", "DIR", "the output folder");
        l.option("--group", "G", "the target group (needed when the service serves several)");
        l.option("--places", "P", "places per new site, above 0 up to 1000000");
        l.option("--candidates", "LAYER", "candidate sites: a point layer (any GDAL source)");
        l.option("--candidate-grid", "METRES", "candidate sites: a grid of this spacing, 10 to 100000 m");
        l.option("--objective", "WORD", "coverage (default) or p_median");
        l.flag("--how-sure", "the sites again under [robustness]'s variations");
        l.option("--runs", "N", "with --how-sure: how many runs, 1 to 100000");
        l.option("--crs", "EPSG:nnnn", "working CRS (projected, metres); default from the project, else EPSG:3346");
        l.flag("--quiet", "accepted for scripts; the sites are printed either way");
        return l;
    }();
    return line;
}

int suggest(const std::vector<std::string>& argv) {
    const Args args = suggest_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("suggest needs one project or scenario file");
    for (const char* required : {"--service", "--k", "--out"})
        if (!args.has(required)) throw UsageError(std::string("suggest needs ") + required);
    if (args.has("--candidates") && args.has("--candidate-grid"))
        throw UsageError("give --candidates or --candidate-grid, not both");
    app::SitingRequest req;
    req.service_type = args.option("--service");
    req.target_group = args.option("--group");
    req.k = static_cast<std::size_t>(whole_number("--k", args.option("--k"), 1, 100000));
    if (args.has("--places")) {
        req.places = number("--places", args.option("--places"), 0, 1e6);
        if (*req.places <= 0) throw UsageError("--places needs a number above 0, found '" + args.option("--places") + "'");
    }
    req.candidates_path = args.option("--candidates");
    // the same range as the project file's grid_cell_m (10 m to 100 km, app/core/project.cpp): a
    // finer grid is no better a site and can be millions of cells
    if (args.has("--candidate-grid"))
        req.candidate_grid_m = number("--candidate-grid", args.option("--candidate-grid"), 10, 100000, "metres");
    const std::string objective = one_of("--objective", args.option("--objective", "coverage"), {"coverage", "p_median"});
    req.objective = objective == "coverage" ? model::SitingObjective::coverage : model::SitingObjective::p_median;
    const std::string out = args.option("--out");
    const bool how_sure = args.flag("--how-sure");
    if (args.has("--runs") && !how_sure) throw UsageError("--runs goes with --how-sure");
    const long long runs = args.has("--runs") ? whole_number("--runs", args.option("--runs"), 1, 100000) : 0;

    app::ProjectRun run = app::load_run(args.positional[0]);
    if (args.has("--crs")) app::set_working_crs(run.project, args.option("--crs"), "--crs");
    auto options = app::output_options(run.project, run.scenario_file);
    if (!req.candidates_path.empty()) options.protected_paths.push_back(req.candidates_path);
    const geo::OutputLock lock = geo::claim_output_folder(out, options); // held for the whole run
    const app::Analysis a = app::run_analysis(run);
    std::optional<model::RobustnessSettings> robust_settings;
    if (how_sure) {
        if (!run.project.robustness)
            throw Error(run.project.file + ": --how-sure needs a [robustness] section: what to vary and by how much "
                                           "(docs/ROBUSTNESS.md)");
        robust_settings = *run.project.robustness;
        if (args.has("--runs")) robust_settings->runs = static_cast<std::size_t>(runs);
    }
    const app::SitingRun s = app::run_siting(a, req);
    const auto& r = s.result;
    std::optional<model::SitingRobustness> robust;
    if (robust_settings) robust = app::run_siting_robustness(a, s, *robust_settings);
    const std::string method = model::to_string(r.distances);

    geo::StagedDirectory dir(out, options);
    const geo::OutLayer layer = app::suggested_sites_layer(a, r, s.request.service_type, s.request.target_group);
    geo::write_geopackage(dir.staging_path() + "/suggested_sites.gpkg", a.project().working_crs, {layer});
    geo::write_csv(dir.staging_path() + "/suggested_sites.csv", layer);
    if (robust) geo::write_csv(dir.staging_path() + "/site_robustness.csv", app::site_robustness_layer(*robust, method));
    nlohmann::json j;
    j["tool"] = {{"name", "apreptis"}, {"command", "suggest"}};
    j["project"] = a.project().file;
    j["scenario_file"] = a.scenario_file;
    j["request"] = {{"service_type", s.request.service_type}, {"target_group", s.request.target_group},
                    {"k", s.request.k}, {"places", *s.request.places}, {"places_basis", s.places_basis},
                    {"candidates", s.candidates.size()}, {"candidates_basis", s.candidates_basis},
                    {"objective", model::to_string(r.objective)}};
    j["result"] = {{"method", r.method}, {"demand", r.demand}, {"served_before", r.served_before},
                   {"served_after", r.served_after}, {"travel_time_before_h", r.time_before_s / 3600},
                   {"travel_time_after_h", r.time_after_s / 3600}, {"bound_basis", r.bound_basis},
                   {"allocations_solved", r.allocations_solved}, {"swaps_complete", r.swaps_complete},
                   {"optimal", r.optimal}, {"mip_nodes", r.mip_nodes},
                   {"distance_method", model::to_string(r.distances)}};
    for (const auto& [stage, secs] : r.seconds) j["result"]["seconds"][stage] = secs;
    if (r.upper_bound) j["result"]["upper_bound"] = *r.upper_bound;
    if (r.gap) j["result"]["optimality_gap"] = *r.gap;
    j["capacity"] = nlohmann::json::parse(app::capacity_record_json(a));
    if (robust) j["robustness"] = nlohmann::json::parse(app::site_robustness_json(*robust));
    geo::write_text_file(dir.staging_path() + "/run.json", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    dir.commit();
    for (const auto& n : dir.notes()) std::cout << "Note: " << n << "\n";

    auto fmt = [](double v) { return geo::format_number(std::round(v * 10) / 10); };
    std::cout << "Suggested " << r.sites.size() << " site(s) for " << s.request.service_type << " / "
              << s.request.target_group << ", " << fmt(*s.request.places) << " places each (" << s.places_basis
              << "), among " << s.candidates.size() << " candidates (" << s.candidates_basis << "); " << r.method << "\n";
    for (const auto& site : r.sites) {
        std::cout << "  " << site.rank << ". (" << fmt(site.location.x) << ", " << fmt(site.location.y) << ")  +"
                  << fmt(site.marginal_gain) << " served, " << fmt(site.cumulative_served) << " in all; helps";
        for (std::size_t i = 0; i < std::min<std::size_t>(3, site.wards_helped.size()); ++i)
            std::cout << " " << site.wards_helped[i].first << " (" << fmt(site.wards_helped[i].second) << ")";
        std::cout << "\n";
    }
    std::cout << "Served: " << fmt(r.served_before) << " -> " << fmt(r.served_after) << " of " << fmt(r.demand);
    if (r.upper_bound && r.optimal)
        std::cout << "; optimal (proven: no choice of " << s.request.k << " candidates serves more; " << r.bound_basis << ")";
    else if (r.upper_bound) // the gap: at most this share of what the best choice serves is missed
        std::cout << "; no choice of " << s.request.k << " candidates serves more than " << fmt(*r.upper_bound)
                  << " (gap " << fmt(*r.gap * 100) << " %: the answer is within this of the best, " << r.bound_basis << ")";
    if (r.distances == model::DistanceMethod::straight_line)
        std::cout << "\n  (reach by STRAIGHT-LINE distance: no road network loaded; the figures are estimates)";
    if (robust) std::cout << "\n" << app::site_robustness_summary(*robust);
    else std::cout << "\n";
    std::cout << "Wrote " << out << "/suggested_sites.gpkg, suggested_sites.csv, " << (robust ? "site_robustness.csv, " : "")
              << "run.json\n";
    return 0;
}

} // namespace apreptis::cli
