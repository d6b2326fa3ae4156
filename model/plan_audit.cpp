#include "model/plan_audit.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace apreptis::model {

const char* to_string(AuditVerdict v) {
    switch (v) {
    case AuditVerdict::matches: return "matches";
    case AuditVerdict::wrong_scale: return "wrong_scale";
    case AuditVerdict::other_denominator: return "other_denominator";
    case AuditVerdict::unexplained: return "unexplained";
    }
    return "unexplained";
}

namespace {

int decimals_of(const std::string& printed) {
    auto dot = printed.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
}

std::string fmt(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace

bool reproduces(double value, const std::string& printed) {
    const int d = decimals_of(printed);
    const double p = std::strtod(printed.c_str(), nullptr);
    const double scale = std::pow(10.0, d);
    const double tol = 1e-9 * std::max(1.0, std::abs(p));
    double rounded = std::round(value * scale) / scale;
    double truncated = std::trunc(value * scale + 1e-9) / scale; // the plan truncates some (1,017 -> 1,01)
    return std::abs(rounded - p) <= tol || std::abs(truncated - p) <= tol;
}

std::vector<AuditRow> audit_plan_ratios(const std::vector<NeedRow>& needs, const PopulationGroups& groups) {
    std::vector<AuditRow> out;
    for (const NeedRow& n : needs) {
        if (!n.assessed_need) continue;
        const struct {
            const char* column;
            const std::string& printed;
            const std::string& denominator;
        } cells[] = {{"age_group", n.printed_age_group_ratio, n.age_group_denominator},
                     {"social_group", n.printed_social_group_ratio, n.social_group_denominator}};
        for (const auto& c : cells) {
            if (c.printed.empty()) continue;
            AuditRow r;
            r.municipality = n.municipality;
            r.code = n.code;
            r.label_en = n.label_en;
            r.column = c.column;
            r.printed = c.printed;
            r.numerator = *n.assessed_need;
            r.declared_denominator = c.denominator;
            r.source = n.source;
            const double header_scale = n.printed_scale;
            const double other_scale = header_scale == 1000 ? 100 : 1000;

            // Candidates: the declared group first, then every other group of the municipality.
            std::vector<const GroupValue*> candidates;
            if (const GroupValue* g = groups.find(n.municipality, c.denominator)) {
                candidates.push_back(g);
                r.declared_denominator_value = g->value;
                r.recomputed_per_1000 = r.numerator / g->value * 1000.0;
            }
            for (const GroupValue& g : groups.values)
                if (g.municipality == n.municipality && g.group != c.denominator) candidates.push_back(&g);

            bool found = false;
            for (const GroupValue* g : candidates) {
                for (double scale : {header_scale, other_scale}) {
                    double v = r.numerator / g->value * scale;
                    if (!reproduces(v, c.printed)) continue;
                    found = true;
                    r.matched_denominator = g->group;
                    r.matched_scale = scale;
                    const bool declared = g->group == c.denominator;
                    const std::string calc = fmt(r.numerator, 0) + " / " + fmt(g->value, 0) + " x " +
                                             fmt(scale, 0) + " = " + fmt(v, 4);
                    if (declared && scale == header_scale) {
                        r.verdict = AuditVerdict::matches;
                        r.explanation = "as printed: " + calc;
                    } else if (declared) {
                        r.verdict = AuditVerdict::wrong_scale;
                        r.explanation = "printed per " + fmt(scale, 0) + " under a per-" + fmt(header_scale, 0) +
                                        " header: " + calc + "; per " + fmt(header_scale, 0) + " it is " +
                                        fmt(r.numerator / g->value * header_scale, 2);
                    } else {
                        r.verdict = AuditVerdict::other_denominator;
                        r.explanation = "reproduced only with " + g->group + " per " + fmt(scale, 0) + ": " + calc +
                                        (c.denominator.empty() ? "" : " (declared denominator: " + c.denominator + ")");
                    }
                    break;
                }
                if (found) break;
            }
            if (!found) {
                r.verdict = AuditVerdict::unexplained;
                r.explanation = "no population group of " + n.municipality + " reproduces " + c.printed +
                                " from " + fmt(r.numerator, 0) + " at per 100 or per 1000";
                if (r.recomputed_per_1000)
                    r.explanation += "; with " + c.denominator + " it is " + fmt(*r.recomputed_per_1000, 2) + " per 1000";
            }
            out.push_back(std::move(r));
        }
    }
    return out;
}

} // namespace apreptis::model
