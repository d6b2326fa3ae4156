#pragma once
// The council report: three A4 pages per municipality, drawn with Cairo into one PDF. Page 1:
// the providers without a location (first), the map (legend, numbered ward key, scale bar,
// north arrow beside it; attribution) and the basis of its figures. Page 2: the wards worst
// served per service type with the reason, a chart per ward, places per 1000. Page 3: for a
// scenario, the change it makes per ward; the plan's lines. Layout: report_page.hpp;
// sections: report_sections.hpp. Counts of people from 1 to threshold - 1 print as "<5", and
// what would give one back as "×" (published_counts.hpp, one decision per ward for the table,
// map, key, chart and scenario table) unless `unsuppressed`.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/core/i18n.hpp"
#include "model/robustness/robustness.hpp"

namespace apreptis::app::report {

struct ReportOptions {
    Language lang = Language::lt;
    std::string indicator;                   ///< map indicator id; empty: chosen per municipality
    std::vector<std::string> municipalities; ///< empty: every municipality of the study
    double small_count_threshold = 5;
    bool unsuppressed = false;               ///< the planner's own copy only (CLI flag)
    bool maps = false;                       ///< also <stem>-<municipality>.svg and .png beside the PDF
    const Analysis* before = nullptr;        ///< the run without the scenario (before/after table)
    /// [robustness]'s runs (app::run_robustness): a "how sure" column in the worst-served table.
    const model::RobustnessResult* robustness = nullptr;
    /// Where warnings go (a [basemap] whose source failed: the maps are drawn without it).
    std::vector<std::string>* warnings = nullptr;
};

/// Writes the PDF and, with `maps`, the maps, each under a temporary name beside it; only when
/// all are written do they take their names (geo::PendingFile), so a report that fails leaves
/// the earlier PDF and maps as they were. Returns every file written. Throws apreptis::Error for an unknown municipality or indicator, or a write failure.
std::vector<std::string> write_council_report(const Analysis& a, const std::string& pdf_path, const ReportOptions& o);

} // namespace apreptis::app::report
