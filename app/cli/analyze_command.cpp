// apreptis analyze: the whole analysis of a project or scenario file, written to a folder
// and/or a PostGIS schema.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/analysis.hpp"
#include "app/core/db_outputs.hpp"
#include "app/core/outputs.hpp"
#include "app/core/summary.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/pg_writer.hpp"
#include "geo/io/staged_directory.hpp"

namespace apreptis::cli {

const CommandLine& analyze_line() {
    static const CommandLine line = [] {
        CommandLine l("analyze",
                      "  apreptis analyze <project.toml | scenario.toml> --out <dir> and/or --out-db \"PG:...\" [--out-schema NAME]\n"
                      "                   [--repair-invalid] [--crs EPSG:nnnn] [--quiet]\n",
                      R"(      Reads every input the project names, checks it, computes coverage per ward and
      municipality, the plan audit and travel distances, and writes <dir>/coverage.gpkg,
      *.csv and run.json, all or nothing: a failed run leaves <dir> as it was. <dir> must be
      new, empty or an earlier output of apreptis (it has our run.json), and may not hold
      an input.
)");
        l.positionals("project.toml", "the project, or a scenario file naming its base project");
        l.option("--out", "DIR", "the output folder");
        l.option("--out-db", "\"PG:...\"",
                 "also (or instead of --out) write every layer and run_record into a\n"
                 "PostGIS schema, in one transaction (docs/POSTGIS.md)");
        l.option("--out-schema", "NAME",
                 "the schema for --out-db (default apreptis): new, empty or an earlier\n"
                 "output of apreptis");
        l.flag("--repair-invalid", "make invalid ward polygons valid (GEOS MakeValid), report the change");
        l.option("--crs", "EPSG:nnnn", "working CRS (projected, metres); default from the project, else EPSG:3346");
        l.flag("--quiet", "print no ward summary, only what was written");
        return l;
    }();
    return line;
}

int analyze(const std::vector<std::string>& argv) {
    const Args args = analyze_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("analyze needs one project or scenario file");
    if (!args.has("--out") && !args.has("--out-db")) throw UsageError("analyze needs --out <dir> or --out-db \"PG:...\"");
    if (args.has("--out-schema") && !args.has("--out-db")) throw UsageError("--out-schema applies to --out-db only");
    const std::string out = args.option("--out");
    const std::string out_db = args.option("--out-db");
    const std::string schema = args.option("--out-schema", app::default_db_schema);
    if (args.has("--out-db") && !geo::is_database_source(out_db))
        throw UsageError("--out-db needs a PostgreSQL connection string, \"PG:dbname=... host=...\"");
    if (!geo::is_valid_pg_schema_name(schema))
        throw UsageError("--out-schema \"" + schema + "\": use lower-case letters, digits and _, at most 63 characters");
    app::ProjectRun run = app::load_run(args.positional[0]);
    if (args.flag("--repair-invalid")) run.project.repair_invalid = true;
    if (args.has("--crs")) app::set_working_crs(run.project, args.option("--crs"), "--crs");
    // Refuse a bad --out or --out-db before the work, not after it; hold --out for the whole run
    // (a second run on it is refused now, not both run and the last one wins).
    std::optional<geo::OutputLock> lock;
    if (!out.empty()) lock.emplace(geo::claim_output_folder(out, app::output_options(run.project, run.scenario_file)));
    if (!out_db.empty()) app::check_db_output(out_db, schema);

    const app::Analysis a = app::run_analysis(run);
    // The folder and the schema are each written all or nothing, the folder first.
    std::vector<geo::OutLayer> layers = app::output_layers(a); // built once for both
    std::vector<std::string> notes;
    if (!out.empty()) notes = app::write_outputs(a, layers, out);
    std::vector<std::string> tables;
    if (!out_db.empty()) {
        try {
            tables = app::write_db_outputs(a, std::move(layers), out_db, schema);
        } catch (const Error& e) {
            if (out.empty()) throw;
            throw Error(std::string(e.what()) + "\n(" + out + " was written; the schema was left as it was)");
        }
    }
    if (!args.flag("--quiet")) std::cout << app::summary_text(a);
    for (const auto& n : notes) std::cout << "Note: " << n << "\n";
    if (!out.empty()) {
        // what is there now is what was written (the folder was swapped in whole)
        std::vector<std::string> files;
        for (const auto& e : std::filesystem::directory_iterator(out)) files.push_back(e.path().filename().string());
        std::sort(files.begin(), files.end());
        std::string list;
        for (const auto& f : files) list += (list.empty() ? "" : ", ") + f;
        std::cout << "\nWrote " << out << ": " << list << " (docs/OUTPUTS.md)\n";
    }
    if (!out_db.empty()) {
        std::string list;
        for (const auto& t : tables) list += (list.empty() ? "" : ", ") + t;
        // the connection string only ever redacted: user and password are credentials
        std::cout << "\nWrote schema " << schema << " of " << geo::redacted(out_db) << " (tables " << list << ")\n";
    }
    return 0;
}

} // namespace apreptis::cli
