#pragma once
#include <optional>
#include <string>

namespace apreptis::model {

/// One row of a plan's needs table (municipality level): assessed and unmet need, and the
/// ratios as the plan printed them, with the denominators they are meant to use.
struct NeedRow {
    std::string municipality;
    std::string code;
    std::string service_type;
    std::string target_group;
    std::string unit;
    std::string label_lt;
    std::string label_en;
    std::optional<double> assessed_need;
    std::optional<double> unmet_need;
    std::string unmet_note;
    std::string printed_age_group_ratio;    ///< text as printed ("0.27"), decimals matter
    std::string age_group_denominator;      ///< group code
    std::string printed_social_group_ratio;
    std::string social_group_denominator;
    double printed_scale = 1000;            ///< what the header says
    std::string reference_year;
    std::string source;
};

} // namespace apreptis::model
