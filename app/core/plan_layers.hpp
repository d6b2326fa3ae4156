#pragma once
// Output tables of plan progress (docs/OUTPUTS.md#plan): one row per indicator line with
// its fulfilment and status, budget execution per measure and source, and the check of
// parts against printed totals; and the run.json part. Empty when the project has no [plan].
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

/// plan_progress, plan_funds, plan_reconciliation.
std::vector<geo::OutLayer> plan_layers(const Analysis& a);

/// What the coverage analysis says about a plan line's service type (and ward, when it names
/// one): "children_day_centre/children/persons: 4.1 places per 1000 (estimate)", or "".
std::string linked_coverage(const Analysis& a, const model::PlanLine& line);

/// A body as the document prints it, or "(no body printed, line <id>)".
std::string body_label(const model::FundsBody& b);

/// The plan part of run.json, as JSON text ("null" without [plan]).
std::string plan_record_json(const Analysis& a);

} // namespace apreptis::app
