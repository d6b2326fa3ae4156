#include "model/plan/plan_progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "model/errors.hpp"

namespace apreptis::model {

const char* to_string(ProgressStatus s) {
    switch (s) {
    case ProgressStatus::on_track: return "on_track";
    case ProgressStatus::behind: return "behind";
    case ProgressStatus::not_numeric: return "not_numeric";
    case ProgressStatus::not_reported: return "not_reported";
    case ProgressStatus::result_only: return "result_only";
    }
    return "?";
}

int PlanProgress::count(ProgressStatus s) const {
    return static_cast<int>(std::count_if(indicators.begin(), indicators.end(),
                                          [&](const IndicatorProgress& p) { return p.status == s; }));
}

int PlanProgress::disagreements() const {
    return static_cast<int>(std::count_if(reconciliations.begin(), reconciliations.end(),
                                          [](const Reconciliation& r) { return !r.agrees; }));
}

namespace {

/// 2086168 -> "2,086,168"; 470250.5 -> "470,250.50".
std::string grouped(double v) {
    const bool whole = std::fabs(v - std::round(v)) < 0.005;
    char buf[64];
    std::snprintf(buf, sizeof buf, whole ? "%.0f" : "%.2f", std::fabs(v));
    std::string s = buf;
    const auto dot = s.find('.');
    std::string head = s.substr(0, dot), tail = dot == std::string::npos ? "" : s.substr(dot);
    std::string out;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (i > 0 && (head.size() - i) % 3 == 0) out += ',';
        out += head[i];
    }
    return (v < 0 ? "-" : "") + out + tail;
}

bool met(const Target& t, double achieved) {
    return t.kind == TargetKind::at_most ? achieved <= t.value : achieved >= t.value;
}

IndicatorProgress indicator_progress(const PlanLine& l) {
    IndicatorProgress p;
    p.line = l;
    p.target = parse_target(l.target);
    p.achieved = parse_result(l.achieved);
    const bool has_result_text = !l.achieved.empty();
    std::string target_basis = "target: ";
    target_basis += to_string(p.target.kind);
    if (p.target.kind == TargetKind::frequency) target_basis += " (per " + p.target.period + ", per year)";
    const std::string result_basis = p.achieved ? "result: number" : has_result_text ? "result: text" : "result: none";
    p.basis = target_basis + "; " + result_basis;
    if (p.target.kind == TargetKind::none) {
        p.status = p.achieved ? ProgressStatus::result_only
                   : has_result_text ? ProgressStatus::not_numeric : ProgressStatus::not_reported;
    } else if (!p.target.numeric()) {
        p.status = ProgressStatus::not_numeric;
    } else if (!p.achieved) {
        p.status = has_result_text ? ProgressStatus::not_numeric : ProgressStatus::not_reported;
    } else {
        if (p.target.value > 0) p.fulfilment = *p.achieved / p.target.value;
        p.status = met(p.target, *p.achieved) ? ProgressStatus::on_track : ProgressStatus::behind;
    }
    return p;
}

std::optional<double> ratio(const std::optional<double>& used, const std::optional<double>& planned) {
    if (used && planned && *planned > 0) return *used / *planned;
    return std::nullopt;
}

} // namespace

PlanProgress compute_plan_progress(const std::vector<PlanLine>& lines) {
    PlanProgress out;
    std::map<std::string, const PlanLine*> by_id;
    for (const auto& l : lines) by_id.emplace(l.id, &l);

    // Funds per measure, keyed in the order the measures are first given.
    std::map<std::tuple<std::string, std::string, std::string, int>, std::size_t> funds_index;
    for (const auto& l : lines) {
        if (l.kind == PlanLineKind::indicator) {
            out.indicators.push_back(indicator_progress(l));
            continue;
        }
        const auto key = std::make_tuple(l.municipality, l.document, l.measure_code, l.year);
        auto [it, fresh] = funds_index.emplace(key, out.funds.size());
        if (fresh) {
            FundsProgress f;
            f.municipality = l.municipality;
            f.document = l.document;
            f.measure_code = l.measure_code;
            f.year = l.year;
            out.funds.push_back(std::move(f));
        }
        FundsProgress& f = out.funds[it->second];
        if (l.funds_part == "total") {
            f.planned_eur = l.planned_eur;
            f.used_eur = l.used_eur;
            f.total_basis = "printed total";
        } else {
            f.parts.push_back({l.funds_part, l.planned_eur, l.used_eur, ratio(l.used_eur, l.planned_eur)});
        }
    }
    for (auto& f : out.funds) {
        if (f.total_basis.empty() && !f.parts.empty()) {
            f.total_basis = "sum of sources";
            for (const auto& p : f.parts) {
                if (p.planned_eur) f.planned_eur = f.planned_eur.value_or(0) + *p.planned_eur;
                if (p.used_eur) f.used_eur = f.used_eur.value_or(0) + *p.used_eur;
            }
        }
        f.execution = ratio(f.used_eur, f.planned_eur);
    }

    // Parts against totals, per quantity, totals in the order first named.
    std::vector<std::string> totals;
    std::map<std::string, std::vector<const PlanLine*>> parts_of;
    for (const auto& l : lines)
        for (const auto& t : l.part_of) {
            if (!by_id.count(t))
                throw DataError(l.where, "part_of names '" + t + "', which is no line id of the plan");
            if (t == l.id) throw DataError(l.where, "part_of names the line itself");
            if (!parts_of.count(t)) totals.push_back(t);
            parts_of[t].push_back(&l);
        }
    using Getter = std::optional<double> (*)(const PlanLine&);
    const std::pair<const char*, Getter> quantities[] = {
        {"planned_eur", [](const PlanLine& l) { return l.planned_eur; }},
        {"used_eur", [](const PlanLine& l) { return l.used_eur; }},
        {"achieved", [](const PlanLine& l) { return parse_result(l.achieved); }}};
    for (const auto& t : totals) {
        const PlanLine& total = *by_id.at(t);
        for (const auto& [name, get] : quantities) {
            const auto printed = get(total);
            if (!printed) continue;
            Reconciliation r;
            r.total_id = t;
            r.quantity = name;
            r.printed = *printed;
            for (const PlanLine* p : parts_of.at(t)) {
                ++r.parts;
                if (auto v = get(*p)) {
                    r.parts_sum += *v;
                    ++r.parts_with_figure;
                }
            }
            if (r.parts_with_figure == 0) continue;
            r.agrees = std::fabs(r.printed - r.parts_sum) <= 0.005;
            r.message = std::to_string(r.parts_with_figure) + " part" + (r.parts_with_figure == 1 ? "" : "s") +
                        " sum to " + grouped(r.parts_sum) + (r.agrees ? ", equal to the printed " : ", printed ") +
                        grouped(r.printed);
            if (!r.agrees) r.message += " (difference " + grouped(r.printed - r.parts_sum) + ")";
            if (r.parts_with_figure < r.parts)
                r.message += "; " + std::to_string(r.parts - r.parts_with_figure) + " part(s) give no figure";
            out.reconciliations.push_back(std::move(r));
        }
    }
    return out;
}

} // namespace apreptis::model
