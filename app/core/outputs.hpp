#pragma once
// The output contract (docs/OUTPUTS.md): coverage.gpkg with layers wards, coverage,
// providers, plan_audit; the same tables as CSV; run.json. Written into a staging directory
// and moved into place only when everything succeeded.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

/// The output folder's rules for a project: it may not replace any input of it (or the
/// scenario file), and must be empty, new or an earlier output (geo/io/staged_directory.hpp).
geo::StagedDirectoryOptions output_options(const Project& project, const std::string& scenario_file);

/// Throws apreptis::Error; on failure `out_dir` is left as it was. Returns what was found and
/// done about leftovers of interrupted earlier runs (for the CLI to print).
std::vector<std::string> write_outputs(const Analysis& analysis, const std::string& out_dir);
/// The same with layers already built by output_layers() (a run written to a folder and a
/// database builds them once).
std::vector<std::string> write_outputs(const Analysis& analysis, const std::vector<geo::OutLayer>& layers,
                                       const std::string& out_dir);

// For other sinks (app/core/db_outputs.hpp, PostGIS):
/// The layers write_outputs puts into coverage.gpkg, in the same order.
std::vector<geo::OutLayer> output_layers(const Analysis& analysis);
/// The text write_outputs writes to run.json.
std::string run_record_json(const Analysis& analysis);

} // namespace apreptis::app
