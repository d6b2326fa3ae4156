#pragma once
// Demand and supply for one service type and target group (docs/CAPACITY.md).
// Demand per population unit = target-group residents x a need rate per 1000. The rate comes
// from the project ([capacity.need_per_1000]) or, by default, from the plan's own needs table:
// (assessed + unmet need) / municipal target population. Supply = a provider's places; where a
// provider gives only recipients, its recipients, labelled. Every result says which (need_basis,
// supply_basis); ward shares of age and social groups are estimates, labelled.
#include <map>
#include <string>
#include <vector>

#include "model/routing_index.hpp"
#include "model/study_area.hpp"

namespace apreptis::model {

struct DemandSettings {
    /// Persons per 1000 of the target group who need the service, by "service" or "service/group".
    std::map<std::string, double> need_per_1000;
    std::string origin;                     ///< where the settings come from (project file), for messages
    std::map<std::string, double> places;   ///< provider id -> places (overrides the data)
    std::string places_basis;               ///< why those places
};

struct Demand {
    std::string service_type, target_group;
    std::vector<double> group_population; ///< per unit: residents of the target group
    std::vector<double> per_unit;         ///< per unit: persons needing the service
    double total = 0;
    std::map<std::string, double> rate_per_1000; ///< per municipality, where known
    std::string need_basis;               ///< the rule and its source, in words
    bool estimated = false;               ///< group shares inside wards are estimates
};

/// Throws DataError for a negative or non-finite rate. Units of a municipality with no rate
/// have no demand, and need_basis lists those municipalities.
Demand demand_for(const StudyArea& study, const RoutingIndex& routing, const std::string& service_type,
                  const std::string& target_group, const DemandSettings& settings);

struct Supply {
    std::vector<std::size_t> providers; ///< located providers with lines of the type and group (study order)
    std::vector<double> capacity;       ///< per provider
    std::vector<std::string> basis;     ///< per provider: "places", "recipients (no places given)", "project: ..."
    std::vector<std::size_t> unlocated; ///< providers with such lines but no point: not in the analysis
};

/// Throws DataError naming the provider, its row and the field when a located provider has
/// neither places nor recipients for the lines that need capacity.
Supply supply_for(const StudyArea& study, const std::string& service_type, const std::string& target_group,
                  const DemandSettings& settings);

} // namespace apreptis::model
