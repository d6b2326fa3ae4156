#include "model/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>

namespace apreptis::model {

void run_in_parallel(const std::vector<std::function<void()>>& jobs, std::size_t max_threads, const ThreadStart& start) {
    const std::size_t limit = max_threads ? max_threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min(jobs.size(), limit);
    if (workers <= 1) {
        for (const auto& j : jobs) j();
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            try {
                jobs[i]();
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
        }
    };
    {
        // jthreads join when they go out of scope, so a start that throws half way (a
        // std::thread left joinable in a vector being destroyed called std::terminate) leaves
        // the started ones to finish; the jobs are taken from one counter, so none is lost.
        std::vector<std::jthread> threads;
        threads.reserve(workers - 1);
        try {
            for (std::size_t w = 1; w < workers; ++w)
                threads.push_back(start ? start(work) : std::jthread(work));
        } catch (const std::system_error&) {
            // fewer threads than asked for: the ones running (and this one) do the rest
        }
        work();
    }
    if (failure) std::rethrow_exception(failure);
}

} // namespace apreptis::model
