// The model's one thread pool when the system will not give it every thread it asks for:
// before, std::thread's constructor throwing inside emplace_back destroyed the threads already
// started while they were joinable, and std::terminate ended the process.
#include "model/parallel.hpp"

#include <atomic>
#include <stdexcept>
#include <system_error>

#include <gtest/gtest.h>

using namespace apreptis::model;

namespace {

/// Starts the first `allowed` threads, then fails as std::thread does with EAGAIN.
ThreadStart failing_after(std::size_t allowed, std::atomic<std::size_t>& asked) {
    return [allowed, &asked](std::function<void()> f) {
        if (asked.fetch_add(1) >= allowed)
            throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                                    "thread start refused by the test");
        return std::jthread(std::move(f));
    };
}

std::vector<std::function<void()>> counting_jobs(std::vector<std::atomic<int>>& runs) {
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < runs.size(); ++i) jobs.push_back([&runs, i] { runs[i].fetch_add(1); });
    return jobs;
}

} // namespace

TEST(Parallel, a_thread_that_cannot_start_leaves_its_jobs_to_the_others) {
    for (std::size_t allowed : {0u, 1u, 2u}) {
        std::vector<std::atomic<int>> runs(200);
        std::atomic<std::size_t> asked{0};
        run_in_parallel(counting_jobs(runs), 4, failing_after(allowed, asked));
        EXPECT_EQ(asked.load(), allowed + 1) << "no start is tried after one failed";
        for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << "job " << i << ", " << allowed << " started";
    }
}

TEST(Parallel, every_job_runs_once_and_the_first_failure_is_rethrown_after_all_ended) {
    std::vector<std::atomic<int>> runs(64);
    auto jobs = counting_jobs(runs);
    jobs.push_back([] { throw std::runtime_error("job failed"); });
    std::atomic<std::size_t> asked{0};
    EXPECT_THROW(run_in_parallel(jobs, 3, failing_after(1, asked)), std::runtime_error);
    for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << "job " << i;
}
