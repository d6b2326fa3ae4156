#include <algorithm>
#include <numeric>

#include <imgui.h>

#include "views/views.hpp"

namespace apreptis::viewer {

using app::tr;

namespace {

/// The municipality level: one row per municipality (value, rank, basis of the comparison
/// indicator shown), sortable; a row selects the municipality on the map.
void draw_municipality_table(ViewerApp& app) {
    const auto& c = app.comparison;
    const std::size_t ci = app.compare_index();
    ImGui::TextWrapped("%s", compare_label(app, ci).c_str());
    const ImGuiTableFlags f = ImGuiTableFlags_Sortable | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("municipalities", 4, f, {0, 320})) return;
    ImGui::TableSetupColumn(tr(app.lang, "municipality"));
    ImGui::TableSetupColumn(tr(app.lang, "value"));
    ImGui::TableSetupColumn(tr(app.lang, "rank"), ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn(tr(app.lang, "basis"));
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    std::vector<std::size_t> order(c.municipalities.size());
    std::iota(order.begin(), order.end(), 0);
    auto cell = [&](std::size_t m) -> const model::ComparisonCell* {
        return ci < c.indicators.size() && m < c.cells.size() ? &c.cells[m][ci] : nullptr;
    };
    if (ImGuiTableSortSpecs* s = ImGui::TableGetSortSpecs(); s && s->SpecsCount > 0) {
        const int col = s->Specs[0].ColumnIndex;
        const bool asc = s->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            if (col == 0 || col == 3) {
                const std::string sx = col == 0 ? c.municipalities[x] : (cell(x) ? cell(x)->basis : "");
                const std::string sy = col == 0 ? c.municipalities[y] : (cell(y) ? cell(y)->basis : "");
                return asc ? sx < sy : sx > sy;
            }
            // no figure / not ranked last either way
            auto key = [&](std::size_t m) -> std::optional<double> {
                const auto* k = cell(m);
                if (!k) return std::nullopt;
                if (col == 1) return k->value;
                return k->rank > 0 ? std::optional<double>(k->rank) : std::nullopt;
            };
            const auto kx = key(x), ky = key(y);
            if (!kx || !ky) return kx.has_value() && !ky.has_value();
            return asc ? *kx < *ky : *kx > *ky;
        });
    }
    const int selected = app.selected_municipality();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(order.size()));
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const std::size_t m = order[static_cast<std::size_t>(r)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(m));
            if (ImGui::Selectable(c.municipalities[m].c_str(), selected == static_cast<int>(m),
                                  ImGuiSelectableFlags_SpanAllColumns))
                app.select_municipality(static_cast<int>(m));
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                format_value(cell(m) ? cell(m)->value : std::nullopt, ci < c.indicators.size() ? decimals_for(c.indicators[ci].unit) : 2)
                    .c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(rank_text(app, m, ci).c_str());
            ImGui::TableNextColumn();
            const std::string basis = cell(m) && cell(m)->value ? cell(m)->basis : tr(app.lang, "no_figure");
            ImGui::TextUnformatted(basis.c_str());
            if (ImGui::IsItemHovered() && !basis.empty()) ImGui::SetTooltip("%s", basis.c_str());
        }
    ImGui::EndTable();
}

} // namespace

void draw_tables_panel(ViewerApp& app) {
    const app::Analysis* a = app.current();
    if (!a) return;
    ImGui::SetNextWindowPos({ImGui::GetIO().DisplaySize.x - 420, 396}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({412, 390}, ImGuiCond_FirstUseEver);
    const std::string title = std::string(tr(app.lang, app.level == Level::municipalities ? "municipalities" : "wards")) + "###tables";
    ImGui::Begin(title.c_str());
    if (ImGui::BeginTabBar("tabs")) {
        if (app.level == Level::municipalities && ImGui::BeginTabItem(tr(app.lang, "municipalities"))) {
            draw_municipality_table(app);
            ImGui::EndTabItem();
        }
        if (app.level == Level::wards && ImGui::BeginTabItem(tr(app.lang, "wards"))) {
            const ImGuiTableFlags f = ImGuiTableFlags_Sortable | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_RowBg;
            if (ImGui::BeginTable("wards", 4, f, {0, 220})) {
                ImGui::TableSetupColumn(tr(app.lang, "code"));
                ImGui::TableSetupColumn(tr(app.lang, "name"));
                ImGui::TableSetupColumn(tr(app.lang, "population"));
                ImGui::TableSetupColumn(tr(app.lang, "value"), ImGuiTableColumnFlags_DefaultSort);
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableHeadersRow();
                std::vector<std::size_t> order(a->study().wards.size());
                std::iota(order.begin(), order.end(), 0);
                if (ImGuiTableSortSpecs* s = ImGui::TableGetSortSpecs(); s && s->SpecsCount > 0) {
                    const int col = s->Specs[0].ColumnIndex;
                    const bool asc = s->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
                    auto key = [&](std::size_t i) -> double {
                        if (col == 2) return static_cast<double>(a->study().wards[i].population);
                        if (col == 3) return app.values[i].value_or(-1e300);
                        return 0;
                    };
                    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
                        if (col <= 1) {
                            const auto& sx = col == 0 ? a->study().wards[x].code : a->study().wards[x].name;
                            const auto& sy = col == 0 ? a->study().wards[y].code : a->study().wards[y].name;
                            return asc ? sx < sy : sx > sy;
                        }
                        return asc ? key(x) < key(y) : key(x) > key(y);
                    });
                }
                ImGuiListClipper clip;
                clip.Begin(static_cast<int>(order.size()));
                while (clip.Step())
                    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
                        const std::size_t i = order[static_cast<std::size_t>(r)];
                        const auto& w = a->study().wards[i];
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        if (ImGui::Selectable(w.code.c_str(), app.selected_ward == static_cast<int>(i),
                                              ImGuiSelectableFlags_SpanAllColumns)) {
                            app.selected_ward = static_cast<int>(i);
                            app.selected_provider = -1;
                            app.refresh_style();
                        }
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(w.name.c_str());
                        ImGui::TableNextColumn();
                        ImGui::Text("%lld", static_cast<long long>(w.population));
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(format_value(app.values[i], 2).c_str());
                    }
                ImGui::EndTable();
            }
            // bar chart of the indicator by ward (the table's order)
            ImGui::TextUnformatted(tr(app.lang, "chart"));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 o = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x, height = 110;
            double hi = 0;
            for (const auto& v : app.values)
                if (v) hi = std::max(hi, *v);
            const std::size_t n = std::min<std::size_t>(a->study().wards.size(), 60);
            const float bw = n ? width / static_cast<float>(n) : width;
            for (std::size_t i = 0; i < n; ++i) {
                const auto& v = app.values[i];
                const float h = (v && hi > 0) ? static_cast<float>(*v / hi) * height : 0;
                const app::Rgb c = app.ward_colour(i);
                dl->AddRectFilled({o.x + bw * static_cast<float>(i) + 1, o.y + height - h},
                                  {o.x + bw * static_cast<float>(i + 1) - 1, o.y + height}, IM_COL32(c.r, c.g, c.b, 255));
            }
            dl->AddLine({o.x, o.y + height}, {o.x + width, o.y + height}, IM_COL32(60, 60, 60, 255));
            ImGui::Dummy({width, height + 4});
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(app.lang, "providers"))) {
            const ImGuiTableFlags f = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_Sortable;
            if (ImGui::BeginTable("providers", 4, f, {0, 330})) {
                ImGui::TableSetupColumn(tr(app.lang, "name"));
                ImGui::TableSetupColumn(tr(app.lang, "service_type"));
                ImGui::TableSetupColumn(tr(app.lang, "precision"));
                ImGui::TableSetupColumn(tr(app.lang, "wards"));
                ImGui::TableSetupScrollFreeze(0, 1);
                ImGui::TableHeadersRow();
                std::vector<std::size_t> rows(a->study().lines.size());
                std::iota(rows.begin(), rows.end(), 0);
                if (ImGuiTableSortSpecs* s = ImGui::TableGetSortSpecs(); s && s->SpecsCount > 0) {
                    const int col = s->Specs[0].ColumnIndex;
                    const bool asc = s->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
                    auto key = [&](std::size_t r) {
                        const auto& l = a->study().lines[r];
                        const auto& p = a->study().providers[l.provider];
                        return col == 0 ? p.name : col == 1 ? l.service_type : col == 2 ? std::string(model::to_string(p.precision)) : p.ward_code;
                    };
                    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t x, std::size_t y) {
                        return asc ? key(x) < key(y) : key(x) > key(y);
                    });
                }
                ImGuiListClipper clip;
                clip.Begin(static_cast<int>(rows.size()));
                while (clip.Step())
                    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
                        const auto& l = a->study().lines[rows[static_cast<std::size_t>(r)]];
                        const auto& p = a->study().providers[l.provider];
                        ImGui::TableNextRow();
                        ImGui::TableNextColumn();
                        ImGui::PushID(r);
                        if (ImGui::Selectable(p.name.c_str(), app.selected_provider == static_cast<int>(l.provider),
                                              ImGuiSelectableFlags_SpanAllColumns)) {
                            app.selected_provider = static_cast<int>(l.provider);
                            app.selected_ward = -1;
                            if (p.point) {
                                app.view.centre = *p.point;
                            }
                            app.refresh_style();
                        }
                        ImGui::PopID();
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(l.service_type.c_str());
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(model::to_string(p.precision));
                        ImGui::TableNextColumn();
                        ImGui::TextUnformatted(p.ward_code.c_str());
                    }
                ImGui::EndTable();
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

} // namespace apreptis::viewer
