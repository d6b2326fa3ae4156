#pragma once
// The viewer's "how sure" runs (issue 20, docs/ROBUSTNESS.md): [robustness]'s variations of
// the shown analysis, started on request (a button, never per frame) on a worker thread like
// the site suggestions, and kept with the results they were computed on, so that an edit
// makes them stale instead of wrong.
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/core/analysis.hpp"
#include "model/robustness/robustness.hpp"

namespace apreptis::viewer {

/// The overlay's definition of "not sure": among the k worst in more than 10 % and fewer than
/// 90 % of the runs (the legend says so). At 90 % and above a ward is robustly underserved.
inline constexpr double unstable_low = 0.1, unstable_high = 0.9;
bool rank_unstable(const model::RobustRow& row);

class RobustnessView {
public:
    bool overlay = true;  ///< hatch the wards whose rank is not sure
    std::size_t pick = 0; ///< which service type and group the overlay shows (index into pairs())

    /// Starts the runs on the analysis `a` (its results are kept to tell a stale answer);
    /// nothing when a run is in flight.
    void start(const app::Analysis& a, const model::RobustnessSettings& settings);
    bool busy() const { return m_job.valid(); }
    /// Takes a finished run in (once per frame).
    void poll();
    void wait(); ///< scripted use: until the run in flight is done
    const std::string& error() const { return m_error; }

    /// The finished run when it is of `a`'s results; nullptr when there is none or an edit
    /// made it stale (stale() says which).
    const model::RobustnessResult* result_for(const app::Analysis& a) const;
    bool stale(const app::Analysis& a) const { return m_result && m_of != a.results; }
    /// The service types and target groups the finished run ranked (service, group).
    std::vector<std::pair<std::string, std::string>> pairs() const;
    /// Per ward of `a`'s study: its row for the picked pair and the share within the
    /// threshold, or nullptr (not ranked, or no current result).
    std::vector<const model::RobustRow*> ward_rows(const app::Analysis& a) const;

private:
    std::future<model::RobustnessResult> m_job;
    std::shared_ptr<const app::Results> m_job_of, m_of;
    std::optional<model::RobustnessResult> m_result;
    std::string m_error;
};

} // namespace apreptis::viewer
