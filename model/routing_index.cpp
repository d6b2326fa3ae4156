#include "model/routing_index.hpp"

#include "geo/preconditions.hpp"

namespace apreptis::model {

RoutingIndex::RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface)
    : m_units(std::move(units)), m_surface(std::move(surface)) {}

RoutingIndex::RoutingIndex(std::vector<PopulationUnit> units, SurfaceReport surface, geo::RoadNetwork network,
                           geo::NetworkReport report, double max_snap_distance_m)
    : m_units(std::move(units)), m_surface(std::move(surface)),
      m_network(std::make_unique<const geo::RoadNetwork>(std::move(network))), m_report(std::move(report)),
      m_max_snap_m(max_snap_distance_m) {
    geo::require(geo::positive_finite(max_snap_distance_m), "RoutingIndex: max_snap_distance_m > 0");
    m_snap = std::make_unique<const geo::SnapIndex>(*m_network);
    m_unit_snaps.reserve(m_units.size());
    for (const PopulationUnit& u : m_units) m_unit_snaps.push_back(m_snap->snap(u.point, max_snap_distance_m));
}

} // namespace apreptis::model
