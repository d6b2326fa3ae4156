#pragma once
// Travel-distance gaps (PRODUCT C8, C9): for every population unit, the time and distance
// to the nearest located provider of each service type, over the road network or, without
// one, in a straight line (and every output says which). Per ward and municipality: the
// share of the target group within the threshold, and population-weighted mean, median and
// 90th percentile. Catchment polygons per provider and threshold (or per service type and
// threshold, CatchmentScope), allocation of the network to the nearest provider. Formulas:
// docs/ROUTING.md.
//
// Everything about one service type depends only on that type's located providers, so a
// what-if edit recomputes the types it touches and takes the others from the previous
// analysis (exactly: the same providers at the same points give the same figures); a
// provider's catchment depends on that provider alone and is reused likewise.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "geo/constants.hpp"
#include "geo/routing/network_point.hpp"
#include "model/coverage.hpp"
#include "model/routing_index.hpp"
#include "model/study_area.hpp"
#include "model/travel/distance_method.hpp"

namespace apreptis::model {

/// What the catchment polygons are drawn for: each provider (overlapping; a municipality's
/// planner looks at one at a time), each service type (the area within each band of its
/// nearest provider: the union of its providers' catchments, from the one search that finds
/// the nearest provider; a country's coordinator reads these), or none.
enum class CatchmentScope { provider, service, none };
const char* to_string(CatchmentScope s);

struct AccessSettings {
    geo::Profile profile = geo::Profile::walk; ///< used with a network; its walking speed otherwise
    double max_snap_distance_m = 500;          ///< units farther from any usable road are reported
    std::map<std::string, double> threshold_min; ///< per service type; else the catalogue default, else 30
    std::vector<double> catchment_bands_min{10, 20, 30};
    double catchment_buffer_m = 50;            ///< street linework -> polygon
    CatchmentScope catchments = CatchmentScope::provider;
    std::optional<geo::Envelope> road_clip;    ///< roads were read inside this box only
    /// Without a network: the straight-line speed (e.g. 50 km/h for a country-wide drive
    /// analysis); unset: the profile's walking speed. Always written next to the figures.
    std::optional<double> straight_line_mps;
    /// Robustness runs (model/robustness): only ServiceAccess::per_unit is wanted, so a
    /// searched type gets no rows, no per-ward orders and no allocation, and a reused type
    /// copies only its times. Off for every other caller (their output is unchanged).
    bool times_only = false;
};

struct UnitTime {
    float time_s = geo::unreachable;
    float distance_m = geo::unreachable;
    std::uint32_t provider = geo::invalid_index; ///< index into StudyArea::providers
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
    std::size_t provider;             ///< index into StudyArea::providers; geo::invalid_index: the service's area
    std::string service_type;
    double band_min;
    geo::MultiPolygon area;
};

struct Allocation {
    std::size_t provider;
    std::string service_type;
    std::vector<geo::EdgePiece> pieces; ///< of the RoutingIndex's network (geo::add_edge_pieces draws them)
};

/// Per ward, its units in ascending time and in ascending distance (model/access.cpp).
struct SummaryOrders;

/// Everything about one service type.
struct ServiceAccess {
    std::string service_type;
    double threshold_min = 30;
    std::vector<std::size_t> providers;   ///< located providers used (indices into StudyArea::providers)
    std::vector<std::string> target_groups; ///< of the type's service lines
    std::vector<UnitTime> per_unit;       ///< one per unit of the RoutingIndex
    std::vector<AccessRow> rows;          ///< per ward and municipality x target group
    std::vector<Catchment> catchments;    ///< per provider x band, or per band (CatchmentScope)
    std::vector<Allocation> allocations;  ///< with a network: per provider
    std::vector<std::string> warnings;    ///< providers that reach no one or a detached part
    /// Kept so that a what-if sorts again only the wards whose units' times changed.
    std::shared_ptr<const SummaryOrders> orders;
};

/// Per service type and population unit (the units of the RoutingIndex it was computed on).
struct AccessAnalysis {
    DistanceMethod method = DistanceMethod::straight_line;
    std::string method_label;
    CatchmentScope catchments = CatchmentScope::provider; ///< what ServiceAccess::catchments are drawn for
    std::vector<ServiceAccess> services;
    std::vector<std::pair<std::size_t, std::string>> left_out; ///< provider index, why not in the analysis
    std::size_t units_not_snapped = 0;
    double population_not_snapped = 0;
    std::size_t units_off_main_network = 0;
    double population_off_main_network = 0;
    /// Units whose nearest road piece is on a detached part, attached to the main part within
    /// max_snap_distance_m instead (geo::SnapIndex::snap); the farthest such leg.
    std::size_t units_snapped_past_detached = 0;
    double population_snapped_past_detached = 0;
    double max_leg_past_detached_m = 0;
    std::vector<std::string> warnings;    ///< about units; each service's own are in services[i].warnings
    std::size_t services_recomputed = 0;  ///< how many types were searched (the rest were reused)
    std::size_t catchments_recomputed = 0;
};

/// A computation abandoned because a newer request superseded it (the viewer's edits).
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

/// The analysis from which a what-if starts: its study (for provider ids) and its access.
struct PreviousAccess {
    const StudyArea& study;
    const AccessAnalysis& access;
};

/// Travel times from every unit of `routing` to the nearest located provider of each service
/// type, over its network when it has one, else in a straight line (labelled). With
/// `previous`, service types whose located providers are unchanged, and catchments of
/// unchanged providers, are taken from it. Throws Cancelled when `stop` is requested.
AccessAnalysis analyse_access(const StudyArea& study, const RoutingIndex& routing, const AccessSettings& settings,
                              const PreviousAccess* previous = nullptr, std::stop_token stop = {});

/// The travel threshold of a service type: the project's, else the catalogue default, else 30.
double service_threshold_min(const StudyArea& study, const AccessSettings& settings, const std::string& type);

/// Weighted quantile: the smallest value whose cumulative weight reaches q of the total.
std::optional<double> weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q);

} // namespace apreptis::model
