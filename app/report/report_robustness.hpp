#pragma once
// How sure the council report's worst-served wards are (issue 20, docs/ROBUSTNESS.md): the
// "sure / not sure" cell of the worst-served table, with the share of runs in which the ward
// was among the k worst, and the one sentence saying what was varied (Lithuanian or English).
#include <string>

#include "app/core/i18n.hpp"
#include "model/robustness/robustness.hpp"

namespace apreptis::app::report {

/// The ward's row for its share within the threshold (the table's ranking figure); nullptr
/// when the ward was not ranked for that service type and group.
const model::RobustRow* share_row(const model::RobustnessResult& r, const std::string& ward_code,
                                  const std::string& service_type, const std::string& target_group);

/// "sure, 100 %" / "not sure, 85 %" ("tikra, 100 %" / "netikra, 85 %"): sure from the
/// settings' robust_probability.
std::string sure_text(Language lang, const model::RobustRow& row);

/// One sentence: how many runs, what was varied and by how much, what "sure" means.
/// `basis`: how the single run's times were measured (report_sections.hpp travel_basis),
/// printed after the thresholds as after every travel figure of the report.
std::string robustness_sentence(Language lang, const model::RobustnessResult& r, const std::string& basis);

} // namespace apreptis::app::report
