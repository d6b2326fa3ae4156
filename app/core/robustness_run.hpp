#pragma once
// `apreptis robustness`: the variations of [robustness] over a finished single run, and what
// is written of them (docs/ROBUSTNESS.md, docs/OUTPUTS.md#robustness).
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/robustness/robustness.hpp"

namespace apreptis::app {

/// Runs the variations on the analysis's single run (its study, scenario applied, and access).
/// Throws apreptis::Error when the project has no [access] (nothing to vary).
model::RobustnessResult run_robustness(const Analysis& a, const model::RobustnessSettings& settings);

/// robustness (wards, with their polygons) and robustness_municipalities (no geometry).
std::vector<geo::OutLayer> robustness_layers(const Analysis& a, const model::RobustnessResult& r);

/// The settings, what was varied and the summaries, for run.json.
std::string robustness_record_json(const Analysis& a, const model::RobustnessResult& r);

/// A few lines per service type and target group: the k worst wards of the single run by
/// share within the threshold, each with its interval and how sure (printed, and in the README).
std::string robustness_summary(const Analysis& a, const model::RobustnessResult& r);

} // namespace apreptis::app
