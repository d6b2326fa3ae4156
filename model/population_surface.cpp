#include "model/population_surface.hpp"

#include <cmath>

#include "geo/geom/geometry_ops.hpp"
#include "geo/io/vector_writer.hpp"
#include "geo/preconditions.hpp"
#include "model/errors.hpp"

namespace apreptis::model {

namespace {

std::vector<PopulationUnit> share_out(const std::vector<Ward>& wards, std::vector<PopulationUnit> units,
                                      std::vector<double> weights, SurfaceReport& report) {
    std::vector<double> total(wards.size(), 0.0);
    for (std::size_t i = 0; i < units.size(); ++i) total[units[i].ward] += weights[i];
    for (std::size_t w = 0; w < wards.size(); ++w) {
        if (total[w] > 0) continue;
        // No point (or only zero weights) in this ward: its people go to one point inside it.
        report.wards_without_points.push_back(wards[w].code + " (" + wards[w].name + ")");
        units.push_back({geo::point_on_surface(wards[w].geometry), w, 0});
        total[w] = 1;
        weights.push_back(1);
    }
    for (std::size_t i = 0; i < units.size(); ++i)
        units[i].population = static_cast<double>(wards[units[i].ward].population) * weights[i] / total[units[i].ward];
    return units;
}

} // namespace

std::vector<PopulationUnit> distribute_to_points(const StudyArea& study, const std::vector<WeightedPoint>& points,
                                                 const std::string& method, SurfaceReport& report) {
    report.method = method;
    report.points_read = points.size();
    std::vector<PopulationUnit> units;
    std::vector<double> weights;
    for (const WeightedPoint& p : points) {
        if (!(p.weight >= 0) || !std::isfinite(p.weight))
            throw DataError("population surface: weight must be a finite number >= 0, found " + std::to_string(p.weight));
        auto w = study.ward_at(p.point);
        if (!w) {
            report.points_outside_wards++;
            continue;
        }
        units.push_back({p.point, *w, 0});
        weights.push_back(p.weight);
    }
    return share_out(study.wards, std::move(units), std::move(weights), report);
}

std::vector<PopulationUnit> distribute_to_grid(const StudyArea& study, double cell_m, SurfaceReport& report) {
    geo::require(geo::positive_finite(cell_m), "distribute_to_grid: cell_m > 0 and finite");
    const std::vector<Ward>& wards = study.wards;
    double cells = 0;
    for (const Ward& w : wards) {
        const geo::Envelope e = geo::envelope_of(w.geometry);
        cells += (std::floor(e.width() / cell_m) + 1) * (std::floor(e.height() / cell_m) + 1);
    }
    if (cells > max_grid_cells)
        throw DataError("population surface: a " + std::to_string(cell_m) + " m grid over these wards has " +
                        std::to_string(static_cast<long long>(cells)) + " cells (limit " +
                        std::to_string(static_cast<long long>(max_grid_cells)) +
                        "); raise [population_surface] grid_cell_m");
    report.method = "regular grid of " + geo::format_number(cell_m) +
                    " m, equal shares of the ward population (no building data)";
    std::vector<PopulationUnit> units;
    std::vector<double> weights;
    for (std::size_t w = 0; w < wards.size(); ++w) {
        const geo::Envelope e = geo::envelope_of(wards[w].geometry);
        for (double x = std::floor(e.min_x / cell_m) * cell_m + cell_m / 2; x < e.max_x; x += cell_m)
            for (double y = std::floor(e.min_y / cell_m) * cell_m + cell_m / 2; y < e.max_y; y += cell_m) {
                auto hit = study.ward_at({x, y});
                if (hit && *hit == w) {
                    units.push_back({{x, y}, w, 0});
                    weights.push_back(1);
                }
            }
        report.points_read = units.size();
    }
    return share_out(wards, std::move(units), std::move(weights), report);
}

} // namespace apreptis::model
