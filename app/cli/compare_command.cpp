// apreptis compare: municipalities side by side, from one regional project or several.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/analysis.hpp"
#include "app/core/comparison_robustness.hpp"
#include "app/core/indicators/registry.hpp"
#include "app/core/comparison_table.hpp"
#include "app/core/robustness_run.hpp"
#include "app/core/outputs.hpp"
#include "app/report/comparison_map.hpp"
#include "app/report/map_figure.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_maps.hpp"
#include "geo/io/csv_scan.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::cli {

const CommandLine& compare_line() {
    static const CommandLine line = [] {
        CommandLine l("compare",
                      "  apreptis compare <project.toml>... --out <dir> [--figures FILE] [--map INDICATOR] [--lang lt|en]\n"
                      "                   [--how-sure]\n",
                      R"(      Runs each project and puts its municipalities side by side: residents, providers,
      places and recipients per 1000 of the target group, the share within the travel
      threshold, unserved demand (with [capacity]), plan indicators on track (with [plan]),
      and the figures of --figures (datasets/figures/municipal_figures.csv); a rank per
      indicator, the basis of every figure, "no figure" where there is none. Writes
      <dir>/comparison.gpkg (comparison, municipalities), comparison.csv,
      comparison_map.svg and .png (municipalities coloured by --map, default: the first
      ranked indicator most municipalities have, over the first project's [basemap] if
      one names it) and run.json, all or nothing.
)");
        l.positionals("project.toml", "one or more projects, each given once", true);
        l.option("--out", "DIR", "the output folder");
        l.option("--figures", "FILE", "municipal figures to add (datasets/figures/municipal_figures.csv)");
        l.option("--map", "INDICATOR", "the indicator the map colours by, e.g. share_within:nursing_hospital:residents");
        l.option("--lang", "lt|en", "the map's language (default lt)");
        l.flag("--how-sure",
               "for each project with [robustness], its runs (docs/ROBUSTNESS.md): per\n"
               "municipality the median share within the threshold (90 % interval in the basis) and,\n"
               "where the project has more municipalities than k, the share of runs among its k worst");
        return l;
    }();
    return line;
}

int compare(const std::vector<std::string>& argv) {
    const Args args = compare_line().parse(argv);
    if (args.positional.empty()) throw UsageError("compare needs at least one project file");
    if (!args.has("--out")) throw UsageError("compare needs --out <dir>");
    const app::Language lang =
        one_of("--lang", args.option("--lang", "lt"), {"lt", "en"}) == "en" ? app::Language::en : app::Language::lt;
    const std::string out = args.option("--out");
    // the same project twice would put each of its municipalities side by side with itself
    std::set<std::filesystem::path> seen;
    for (const auto& p : args.positional) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(p, ec);
        if (ec) canonical = std::filesystem::absolute(p).lexically_normal();
        if (!seen.insert(canonical).second)
            throw UsageError("the project " + p + " is given twice (" + canonical.string() + "); give each project once");
    }

    std::vector<app::ProjectRun> runs;
    geo::StagedDirectoryOptions options;
    for (const auto& p : args.positional) {
        runs.push_back(app::load_run(p));
        for (const auto& f : app::output_options(runs.back().project, runs.back().scenario_file).protected_paths)
            options.protected_paths.push_back(f);
    }
    if (args.has("--figures")) options.protected_paths.push_back(args.option("--figures"));
    const geo::OutputLock lock = geo::claim_output_folder(out, options); // held for the whole run

    std::vector<model::MunicipalFigure> figures;
    if (args.has("--figures")) figures = model::load::municipal_figures_from(geo::read_vector(args.option("--figures")));
    std::vector<app::Analysis> analyses;
    for (const auto& r : runs) analyses.push_back(app::run_analysis(r));
    std::vector<const app::Analysis*> ptrs;
    for (const auto& a : analyses) ptrs.push_back(&a);
    std::vector<std::string> notes;
    model::Comparison c = app::build_comparison(ptrs, figures, notes);
    if (args.flag("--how-sure"))
        for (const auto& a : analyses) {
            if (!a.project().robustness || !a.out().access) {
                notes.push_back(a.project().file + ": no [robustness] (or no [access]): no how-sure figures");
                continue;
            }
            app::add_robustness(c, a, app::run_robustness(a, *a.project().robustness));
        }
    const auto areas = app::municipality_areas(c, ptrs);

    // The map: the asked indicator, else the one that tells the municipalities apart most.
    std::size_t map_i = model::most_telling_indicator(c);
    if (args.has("--map")) {
        map_i = c.indicators.size();
        for (std::size_t i = 0; i < c.indicators.size(); ++i)
            if (c.indicators[i].id == app::indicators::municipal_spelling(args.option("--map"))) map_i = i;
    }
    if (args.has("--map") && map_i == c.indicators.size()) {
        std::string known;
        for (const auto& i : c.indicators) known += (known.empty() ? "" : ", ") + i.id;
        throw UsageError("--map '" + args.option("--map") + "' is not an indicator of the comparison (known: " + known + ")");
    }

    geo::StagedDirectory dir(out, options);
    const auto layers = app::comparison_layers(c, areas);
    geo::write_geopackage(dir.staging_path() + "/comparison.gpkg", analyses.front().project().working_crs, layers);
    geo::write_csv(dir.staging_path() + "/comparison.csv", layers[0]);
    if (map_i < c.indicators.size()) {
        std::vector<std::string> attribution;
        for (const auto& a : analyses)
            for (const auto& s : a.project().attribution)
                if (std::find(attribution.begin(), attribution.end(), s) == attribution.end()) attribution.push_back(s);
        std::vector<std::string> warnings;
        const auto fig = app::report::comparison_map(ptrs, c, areas, map_i, lang, attribution, warnings);
        for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
        if (!warnings.empty()) std::cerr << warnings.size() << (warnings.size() == 1 ? " warning\n" : " warnings\n");
        app::report::write_map_file(fig, dir.staging_path() + "/comparison_map.svg");
        app::report::write_map_file(fig, dir.staging_path() + "/comparison_map.png");
    }
    nlohmann::json j;
    j["tool"] = {{"name", "apreptis"}, {"command", "compare"}};
    for (const auto& a : analyses) j["projects"].push_back(geo::utf8_escaped(a.project().file));
    j["figures"] = geo::utf8_escaped(args.option("--figures"));
    j["municipalities"] = c.municipalities.size();
    j["indicators"] = c.indicators.size();
    j["map_indicator"] = map_i < c.indicators.size() ? c.indicators[map_i].id : "";
    j["notes"] = notes;
    geo::write_text_file(dir.staging_path() + "/run.json", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    dir.commit();

    std::cout << c.municipalities.size() << " municipalities, " << c.indicators.size() << " indicators\n";
    if (map_i < c.indicators.size()) {
        const auto& ind = c.indicators[map_i];
        std::cout << "\n" << ind.id << " (" << ind.unit << "; rank 1 = " << model::to_string(ind.order) << "):\n";
        std::vector<std::size_t> order(c.municipalities.size());
        for (std::size_t m = 0; m < order.size(); ++m) order[m] = m;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const int rx = c.cells[x][map_i].rank, ry = c.cells[y][map_i].rank;
            return (rx ? rx : 1 << 30) < (ry ? ry : 1 << 30);
        });
        for (std::size_t m : order) {
            const auto& cell = c.cells[m][map_i];
            std::cout << "  " << (cell.rank ? std::to_string(cell.rank) : std::string("-")) << ". " << c.municipalities[m]
                      << ": "
                      << (cell.value ? app::report::number(app::Language::en, *cell.value, model::display_decimals(ind.unit))
                                     : "no figure")
                      << "\n";
        }
    }
    for (const auto& n : notes) std::cout << "Note: " << n << "\n";
    for (const auto& n : dir.notes()) std::cout << "Note: " << n << "\n";
    std::cout << "\nWrote " << out << "/comparison.gpkg (comparison, municipalities), comparison.csv, comparison_map.svg, "
              << "comparison_map.png, run.json\n";
    return 0;
}

} // namespace apreptis::cli
