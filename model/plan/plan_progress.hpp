#pragma once
// Plan targets against results: fulfilment and status per indicator line, budget execution
// per source and in total per measure, and the check that parts add up to printed totals
// (like plan_audit does for the printed ratios). Formulas: docs/PLANS.md.
#include <optional>
#include <string>
#include <vector>

#include "model/plan/plan_line.hpp"
#include "model/plan/target.hpp"

namespace apreptis::model {

enum class ProgressStatus {
    on_track,     ///< the target is met (for an upper bound: not exceeded)
    behind,       ///< a numeric target and a numeric result that does not meet it
    not_numeric,  ///< the target or the result is text that states no number: kept, not judged
    not_reported, ///< a target without a result
    result_only   ///< a result without a target
};
const char* to_string(ProgressStatus s);

struct IndicatorProgress {
    PlanLine line;
    Target target;
    std::optional<double> achieved;
    std::optional<double> fulfilment; ///< achieved / target (lower bound of a range), both numeric
    ProgressStatus status = ProgressStatus::not_reported;
    std::string basis; ///< how the figures were read ("target: at least 30; result: number")
};

struct FundsPart {
    std::string part;
    std::optional<double> planned_eur, used_eur;
    std::optional<double> execution; ///< used / planned
};

struct FundsProgress {
    std::string municipality, document, measure_code;
    int year = 0;
    std::vector<FundsPart> parts;     ///< sources (or categories) in the order first given
    std::optional<double> planned_eur, used_eur, execution; ///< the total
    std::string total_basis;          ///< "printed total" or "sum of sources"
};

struct Reconciliation {
    std::string total_id;
    std::string quantity; ///< "planned_eur", "used_eur" or "achieved"
    double printed = 0;   ///< the total's own figure
    double parts_sum = 0;
    int parts_with_figure = 0;
    int parts = 0;
    bool agrees = true;   ///< |printed − parts_sum| ≤ 0.005
    std::string message;  ///< "parts sum to 2,086,168, printed 2,086,178 (difference 10)"
};

struct PlanProgress {
    std::vector<IndicatorProgress> indicators;
    std::vector<FundsProgress> funds;
    std::vector<Reconciliation> reconciliations;
    int count(ProgressStatus s) const;
    int disagreements() const;
};

/// Throws DataError (with the line's location) for a part_of that names no line or itself.
PlanProgress compute_plan_progress(const std::vector<PlanLine>& lines);

} // namespace apreptis::model
