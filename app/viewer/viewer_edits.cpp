// What-if edits of the viewer: add, move, remove, places, undo, and scenario files. Every edit
// is pushed onto the scenario and recomputed on a worker thread (viewer_jobs.cpp).
#include "viewer_app.hpp"

#include <cstdlib>
#include <filesystem>

#include "app/core/scenario_file.hpp"
#include "geo/errors.hpp"

namespace apreptis::viewer {

void ViewerApp::advance_next_id() {
    // planned ids continue after the highest PLAN-n in the scenario and the data, so that the
    // next add never collides with an edit loaded from a file
    auto bump = [&](const std::string& id) {
        if (id.rfind("PLAN-", 0) != 0) return;
        char* end = nullptr;
        const long n = std::strtol(id.c_str() + 5, &end, 10);
        if (end && *end == '\0' && n >= m_next_id) m_next_id = static_cast<int>(n) + 1;
    };
    for (const auto& e : m_scenario.edits) bump(e.provider_id);
    if (m_inputs)
        for (const auto& p : m_inputs->study->providers) bump(p.id);
}

void ViewerApp::push_edit(model::ScenarioEdit e) {
    m_undo.push_back(m_scenario);
    m_scenario.edits.push_back(std::move(e));
    recompute();
}

void ViewerApp::add_provider(geo::XY at) {
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::add;
    e.provider_id = "PLAN-" + std::to_string(m_next_id++);
    e.name = std::string(lang == app::Language::lt ? "Planuojamas teikėjas " : "Planned provider ") + e.provider_id;
    e.service_type = new_service;
    e.target_group = new_group;
    e.point = at;
    e.places = new_places;
    push_edit(std::move(e));
}

void ViewerApp::move_provider(std::size_t index, geo::XY to) {
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = m_current->study().providers[index].id;
    e.point = to;
    push_edit(std::move(e));
}

void ViewerApp::remove_provider(std::size_t index) {
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::remove;
    e.provider_id = m_current->study().providers[index].id;
    selected_provider = -1;
    push_edit(std::move(e));
}

void ViewerApp::set_places(std::size_t index, double places) {
    if (!m_current || index >= m_current->study().providers.size()) return;
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::set_places;
    e.provider_id = m_current->study().providers[index].id;
    e.places = places;
    push_edit(std::move(e));
}

void ViewerApp::undo() {
    if (m_undo.empty()) return;
    m_scenario = m_undo.back();
    m_undo.pop_back();
    recompute();
}

void ViewerApp::save_scenario(const std::string& path) {
    try {
        m_scenario.name = std::filesystem::path(path).stem().string();
        if (!m_inputs) return;
        app::write_scenario_file(path, m_inputs->project.file, m_scenario);
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

void ViewerApp::load_scenario(const std::string& path) {
    try {
        const app::ProjectRun run = app::load_run(path);
        if (m_inputs && std::filesystem::absolute(run.project.file) != std::filesystem::absolute(m_inputs->project.file))
            throw Error(path + ": its base is " + run.project.file + ", not the project open here (" +
                        m_inputs->project.file + ")");
        m_undo.push_back(m_scenario);
        m_scenario = run.scenario;
        advance_next_id();
        recompute();
    } catch (const std::exception& e) {
        m_error = e.what();
    }
}

} // namespace apreptis::viewer
