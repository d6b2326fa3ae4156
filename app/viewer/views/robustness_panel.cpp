// "How sure?" (issue 20, docs/ROBUSTNESS.md) in the viewer: the panel that starts the runs of
// [robustness] on a worker thread (never per frame), the map overlay that hatches the wards
// whose rank is not sure (among the k worst in more than 10 % and fewer than 90 % of runs:
// the key on the map says so), and the interval lines of the ward inspector.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <imgui.h>

#include "views/views.hpp"

namespace apreptis::viewer {

namespace {

const char* pick(const ViewerApp& app, const char* lt, const char* en) { return app.lang == app::Language::lt ? lt : en; }

/// The hatching's ink: a dark violet no palette class or outline uses (the GUI test looks for it).
constexpr ImU32 hatch_ink = IM_COL32(70, 0, 110, 255);
constexpr ImU32 hatch_halo = IM_COL32(255, 255, 255, 200); ///< under the ink: seen on dark classes too
constexpr float hatch_spacing_px = 9, hatch_width_px = 2.5f;

/// Lines x + y = c (45 degrees, every hatch_spacing_px) inside the rings (even-odd, so holes
/// stay open), on the screen.
void hatch(ImDrawList* dl, const ViewTransform& view, const geo::MultiPolygon& mp) {
    std::map<long, std::vector<float>> cuts; // line index -> x of each crossing
    for (const auto& poly : mp)
        for (const auto* ring : [&] {
                 std::vector<const std::vector<geo::XY>*> rs{&poly.outer};
                 for (const auto& h : poly.holes) rs.push_back(&h);
                 return rs;
             }()) {
            const auto& r = *ring;
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                const geo::XY p = view.to_screen(r[i]), q = view.to_screen(r[i + 1]);
                const double sp = (p.x + p.y) / hatch_spacing_px, sq = (q.x + q.y) / hatch_spacing_px;
                if (sp == sq) continue;
                // crossings with c in [min, max): a vertex on a line is counted once
                const long c0 = static_cast<long>(std::ceil(std::min(sp, sq)));
                const long c1 = static_cast<long>(std::ceil(std::max(sp, sq)));
                for (long c = c0; c < c1; ++c) {
                    const double t = (static_cast<double>(c) - sp) / (sq - sp);
                    cuts[c].push_back(static_cast<float>(p.x + t * (q.x - p.x)));
                }
            }
        }
    for (auto& [c, xs] : cuts) {
        std::sort(xs.begin(), xs.end());
        const float s = static_cast<float>(c) * hatch_spacing_px;
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
            dl->AddLine({xs[i], s - xs[i]}, {xs[i + 1], s - xs[i + 1]}, hatch_halo, hatch_width_px + 2);
    }
    for (auto& [c, xs] : cuts) { // the ink over every halo
        const float s = static_cast<float>(c) * hatch_spacing_px;
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
            dl->AddLine({xs[i], s - xs[i]}, {xs[i + 1], s - xs[i + 1]}, hatch_ink, hatch_width_px);
    }
}

std::string pct(double v) {
    char b[16];
    std::snprintf(b, sizeof b, "%.0f%%", v * 100);
    return b;
}

} // namespace

void draw_robustness_panel(ViewerApp& app) {
    const app::Analysis* a = app.current();
    if (!a || !a->out().access) return;
    // bottom left, under the scenario panel (the site suggestions' place is taken only with [capacity])
    ImGui::SetNextWindowPos({8, ImGui::GetIO().DisplaySize.y - 205}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({330, 175}, ImGuiCond_FirstUseEver);
    ImGui::Begin(pick(app, "Kiek tikra?", "How sure?"));
    RobustnessView& rv = app.robustness;
    const auto& settings = a->project().robustness;
    if (!settings) {
        ImGui::TextWrapped("%s", pick(app, "Projekte nėra [robustness]: ką keisti ir kiek (docs/ROBUSTNESS.md).",
                                      "The project has no [robustness]: what to vary and by how much (docs/ROBUSTNESS.md)."));
        ImGui::End();
        return;
    }
    int& runs = app.ui.robustness.runs;
    if (runs < 0) runs = static_cast<int>(std::min<std::size_t>(settings->runs, 100000));
    ImGui::SetNextItemWidth(100);
    ImGui::InputInt(pick(app, "skaičiavimų", "runs"), &runs, 100, 1000);
    runs = std::clamp(runs, 1, 100000);
    ImGui::BeginDisabled(rv.busy());
    if (ImGui::Button(pick(app, "Skaičiuoti", "Run"))) {
        model::RobustnessSettings s = *settings;
        s.runs = static_cast<std::size_t>(runs);
        rv.start(*a, s);
    }
    ImGui::EndDisabled();
    if (rv.busy()) {
        ImGui::SameLine();
        ImGui::TextUnformatted("...");
    }
    if (!rv.error().empty()) ImGui::TextWrapped("%s", rv.error().c_str());
    if (rv.stale(*a))
        ImGui::TextWrapped("%s", pick(app, "Po pakeitimo: skaičiuokite iš naujo.", "Changed since: run again."));
    const model::RobustnessResult* r = rv.result_for(*a);
    if (!r) {
        ImGui::End();
        return;
    }
    ImGui::Checkbox(pick(app, "Brūkšniuoti netikras", "Hatch the not sure"), &rv.overlay);
    const auto pairs = rv.pairs();
    if (!pairs.empty()) {
        const auto label = [&](std::size_t i) { return pairs[i].first + " / " + pairs[i].second; };
        if (ImGui::BeginCombo("##robust_pair", label(rv.pick).c_str())) {
            for (std::size_t i = 0; i < pairs.size(); ++i)
                if (ImGui::Selectable(label(i).c_str(), i == rv.pick)) rv.pick = i;
            ImGui::EndCombo();
        }
    }
    ImGui::TextWrapped("%zu %s, seed %llu; %s", r->settings.runs, pick(app, "skaičiavimų", "runs"),
                       static_cast<unsigned long long>(r->settings.seed), pick(app, "keista:", "varied:"));
    for (const auto& v : r->varied) ImGui::BulletText("%s", v.c_str());
    if (a->out().access->method == model::DistanceMethod::straight_line)
        ImGui::TextDisabled("%s", app::tr(app.lang, "straight_line"));
    ImGui::End();
}

void draw_robustness_overlay(const ViewerApp& app, ImDrawList* dl, float band_x0) {
    const app::Analysis* a = app.current();
    if (!a || !app.robustness.overlay || app.level != Level::wards) return;
    const model::RobustnessResult* r = app.robustness.result_for(*a);
    if (!r) return;
    const auto rows = app.robustness.ward_rows(*a);
    for (std::size_t w = 0; w < rows.size(); ++w)
        if (rows[w] && rank_unstable(*rows[w])) hatch(dl, app.view, a->study().wards[w].geometry);
    // the key, top left of the map
    const auto pairs = app.robustness.pairs();
    if (app.robustness.pick >= pairs.size()) return;
    char text[256];
    std::snprintf(text, sizeof text,
                  pick(app, "Netikra: tarp %zu blogiausių (%s / %s, dalis per slenkstį) %s–%s skaičiavimų",
                       "Not sure: among the %zu worst (%s / %s, share within) in %s-%s of runs"),
                  r->settings.k_worst, pairs[app.robustness.pick].first.c_str(), pairs[app.robustness.pick].second.c_str(),
                  pct(unstable_low).c_str(), pct(unstable_high).c_str());
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float x0 = band_x0 + 12, y0 = 12;
    dl->AddRectFilled({x0, y0}, {x0 + ts.x + 52, y0 + ts.y + 12}, IM_COL32(255, 255, 255, 225), 4);
    const float sx = x0 + 8, sy = y0 + 5, sw = 28, sh = ts.y + 2;
    dl->AddRect({sx, sy}, {sx + sw, sy + sh}, IM_COL32(30, 30, 30, 255));
    dl->PushClipRect({sx, sy}, {sx + sw, sy + sh}, true);
    for (float d = -sh; d < sw; d += hatch_spacing_px)
        dl->AddLine({sx + d, sy + sh}, {sx + d + sh, sy}, hatch_ink, hatch_width_px);
    dl->PopClipRect();
    dl->AddText({sx + sw + 8, y0 + 6}, IM_COL32(30, 30, 30, 255), text);
}

void draw_ward_robustness(const ViewerApp& app, std::size_t ward) {
    const app::Analysis* a = app.current();
    if (!a) return;
    const model::RobustnessResult* r = app.robustness.result_for(*a);
    if (!r || ward >= a->study().wards.size()) return;
    const std::string& code = a->study().wards[ward].code;
    bool heading = false;
    for (const auto& row : r->rows) {
        if (row.level != model::AreaLevel::ward || row.area_code != code) continue;
        if (!heading) {
            ImGui::Separator();
            ImGui::TextUnformatted(pick(app, "Kiek tikra", "How sure"));
            heading = true;
        }
        const bool share = row.indicator == model::RobustIndicator::share_within;
        const auto v = [&](double x) { return share ? pct(x) : format_value(x, 0); };
        ImGui::Bullet();
        ImGui::TextWrapped(
            pick(app, "%s / %s, %s: mediana %s (90 %%: %s–%s), vieta %zu–%zu iš %zu (kraštai %zu–%zu), tarp %zu blogiausių %s: %s",
                 "%s / %s, %s: median %s (90 %%: %s-%s), rank %zu-%zu of %zu (extremes %zu-%zu), among the %zu worst %s: %s"),
            row.service_type.c_str(), row.target_group.c_str(),
            share ? pick(app, "dalis per slenkstį", "share within") : pick(app, "už slenksčio", "beyond"),
            v(row.median).c_str(), v(row.p05).c_str(), v(row.p95).c_str(), row.rank_p05, row.rank_p95, row.ranked,
            row.rank_min, row.rank_max, r->settings.k_worst, pct(row.p_worst_k).c_str(),
            row.robustly_underserved ? pick(app, "TIKRA", "SURE")
                                     : rank_unstable(row) ? pick(app, "netikra", "not sure") : pick(app, "ne tarp jų", "not among them"));
    }
}

} // namespace apreptis::viewer
