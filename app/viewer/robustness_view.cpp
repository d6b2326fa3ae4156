#include "robustness_view.hpp"

#include <chrono>
#include <set>

#include "app/core/robustness_run.hpp"

namespace apreptis::viewer {

bool rank_unstable(const model::RobustRow& row) {
    return row.p_worst_k > unstable_low && row.p_worst_k < unstable_high;
}

void RobustnessView::start(const app::Analysis& a, const model::RobustnessSettings& settings) {
    if (m_job.valid()) return;
    m_error.clear();
    m_job_of = a.results;
    m_job = std::async(std::launch::async, [a, settings] { return app::run_robustness(a, settings); });
}

void RobustnessView::poll() {
    if (!m_job.valid() || m_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    try {
        m_result = m_job.get();
        m_of = m_job_of;
        if (pick >= pairs().size()) pick = 0;
    } catch (const std::exception& e) {
        m_error = e.what();
    }
    m_job_of.reset();
}

void RobustnessView::wait() {
    if (m_job.valid()) m_job.wait();
    poll();
}

const model::RobustnessResult* RobustnessView::result_for(const app::Analysis& a) const {
    return m_result && m_of == a.results ? &*m_result : nullptr;
}

std::vector<std::pair<std::string, std::string>> RobustnessView::pairs() const {
    std::vector<std::pair<std::string, std::string>> out;
    if (!m_result) return out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& r : m_result->rows)
        if (seen.insert({r.service_type, r.target_group}).second) out.push_back({r.service_type, r.target_group});
    return out;
}

std::vector<const model::RobustRow*> RobustnessView::ward_rows(const app::Analysis& a) const {
    const auto& wards = a.study().wards;
    std::vector<const model::RobustRow*> out(wards.size(), nullptr);
    const model::RobustnessResult* r = result_for(a);
    const auto ps = pairs();
    if (!r || pick >= ps.size()) return out;
    for (const auto& row : r->rows) {
        if (row.level != model::AreaLevel::ward || row.indicator != model::RobustIndicator::share_within ||
            row.service_type != ps[pick].first || row.target_group != ps[pick].second)
            continue;
        if (const model::Ward* w = a.study().find_ward(row.area_code))
            out[static_cast<std::size_t>(w - wards.data())] = &row;
    }
    return out;
}

} // namespace apreptis::viewer
