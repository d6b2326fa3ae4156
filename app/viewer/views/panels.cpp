#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "app/core/indicators/registry.hpp"
#include "manual_breaks.hpp"
#include "views/views.hpp"

namespace apreptis::viewer {

using app::tr;

void draw_layers_panel(ViewerApp& app) {
    ImGui::SetNextWindowPos({8, 8}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({330, 330}, ImGuiCond_FirstUseEver);
    ImGui::Begin(tr(app.lang, "layers"));
    const app::Analysis* a = app.current();
    int lang = app.lang == app::Language::lt ? 0 : 1;
    ImGui::TextUnformatted(tr(app.lang, "language"));
    ImGui::SameLine();
    if (ImGui::RadioButton("LT", &lang, 0)) app.lang = app::Language::lt;
    ImGui::SameLine();
    if (ImGui::RadioButton("EN", &lang, 1)) app.lang = app::Language::en;
    if (a) {
        // the level: single wards, or each ward coloured by its municipality's figure
        int level = static_cast<int>(app.level);
        ImGui::TextUnformatted(tr(app.lang, "level"));
        ImGui::SameLine();
        ImGui::PushID("level"); // "Wards" is also the layer checkbox below
        bool level_changed = ImGui::RadioButton(tr(app.lang, "wards"), &level, 0);
        ImGui::SameLine();
        level_changed |= ImGui::RadioButton(tr(app.lang, "municipalities"), &level, 1);
        ImGui::PopID();
        if (level_changed) {
            app.set_level(static_cast<Level>(level));
            app.refresh_style();
        }
    }
    if (a && app.level == Level::municipalities) {
        const std::size_t ci = app.compare_index();
        ImGui::TextUnformatted(tr(app.lang, "compare_indicator"));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##compare", compare_label(app, ci).c_str())) {
            for (std::size_t i = 0; i < app.comparison.indicators.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(compare_label(app, i).c_str(), i == ci)) {
                    app.compare_indicator = app.comparison.indicators[i].id;
                    app.refresh_style();
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    } else if (a) {
        const auto inds = app::ward_indicators(*a);
        std::string current = app.indicator;
        for (const auto& i : inds)
            if (i.id == app.indicator) current = app.lang == app::Language::lt ? i.label_lt : i.label_en;
        ImGui::TextUnformatted(tr(app.lang, "indicator"));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##indicator", current.c_str())) {
            for (const auto& i : inds) {
                const std::string label = app.lang == app::Language::lt ? i.label_lt : i.label_en;
                if (ImGui::Selectable(label.c_str(), i.id == app.indicator)) {
                    app.indicator = i.id;
                    app.refresh_style();
                }
            }
            ImGui::EndCombo();
        }
    }
    if (a) {
        int method = static_cast<int>(app.classification);
        bool changed = ImGui::RadioButton(tr(app.lang, "quantiles"), &method, 0);
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr(app.lang, "equal_interval"), &method, 1);
        ImGui::SameLine();
        changed |= ImGui::RadioButton(tr(app.lang, "manual"), &method, 2);
        changed |= ImGui::SliderInt(tr(app.lang, "classes"), &app.classes, 2, 7);
        if (method == 2) {
            char (&breaks)[128] = app.ui.layers.breaks;
            if (ImGui::InputText("##breaks", breaks, sizeof breaks)) {
                app.manual_breaks = parse_manual_breaks(breaks); // reads the text, leaves ImGui's buffer as typed
                changed = true;
            }
        }
        if (changed) {
            app.classification = static_cast<app::Classification>(method);
            app.refresh_style();
        }
    }
    ImGui::Separator();
    ImGui::Checkbox(tr(app.lang, "wards"), &app.layers.wards);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::SliderFloat(tr(app.lang, "opacity"), &app.layers.ward_opacity, 0, 1);
    ImGui::Checkbox(tr(app.lang, "providers"), &app.layers.providers);
    ImGui::Checkbox(tr(app.lang, "catchments"), &app.layers.catchments);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::SliderFloat("##copacity", &app.layers.catchment_opacity, 0, 1);
    ImGui::Checkbox(tr(app.lang, "roads"), &app.layers.roads);
    ImGui::Checkbox(tr(app.lang, "units"), &app.layers.units);
    if (const BasemapLayer* b = app.basemap()) {
        ImGui::Checkbox(tr(app.lang, "basemap"), &app.layers.basemap);
        if (b->loading()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tr(app.lang, "basemap_loading"));
        }
        if (!b->warning().empty()) // a source that fails: said here, counted, never an error popup
            ImGui::TextWrapped("%s (%d): %s", tr(app.lang, "basemap_failed"), b->failures(), b->warning().c_str());
    }
    if (ImGui::Button(tr(app.lang, "fit"))) app.fit();
    ImGui::End();
}

std::vector<std::string> legend_panel_rows(const ViewerApp& app) {
    // counts of what is classed: wards, or municipalities at the municipality level
    const auto& counted = app.level == Level::municipalities ? app.municipality_values : app.values;
    auto rows = legend_labels(app); // the legend box's wording, so both read alike
    for (std::size_t c = 0; c < rows.size(); ++c) {
        int n = 0;
        for (const auto& v : counted) n += app::class_of(v, app.breaks) == static_cast<int>(c);
        rows[c] += "  (" + std::to_string(n) + ")";
    }
    return rows;
}

void draw_legend_panel(ViewerApp& app) {
    // the legend itself is map furniture (also in exports); this panel adds the counts
    ImGui::SetNextWindowPos({8, 346}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({330, 140}, ImGuiCond_FirstUseEver);
    ImGui::Begin(tr(app.lang, "legend"));
    const auto rows = legend_panel_rows(app);
    for (std::size_t c = 0; c < rows.size() && c < app.colours.size(); ++c) {
        const app::Rgb k = app.colours[c];
        ImGui::ColorButton("##c", ImVec4(k.r / 255.f, k.g / 255.f, k.b / 255.f, 1), ImGuiColorEditFlags_NoTooltip, {18, 14});
        ImGui::SameLine();
        ImGui::TextUnformatted(rows[c].c_str());
    }
    ImGui::End();
}

void draw_inspector_panel(ViewerApp& app) {
    ImGui::SetNextWindowPos({ImGui::GetIO().DisplaySize.x - 420, 8}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({412, 380}, ImGuiCond_FirstUseEver);
    ImGui::Begin(tr(app.lang, "inspector"));
    const app::Analysis* a = app.current();
    if (a && app.selected_provider >= 0) {
        const std::size_t i = static_cast<std::size_t>(app.selected_provider);
        const auto& p = a->study().providers[i];
        ImGui::TextWrapped("%s (%s)", p.name.c_str(), p.id.c_str());
        ImGui::Text("%s: %s", tr(app.lang, "precision"), model::to_string(p.precision));
        if (!p.location_basis.empty()) ImGui::TextWrapped("%s", p.location_basis.c_str());
        for (const auto& l : a->study().lines)
            if (l.provider == i)
                ImGui::BulletText("%s / %s: %s %s, %s recipients", l.service_type.c_str(), l.target_group.c_str(),
                                  format_value(l.places, 0).c_str(), tr(app.lang, "places"),
                                  format_value(l.recipients, 0).c_str());
        if (a->out().capacity) // how full it is in the optimal allocation
            for (const auto& sc : a->out().capacity->services)
                for (std::size_t k = 0; k < sc.supply.providers.size(); ++k)
                    if (sc.supply.providers[k] == i)
                        ImGui::BulletText("%s: %s %s / %s (%s), %s %.0f%%", sc.service_type.c_str(),
                                          tr(app.lang, "allocated"), format_value(sc.allocation.realised[k], 1).c_str(),
                                          format_value(sc.supply.capacity[k], 0).c_str(), sc.supply.basis[k].c_str(),
                                          tr(app.lang, "utilisation"),
                                          sc.supply.capacity[k] > 0 ? 100 * sc.allocation.realised[k] / sc.supply.capacity[k] : 0.0);
        float& places = app.ui.inspector.places;
        ImGui::SetNextItemWidth(120);
        ImGui::InputFloat(tr(app.lang, "places"), &places, 1, 10, "%.0f");
        ImGui::SameLine();
        if (ImGui::Button("OK")) app.set_places(i, places);
        if (ImGui::Button(tr(app.lang, "remove"))) app.remove_provider(i);
    } else if (a && app.selected_municipality() >= 0) {
        // the municipality level: the selected ward's municipality, ranked on every indicator
        const std::size_t m = static_cast<std::size_t>(app.selected_municipality());
        const auto& w = a->study().wards[static_cast<std::size_t>(app.selected_ward)];
        ImGui::Text("%s: %s", tr(app.lang, "municipality"), app.comparison.municipalities[m].c_str());
        ImGui::TextDisabled("%s %s", w.code.c_str(), w.name.c_str());
        if (ImGui::BeginTable("ranks", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg, {0, 280})) {
            ImGui::TableSetupColumn(tr(app.lang, "indicator"), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(tr(app.lang, "value"), ImGuiTableColumnFlags_WidthFixed, 62);
            ImGui::TableSetupColumn(tr(app.lang, "rank"), ImGuiTableColumnFlags_WidthFixed, 112);
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < app.comparison.indicators.size(); ++i) {
                const auto& cell = app.comparison.cells[m][i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(compare_label(app, i).c_str(), i == app.compare_index(),
                                      ImGuiSelectableFlags_SpanAllColumns)) { // show it on the map
                    app.compare_indicator = app.comparison.indicators[i].id;
                    app.refresh_style();
                }
                if (!cell.basis.empty() && ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s: %s", tr(app.lang, "basis"), cell.basis.c_str());
                ImGui::PopID();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(cell.value, decimals_for(app.comparison.indicators[i].unit)).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(rank_text(app, m, i).c_str());
            }
            ImGui::EndTable();
        }
        for (const auto& n : app.comparison_notes) ImGui::TextDisabled("%s", n.c_str());
    } else if (a && app.selected_ward >= 0) {
        const auto& w = a->study().wards[static_cast<std::size_t>(app.selected_ward)];
        const auto& ws = a->out().coverage.wards[static_cast<std::size_t>(app.selected_ward)];
        ImGui::Text("%s %s, %s", w.code.c_str(), w.name.c_str(), w.municipality.c_str());
        ImGui::Text("%s: %lld; %.2f km²", tr(app.lang, "population"), static_cast<long long>(w.population), ws.area_km2);
        ImGui::Text("0–17: %s*, %s: %s*", format_value(ws.children.value, 0).c_str(),
                    app.lang == app::Language::lt ? "senyvo amžiaus" : "older", format_value(ws.older.value, 0).c_str());
        ImGui::TextDisabled("* %s", tr(app.lang, "estimate"));
        if (ImGui::BeginTable("cov", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY, {0, 200})) {
            ImGui::TableSetupColumn(tr(app.lang, "service_type"));
            ImGui::TableSetupColumn(tr(app.lang, "target_group"));
            // recipients per 1000 of each line, headed by the unit the ward map prints after them
            ImGui::TableSetupColumn(std::string(app::indicators::get("coverage.recipients_per_1000").unit_en).c_str());
            ImGui::TableSetupColumn(tr(app.lang, "places"));
            ImGui::TableSetupColumn("!");
            ImGui::TableHeadersRow();
            for (const auto& r : a->out().coverage.rows) {
                if (r.level != model::AreaLevel::ward || r.area_code != w.code) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.service_type.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.target_group.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.recipients_per_1000, 2).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_value(r.places, 0).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(r.estimated ? "*" : "");
                if (!r.notes.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.notes.c_str());
            }
            ImGui::EndTable();
        }
        if (a->out().access) {
            // every distance figure says how it was measured
            const bool straight = a->out().access->method == model::DistanceMethod::straight_line;
            for (const auto& sa : a->out().access->services)
            for (const auto& r : sa.rows)
                if (r.level == model::AreaLevel::ward && r.area_code == w.code) {
                    ImGui::Bullet();
                    ImGui::TextWrapped("%s: %.0f%% ≤ %.0f min, median %s min%s%s", r.service_type.c_str(),
                                      r.share_within * 100, r.threshold_min, format_value(r.median_min, 1).c_str(),
                                      straight ? " — " : "", straight ? tr(app.lang, "straight_line_short") : "");
                }
        }
        draw_ward_robustness(app, static_cast<std::size_t>(app.selected_ward)); // after a "how sure" run
        if (a->out().capacity) {
            // the ward's demand split: served + no capacity + too far = demand
            for (const auto& sc : a->out().capacity->services)
                for (const auto& r : sc.gaps.wards)
                    if (r.area_code == w.code && r.demand > 0) {
                        ImGui::Bullet();
                        ImGui::TextWrapped("%s / %s: %s %s = %s %s + %s %s + %s %s (#%d, %s)%s",
                                           sc.service_type.c_str(), sc.target_group.c_str(), tr(app.lang, "demand"),
                                           format_value(r.demand, 1).c_str(), format_value(r.served, 1).c_str(),
                                           tr(app.lang, "served"), format_value(r.no_capacity, 1).c_str(),
                                           tr(app.lang, "no_capacity"), format_value(r.too_far, 1).c_str(),
                                           tr(app.lang, "too_far"), r.rank, tr(app.lang, model::to_string(r.dominant)),
                                           sc.demand.estimated ? " *" : "");
                        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sc.demand.need_basis.c_str());
                    }
        }
    } else {
        ImGui::TextDisabled("%s", tr(app.lang, "none_selected"));
    }
    ImGui::End();
}

void draw_scenario_panel(ViewerApp& app, std::string& export_path, int export_size[2], bool& export_now) {
    ImGui::SetNextWindowPos({8, 494}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({330, 290}, ImGuiCond_FirstUseEver);
    ImGui::Begin(tr(app.lang, "scenario"));
    const app::Analysis* a = app.current();
    int tool = static_cast<int>(app.tool);
    ImGui::RadioButton("↑", &tool, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(app.lang, "add_provider"), &tool, 1);
    ImGui::RadioButton(tr(app.lang, "move_provider"), &tool, 2);
    app.tool = static_cast<Tool>(tool);
    if (a && ImGui::BeginCombo(tr(app.lang, "service_type"), app.new_service.c_str())) {
        for (const auto& s : a->study().catalogue.services)
            if (ImGui::Selectable(s.code.c_str(), s.code == app.new_service)) {
                app.new_service = s.code;
                if (!s.target_groups.empty()) app.new_group = s.target_groups.front();
            }
        ImGui::EndCombo();
    }
    if (a && ImGui::BeginCombo(tr(app.lang, "target_group"), app.new_group.c_str())) {
        if (const auto* s = a->study().catalogue.find_service(app.new_service))
            for (const auto& g : s->target_groups)
                if (ImGui::Selectable(g.c_str(), g == app.new_group)) app.new_group = g;
        ImGui::EndCombo();
    }
    ImGui::InputFloat(tr(app.lang, "places"), &app.new_places, 1, 10, "%.0f");
    ImGui::Text("%s: %zu", tr(app.lang, "edits"), app.scenario().edits.size());
    ImGui::Checkbox(app.lang == app::Language::lt ? "Teikėjų vietos..." : "Locate providers...", &app.locate.open); // views/locate_panel.cpp
    if (ImGui::Button(tr(app.lang, "undo"))) app.undo();
    ImGui::SameLine();
    if (app.busy()) ImGui::TextDisabled("%s", tr(app.lang, "recomputing"));
    else ImGui::TextDisabled("%.0f ms", app.last_recompute_s * 1000);
    char (&path)[512] = app.ui.scenario.path;
    if (!path[0]) std::snprintf(path, sizeof path, "%s", app.scenario_path.c_str());
    ImGui::InputText("##scenario", path, sizeof path);
    if (ImGui::Button(tr(app.lang, "save"))) app.save_scenario(path);
    ImGui::SameLine();
    if (ImGui::Button(tr(app.lang, "load"))) app.load_scenario(path);
    ImGui::Separator();
    char (&png)[512] = app.ui.scenario.png;
    ImGui::InputText("##png", png, sizeof png);
    ImGui::InputInt2("px", export_size);
    if (ImGui::Button(tr(app.lang, "export"))) {
        export_path = png;
        export_now = true;
    }
    ImGui::End();
}

void draw_loading(const ViewerApp& app, float width, float height) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const std::string text = std::string(tr(app.lang, "loading")) + " " + app.project_path();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    dl->AddText({(width - size.x) / 2, (height - size.y) / 2}, IM_COL32(40, 40, 40, 255), text.c_str());
}

void draw_error_popup(ViewerApp& app) {
    if (app.error().empty()) return;
    ImGui::OpenPopup("##error");
    if (ImGui::BeginPopupModal("##error", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr(app.lang, "error"));
        ImGui::PushTextWrapPos(600);
        ImGui::TextUnformatted(app.error().c_str());
        ImGui::PopTextWrapPos();
        if (app.current() && ImGui::Button("OK")) { // with data loaded the message can be dismissed
            app.clear_error();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

} // namespace apreptis::viewer
