// The viewer's worker-thread jobs: a recomputation per edit (newer edits cancel older jobs;
// results are swapped in whole) and site suggestions.
#include "viewer_app.hpp"

#include <chrono>

namespace apreptis::viewer {

void ViewerApp::recompute() {
    if (!m_inputs) return;
    if (m_job.result.valid()) { // a newer edit supersedes the running job: cancel it, do not wait
        m_job.stop.request_stop();
        m_retired.push_back(std::move(m_job.result));
    }
    start_job();
}

void ViewerApp::start_job() {
    m_started = std::chrono::steady_clock::now();
    m_job.stop = std::stop_source();
    m_job.scenario = m_scenario;
    m_job.undo_depth = m_undo.size();
    // The worker gets shared const inputs, the shown result to start from, and a copy of the
    // edits: it never touches UI state. Only what the edits change is computed again.
    std::shared_ptr<const app::Results> previous = m_current ? m_current->results : nullptr;
    m_job.result = std::async(std::launch::async, [inputs = m_inputs, sc = m_scenario, previous,
                                                   triangles = m_triangles, stop = m_job.stop.get_token()]() {
        JobOutput out;
        out.started = std::chrono::steady_clock::now();
        out.results = app::compute(*inputs, sc, previous.get(), stop);
        const auto t0 = std::chrono::steady_clock::now();
        try {
            out.triangles = catchment_triangles(*out.results, triangles);
            out.triangles_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        } catch (const std::exception& e) { // a geometry the renderer cannot take: say so, keep going
            out.drawing_error = std::string("drawing catchments: ") + e.what();
        }
        out.ended = std::chrono::steady_clock::now();
        return out;
    });
}

void ViewerApp::finish_job() {
    try {
        JobOutput out = m_job.result.get(); // get() always: a failure is never lost
        m_current = app::Analysis{m_inputs, std::move(out.results), m_current ? m_current->scenario_file : ""};
        m_triangles = std::move(out.triangles);
        m_good_undo_depth = m_job.undo_depth;
        m_error = out.drawing_error;
        const auto t0 = std::chrono::steady_clock::now();
        rebuild_comparison();
        rebuild_geometry();
        last_timing.compute_ms = m_current->out().seconds * 1000;
        last_timing.triangles_ms = out.triangles_ms;
        last_timing.start_latency_ms = std::chrono::duration<double, std::milli>(out.started - m_started).count();
        last_timing.job_ms = std::chrono::duration<double, std::milli>(out.ended - out.started).count();
        last_timing.swap_latency_ms = std::chrono::duration<double, std::milli>(t0 - out.ended).count();
        last_timing.geometry_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    } catch (const model::Cancelled&) {
        // superseded; the newer job is on its way
    } catch (const std::exception& e) {
        // This job's edit was refused: go back to what is shown, dropping the edits made since
        // (they were built on the refused one).
        m_error = e.what();
        m_scenario = m_current ? m_current->out().scenario : model::Scenario{};
        m_undo.resize(std::min(m_undo.size(), m_good_undo_depth));
    }
    last_recompute_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    if (m_current && selected_provider >= static_cast<int>(m_current->study().providers.size())) selected_provider = -1;
    m_dirty = true;
}

void ViewerApp::start_siting(app::SitingRequest request) {
    if (!m_current || m_siting.valid()) return;
    m_siting_result.reset();
    m_siting = std::async(std::launch::async, [a = *m_current, request]() { return app::run_siting(a, request); });
}

void ViewerApp::accept_site(std::size_t i) {
    if (!m_siting_result || i >= m_siting_result->result.sites.size()) return;
    const auto& run = *m_siting_result;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "PLAN-" + std::to_string(m_next_id++);
    e.name = std::string(lang == app::Language::lt ? "Siūloma vieta " : "Suggested site ") + std::to_string(i + 1);
    e.service_type = run.request.service_type;
    e.target_group = run.request.target_group;
    e.point = run.result.sites[i].location;
    e.places = *run.request.places;
    push_edit(std::move(e));
}

} // namespace apreptis::viewer
