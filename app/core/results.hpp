#pragma once
// Pipeline stage 2: what one computation derives from the loaded inputs and a scenario.
// compute() reads no file and never changes its inputs, so the viewer runs it on a worker
// thread per edit and the CLI once. Further stages (capacity, siting, plans, comparison) add
// their results here.
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "app/core/loaded_inputs.hpp"
#include "model/access.hpp"
#include "model/capacity/capacity_analysis.hpp"
#include "model/coverage.hpp"
#include "model/plan_audit.hpp"
#include "model/scenario.hpp"

namespace apreptis::app {

struct Results {
    /// The study the figures are about: the loaded one, or an edited copy under a scenario.
    std::shared_ptr<const model::StudyArea> study;
    model::Scenario scenario;
    model::CoverageResult coverage;
    std::vector<model::AuditRow> audit;
    std::optional<model::AccessAnalysis> access; ///< with [access]
    std::optional<model::CapacityAnalysis> capacity; ///< with [capacity]
    std::vector<std::string> warnings;           ///< this computation's own (placement, access)
    double seconds = 0;
    bool incremental = false;                    ///< started from a previous result
};

/// Throws apreptis::Error (bad input) for an edit that cannot be applied. With `previous`
/// (a result from the same inputs), what the scenario's edits cannot have changed is taken
/// from it instead of being computed again: the figures are identical either way (tested).
/// Throws model::Cancelled as soon as `stop` is requested (a newer edit supersedes this one).
std::shared_ptr<const Results> compute(const LoadedInputs& inputs, const model::Scenario& scenario,
                                       const Results* previous = nullptr, std::stop_token stop = {});

/// The access settings the project asks for.
model::AccessSettings access_settings(const LoadedInputs& inputs);
/// The capacity settings the project asks for (the project must have [capacity]).
model::CapacitySettings capacity_settings(const LoadedInputs& inputs);

} // namespace apreptis::app
