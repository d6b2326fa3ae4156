#include "model/population_surface.hpp"

#include <cmath>

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/polygon_index.hpp"
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

std::vector<PopulationUnit> distribute_to_points(const std::vector<Ward>& wards, const std::vector<WeightedPoint>& points,
                                                 const std::string& method, SurfaceReport& report) {
    report.method = method;
    report.points_read = points.size();
    std::vector<geo::MultiPolygon> polys;
    for (const Ward& w : wards) polys.push_back(w.geometry);
    geo::PolygonIndex index(polys);
    std::vector<PopulationUnit> units;
    std::vector<double> weights;
    for (const WeightedPoint& p : points) {
        if (p.weight < 0) throw DataError("population surface: negative weight " + std::to_string(p.weight));
        auto w = index.locate(p.point);
        if (!w) {
            report.points_outside_wards++;
            continue;
        }
        units.push_back({p.point, *w, 0});
        weights.push_back(p.weight);
    }
    return share_out(wards, std::move(units), std::move(weights), report);
}

std::vector<PopulationUnit> distribute_to_grid(const std::vector<Ward>& wards, double cell_m, SurfaceReport& report) {
    report.method = "regular grid of " + std::to_string(static_cast<int>(cell_m)) +
                    " m, equal shares of the ward population (no building data)";
    std::vector<geo::MultiPolygon> polys;
    for (const Ward& w : wards) polys.push_back(w.geometry);
    geo::PolygonIndex index(polys);
    std::vector<PopulationUnit> units;
    std::vector<double> weights;
    for (std::size_t w = 0; w < wards.size(); ++w) {
        const geo::Envelope e = geo::envelope_of(wards[w].geometry);
        for (double x = std::floor(e.min_x / cell_m) * cell_m + cell_m / 2; x < e.max_x; x += cell_m)
            for (double y = std::floor(e.min_y / cell_m) * cell_m + cell_m / 2; y < e.max_y; y += cell_m) {
                auto hit = index.locate({x, y});
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
