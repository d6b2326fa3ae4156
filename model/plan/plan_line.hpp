#pragma once
// One line of a measures plan or report (layout: docs/INPUTS.md, "Plan measures"): either an
// indicator (a target and what was achieved) or the funds of one source (planned and used).
#include <optional>
#include <string>
#include <vector>

#include "geo/errors.hpp"

namespace apreptis::model {

enum class PlanLineKind { indicator, funds };

struct PlanLine {
    std::string id;
    std::string municipality;
    std::string document;
    int year = 0;
    std::string goal, task, measure_code, measure;
    std::string implementer; ///< the body that carries the line out, as printed ("" when none is)
    PlanLineKind kind = PlanLineKind::indicator;
    std::string indicator, unit;
    std::string target;   ///< as given (parsed by parse_target)
    std::string achieved; ///< as given (parsed by parse_result)
    std::string funds_part; ///< a source or category, or "total"
    std::optional<double> planned_eur, used_eur;
    std::vector<std::string> part_of; ///< ids of the lines this one is a part of
    std::string ward_code, service_type;
    std::string target_as_printed, achieved_as_printed, source;
    Location where; ///< file, layer, feature and line it was read from
};

} // namespace apreptis::model
