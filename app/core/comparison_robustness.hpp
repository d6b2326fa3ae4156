#pragma once
// How sure the comparison's travel figures are (issue 20, `apreptis compare --how-sure`): per
// municipality, the median over [robustness]'s runs of the share within the threshold, with
// its 90 % interval in the basis, and, where a project has more municipalities than k, the
// share of runs in which the municipality was among the k worst of its project.
#include "app/core/analysis.hpp"
#include "model/comparison.hpp"
#include "model/robustness/robustness.hpp"

namespace apreptis::app {

/// Adds the indicators of `r` (run on `a`) to `c` and ranks `c` again.
void add_robustness(model::Comparison& c, const Analysis& a, const model::RobustnessResult& r);

} // namespace apreptis::app
