#pragma once
// Service types and target groups are data (datasets/catalogue/), not code: a municipality
// can add its own kinds without rebuilding the tool.
#include <optional>
#include <string>
#include <vector>

namespace apreptis::model {

struct TargetGroup {
    std::string code;
    std::string kind;   ///< all | age_band | social_group
    std::string unit;   ///< persons | families
    std::string name_lt;
    std::string name_en;
    std::string age_band;
};

struct ServiceType {
    std::string code;
    std::string tier;    ///< social_care | social_supervision | general | health
    std::string setting; ///< residential | day_centre | at_home | community | outreach | overnight
    std::string counting_unit;
    std::string name_lt;
    std::string name_en;
    std::vector<std::string> target_groups;
    std::string default_mode;                   ///< walk | drive | staff_travel
    std::optional<double> default_threshold_min; ///< catchment threshold in minutes
};

class Catalogue {
public:
    std::vector<ServiceType> services;
    std::vector<TargetGroup> groups;

    const ServiceType* find_service(const std::string& code) const;
    const TargetGroup* find_group(const std::string& code) const;
    /// "a, b, c" — for error messages.
    std::string service_codes() const;
    std::string group_codes() const;
};

/// Reads service_types.csv and target_groups.csv. Throws DataError / IoError.
Catalogue load_catalogue(const std::string& service_types_csv, const std::string& target_groups_csv);

} // namespace apreptis::model
