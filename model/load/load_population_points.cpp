#include <algorithm>

#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/population_points.hpp"

namespace apreptis::model::load {

PopulationPoints population_points_from(const geo::FeatureTable& t, const PopulationPointFields& fields) {
    const int wf = fields.weight_field.empty() ? -1 : t.require_field(fields.weight_field);
    const int pf = fields.purpose_field.empty() ? -1 : t.require_field(fields.purpose_field);
    PopulationPoints out;
    out.points.reserve(t.features.size());
    for (const auto& f : t.features) {
        const auto* xy = std::get_if<geo::XY>(&f.geometry);
        if (!xy) throw DataError(t.where(f) + ": expected a point");
        if (pf >= 0 && !fields.residential_codes.empty()) {
            const std::string code = text(t, f, pf);
            if (std::find(fields.residential_codes.begin(), fields.residential_codes.end(), code) ==
                fields.residential_codes.end()) {
                ++out.not_residential;
                continue;
            }
        }
        double w = 1;
        if (wf >= 0) {
            w = optional_number(t, f, wf).value_or(1);
            if (w == 0) w = 1; // a registered building with 0 floors still stands: count it once
        }
        out.points.push_back({*xy, w});
    }
    return out;
}

} // namespace apreptis::model::load
