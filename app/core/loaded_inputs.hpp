#pragma once
// Pipeline stage 1: every input the project names, read and checked once, then immutable.
// What-if edits and further stages (capacity, siting, plans, comparison) start from here
// without reading a file again.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/project.hpp"
#include "geo/io/file_digest.hpp"
#include "model/plan/plan_progress.hpp"
#include "model/population_grid.hpp"
#include "model/routing_index.hpp"
#include "model/study_area.hpp"
#include "model/ward_checks.hpp"

namespace apreptis::app {

struct LoadedInputs {
    Project project;
    std::shared_ptr<const model::StudyArea> study; ///< as loaded: no scenario applied
    model::WardCheckReport ward_report;
    std::vector<geo::FileDigest> digests;          ///< every input file, for run.json
    std::string wards_source_crs;
    std::string providers_source_crs;
    /// Units, surface and (with [roads]) the network; null when the project has no [access].
    std::shared_ptr<const model::RoutingIndex> routing;
    /// Measures plans and reports ([plan]) and their progress: they do not depend on a
    /// scenario, so they are computed once here.
    std::vector<model::PlanLine> plan_lines;
    std::optional<model::PlanProgress> plan;
    /// [population] grid: how it was shared out and its total per ward against the census.
    std::optional<model::PopulationGridReport> population_grid;
    std::string population_grid_source_crs;
    std::optional<geo::Envelope> road_clip;        ///< roads were read inside this box
    std::vector<std::string> placement_warnings;   ///< where providers could not be placed
    std::vector<std::string> warnings;             ///< everything else reading found
    /// Inputs the project names that hold no rows yet (the templates of `apreptis init`): the
    /// run goes on without them and says what to fill in (summary, run.json to_fill_in).
    std::vector<std::string> to_fill_in;
    double seconds = 0;
};

/// Reads and checks every input. Throws apreptis::Error (bad input) naming the problem.
std::shared_ptr<const LoadedInputs> load_inputs(const Project& project);

} // namespace apreptis::app
