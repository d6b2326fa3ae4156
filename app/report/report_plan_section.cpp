// Plan progress on its own page: the counts, then the lines themselves: measures behind and on
// track with their figures, then, for targets that state no number, the target and the result
// side by side as the documents word them, then targets still without a result.
#include <algorithm>
#include <map>
#include <set>

#include "app/report/report_format.hpp"
#include "app/report/report_sections.hpp"

namespace apreptis::app::report {

namespace {

std::string with_year(const model::PlanLine& l, const std::string& text) {
    return l.year ? std::to_string(l.year) + ": " + text : text;
}

std::string target_text(const model::PlanLine& l) { return l.target.empty() ? l.target_as_printed : l.target; }
std::string result_text(const model::PlanLine& l) { return l.achieved.empty() ? l.achieved_as_printed : l.achieved; }

} // namespace

void plan_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(pick(L, "Plano vykdymas", "Plan progress"));
    if (!a.in().plan) {
        p.paragraph(pick(L, "Projekte nėra plano duomenų ([plan]).", "The project has no plan data ([plan])."));
        return;
    }
    std::map<model::ProgressStatus, int> counts;
    std::vector<const model::IndicatorProgress*> numeric, wording, unreported;
    std::set<std::string> documents;
    for (const auto& i : a.in().plan->indicators) {
        if (i.line.municipality != m) continue;
        ++counts[i.status];
        documents.insert(i.line.document + (i.line.year ? " (" + std::to_string(i.line.year) + ")" : ""));
        if (i.fulfilment) numeric.push_back(&i);
        else if (i.status == model::ProgressStatus::not_reported) unreported.push_back(&i);
        else wording.push_back(&i);
    }
    if (documents.empty()) {
        p.paragraph(pick(L, "Šiai savivaldybei plano duomenų nėra.", "No plan data for this municipality."));
        return;
    }
    for (const auto& d : documents) p.paragraph("• " + d, 8);
    p.paragraph(std::string(pick(L, "Rodiklių: pasiekta ", "Indicators: on track ")) +
                std::to_string(counts[model::ProgressStatus::on_track]) + pick(L, ", atsilieka ", ", behind ") +
                std::to_string(counts[model::ProgressStatus::behind]) + pick(L, ", neskaitiniai ", ", not numeric ") +
                std::to_string(counts[model::ProgressStatus::not_numeric]) + pick(L, ", be rezultato ", ", no result ") +
                std::to_string(counts[model::ProgressStatus::not_reported]) + pick(L, ", tik rezultatas ", ", result only ") +
                std::to_string(counts[model::ProgressStatus::result_only]) + ".");

    const double reserve = 70; // the funds and totals paragraphs below the tables
    int left_out = 0, unreported_left_out = 0;
    // Adds rows to a table (under its caption, if any) while the page has room; counts the
    // rest in `dropped`. Without room for one row, neither caption nor table is drawn.
    auto fitted = [&](const std::vector<double>& widths, std::vector<TableRow> rows, int& dropped,
                      const std::string& caption = {}) {
        const double caption_h = caption.empty() ? 0 : 24;
        while (rows.size() > 1 && !p.room(caption_h + p.table_height(widths, rows) + reserve)) {
            rows.pop_back();
            ++dropped;
        }
        if (rows.size() <= 1) return;
        if (!caption.empty()) p.paragraph(caption, 8, 0, true);
        p.table(widths, rows);
    };
    // Behind first (the lowest fulfilment first), then on track.
    std::sort(numeric.begin(), numeric.end(), [](const auto* x, const auto* y) { return *x->fulfilment < *y->fulfilment; });
    if (!numeric.empty()) {
        std::vector<TableRow> t{{{pick(L, "Priemonė", "Measure"), pick(L, "Rodiklis", "Indicator"),
                                  pick(L, "Tikslas", "Target"), pick(L, "Pasiekta", "Achieved"),
                                  pick(L, "Įvykdyta", "Fulfilled"), pick(L, "Būklė", "Status")}}};
        // Every measure behind; of those on track, a few when lines of other kinds wait for room.
        const int on_track_shown = wording.empty() && unreported.empty() ? 1 << 30 : 6;
        int on_track = 0;
        for (const auto* n : numeric) {
            if (n->status == model::ProgressStatus::on_track && ++on_track > on_track_shown) {
                ++left_out;
                continue;
            }
            t.push_back({{n->line.measure_code, n->line.indicator, target_text(n->line), result_text(n->line),
                          percent(L, *n->fulfilment),
                          n->status == model::ProgressStatus::on_track ? pick(L, "pasiekta", "on track")
                                                                       : pick(L, "atsilieka", "behind")}});
        }
        fitted({50, 210, 85, 70, 50, 46}, t, left_out);
    }
    // Targets stated in words: each measure's target beside its result (the same document and
    // measure; the year says which plan year each belongs to).
    if (!wording.empty()) {
        std::vector<std::string> order;
        std::map<std::string, std::pair<std::vector<const model::PlanLine*>, std::vector<const model::PlanLine*>>> by_measure;
        for (const auto* i : wording) {
            const std::string key = i->line.document + "\x1f" + i->line.measure_code;
            if (!by_measure.count(key)) order.push_back(key);
            auto& [targets, results] = by_measure[key];
            if (!target_text(i->line).empty()) targets.push_back(&i->line);
            if (!result_text(i->line).empty()) results.push_back(&i->line);
        }
        std::vector<TableRow> t{{{pick(L, "Priemonė", "Measure"), pick(L, "Tikslas (plano metai)", "Target (plan year)"),
                                  pick(L, "Rezultatas (metai)", "Result (year)")}}};
        for (const auto& key : order) {
            const auto& [targets, results] = by_measure[key];
            for (std::size_t k = 0; k < std::max(targets.size(), results.size()); ++k) {
                const model::PlanLine& any = k < targets.size() ? *targets[k] : *results[k];
                t.push_back({{any.measure_code,
                              k < targets.size() ? with_year(*targets[k], target_text(*targets[k])) : "—",
                              k < results.size() ? with_year(*results[k], result_text(*results[k]))
                                                 : pick(L, "nepateiktas", "not reported")}});
            }
        }
        fitted({50, 230, 231}, t, left_out,
               pick(L, "Tikslai, nurodyti žodžiais (ne skaičiumi): tikslas ir rezultatas greta, kaip parašyta dokumente.",
                    "Targets stated in words (no number to compare): the target and the result side by side, as the "
                    "document words them."));
    }
    if (!unreported.empty()) {
        std::vector<TableRow> t{{{pick(L, "Priemonė", "Measure"), pick(L, "Rodiklis", "Indicator"),
                                  pick(L, "Tikslas", "Target")}}};
        for (const auto* i : unreported)
            t.push_back({{i->line.measure_code, i->line.indicator, with_year(i->line, target_text(i->line))}});
        fitted({50, 361, 100}, t, unreported_left_out,
               pick(L, "Tikslai be pateikto rezultato:", "Targets without a reported result:"));
    }
    if (left_out + unreported_left_out > 0)
        p.paragraph(std::string(pick(L, "Netilpo: ", "Not shown for want of room: ")) + std::to_string(left_out) +
                        pick(L, " eilučių su tikslais ir rezultatais, ", " lines with targets and results, ") +
                        std::to_string(unreported_left_out) +
                        pick(L, " tikslų be rezultato; visas eilutes rašo „apreptis plan <projektas.toml> --out <aplankas>“ "
                                "(plan_progress.csv).",
                             " targets without a result; \"apreptis plan <project.toml> --out <folder>\" writes every line "
                             "(plan_progress.csv)."),
                    7.5);
    int over = 0, under = 0, with = 0;
    for (const auto& f : a.in().plan->funds)
        if (f.municipality == m && f.execution) {
            ++with;
            over += *f.execution > 1.0;
            under += *f.execution < 0.9;
        }
    if (with > 0)
        p.paragraph(std::string(pick(L, "Lėšos: priemonių su planuotomis ir panaudotomis sumomis ", "Funds: measures with planned and used amounts ")) +
                    std::to_string(with) + pick(L, "; panaudota daugiau nei planuota — ", "; more used than planned: ") +
                    std::to_string(over) + pick(L, "; mažiau nei 90 % — ", "; under 90 %: ") + std::to_string(under) + ".");
    for (const auto& r : a.in().plan->reconciliations)
        if (!r.agrees) {
            for (const auto& l : a.in().plan_lines)
                if (l.id == r.total_id && l.municipality == m)
                    p.paragraph(std::string(pick(L, "Sumos neatitikimas: ", "A total that does not add up: ")) + l.id +
                                pick(L, ": dalys sudaro ", ": the parts sum to ") + number(L, r.parts_sum, 2) +
                                pick(L, ", išspausdinta ", ", printed ") + number(L, r.printed, 2) +
                                pick(L, " (skirtumas ", " (difference ") + number(L, r.printed - r.parts_sum, 2) + ").",
                                8, 0, true);
        }
}

} // namespace apreptis::app::report
