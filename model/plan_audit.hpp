#pragma once
// Recomputes a plan's printed ratios from its own counts and says where the printed figure
// disagrees: wrong scale (per 100 printed under a per-1000 header), another denominator
// than the one the header implies, or not reproducible at all.
#include <optional>
#include <string>
#include <vector>

#include "model/need.hpp"
#include "model/population.hpp"

namespace apreptis::model {

enum class AuditVerdict {
    matches,               ///< declared denominator, declared scale
    wrong_scale,           ///< declared denominator, other scale (per 100 vs per 1000)
    other_denominator,     ///< reproduced only with another population group
    unexplained,           ///< no population group of the municipality reproduces it
};
const char* to_string(AuditVerdict v);

struct AuditRow {
    std::string municipality;
    std::string code;
    std::string label_en;
    std::string column;           ///< age_group | social_group
    std::string printed;          ///< as printed
    double numerator = 0;         ///< assessed need
    std::string declared_denominator;
    std::optional<double> declared_denominator_value;
    std::optional<double> recomputed_per_1000; ///< with the declared denominator
    AuditVerdict verdict = AuditVerdict::unexplained;
    std::string matched_denominator;
    double matched_scale = 0;     ///< 100 or 1000 (0 when unexplained)
    std::string explanation;
    std::string source;
};

/// True when `value` printed with the decimals of `printed` (rounded or truncated) gives `printed`.
bool reproduces(double value, const std::string& printed);

std::vector<AuditRow> audit_plan_ratios(const std::vector<NeedRow>& needs, const PopulationGroups& groups);

} // namespace apreptis::model
