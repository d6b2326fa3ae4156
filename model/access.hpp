#pragma once
// Travel-distance gaps (PRODUCT C8, C9): for every population unit, the time and distance
// to the nearest located provider of each service type, over the road network or, without
// one, in a straight line (and every output says which). Per ward and municipality: the
// share of the target group within the threshold, and population-weighted mean, median and
// 90th percentile. Catchment polygons per provider and threshold, allocation of the network
// to the nearest provider. Formulas: docs/ROUTING.md.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/constants.hpp"
#include "model/coverage.hpp"
#include "model/routing_index.hpp"
#include "model/study_area.hpp"

namespace apreptis::model {

enum class DistanceMethod { network, straight_line };

struct AccessSettings {
    geo::Profile profile = geo::Profile::walk; ///< used with a network; its walking speed otherwise
    double max_snap_distance_m = 500;          ///< units farther from any usable road are reported
    std::map<std::string, double> threshold_min; ///< per service type; else the catalogue default, else 30
    std::vector<double> catchment_bands_min{10, 20, 30};
    double catchment_buffer_m = 50;            ///< street linework -> polygon
    std::optional<geo::Envelope> road_clip;    ///< roads were read inside this box only
};

struct UnitTime {
    float time_s = geo::unreachable;
    float distance_m = geo::unreachable;
    std::uint32_t provider = geo::invalid_index; ///< index into StudyArea::providers
};

struct ServiceAccess {
    std::string service_type;
    double threshold_min = 30;
    std::vector<std::size_t> providers; ///< located providers used
    std::vector<UnitTime> per_unit;
};

struct AccessRow {
    AreaLevel level = AreaLevel::ward;
    std::string area_code, area_name, municipality;
    std::string service_type, target_group;
    double threshold_min = 0;
    double target_population = 0;
    double within_threshold = 0;
    double share_within = 0;
    double unreachable = 0;           ///< target population with no reachable provider
    std::optional<double> mean_min, median_min, p90_min;
    std::optional<double> mean_m, median_m, p90_m;
    bool estimated = false;           ///< target group shares inside wards are estimates
};

struct Catchment {
    std::size_t provider;
    std::string service_type;
    double band_min;
    geo::MultiPolygon area;
};

struct Allocation {
    std::size_t provider;
    std::string service_type;
    geo::MultiLineString lines;
};

/// Per service type and population unit (the units of the RoutingIndex it was computed on).
struct AccessAnalysis {
    DistanceMethod method = DistanceMethod::straight_line;
    std::string method_label;
    std::vector<ServiceAccess> services;
    std::vector<AccessRow> rows;
    std::vector<Catchment> catchments;
    std::vector<Allocation> allocations;
    std::vector<std::pair<std::size_t, std::string>> left_out; ///< provider index, why not in the analysis
    std::size_t units_not_snapped = 0;
    double population_not_snapped = 0;
    std::size_t units_off_main_network = 0;
    double population_off_main_network = 0;
    std::vector<std::string> warnings;
};

/// Travel times from every unit of `routing` to the nearest located provider of each service
/// type, over its network when it has one, else in a straight line (labelled).
AccessAnalysis analyse_access(const StudyArea& study, const RoutingIndex& routing, const AccessSettings& settings);

/// Weighted quantile: the smallest value whose cumulative weight reaches q of the total.
std::optional<double> weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q);

} // namespace apreptis::model
