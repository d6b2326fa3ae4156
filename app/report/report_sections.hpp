#pragma once
// The sections of the council report, each drawn onto a Page: the basis of the figures, the
// notice about providers without a location, the wards worst served, the chart per ward,
// places per 1000, plan progress (report_plan_section.cpp) and a scenario's effect.
#include <string>

#include "app/core/analysis.hpp"
#include "app/report/council_report.hpp"
#include "app/report/report_maps.hpp"
#include "app/report/report_page.hpp"

namespace apreptis::app::report {

std::string service_name(const Analysis& a, const std::string& code, Language lang);
std::string group_name(const Analysis& a, const std::string& code, Language lang);

/// How travel figures were measured, printed next to each of them: "on foot, 4.5 km/h,
/// straight line", "by car, road network" (the project's profile and the method used).
std::string travel_basis(const Analysis& a, Language lang);
/// "within 60 min (on foot, 4.5 km/h, straight line)".
std::string within_text(const Analysis& a, Language lang, double threshold_min);

/// Providers of a municipality and how many are located (a point, or at least a ward).
struct LocatedCount {
    int providers = 0, located = 0, with_point = 0, municipality_only = 0, unknown = 0;
};
LocatedCount located_count(const Analysis& a, const std::string& municipality);
/// "134 of 141 providers have no location ...", or "" when every provider is located.
std::string located_sentence(const Analysis& a, const std::string& municipality, Language lang);

void basis_section(Page& p, const Analysis& a, const MapChoice& choice, const ReportOptions& o);
void worst_wards_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o);
/// Share of the target group within the threshold per ward against the municipality (the
/// service of the worst-served type); without a travel analysis, places_chart_section.
void ward_chart_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o);
/// Places per 1000 per ward against the municipality, for the service line with the most
/// lines all placed in wards; false (nothing drawn) when there is none or no room.
bool places_chart_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o);
void coverage_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o);
void plan_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o);
void scenario_section(Page& p, const Analysis& after, const Analysis& before, const MapChoice& choice,
                      const std::string& m, const ReportOptions& o);

} // namespace apreptis::app::report
