// "Locate providers": the providers without a point, by how much is known of where they are
// (a ward, the municipality, nothing), with a name filter. Select one, then click on the map
// to place it, or type its address (matched as `apreptis locate` does when the project names
// an address source); drag a placed one to correct it; undo is the what-if undo. "Save"
// writes the providers file (app/core/placed_providers.hpp). State and commands:
// locate_session.hpp.
#include <cmath>
#include <cstring>

#include <imgui.h>

#include "views.hpp"

namespace apreptis::viewer {

namespace {

const char* pick(const ViewerApp& app, const char* lt, const char* en) { return app.lang == app::Language::lt ? lt : en; }

const char* group_label(const ViewerApp& app, model::LocationPrecision p) {
    switch (p) {
    case model::LocationPrecision::ward: return pick(app, "Žinoma seniūnija", "Ward known");
    case model::LocationPrecision::municipality: return pick(app, "Žinoma tik savivaldybė", "Municipality only");
    default: return pick(app, "Vieta nežinoma", "Location unknown");
    }
}

/// An ImGui text field over a std::string (ImGui 1.86 has no std::string overload here).
bool input_text(const char* label, std::string& s, const char* hint = nullptr) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", s.c_str());
    const bool changed = hint ? ImGui::InputTextWithHint(label, hint, buf, sizeof buf) : ImGui::InputText(label, buf, sizeof buf);
    if (changed) s = buf;
    return changed;
}

} // namespace

bool locate_map_input(ViewerApp& app) {
    LocateSession& s = app.locate;
    if (!s.open || !app.current()) return false;
    ImGuiIO& io = ImGui::GetIO();
    const geo::XY mouse{io.MousePos.x, io.MousePos.y};
    std::string& dragging = app.ui.locate.dragging; // a placed provider being dragged
    std::optional<geo::XY>& pressed = app.ui.locate.pressed; // a press that places the selected one if it is a click, not a pan
    geo::XY& drag_from = app.ui.locate.drag_from;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const int p = app.provider_at(mouse, 10);
        if (p >= 0) {
            const std::string& id = app.current()->study().providers[static_cast<std::size_t>(p)].id;
            for (const auto& u : s.unlocated(app))
                if (u.id == id) { // one placed here: drag it to correct it
                    dragging = id;
                    drag_from = mouse;
                    return true;
                }
        }
        if (!s.selected.empty()) {
            pressed = mouse;
            return true;
        }
        return false;
    }
    if (!dragging.empty()) {
        ImGui::GetForegroundDrawList()->AddCircle(io.MousePos, 9, IM_COL32(255, 160, 0, 255), 16, 3);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (std::hypot(mouse.x - drag_from.x, mouse.y - drag_from.y) >= 2) s.place(app, dragging, app.view.to_map(mouse));
            else
                s.select(app, dragging);
            dragging.clear();
        }
        return true;
    }
    if (pressed && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        const bool click = std::hypot(mouse.x - pressed->x, mouse.y - pressed->y) < 4;
        pressed.reset();
        if (click) {
            s.click(app, mouse);
            return true;
        }
    }
    if (!s.selected.empty() && !pressed) { // say what a click does
        ImGui::GetForegroundDrawList()->AddText({io.MousePos.x + 14, io.MousePos.y + 14}, IM_COL32(20, 20, 20, 255),
                                                (std::string(pick(app, "Padėti: ", "Place: ")) + s.selected).c_str());
    }
    return false; // a drag from a press is a pan: the map's own handling goes on
}

void draw_locate_panel(ViewerApp& app) {
    LocateSession& s = app.locate;
    s.poll();
    if (!s.open || !app.current()) return;
    s.load_addresses(app);
    // over the tables in the right-hand column, leaving the map free to click on
    ImGui::SetNextWindowPos({ImGui::GetIO().DisplaySize.x - 420, 396}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({412, 560}, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(pick(app, "Teikėjų vietos###locate", "Locate providers###locate"), &s.open)) {
        ImGui::End();
        return;
    }
    const auto all = s.unlocated(app);
    std::size_t placed = 0;
    for (const auto& u : all) placed += u.placed.has_value();
    ImGui::Text(pick(app, "Be taško: %zu, padėta: %zu", "Without a point: %zu, placed: %zu"), all.size(), placed);
    ImGui::SetNextItemWidth(-1);
    input_text("##filter", s.filter, pick(app, "Filtruoti pagal pavadinimą", "Filter by name"));

    const auto shown = s.filtered(app);
    ImGui::BeginChild("##list", {0, 220}, true);
    for (auto group : {model::LocationPrecision::ward, model::LocationPrecision::municipality, model::LocationPrecision::unknown}) {
        std::size_t n = 0;
        for (const auto& u : shown) n += u.precision == group || (group == model::LocationPrecision::unknown &&
                                                                   u.precision != model::LocationPrecision::ward &&
                                                                   u.precision != model::LocationPrecision::municipality);
        if (!n) continue;
        char head[128];
        std::snprintf(head, sizeof head, "%s (%zu)###g%d", group_label(app, group), n, static_cast<int>(group));
        if (!ImGui::CollapsingHeader(head, ImGuiTreeNodeFlags_DefaultOpen)) continue;
        for (const auto& u : shown) {
            const bool in_group = u.precision == group || (group == model::LocationPrecision::unknown &&
                                                           u.precision != model::LocationPrecision::ward &&
                                                           u.precision != model::LocationPrecision::municipality);
            if (!in_group) continue;
            std::string label = std::string(u.placed ? "• " : "   ") + u.name;
            if (group == model::LocationPrecision::ward) label += "  [" + u.ward_code + "]";
            label += "###" + u.id;
            if (ImGui::Selectable(label.c_str(), s.selected == u.id)) s.select(app, u.id);
            if (ImGui::IsItemHovered() && !u.address.empty()) ImGui::SetTooltip("%s: %s", u.id.c_str(), u.address.c_str());
        }
    }
    ImGui::EndChild();

    const UnlocatedProvider* sel = nullptr;
    for (const auto& u : all)
        if (u.id == s.selected) sel = &u;
    if (sel) {
        ImGui::TextWrapped("%s — %s", sel->id.c_str(), sel->name.c_str());
        if (sel->placed)
            ImGui::TextDisabled(pick(app, "Padėta %s seniūnijoje; tempkite, kad pataisytumėte", "Placed in ward %s; drag it to correct it"),
                                sel->placed_ward.empty() ? "—" : sel->placed_ward.c_str());
        else
            ImGui::TextDisabled("%s", pick(app, "Spustelėkite žemėlapyje, kur jis yra", "Click on the map where it is"));
        const bool have_source = !s.address_source(app).empty();
        ImGui::BeginDisabled(!have_source);
        ImGui::SetNextItemWidth(-70);
        input_text("##address", s.address, pick(app, "Adresas", "Address"));
        ImGui::SameLine();
        ImGui::BeginDisabled(!s.addresses_ready());
        if (ImGui::Button(pick(app, "Rasti", "Find"))) s.place_at_address(app);
        ImGui::EndDisabled();
        ImGui::EndDisabled();
        if (!have_source)
            ImGui::TextDisabled("%s", pick(app, "Adresų šaltinio nėra ([addresses] ar OSM)", "No address source ([addresses] or OSM)"));
        else if (s.addresses_loading())
            ImGui::TextDisabled("%s", pick(app, "Skaitomi adresų taškai...", "Reading address points..."));
    } else {
        ImGui::TextDisabled("%s", pick(app, "Pasirinkite teikėją sąraše", "Select a provider in the list"));
    }
    if (ImGui::Button(pick(app, "Atšaukti", "Undo"))) app.undo();
    ImGui::SameLine();
    if (app.busy()) ImGui::TextDisabled("%s", pick(app, "perskaičiuojama", "recomputing"));

    ImGui::Separator();
    std::string hint;
    try {
        hint = app::default_placed_path(app.inputs()->project);
    } catch (const std::exception&) {
    }
    ImGui::SetNextItemWidth(-1);
    input_text("##out", s.out_path, hint.c_str());
    ImGui::Checkbox(pick(app, "Leisti perrašyti teikėjų failą (kopija lieka)", "Allow overwriting the providers file (a backup is kept)"),
                    &s.overwrite);
    ImGui::BeginDisabled(placed == 0);
    if (ImGui::Button(pick(app, "Įrašyti", "Save"))) s.save(app);
    ImGui::EndDisabled();
    std::size_t other_edits = app.scenario().edits.size();
    for (const auto& e : app.scenario().edits)
        for (const auto& u : all)
            if (e.kind == model::ScenarioEdit::Kind::move && e.provider_id == u.id) {
                --other_edits;
                break;
            }
    if (other_edits)
        ImGui::TextWrapped(pick(app, "Kiti %zu pakeitimai lieka scenarijuje (į teikėjų failą nerašomi)",
                                "%zu other what-if edit(s) stay in the scenario (not written to the providers file)"),
                           other_edits);
    if (!s.message.empty()) ImGui::TextWrapped("%s", s.message.c_str());
    ImGui::End();
}

} // namespace apreptis::viewer
