#pragma once
// Population units from a population grid (persons per cell: a census grid, GEOSTAT 1 km, a
// raster): each cell's persons go to the wards its area lies in, shared by area, or by the
// building points inside the cell when they are given (dasymetric). The units carry the grid's
// persons as they are, not scaled to the census: the wards' census figures stay the
// analysis's population, and the grid's total per ward is reported against them.
// Rules and caveats: docs/ROUTING.md#population-grids.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/population_surface.hpp"
#include "model/study_area.hpp"

namespace apreptis::model {

struct GridCell {
    geo::MultiPolygon polygon;     ///< in the working CRS
    std::optional<double> persons; ///< nullopt: nodata (the grid says nothing here)
};

/// A grid as read (raster or vector): cells with people and nodata cells; cells of 0 persons
/// are counted, not kept.
struct PopulationGrid {
    std::string file;              ///< as shown in messages and outputs
    std::vector<GridCell> cells;
    geo::Envelope extent;          ///< of every cell read (with 0 and nodata ones), working CRS
    std::size_t cells_read = 0;
    std::size_t zero_cells = 0;
};

struct WardGridFigures {
    double grid_persons = 0;       ///< the grid's persons given to this ward's units
    double covered_share = 0;      ///< of the ward's area inside the grid's extent, less nodata cells
    std::size_t units = 0;
    bool census_fallback = false;  ///< not covered at all: one unit carries the census figure
};

struct PopulationGridReport {
    std::string basis;             ///< "population grid <file>, ..." (every unit's label)
    bool whole_persons = true;     ///< every cell a whole number: split into whole persons
    std::size_t cells_read = 0, zero_cells = 0, nodata_cells = 0;
    std::size_t cells_away = 0;    ///< with people, but clear of the study area's bounding box
    std::size_t cells_used = 0;    ///< with people, over the study area
    std::size_t cells_split = 0;   ///< of those, shared between wards or with land outside them
    std::size_t cells_by_buildings = 0; ///< shared by building points (the rest by area)
    double persons_used = 0;       ///< in the cells used: = persons_in_wards + persons_outside_wards
    double persons_in_wards = 0;   ///< carried by the units (census fallbacks not counted)
    double persons_outside_wards = 0; ///< the parts of cells beyond every ward (or their buildings)
    double persons_away = 0;
    std::vector<WardGridFigures> wards; ///< one per ward, in the study's order
    std::size_t wards_uncovered = 0, wards_partly_covered = 0;
    double census_uncovered = 0;   ///< census residents of those wards (partly: by uncovered area)
};

/// Below this covered share a ward counts as partly covered.
inline constexpr double fully_covered_share = 0.99;

/// Units from the grid (`buildings` empty: shares by area). Needs index_wards(). Throws
/// DataError naming the file when no cell with people overlaps any ward, or no ward is
/// covered at all; a negative or non-finite cell value is also a DataError.
std::vector<PopulationUnit> distribute_population_grid(const StudyArea& study, const PopulationGrid& grid,
                                                       const std::vector<WeightedPoint>& buildings,
                                                       const std::string& buildings_label,
                                                       PopulationGridReport& report, SurfaceReport& surface);

/// `total` split in proportion to `weights` (sum > 0). Whole: largest remainders, so the parts
/// are whole and add up to `total` exactly (ties to the earlier part); else plain proportions.
std::vector<double> split_in_proportion(double total, const std::vector<double>& weights, bool whole);

} // namespace apreptis::model
