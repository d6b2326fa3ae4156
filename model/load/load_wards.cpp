#include <cmath>

#include "geo/geom/geometry_ops.hpp"
#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model::load {

std::vector<Ward> wards_from(const geo::FeatureTable& t, const WardFields& fields) {
    int code = t.require_field(fields.code);
    int name = t.require_field(fields.name);
    int mun = optional_field(t, fields.municipality);
    int pop = t.require_field(fields.population);
    std::vector<Ward> out;
    out.reserve(t.features.size());
    for (const auto& f : t.features) {
        Ward w;
        w.fid = f.fid;
        w.code = required_text(t, f, code);
        w.name = required_text(t, f, name);
        w.municipality = mun >= 0 ? required_text(t, f, mun) : fields.municipality_name;
        // a census count: a whole number of residents, range-checked before it becomes an integer
        constexpr long long max_residents = 1'000'000'000;
        if (text(t, f, pop).empty())
            throw DataError(t.at(f, fields.population), "ward " + w.code + " (" + w.name + "): expected a population, found nothing");
        try {
            w.population = *optional_count(t, f, pop, max_residents);
        } catch (const DataError& e) {
            throw DataError(t.at(f, fields.population), "ward " + w.code + " (" + w.name + "): " + e.detail());
        }
        const auto* mp = std::get_if<geo::MultiPolygon>(&f.geometry);
        if (!mp || mp->empty())
            throw DataError(t.at(f), "ward " + w.code + " (" + w.name + "): expected a polygon, found " +
                                         (std::holds_alternative<geo::XY>(f.geometry) ? "a point" : "no polygon"));
        w.geometry = *mp;
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace apreptis::model::load
