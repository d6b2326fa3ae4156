// The site-suggestion panel: pick a service and group of the capacity analysis, how many sites
// of how many places; the suggestion runs on a worker thread; each site can be accepted into
// the what-if scenario.
#include <imgui.h>

#include "views.hpp"

namespace apreptis::viewer {

using app::tr;

void draw_siting_panel(ViewerApp& app) {
    const app::Analysis* a = app.current();
    if (!a || !a->out().capacity || a->out().capacity->services.empty()) return;
    ImGui::SetNextWindowPos({8, 790}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({330, 200}, ImGuiCond_FirstUseEver);
    ImGui::Begin(tr(app.lang, "suggest_sites"));
    const auto& services = a->out().capacity->services;
    int& pick = app.ui.siting.pick;
    int& k = app.ui.siting.k;
    float& places = app.ui.siting.places;
    float& grid_m = app.ui.siting.grid_m;
    pick = std::clamp(pick, 0, static_cast<int>(services.size()) - 1);
    const auto label = [&](int i) { return services[static_cast<std::size_t>(i)].service_type + " / " + services[static_cast<std::size_t>(i)].target_group; };
    if (ImGui::BeginCombo("##svc", label(pick).c_str())) {
        for (int i = 0; i < static_cast<int>(services.size()); ++i)
            if (ImGui::Selectable(label(i).c_str(), i == pick)) pick = i;
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("k", &k);
    k = std::clamp(k, 1, 50);
    ImGui::SetNextItemWidth(90);
    ImGui::InputFloat(tr(app.lang, "places"), &places, 1, 10, "%.0f");
    ImGui::SetNextItemWidth(90);
    ImGui::InputFloat("m", &grid_m, 50, 100, "%.0f");
    ImGui::BeginDisabled(app.siting_busy());
    if (ImGui::Button(tr(app.lang, "run"))) {
        app::SitingRequest req;
        req.service_type = services[static_cast<std::size_t>(pick)].service_type;
        req.target_group = services[static_cast<std::size_t>(pick)].target_group;
        req.k = static_cast<std::size_t>(k);
        if (places > 0) req.places = places;
        req.candidate_grid_m = std::max(25.0f, grid_m);
        app.start_siting(req);
    }
    ImGui::EndDisabled();
    if (app.siting_busy()) {
        ImGui::SameLine();
        ImGui::TextUnformatted("...");
    }
    if (const auto& run = app.siting()) {
        const auto& r = run->result;
        ImGui::TextWrapped("%s: %.0f -> %.0f (%s)", tr(app.lang, "served"), r.served_before, r.served_after, r.method.c_str());
        // proven optimal says more than "gap 0.0 %"; a gap is an upper limit on how far from the best
        if (r.optimal) ImGui::TextWrapped("%s", tr(app.lang, "optimal_proven"));
        else if (r.gap) ImGui::TextWrapped("%s %.1f%%", tr(app.lang, "gap"), *r.gap * 100);
        if (r.distances == model::DistanceMethod::straight_line) ImGui::TextDisabled("%s", tr(app.lang, "straight_line"));
        for (std::size_t i = 0; i < r.sites.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::Text("%d. +%.0f", r.sites[i].rank, r.sites[i].marginal_gain);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(app.lang, "accept"))) app.accept_site(i);
            ImGui::PopID();
        }
    }
    ImGui::End();
}

} // namespace apreptis::viewer
