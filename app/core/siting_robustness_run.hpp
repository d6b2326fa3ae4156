#pragma once
// `apreptis suggest --how-sure`: the suggested sites under [robustness]'s variations (does site
// 1 stay first?), and what is written of them (docs/ROBUSTNESS.md#siting).
#include <string>

#include "app/core/analysis.hpp"
#include "app/core/siting_run.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/robustness/siting_robustness.hpp"

namespace apreptis::app {

/// The variations on the sites of `run` (a finished run_siting on `a`). Throws apreptis::Error
/// for settings that cannot apply (a speed range over a driving network).
model::SitingRobustness run_siting_robustness(const Analysis& a, const SitingRun& run,
                                              const model::RobustnessSettings& settings);

/// site_robustness (points): per site its rank, gain, the gain's median and 90 % interval over
/// the runs, the rank's extremes and the share of runs in which it keeps its rank.
geo::OutLayer site_robustness_layer(const model::SitingRobustness& r, const std::string& method);

/// The settings, what was varied and the per-site summaries, for run.json.
std::string site_robustness_json(const model::SitingRobustness& r);

/// One line per site, for the terminal.
std::string site_robustness_summary(const model::SitingRobustness& r);

} // namespace apreptis::app
