#pragma once
// A deterministic series of what-if edits (add a site in each ward in turn, move it, resize
// it, remove every other one), for the what-if benchmark and the viewer's timing probe, so
// that both measure the same thing.
#include <string>

#include "app/core/loaded_inputs.hpp"
#include "model/scenario.hpp"

namespace apreptis::app {

/// Edit number n (0-based) of the series, adding sites of `service` for `group`.
model::ScenarioEdit scripted_edit(const LoadedInputs& inputs, int n, const std::string& service,
                                  const std::string& group);

} // namespace apreptis::app
