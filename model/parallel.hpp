#pragma once
// Both cores where it pays (issue 10): independent jobs on up to hardware_concurrency threads.
// The one pool of the model (access, routing index, reach matrix, siting).
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace apreptis::model {

/// Starts one worker thread. The default is std::jthread's constructor, which throws
/// std::system_error when the system has no thread to give (ulimit -u, a container's pids
/// limit); a test passes one that fails.
using ThreadStart = std::function<std::jthread(std::function<void()>)>;

/// Runs the jobs on up to `max_threads` threads (0: hardware_concurrency; this one included),
/// each job once, in no fixed order; the first exception is rethrown after all have ended.
/// A worker that cannot be started is done without: the threads that did start (at least
/// this one) take its jobs.
void run_in_parallel(const std::vector<std::function<void()>>& jobs, std::size_t max_threads = 0,
                     const ThreadStart& start = {});

} // namespace apreptis::model
