#pragma once
// Coverage indicators per ward and per municipality, per service type, target group and
// counting unit. Formulas: docs/INDICATORS.md.
#include <optional>
#include <string>
#include <vector>

#include "model/study_area.hpp"

namespace apreptis::model {

enum class AreaLevel { ward, municipality };
const char* to_string(AreaLevel l);

struct CoverageRow {
    AreaLevel level = AreaLevel::ward;
    std::string area_code;
    std::string area_name;
    std::string municipality;
    std::string service_type;
    std::string target_group;
    std::string unit;

    int lines = 0;                   ///< service lines counted in this area
    int lines_unplaced = 0;          ///< lines of the municipality that could not be placed in any ward
    std::optional<double> places;
    std::optional<double> recipients;
    std::optional<double> municipality_funded;
    std::optional<double> waiting_list;
    TargetPopulation target;
    std::optional<double> places_per_1000;
    std::optional<double> recipients_per_1000;
    std::optional<double> utilisation;   ///< recipients / places, lines with both known
    std::optional<double> funded_share;  ///< municipality-funded / recipients
    std::optional<double> assessed_need; ///< municipality level only (plans give no ward figures)
    std::optional<double> unmet_need;
    std::optional<double> assessed_need_per_1000;
    std::optional<double> unmet_share;   ///< unmet / (assessed + unmet)
    std::string need_codes;              ///< needs-table rows used, "5.5+6"
    bool estimated = false;              ///< some input of this row is an estimate
    std::string notes;
};

struct WardSummary {
    std::string code, name, municipality;
    std::int64_t population = 0;
    double area_km2 = 0;
    double density_per_km2 = 0;
    TargetPopulation children, working_age, older;
    int providers_located = 0;  ///< providers placed in this ward (point or ward precision)
    int lines_located = 0;
    std::optional<double> beds_located;
    bool repaired = false;
};

struct CoverageResult {
    std::vector<CoverageRow> rows;
    std::vector<WardSummary> wards;
};

/// Target population of a group in one ward: the census total for `residents`, otherwise
/// the municipal group size shared out by the ward's share of census population (an
/// estimate, labelled so).
TargetPopulation ward_target_population(const StudyArea& study, const Ward& ward, const std::string& group);
TargetPopulation municipal_target_population(const StudyArea& study, const std::string& municipality,
                                             const std::string& group);

/// Share of a ward's residents in `group` (the same everywhere inside the ward, so for any
/// group but residents an estimate: `estimated` is set). 0 when the group has no figure.
double ward_group_share(const StudyArea& study, const Ward& ward, const std::string& group, bool& estimated);

CoverageResult compute_coverage(const StudyArea& study);

} // namespace apreptis::model
