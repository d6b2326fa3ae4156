#pragma once
// A finished run: the loaded inputs and the results computed from them, shared (never
// copied) so that the viewer keeps one LoadedInputs and swaps Results per what-if edit.
// Everything the CLI writes and the viewer draws reads from here: same numbers in both.
#include <memory>
#include <string>
#include <vector>

#include "app/core/loaded_inputs.hpp"
#include "app/core/results.hpp"
#include "app/core/scenario_file.hpp"

namespace apreptis::app {

struct Analysis {
    std::shared_ptr<const LoadedInputs> inputs;
    std::shared_ptr<const Results> results;
    std::string scenario_file; ///< the scenario file the run came from, if any

    const LoadedInputs& in() const { return *inputs; }
    const Results& out() const { return *results; }
    const Project& project() const { return inputs->project; }
    const model::StudyArea& study() const { return *results->study; }
    /// Load warnings, then the computation's own.
    std::vector<std::string> warnings() const;
};

/// Loads and computes. Throws apreptis::Error (bad input) with the location of the problem.
Analysis run_analysis(const ProjectRun& run);

/// A what-if on already loaded inputs: no file is read.
Analysis with_scenario(std::shared_ptr<const LoadedInputs> inputs, const model::Scenario& scenario);

} // namespace apreptis::app
