#include "app/core/analysis.hpp"

namespace apreptis::app {

std::vector<std::string> Analysis::warnings() const {
    std::vector<std::string> w = inputs->warnings;
    w.insert(w.end(), results->warnings.begin(), results->warnings.end());
    return w;
}

Analysis run_analysis(const ProjectRun& run) {
    Analysis a = with_scenario(load_inputs(run.project), run.scenario);
    a.scenario_file = run.scenario_file;
    return a;
}

Analysis with_scenario(std::shared_ptr<const LoadedInputs> inputs, const model::Scenario& scenario) {
    Analysis a;
    a.results = compute(*inputs, scenario);
    a.inputs = std::move(inputs);
    return a;
}

} // namespace apreptis::app
