#pragma once
// Plan targets against results: fulfilment and status per indicator line, budget execution
// per source, per implementing body and in total per measure, and the check that parts add up
// to printed totals (like plan_audit does for the printed ratios). Formulas: docs/PLANS.md.
#include <optional>
#include <string>
#include <vector>

#include "model/plan/plan_line.hpp"
#include "model/plan/target.hpp"
#include "model/plan/unit_kind.hpp"

namespace apreptis::model {

enum class ProgressStatus {
    on_track,     ///< the target is met (for an upper bound: not exceeded)
    behind,       ///< a numeric target and a numeric result that does not meet it
    not_numeric,  ///< the target or the result is text that states no number: kept, not judged
    not_reported, ///< a target without a result
    result_only,  ///< a result without a target
    units_differ  ///< target and result count different things (activities, children): kept, not judged
};
const char* to_string(ProgressStatus s);

struct IndicatorProgress {
    PlanLine line;
    Target target;
    std::optional<double> achieved;
    std::optional<double> fulfilment; ///< achieved / target (lower bound of a range), both numeric
    ProgressStatus status = ProgressStatus::not_reported;
    std::string basis; ///< how the figures were read ("target: at least 30; result: number")
    std::string target_unit, result_unit; ///< as read (printed with the figure, else the line's unit)
    UnitKind target_unit_kind = UnitKind::unknown, result_unit_kind = UnitKind::unknown;
    /// Figures to question, each a sentence: "negative target (-5)", "target 120 % of a share".
    std::vector<std::string> flags;
};

struct FundsPart {
    std::string part;
    std::optional<double> planned_eur, used_eur;
    std::optional<double> execution; ///< used / planned
    std::string implementer;         ///< of the body whose source it is
};

/// The funds of one body that carries a measure out: one printed line of the measure.
struct FundsBody {
    std::string implementer;         ///< as printed; "" where the document prints no body
    std::string line_id;             ///< its total line, else its first source line
    std::optional<double> planned_eur, used_eur, execution;
    std::string basis;               ///< "printed total" or "sum of sources"
};

struct FundsProgress {
    std::string municipality, document, measure_code;
    int year = 0;
    std::vector<FundsPart> parts;     ///< sources (or categories) in the order first given
    std::optional<double> planned_eur, used_eur, execution; ///< the total
    /// "printed total" or "sum of sources" (one body); "sum of 2 bodies" with what is missing
    /// ("sum of 2 bodies; used: 1 of 2 bodies print no used figure") when several bodies
    std::string total_basis;
    std::vector<FundsBody> bodies;    ///< one per implementing body, in the order printed
    int bodies_without_planned = 0, bodies_without_used = 0;
    /// The sum with its parts, with several bodies: "planned 400 + 300 = 700, used 700 + — = 700"
    std::string parts_listed;
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
    int flagged() const; ///< indicator lines with at least one flag
};

/// A figure as the plan's messages print it: 2086168 -> "2,086,168"; 470250.5 -> "470,250.50".
std::string grouped(double v);

/// Throws DataError (with the line's location) for a part_of that names no line or itself.
PlanProgress compute_plan_progress(const std::vector<PlanLine>& lines);

} // namespace apreptis::model
