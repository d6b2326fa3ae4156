#pragma once
// Both cores where it pays (issue 10): independent jobs on up to hardware_concurrency threads.
#include <functional>
#include <vector>

namespace apreptis::model {

/// Runs the jobs on up to hardware_concurrency threads (this one included), each job once, in
/// no fixed order; the first exception is rethrown after all have ended.
void run_in_parallel(const std::vector<std::function<void()>>& jobs);

} // namespace apreptis::model
