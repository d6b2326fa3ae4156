#pragma once
// One headless run: load and check every input the project names, compute coverage and
// the plan audit. The CLI writes it out; the viewer draws it. Same numbers in both.
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
    std::optional<geo::RoadNetwork> network;
    std::optional<geo::NetworkReport> network_report;
    std::optional<model::AccessAnalysis> access;
    double seconds = 0;
};

/// Throws apreptis::Error (bad input) with the location of the problem.
Analysis run_analysis(const Project& project);

} // namespace apreptis::app
