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
    case ProgressStatus::units_differ: return "units_differ";
    }
    return "?";
}

int PlanProgress::count(ProgressStatus s) const {
    return static_cast<int>(std::count_if(indicators.begin(), indicators.end(),
                                          [&](const IndicatorProgress& p) { return p.status == s; }));
}

int PlanProgress::flagged() const {
    return static_cast<int>(std::count_if(indicators.begin(), indicators.end(),
                                          [](const IndicatorProgress& p) { return !p.flags.empty(); }));
}

int PlanProgress::disagreements() const {
    return static_cast<int>(std::count_if(reconciliations.begin(), reconciliations.end(),
                                          [](const Reconciliation& r) { return !r.agrees; }));
}

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

namespace {

bool met(const Target& t, double achieved) {
    return t.kind == TargetKind::at_most ? achieved <= t.value : achieved >= t.value;
}

/// Figures to question: a negative target or result; over 100 % where the indicator is a share.
std::vector<std::string> flags_of(const IndicatorProgress& p) {
    std::vector<std::string> out;
    if (p.target.numeric() && p.target.value < 0) out.push_back("negative target (" + grouped(p.target.value) + ")");
    if (p.achieved && *p.achieved < 0) out.push_back("negative result (" + grouped(*p.achieved) + ")");
    const bool share = p.target_unit_kind == UnitKind::share || p.result_unit_kind == UnitKind::share ||
                       unit_kind(p.line.unit) == UnitKind::share;
    if (!share) return out;
    const double top = p.target.upper.value_or(p.target.value);
    if (p.target.numeric() && p.target.kind != TargetKind::frequency && top > 100)
        out.push_back("target " + grouped(top) + " % of a share");
    if (p.achieved && *p.achieved > 100) out.push_back("result " + grouped(*p.achieved) + " % of a share");
    return out;
}

IndicatorProgress indicator_progress(const PlanLine& l) {
    IndicatorProgress p;
    p.line = l;
    p.target = parse_target(l.target);
    const auto result = read_result(l.achieved);
    if (result) p.achieved = result->value;
    // The unit printed with a figure, else the line's own unit column; a frequency counts times.
    p.target_unit = p.target.kind == TargetKind::frequency ? "times per " + p.target.period
                    : !p.target.unit.empty()               ? p.target.unit
                                                           : l.unit;
    p.target_unit_kind = p.target.kind == TargetKind::frequency ? UnitKind::occasions : unit_kind(p.target_unit);
    p.result_unit = result && !result->unit.empty() ? result->unit : l.unit;
    p.result_unit_kind = unit_kind(p.result_unit);
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
    } else if (p.target_unit_kind != UnitKind::unknown && p.result_unit_kind != UnitKind::unknown &&
               p.target_unit_kind != p.result_unit_kind) {
        // "at least one activity" against 34 children: no ratio of the two means anything
        p.status = ProgressStatus::units_differ;
        p.basis += std::string("; units differ: target in ") + p.target_unit + " (" + to_string(p.target_unit_kind) +
                   "), result in " + p.result_unit + " (" + to_string(p.result_unit_kind) + ")";
    } else {
        if (p.target.value > 0) p.fulfilment = *p.achieved / p.target.value;
        p.status = met(p.target, *p.achieved) ? ProgressStatus::on_track : ProgressStatus::behind;
    }
    p.flags = flags_of(p);
    return p;
}

std::optional<double> ratio(const std::optional<double>& used, const std::optional<double>& planned) {
    if (used && planned && *planned > 0) return *used / *planned;
    return std::nullopt;
}

/// "300 + 100 = 400", "700 + — = 700", "— + —": a measure's figure with its bodies' parts.
std::string listed(const std::vector<FundsBody>& bodies, std::optional<double> FundsBody::*figure,
                   const std::optional<double>& total) {
    std::string out;
    for (const auto& b : bodies) {
        if (!out.empty()) out += " + ";
        out += b.*figure ? grouped(*(b.*figure)) : "—";
    }
    return total ? out + " = " + grouped(*total) : out;
}

/// Funds per measure (municipality, document, code, year), in the order the measures are first
/// given. Each printed `total` line is one implementing body; a source line belongs to the
/// body whose total it names in part_of, else to the body of the same implementer, else it
/// starts a body of its own whose figures are the sum of its sources. A measure of one body
/// has that body's figures; a measure of several is their sum, and says which bodies print no
/// figure (counted, never taken as zero silently).
std::vector<FundsProgress> funds_progress(const std::vector<PlanLine>& lines) {
    std::vector<FundsProgress> out;
    std::vector<std::vector<const PlanLine*>> members;
    std::map<std::tuple<std::string, std::string, std::string, int>, std::size_t> index;
    for (const auto& l : lines) {
        if (l.kind != PlanLineKind::funds) continue;
        auto [it, fresh] = index.emplace(std::make_tuple(l.municipality, l.document, l.measure_code, l.year), out.size());
        if (fresh) {
            FundsProgress f;
            f.municipality = l.municipality;
            f.document = l.document;
            f.measure_code = l.measure_code;
            f.year = l.year;
            out.push_back(std::move(f));
            members.emplace_back();
        }
        members[it->second].push_back(&l);
    }
    for (std::size_t m = 0; m < out.size(); ++m) {
        FundsProgress& f = out[m];
        std::map<std::string, std::size_t> body_of_total;
        for (const PlanLine* l : members[m])
            if (l->funds_part == "total") {
                body_of_total.emplace(l->id, f.bodies.size());
                f.bodies.push_back({l->implementer, l->id, l->planned_eur, l->used_eur, std::nullopt, "printed total"});
            }
        for (const PlanLine* l : members[m]) {
            if (l->funds_part == "total") continue;
            std::size_t b = f.bodies.size();
            for (const auto& t : l->part_of)
                if (auto it = body_of_total.find(t); it != body_of_total.end()) {
                    b = it->second;
                    break;
                }
            if (b == f.bodies.size())
                for (std::size_t i = 0; i < f.bodies.size(); ++i)
                    if (f.bodies[i].implementer == l->implementer) {
                        b = i;
                        break;
                    }
            if (b == f.bodies.size())
                f.bodies.push_back({l->implementer, l->id, std::nullopt, std::nullopt, std::nullopt, "sum of sources"});
            FundsBody& body = f.bodies[b];
            if (body.basis == "sum of sources") {
                if (l->planned_eur) body.planned_eur = body.planned_eur.value_or(0) + *l->planned_eur;
                if (l->used_eur) body.used_eur = body.used_eur.value_or(0) + *l->used_eur;
            }
            f.parts.push_back({l->funds_part, l->planned_eur, l->used_eur, ratio(l->used_eur, l->planned_eur),
                               body.implementer});
        }
        for (auto& body : f.bodies) body.execution = ratio(body.used_eur, body.planned_eur);
        if (f.bodies.size() == 1) {
            f.planned_eur = f.bodies[0].planned_eur;
            f.used_eur = f.bodies[0].used_eur;
            f.total_basis = f.bodies[0].basis;
        } else if (!f.bodies.empty()) {
            for (const auto& body : f.bodies) {
                if (body.planned_eur) f.planned_eur = f.planned_eur.value_or(0) + *body.planned_eur;
                else ++f.bodies_without_planned;
                if (body.used_eur) f.used_eur = f.used_eur.value_or(0) + *body.used_eur;
                else ++f.bodies_without_used;
            }
            const std::string n = std::to_string(f.bodies.size());
            f.total_basis = "sum of " + n + " bodies";
            if (f.bodies_without_planned > 0)
                f.total_basis += "; planned: " + std::to_string(f.bodies_without_planned) + " of " + n +
                                 " bodies print no planned figure";
            if (f.bodies_without_used > 0)
                f.total_basis += "; used: " + std::to_string(f.bodies_without_used) + " of " + n +
                                 " bodies print no used figure";
            f.parts_listed = "planned " + listed(f.bodies, &FundsBody::planned_eur, f.planned_eur) + ", used " +
                             listed(f.bodies, &FundsBody::used_eur, f.used_eur);
        }
        f.execution = ratio(f.used_eur, f.planned_eur);
    }
    return out;
}

} // namespace

PlanProgress compute_plan_progress(const std::vector<PlanLine>& lines) {
    PlanProgress out;
    std::map<std::string, const PlanLine*> by_id;
    for (const auto& l : lines) by_id.emplace(l.id, &l);

    for (const auto& l : lines)
        if (l.kind == PlanLineKind::indicator) out.indicators.push_back(indicator_progress(l));
    out.funds = funds_progress(lines);

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
