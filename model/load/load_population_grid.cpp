#include <cmath>

#include "geo/geom/geometry_ops.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/population_grid_cells.hpp"

namespace apreptis::model::load {

PopulationGrid population_grid_from(const geo::RasterGrid& r) {
    PopulationGrid g;
    g.file = r.path;
    g.extent = r.extent;
    g.cells_read = static_cast<std::size_t>(r.cells_in_window);
    g.zero_cells = static_cast<std::size_t>(r.zero_cells);
    g.cells.reserve(r.cells.size());
    for (const geo::RasterCell& c : r.cells) {
        if (c.value && (!std::isfinite(*c.value) || *c.value < 0))
            throw DataError(r.path + ": band 1, row " + std::to_string(c.row) + ", column " + std::to_string(c.column) +
                            ": expected persons >= 0, found " + geo::format_number(*c.value) +
                            (r.nodata ? "" : " (the raster declares no nodata value; if this marks no data, set one: "
                                             "gdal_edit.py -a_nodata VALUE)"));
        g.cells.push_back({geo::MultiPolygon{c.polygon}, c.value});
    }
    return g;
}

PopulationGrid population_grid_from(const geo::FeatureTable& t, const std::string& field) {
    const int fi = t.require_field(field);
    PopulationGrid g;
    g.file = t.path;
    g.cells_read = t.features.size();
    for (const auto& f : t.features) {
        const auto* mp = std::get_if<geo::MultiPolygon>(&f.geometry);
        if (!mp || mp->empty()) throw DataError(t.where(f) + ": expected a polygon (a grid cell)");
        g.extent.expand(geo::envelope_of(*mp));
        const std::optional<double> persons = optional_number(t, f, fi);
        if (persons && *persons == 0) {
            ++g.zero_cells;
            continue;
        }
        g.cells.push_back({*mp, persons});
    }
    return g;
}

} // namespace apreptis::model::load
