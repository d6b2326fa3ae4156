#pragma once
// What travel-time analyses share and what does not change between what-if edits: the
// population units (the surface), and with a road network the network itself, its snap grid
// and every unit's attachment to it. Built once when the inputs are loaded, then read-only
// (safe to share between threads; each search makes its own geo::TravelQuery).
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "geo/routing/road_network.hpp"
#include "geo/routing/snap_index.hpp"
#include "model/population_surface.hpp"
#include "model/travel/road_network_travel.hpp"
#include "model/travel/travel_times.hpp"

namespace apreptis::model {

/// Makes the TravelTimes of an index that has a network, once the units are snapped: where a
/// travel method is registered (app/core/loaded_inputs.cpp builds the index). The result may
/// refer to the index, which outlives it.
using TravelMethod = std::function<std::unique_ptr<const TravelTimes>(const RoutingIndex&)>;

class RoutingIndex {
public:
    /// Straight-line distances only: no network.
    RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface);
    /// With a network: snaps every unit within max_snap_distance_m once; travel is measured by
    /// `method` (by default over the roads).
    RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface, geo::RoadNetwork network,
                 geo::NetworkReport report, double max_snap_distance_m, const TravelMethod& method = road_network_travel);
    RoutingIndex(const RoutingIndex&) = delete;
    RoutingIndex& operator=(const RoutingIndex&) = delete;

    const std::vector<PopulationUnit>& units() const { return m_units; }
    const SurfaceReport& surface() const { return m_surface; }
    bool has_network() const { return m_network != nullptr; }
    /// Preconditions: has_network().
    const geo::RoadNetwork& network() const { return *m_network; }
    const geo::NetworkReport& network_report() const { return *m_report; }
    const geo::SnapIndex& snap_index() const { return *m_snap; }
    const std::vector<geo::SnappedPoint>& unit_snaps() const { return m_unit_snaps; }
    double max_snap_distance_m() const { return m_max_snap_m; }
    /// How travel is measured on these units: every travel-time question goes through it.
    const TravelTimes& travel() const { return *m_travel; }

private:
    std::vector<PopulationUnit> m_units;
    SurfaceReport m_surface;
    std::unique_ptr<const geo::RoadNetwork> m_network; // stable address: the snap index refers to it
    std::optional<geo::NetworkReport> m_report;
    std::unique_ptr<const geo::SnapIndex> m_snap;
    std::vector<geo::SnappedPoint> m_unit_snaps;
    double m_max_snap_m = 0;
    std::unique_ptr<const TravelTimes> m_travel; // refers to the members above: declared last
};

} // namespace apreptis::model
