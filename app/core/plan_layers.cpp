#include "app/core/plan_layers.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/core/layer_values.hpp"
#include "geo/io/csv_scan.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

namespace {

std::optional<double> pct(const std::optional<double>& ratio) {
    if (!ratio) return std::nullopt;
    return *ratio * 100.0;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

} // namespace

std::string body_label(const model::FundsBody& b) {
    return b.implementer.empty() ? "(no body printed, line " + b.line_id + ")" : b.implementer;
}

std::string linked_coverage(const Analysis& a, const model::PlanLine& line) {
    if (line.service_type.empty()) return {};
    std::string out;
    for (const auto& r : a.out().coverage.rows) {
        const bool area = line.ward_code.empty()
                              ? r.level == model::AreaLevel::municipality && r.area_code == line.municipality
                              : r.level == model::AreaLevel::ward && r.area_code == line.ward_code;
        if (!area || r.service_type != line.service_type) continue;
        if (!out.empty()) out += "; ";
        out += r.service_type + "/" + r.target_group + "/" + r.unit + ": ";
        if (r.places_per_1000) out += one_decimal(*r.places_per_1000) + " places per 1000";
        else if (r.recipients_per_1000) out += one_decimal(*r.recipients_per_1000) + " recipients per 1000";
        else out += "no figure";
        if (r.estimated) out += " (estimate)";
    }
    if (out.empty()) out = line.service_type + ": no provider of this type in " +
                           (line.ward_code.empty() ? line.municipality : "ward " + line.ward_code);
    return out;
}

std::vector<geo::OutLayer> plan_layers(const Analysis& a) {
    std::vector<geo::OutLayer> out;
    if (!a.in().plan) return out;
    const model::PlanProgress& p = *a.in().plan;

    geo::OutLayer ind;
    ind.name = "plan_progress";
    ind.description = "Plan targets against results: fulfilment = achieved / target, status; docs/PLANS.md";
    ind.fields = {{"municipality", FieldType::text}, {"document", FieldType::text}, {"year", FieldType::integer},
                  {"line_id", FieldType::text}, {"measure_code", FieldType::text}, {"measure", FieldType::text},
                  {"indicator", FieldType::text}, {"unit", FieldType::text}, {"target", FieldType::text},
                  {"target_kind", FieldType::text}, {"target_value", FieldType::real}, {"achieved", FieldType::text},
                  {"achieved_value", FieldType::real}, {"fulfilment_pct", FieldType::real}, {"status", FieldType::text},
                  {"basis", FieldType::text}, {"ward_code", FieldType::text}, {"service_type", FieldType::text},
                  {"linked_coverage", FieldType::text}, {"target_as_printed", FieldType::text},
                  {"achieved_as_printed", FieldType::text}, {"source", FieldType::text},
                  {"implementer", FieldType::text}, {"target_unit", FieldType::text},
                  {"result_unit", FieldType::text}, {"flags", FieldType::text}};
    for (const auto& i : p.indicators) {
        const model::PlanLine& l = i.line;
        geo::OutFeature f;
        f.values = {l.municipality, str(l.document), l.year ? Value(static_cast<long long>(l.year)) : Value(), l.id,
                    l.measure_code, str(l.measure), str(l.indicator), str(l.unit), str(l.target),
                    std::string(model::to_string(i.target.kind)), i.target.numeric() ? Value(i.target.value) : Value(),
                    str(l.achieved), opt(i.achieved), opt(pct(i.fulfilment)), std::string(model::to_string(i.status)),
                    i.basis, str(l.ward_code), str(l.service_type), str(linked_coverage(a, l)),
                    str(l.target_as_printed), str(l.achieved_as_printed), str(l.source), str(l.implementer),
                    str(i.target.numeric() ? i.target_unit : ""), str(i.achieved ? i.result_unit : ""),
                    str(joined(i.flags))};
        ind.features.push_back(std::move(f));
    }
    out.push_back(std::move(ind));

    geo::OutLayer funds;
    funds.name = "plan_funds";
    funds.description = "Budget execution per measure: used / planned, in total (part = total), per implementing "
                        "body where several carry it out (part = body), and per source";
    funds.fields = {{"municipality", FieldType::text}, {"document", FieldType::text}, {"year", FieldType::integer},
                    {"measure_code", FieldType::text}, {"part", FieldType::text}, {"planned_eur", FieldType::real},
                    {"used_eur", FieldType::real}, {"execution_pct", FieldType::real}, {"basis", FieldType::text},
                    {"implementer", FieldType::text}, {"line_id", FieldType::text}, {"parts_listed", FieldType::text}};
    for (const auto& m : p.funds) {
        auto row = [&](const std::string& part, const std::optional<double>& planned, const std::optional<double>& used,
                       const std::optional<double>& exec, const std::string& basis, const std::string& implementer,
                       const std::string& line_id, const std::string& listed) {
            geo::OutFeature f;
            f.values = {m.municipality, str(m.document), m.year ? Value(static_cast<long long>(m.year)) : Value(),
                        m.measure_code, part, opt(planned), opt(used), opt(pct(exec)), str(basis), str(implementer),
                        str(line_id), str(listed)};
            funds.features.push_back(std::move(f));
        };
        const bool one_body = m.bodies.size() == 1;
        row("total", m.planned_eur, m.used_eur, m.execution, m.total_basis, one_body ? m.bodies[0].implementer : "",
            one_body ? m.bodies[0].line_id : "", m.parts_listed);
        if (!one_body)
            for (const auto& b : m.bodies)
                row("body", b.planned_eur, b.used_eur, b.execution, b.basis, body_label(b), b.line_id, "");
        for (const auto& part : m.parts)
            row(part.part, part.planned_eur, part.used_eur, part.execution, "as given", part.implementer, "", "");
    }
    out.push_back(std::move(funds));

    geo::OutLayer rec;
    rec.name = "plan_reconciliation";
    rec.description = "Parts against the printed totals they belong to (agrees: within 0.005)";
    rec.fields = {{"total_id", FieldType::text}, {"quantity", FieldType::text}, {"printed", FieldType::real},
                  {"parts_sum", FieldType::real}, {"parts", FieldType::integer},
                  {"parts_with_figure", FieldType::integer}, {"agrees", FieldType::integer},
                  {"message", FieldType::text}};
    for (const auto& r : p.reconciliations) {
        geo::OutFeature f;
        f.values = {r.total_id, r.quantity, r.printed, r.parts_sum, static_cast<long long>(r.parts),
                    static_cast<long long>(r.parts_with_figure), static_cast<long long>(r.agrees ? 1 : 0), r.message};
        rec.features.push_back(std::move(f));
    }
    out.push_back(std::move(rec));
    return out;
}

std::string plan_record_json(const Analysis& a) {
    if (!a.in().plan) return "null";
    const model::PlanProgress& p = *a.in().plan;
    nlohmann::json j;
    j["files"] = nlohmann::json::array();
    for (const auto& f : a.project().plans) j["files"].push_back(geo::utf8_escaped(f)); // any byte not UTF-8 as \xHH
    j["indicator_lines"] = p.indicators.size();
    nlohmann::json status = nlohmann::json::object();
    for (auto s : {model::ProgressStatus::on_track, model::ProgressStatus::behind, model::ProgressStatus::not_numeric,
                   model::ProgressStatus::not_reported, model::ProgressStatus::result_only,
                   model::ProgressStatus::units_differ})
        status[model::to_string(s)] = p.count(s);
    j["status"] = status;
    nlohmann::json flags = nlohmann::json::array();
    for (const auto& i : p.indicators)
        if (!i.flags.empty()) flags.push_back({{"line_id", i.line.id}, {"flags", i.flags}});
    j["flags"] = flags;
    j["funds_measures"] = p.funds.size();
    j["funds_measures_of_several_bodies"] =
        std::count_if(p.funds.begin(), p.funds.end(), [](const model::FundsProgress& f) { return f.bodies.size() > 1; });
    j["reconciliations"] = p.reconciliations.size();
    nlohmann::json flagged = nlohmann::json::array();
    for (const auto& r : p.reconciliations)
        if (!r.agrees) flagged.push_back({{"total_id", r.total_id}, {"quantity", r.quantity}, {"message", r.message}});
    j["disagreements"] = flagged;
    j["basis"] = "targets read from their text (docs/PLANS.md); text that states no number is kept and not judged";
    return j.dump();
}

} // namespace apreptis::app
