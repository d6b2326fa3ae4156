#pragma once
// One headless run: load and check every input the project names, compute coverage and
// the plan audit. The CLI writes it out; the viewer draws it. Same numbers in both.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/project.hpp"
#include "geo/io/file_digest.hpp"
#include "geo/routing/road_network.hpp"
#include "model/access.hpp"
#include "model/coverage.hpp"
#include "model/plan_audit.hpp"
#include "model/study_area.hpp"
#include "model/ward_checks.hpp"

namespace apreptis::app {

struct Analysis {
    Project project;
    model::StudyArea study;
    model::WardCheckReport ward_report;
    model::CoverageResult coverage;
    std::vector<model::AuditRow> audit;
    std::vector<geo::FileDigest> inputs;
    std::string wards_source_crs;
    std::string providers_source_crs;
    std::shared_ptr<const geo::RoadNetwork> network; ///< null: straight-line distances
    std::optional<geo::NetworkReport> network_report;
    std::shared_ptr<const std::vector<model::PopulationUnit>> units; ///< null: no distance analysis
    std::shared_ptr<const geo::SnapIndex> snap_index;                  ///< with a network
    std::shared_ptr<const std::vector<geo::SnappedPoint>> unit_snaps;  ///< with a network, per unit
    model::SurfaceReport surface;
    std::optional<model::AccessAnalysis> access;
    double seconds = 0;
};

/// Throws apreptis::Error (bad input) with the location of the problem.
Analysis run_analysis(const Project& project);

/// Reads and checks every input (and builds the network and population surface), applies
/// the project's scenario; computes nothing. The viewer keeps this and recomputes.
Analysis load_inputs(const Project& project);

/// Coverage, plan audit and travel distances from loaded inputs.
void compute(Analysis& analysis);

/// A what-if: the loaded inputs plus edits, recomputed without reading any file.
Analysis with_scenario(const Analysis& loaded, const model::Scenario& scenario);

} // namespace apreptis::app
