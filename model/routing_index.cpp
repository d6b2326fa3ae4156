#include "model/routing_index.hpp"

#include <algorithm>
#include <functional>

#include "geo/preconditions.hpp"
#include "model/parallel.hpp"
#include "model/travel/straight_line_travel.hpp"

namespace apreptis::model {

RoutingIndex::RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface)
    : m_units(std::move(units)), m_surface(std::move(surface)), m_travel(straight_line_travel(m_units)) {}

RoutingIndex::RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface, geo::RoadNetwork network,
                           geo::NetworkReport report, double max_snap_distance_m, const TravelMethod& method)
    : m_units(std::move(units)), m_surface(std::move(surface)),
      m_network(std::make_unique<const geo::RoadNetwork>(std::move(network))), m_report(std::move(report)),
      m_max_snap_m(max_snap_distance_m) {
    geo::require(geo::positive_finite(max_snap_distance_m), "RoutingIndex: max_snap_distance_m > 0");
    m_snap = std::make_unique<const geo::SnapIndex>(*m_network);
    // each unit's snap is independent (the index is read only): blocks of units on both cores
    m_unit_snaps.resize(m_units.size());
    constexpr std::size_t block = 16384;
    std::vector<std::function<void()>> jobs;
    for (std::size_t first = 0; first < m_units.size(); first += block)
        jobs.push_back([this, first, max_snap_distance_m] {
            const std::size_t end = std::min(m_units.size(), first + block);
            for (std::size_t i = first; i < end; ++i) m_unit_snaps[i] = m_snap->snap(m_units[i].point, max_snap_distance_m);
        });
    run_in_parallel(jobs);
    m_travel = method(*this);
    geo::require(m_travel != nullptr, "RoutingIndex: the travel method made no TravelTimes");
}

} // namespace apreptis::model
