#include <cmath>

#include <imgui.h>

#include "app/core/class_labels.hpp"
#include "app/core/indicators/registry.hpp"
#include "views/views.hpp"

namespace apreptis::viewer {

std::string format_value(const std::optional<double>& v, int decimals) {
    if (!v) return "—";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

std::vector<std::string> legend_labels(const ViewerApp& app) {
    std::optional<double> lo;
    for (const auto& v : app.values)
        if (v && (!lo || *v < *lo)) lo = *v;
    // the report's wording: classes that do not overlap ("5.6 to 11.9", "over 11.9 to 16.2"), each
    // limit with the ward figure's unit as the report prints it ("over 0.0 to 51.4 %"), so an
    // exported map says what its numbers are; a municipality's unit is in the legend's title
    std::string unit;
    if (app.level != Level::municipalities)
        if (const auto* d = app::indicators::find(app.indicator))
            unit = app.lang == app::Language::lt ? d->unit_lt : d->unit_en;
    return app::class_labels(app.breaks, lo, app.lang, [](double v) { return format_value(v, 1); }, unit);
}

int decimals_for(const std::string& unit) {
    // the comparison's own rule, which its ranks compare at (equal as shown = equal rank); by
    // unit, not by registry entry, since the --figures rows bring units of their own
    return model::display_decimals(unit);
}

std::string compare_label(const ViewerApp& app, std::size_t i) {
    if (i >= app.comparison.indicators.size()) return "";
    const auto& ind = app.comparison.indicators[i];
    std::string s = app.lang == app::Language::lt ? ind.label_lt : ind.label_en;
    // a count's label already names what it counts ("Residents", "Providers: …"); the unit is
    // the comparison's (registry entries and --figures rows alike), so it is read from there
    if (!ind.unit.empty() && ind.unit != "persons" && ind.unit != "providers") s += " (" + ind.unit + ")";
    return s;
}

std::string rank_text(const ViewerApp& app, std::size_t m, std::size_t i) {
    const auto& c = app.comparison;
    if (m >= c.cells.size() || i >= c.indicators.size()) return "";
    const auto& cell = c.cells[m][i];
    if (!cell.value) return app::tr(app.lang, "no_figure");
    if (cell.rank <= 0) return app::tr(app.lang, "not_ranked");
    return std::to_string(cell.rank) + " " + app::tr(app.lang, "rank_of") + " " + std::to_string(c.with_figure(i));
}

void draw_map_interaction(ViewerApp& app) {
    ImGuiIO& io = ImGui::GetIO();
    const app::Analysis* a = app.current();
    if (!a || io.WantCaptureMouse) return;
    if (locate_map_input(app)) return; // the "Locate providers" panel places and drags its own
    const geo::XY mouse{io.MousePos.x, io.MousePos.y};
    int& dragging = app.ui.map.dragging;
    if (io.MouseWheel != 0) app.view.zoom_at(mouse, std::pow(1.2, io.MouseWheel));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const int p = app.provider_at(mouse, 10);
        if (app.tool == Tool::add) {
            app.add_provider(app.view.to_map(mouse));
        } else if (app.tool == Tool::move && p >= 0) {
            dragging = p;
        } else if (p >= 0) {
            app.selected_provider = p;
            app.refresh_style();
        } else {
            app.selected_ward = app.ward_at(app.view.to_map(mouse));
            app.selected_provider = -1;
            app.refresh_style();
        }
    }
    if (dragging >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        app.move_provider(static_cast<std::size_t>(dragging), app.view.to_map(mouse));
        dragging = -1;
    }
    if (dragging < 0 && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && app.tool != Tool::add) {
        app.view.centre.x -= io.MouseDelta.x / app.view.scale;
        app.view.centre.y += io.MouseDelta.y / app.view.scale;
    }
    if (dragging >= 0) { // show where it will land
        ImGui::GetForegroundDrawList()->AddCircle(io.MousePos, 9, IM_COL32(255, 160, 0, 255), 16, 3);
    }
    // hover tooltip
    const int p = app.provider_at(mouse, 10);
    if (p >= 0) {
        const auto& pr = a->study().providers[static_cast<std::size_t>(p)];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(pr.name.c_str());
        for (const auto& l : a->study().lines)
            if (&a->study().providers[l.provider] == &pr)
                ImGui::Text("%s / %s: %s %s", l.service_type.c_str(), l.target_group.c_str(),
                            format_value(l.places, 0).c_str(), app::tr(app.lang, "places"));
        ImGui::EndTooltip();
        return;
    }
    const int w = app.ward_at(app.view.to_map(mouse));
    if (w >= 0) {
        const auto& ward = a->study().wards[static_cast<std::size_t>(w)];
        if (app.level == Level::municipalities) {
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s %s)", ward.municipality.c_str(), ward.code.c_str(), ward.name.c_str());
            const int m = static_cast<std::size_t>(w) < app.ward_municipality.size() ? app.ward_municipality[static_cast<std::size_t>(w)] : -1;
            if (m >= 0)
                ImGui::Text("%s: %s; %s %s", app::tr(app.lang, "value"), format_value(app.values[static_cast<std::size_t>(w)], 2).c_str(),
                            app::tr(app.lang, "rank"), rank_text(app, static_cast<std::size_t>(m), app.compare_index()).c_str());
            ImGui::EndTooltip();
            return;
        }
        ImGui::BeginTooltip();
        ImGui::Text("%s %s", ward.code.c_str(), ward.name.c_str());
        bool estimated = false;
        for (const auto& i : app::ward_indicators(*a))
            if (i.id == app.indicator) estimated = i.estimated;
        ImGui::Text("%s: %s%s", app::tr(app.lang, "value"), format_value(app.values[static_cast<std::size_t>(w)], 2).c_str(),
                    estimated ? (std::string(" (") + app::tr(app.lang, "estimate") + ")").c_str() : "");
        ImGui::EndTooltip();
    }
}

void draw_map_furniture(const ViewerApp& app, ImDrawList* dl, float width, float height, float band_x0, float band_x1) {
    const app::Analysis* a = app.current();
    if (!a) return;
    if (band_x1 < 0) band_x1 = width;
    const ImU32 ink = IM_COL32(30, 30, 30, 255);
    const ImU32 paper = IM_COL32(255, 255, 255, 225);
    // legend, bottom left
    const auto inds = app::ward_indicators(*a);
    std::string title = app.indicator;
    bool est = false;
    if (app.level == Level::municipalities) {
        title = std::string(app::tr(app.lang, "municipalities")) + ": " + compare_label(app, app.compare_index());
    } else {
        for (const auto& i : inds)
            if (i.id == app.indicator) {
                title = app.lang == app::Language::lt ? i.label_lt : i.label_en;
                est = i.estimated;
            }
    }
    if (est && title.find(app::tr(app.lang, "estimate")) == std::string::npos)
        title += std::string(" (") + app::tr(app.lang, "estimate") + ")";
    const float lh = ImGui::GetFontSize() + 4;
    const float box_h = lh * (static_cast<float>(app.breaks.size()) + 2.5f);
    const float x0 = band_x0 + 12, y0 = height - box_h - 60;
    const float box_w = std::max(260.f, ImGui::CalcTextSize(title.c_str()).x + 20);
    dl->AddRectFilled({x0, y0}, {x0 + box_w, y0 + box_h}, paper, 4);
    dl->AddText({x0 + 8, y0 + 4}, ink, title.c_str());
    const auto labels = legend_labels(app);
    for (std::size_t c = 0; c < app.breaks.size(); ++c) {
        const float y = y0 + 6 + lh * static_cast<float>(c + 1);
        const app::Rgb k = app.colours[c];
        dl->AddRectFilled({x0 + 8, y}, {x0 + 32, y + lh - 4}, IM_COL32(k.r, k.g, k.b, 255));
        dl->AddRect({x0 + 8, y}, {x0 + 32, y + lh - 4}, ink);
        dl->AddText({x0 + 40, y}, ink, labels[c].c_str());
    }
    const float yn = y0 + 6 + lh * static_cast<float>(app.breaks.size() + 1);
    dl->AddRectFilled({x0 + 8, yn}, {x0 + 32, yn + lh - 4},
                      IM_COL32(app::no_data_colour.r, app::no_data_colour.g, app::no_data_colour.b, 255));
    dl->AddText({x0 + 40, yn}, ink, app::tr(app.lang, "no_data"));

    // scale bar, bottom right: a round length near 150 px
    const double metres = 150 / app.view.scale;
    const double p10 = std::pow(10, std::floor(std::log10(metres)));
    double nice = p10;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p10 <= metres) nice = m * p10;
    const float px = static_cast<float>(nice * app.view.scale);
    const float sx = band_x1 - px - 30, sy = height - 70;
    dl->AddRectFilled({sx - 6, sy - 20}, {sx + px + 6, sy + 10}, paper, 3);
    dl->AddLine({sx, sy}, {sx + px, sy}, ink, 3);
    dl->AddLine({sx, sy - 6}, {sx, sy + 4}, ink, 2);
    dl->AddLine({sx + px, sy - 6}, {sx + px, sy + 4}, ink, 2);
    char label[32];
    if (nice >= 1000) std::snprintf(label, sizeof label, "%g km", nice / 1000);
    else std::snprintf(label, sizeof label, "%g m", nice);
    dl->AddText({sx + px / 2 - ImGui::CalcTextSize(label).x / 2, sy - 19}, ink, label);

    // north arrow, top right (the working CRS is north-up)
    const float nx = band_x1 - 40, ny = 30;
    dl->AddTriangleFilled({nx, ny}, {nx - 10, ny + 28}, {nx, ny + 22}, ink);
    dl->AddTriangle({nx, ny}, {nx + 10, ny + 28}, {nx, ny + 22}, ink, 1.5f);
    dl->AddText({nx - 5, ny + 30}, ink, "N");

    // attribution and distance method, bottom
    std::string attr;
    for (const auto& s : a->project().attribution) attr += (attr.empty() ? "" : " · ") + s;
    if (const auto& b = a->project().basemap; b && app.layers.basemap)
        attr += (attr.empty() ? "" : " · ") + std::string(app::tr(app.lang, "basemap")) + ": " + b->attribution;
    if (a->out().access && a->out().access->method == model::DistanceMethod::straight_line)
        attr = std::string(app::tr(app.lang, "straight_line")) + " · " + attr;
    // wrap at " · " so every source stays readable
    std::vector<std::string> lines{""};
    std::size_t start = 0;
    while (start <= attr.size()) {
        std::size_t cut = attr.find(" · ", start);
        std::string piece = attr.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
        std::string trial = lines.back().empty() ? piece : lines.back() + " · " + piece;
        if (!lines.back().empty() && ImGui::GetFont()->CalcTextSizeA(13.0f, 1e9f, 0, trial.c_str()).x > width - 12)
            lines.push_back(piece);
        else
            lines.back() = trial;
        if (cut == std::string::npos) break;
        start = cut + 3;
    }
    const float lh13 = 16;
    const float top = height - lh13 * static_cast<float>(lines.size()) - 4;
    dl->AddRectFilled({0, top}, {width, height}, paper);
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(nullptr, 13.0f, {6, top + 2 + lh13 * static_cast<float>(i)}, ink, lines[i].c_str());
}

} // namespace apreptis::viewer
