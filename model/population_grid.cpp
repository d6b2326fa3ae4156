#include "model/population_grid.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/polygon_index.hpp"
#include "geo/io/vector_writer.hpp"
#include "geo/preconditions.hpp"
#include "model/errors.hpp"

namespace apreptis::model {

std::vector<double> split_in_proportion(double total, const std::vector<double>& weights, bool whole) {
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    geo::require(sum > 0, "split_in_proportion: weights add up to more than 0");
    std::vector<double> out(weights.size());
    if (!whole) {
        for (std::size_t i = 0; i < weights.size(); ++i) out[i] = total * (weights[i] / sum);
        return out;
    }
    // Hamilton's method: whole quotas first, then one more to the largest remainders
    std::vector<double> rest(weights.size());
    double given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double quota = total * (weights[i] / sum);
        out[i] = std::floor(quota);
        rest[i] = quota - out[i];
        given += out[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
    for (std::size_t k = 0; given < total && k < order.size(); ++k, given += 1) out[order[k]] += 1;
    return out;
}

namespace {

/// A cell's share that lies beyond every ward: what the pieces do not cover (a rounding sliver
/// of a cell cut along ward borders is none).
double outside_area(double cell_area, const std::vector<geo::PolygonIndex::Piece>& pieces) {
    double in = 0;
    for (const auto& p : pieces) in += p.area;
    const double out = cell_area - in;
    return out > 1e-9 * cell_area ? out : 0.0;
}

geo::MultiPolygon box(const geo::Envelope& e) {
    return {geo::Polygon{{{e.min_x, e.min_y}, {e.max_x, e.min_y}, {e.max_x, e.max_y}, {e.min_x, e.max_y}, {e.min_x, e.min_y}}, {}}};
}

bool overlaps(const geo::Envelope& a, const geo::Envelope& b) {
    return !a.empty() && !b.empty() && a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
}

} // namespace

std::vector<PopulationUnit> distribute_population_grid(const StudyArea& study, const PopulationGrid& grid,
                                                       const std::vector<WeightedPoint>& buildings,
                                                       const std::string& buildings_label,
                                                       PopulationGridReport& rep, SurfaceReport& surface) {
    geo::require(study.ward_index != nullptr, "distribute_population_grid: index_wards() first");
    const std::vector<Ward>& wards = study.wards;
    rep = {};
    rep.cells_read = grid.cells_read;
    rep.zero_cells = grid.zero_cells;
    rep.wards.assign(wards.size(), {});
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        const auto& v = grid.cells[i].persons;
        if (!v) continue;
        if (!std::isfinite(*v) || *v < 0)
            throw DataError(grid.file + ": cell " + std::to_string(i + 1) + " holds " + geo::format_number(*v) +
                            " persons; expected a number >= 0 (or nodata)");
        if (*v != std::floor(*v) || *v > 9e15) rep.whole_persons = false;
    }
    const geo::Envelope study_box = study.envelope();

    // cells with people over the study area, and (dasymetric) the building points in each
    std::vector<std::size_t> used;
    std::vector<double> nodata_area(wards.size(), 0.0);
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        const GridCell& c = grid.cells[i];
        const bool near = overlaps(geo::envelope_of(c.polygon), study_box);
        if (!c.persons) {
            ++rep.nodata_cells;
            if (near)
                for (const auto& p : study.ward_index->pieces(c.polygon)) nodata_area[p.index] += p.area;
            continue;
        }
        if (near) {
            used.push_back(i);
            rep.persons_used += *c.persons;
        } else {
            ++rep.cells_away;
            rep.persons_away += *c.persons;
        }
    }
    rep.cells_used = used.size();
    std::vector<std::vector<std::size_t>> in_cell(used.size()); // building indices per used cell
    std::vector<std::optional<std::size_t>> building_ward(buildings.size());
    if (!buildings.empty()) {
        std::vector<geo::MultiPolygon> polys;
        polys.reserve(used.size());
        for (std::size_t i : used) polys.push_back(grid.cells[i].polygon);
        const geo::PolygonIndex cells(polys);
        surface.points_read = buildings.size();
        for (std::size_t b = 0; b < buildings.size(); ++b) {
            const double w = buildings[b].weight;
            if (!(w >= 0) || !std::isfinite(w))
                throw DataError("population surface: weight must be a finite number >= 0, found " + std::to_string(w));
            building_ward[b] = study.ward_at(buildings[b].point);
            if (!building_ward[b]) ++surface.points_outside_wards;
            if (auto c = cells.locate(buildings[b].point)) in_cell[*c].push_back(b);
        }
    }

    std::vector<PopulationUnit> units;
    for (std::size_t k = 0; k < used.size(); ++k) {
        const GridCell& c = grid.cells[used[k]];
        const double persons = *c.persons;
        double weight_in_cell = 0;
        for (std::size_t b : in_cell[k]) weight_in_cell += buildings[b].weight;
        std::vector<double> weights;
        std::vector<PopulationUnit> dest; // the last, with no ward, stands for "outside every ward"
        if (weight_in_cell > 0) {
            ++rep.cells_by_buildings;
            double outside = 0;
            for (std::size_t b : in_cell[k]) {
                if (building_ward[b]) {
                    dest.push_back({buildings[b].point, *building_ward[b], 0});
                    weights.push_back(buildings[b].weight);
                } else {
                    outside += buildings[b].weight;
                }
            }
            weights.push_back(outside);
        } else {
            const auto pieces = study.ward_index->pieces(c.polygon);
            for (const auto& p : pieces) {
                dest.push_back({p.inside, p.index, 0});
                weights.push_back(p.area);
            }
            weights.push_back(outside_area(geo::area(c.polygon), pieces));
        }
        if (std::accumulate(weights.begin(), weights.end(), 0.0) <= 0) { // a cell of no area: nowhere to put them
            rep.persons_outside_wards += persons;
            continue;
        }
        const auto shares = split_in_proportion(persons, weights, rep.whole_persons);
        std::size_t places = 0;
        for (std::size_t d = 0; d < dest.size(); ++d) {
            places += weights[d] > 0 ? 1 : 0;
            if (shares[d] <= 0) continue;
            dest[d].population = shares[d];
            rep.persons_in_wards += shares[d];
            rep.wards[dest[d].ward].grid_persons += shares[d];
            rep.wards[dest[d].ward].units++;
            units.push_back(dest[d]);
        }
        rep.persons_outside_wards += shares.back();
        if (places + (weights.back() > 0 ? 1 : 0) > 1) ++rep.cells_split;
    }

    // how much of each ward the grid covers: its extent, less its nodata cells
    const geo::MultiPolygon extent = box(grid.extent);
    for (std::size_t w = 0; w < wards.size(); ++w) {
        const double area = geo::area(wards[w].geometry);
        const geo::Envelope e = geo::envelope_of(wards[w].geometry);
        const bool inside_extent = !grid.extent.empty() && grid.extent.contains({e.min_x, e.min_y}) &&
                                   grid.extent.contains({e.max_x, e.max_y});
        const double under = inside_extent                        ? area
                             : overlaps(e, grid.extent) ? geo::intersection_area(wards[w].geometry, extent)
                                                        : 0.0;
        WardGridFigures& f = rep.wards[w];
        f.covered_share = area > 0 ? std::clamp((under - nodata_area[w]) / area, 0.0, 1.0) : 0.0;
        if (f.covered_share < fully_covered_share) {
            const double census = static_cast<double>(wards[w].population);
            rep.census_uncovered += census * (1 - f.covered_share);
            if (f.covered_share > 1e-9 || f.units > 0) {
                ++rep.wards_partly_covered;
                continue;
            }
            // the grid says nothing about this ward: its census figure at one point, as for a
            // ward without building points (docs/ROUTING.md), said in the warnings
            ++rep.wards_uncovered;
            f.census_fallback = true;
            f.units = 1;
            units.push_back({geo::point_on_surface(wards[w].geometry), w, census});
            surface.wards_without_points.push_back(wards[w].code + " (" + wards[w].name + ")");
        }
    }
    if (rep.wards_uncovered == wards.size())
        throw DataError(grid.file + ": the population grid does not cover the study area: no ward lies within its " +
                        std::to_string(rep.cells_read) + " cells (or only under nodata)" +
                        (grid.extent.empty() ? std::string(" - none was read over the wards' bounding box")
                                             : "; grid extent x " + geo::format_number(std::round(grid.extent.min_x)) +
                                                   ".." + geo::format_number(std::round(grid.extent.max_x)) + ", y " +
                                                   geo::format_number(std::round(grid.extent.min_y)) + ".." +
                                                   geo::format_number(std::round(grid.extent.max_y))) +
                        ", wards x " + geo::format_number(std::round(study_box.min_x)) + ".." +
                        geo::format_number(std::round(study_box.max_x)) + ", y " +
                        geo::format_number(std::round(study_box.min_y)) + ".." +
                        geo::format_number(std::round(study_box.max_y)) +
                        "\n  hint: check the grid's CRS (grid_crs) and that it is the grid of this area");
    rep.basis = "population grid " + grid.file +
                (buildings.empty() ? ", cells cut at ward boundaries and shared by area"
                                   : ", each cell's persons shared by the building points inside it (" + buildings_label +
                                         "), by area where a cell has none") +
                (rep.whole_persons ? "; whole persons" : "; fractional persons (the grid's cells are)");
    surface.method = rep.basis;
    return units;
}

} // namespace apreptis::model
