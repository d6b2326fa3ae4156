#pragma once
// Population inside wards: each ward's census total shared out over points (building
// points weighted by floors, or a regular grid). The units of a ward add up to its total.
// Rules and caveats: docs/ROUTING.md#population-surface.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/study_area.hpp"

namespace apreptis::model {

struct WeightedPoint {
    geo::XY point;
    double weight = 1;
};

struct PopulationUnit {
    geo::XY point;
    std::size_t ward = 0;   ///< index into the wards
    double population = 0; ///< residents (fractional: a share of the ward total)
};

struct SurfaceReport {
    std::string method;                 ///< human-readable rule, written to every output
    std::size_t points_read = 0;
    std::size_t points_outside_wards = 0;
    std::vector<std::string> wards_without_points; ///< got one unit at a point inside the ward
};

/// Points outside every ward are counted and not used. Needs index_wards(). Throws DataError
/// for a negative or non-finite weight.
std::vector<PopulationUnit> distribute_to_points(const StudyArea& study, const std::vector<WeightedPoint>& points,
                                                 const std::string& method, SurfaceReport& report);

/// Most grid cells distribute_to_grid() examines before it refuses (memory and time).
inline constexpr double max_grid_cells = 2e7;

/// Points at the centres of a cell_m grid (cell_m > 0), equal shares within each ward.
/// Needs index_wards(). Throws DataError when the grid would exceed max_grid_cells.
std::vector<PopulationUnit> distribute_to_grid(const StudyArea& study, double cell_m, SurfaceReport& report);

} // namespace apreptis::model
