#include <cmath>
#include <cstdio>

#include "geo/geom/geometry_ops.hpp"
#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model::load {

namespace {

std::string point_text(geo::XY c) {
    char buf[96]; // degrees to a decimetre, metres to a centimetre
    const bool degrees = std::abs(c.x) <= 360 && std::abs(c.y) <= 360;
    std::snprintf(buf, sizeof buf, degrees ? "(%.6f, %.6f)" : "(%.2f, %.2f)", c.x, c.y);
    return buf;
}

/// Rings GEOS cannot even read (it threw "Points of LinearRing do not form a closed linestring"
/// naming no file, layer or feature): checked here, where the feature is known. A closed ring
/// too small to enclose anything (3 points) GEOS reads; the validity check reports it and
/// --repair-invalid can drop it, as before.
void check_rings(const geo::FeatureTable& t, const geo::FeatureRecord& f, const Ward& w, const geo::MultiPolygon& mp) {
    for (std::size_t p = 0; p < mp.size(); ++p)
        for (std::size_t r = 0; r <= mp[p].holes.size(); ++r) {
            const geo::Ring& ring = r == 0 ? mp[p].outer : mp[p].holes[r - 1];
            const std::string which = (r == 0 ? std::string("the outer ring") : "hole " + std::to_string(r)) +
                                      " of part " + std::to_string(p + 1);
            const bool closed = !ring.empty() && ring.front() == ring.back();
            if (ring.size() >= 3 && closed) continue;
            std::string found = std::to_string(ring.size()) + " point(s)";
            if (!ring.empty() && !closed)
                found += ", not closed: it starts at " + point_text(ring.front()) + " and ends at " + point_text(ring.back());
            throw DataError(t.at(f), "ward " + w.code + " (" + w.name + "): " + which + " has " + found +
                                         "; expected a closed ring of at least 3 points, its first point repeated as its last");
        }
}

} // namespace

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
        check_rings(t, f, w, *mp);
        w.geometry = *mp;
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace apreptis::model::load
