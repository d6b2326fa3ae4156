#include "model/ward_checks.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/polygon_index.hpp"
#include "model/errors.hpp"

namespace apreptis::model {

WardCheckReport check_wards(std::vector<Ward>& wards, const WardCheckOptions& options, const std::string& source) {
    WardCheckReport report;
    if (wards.empty()) throw DataError(source + ": no wards");

    std::map<std::string, const Ward*> seen;
    std::string dups;
    int n_dups = 0;
    for (const Ward& w : wards) {
        auto [it, fresh] = seen.try_emplace(w.code, &w);
        if (!fresh) {
            ++n_dups;
            dups += "\n  code " + w.code + ": fid " + std::to_string(it->second->fid) + " (" + it->second->name +
                    ") and fid " + std::to_string(w.fid) + " (" + w.name + ")";
        }
    }
    if (n_dups) throw DataError(source + ": " + std::to_string(n_dups) + " duplicate ward code(s):" + dups);

    // GEOS's own errors name no feature: each is said with the ward's place in its layer
    auto geos = [&](const Ward& w, auto&& op) {
        try {
            return op();
        } catch (const geo::GeometryError& e) {
            throw DataError(source + ":fid " + std::to_string(w.fid) + ": ward " + w.code + " (" + w.name +
                            "): GEOS cannot use the polygon: " + e.what());
        }
    };
    std::string invalid;
    int n_invalid = 0;
    for (Ward& w : wards) {
        auto reason = geos(w, [&] { return geo::invalid_reason(w.geometry); });
        if (!reason) continue;
        if (!options.repair_invalid) {
            ++n_invalid;
            invalid += "\n  fid " + std::to_string(w.fid) + " ward " + w.code + " (" + w.name + "): " + *reason;
            continue;
        }
        WardRepair r{w.code, w.name, *reason, geos(w, [&] { return geo::area(w.geometry); }), 0};
        w.geometry = geos(w, [&] { return geo::make_valid(w.geometry); });
        r.area_after_m2 = geos(w, [&] { return geo::area(w.geometry); });
        w.repaired = true;
        report.repairs.push_back(r);
    }
    if (n_invalid)
        throw DataError(source + ": " + std::to_string(n_invalid) + " invalid ward polygon(s):" + invalid +
                        "\n  hint: run with --repair-invalid (or set repair_invalid = true under [wards]) to make "
                        "them valid; the run record will list the area each repair changed");

    for (Ward& w : wards) {
        w.area_m2 = geo::area(w.geometry);
        report.total_area_m2 += w.area_m2;
    }

    std::vector<geo::MultiPolygon> polys;
    polys.reserve(wards.size());
    for (const Ward& w : wards) polys.push_back(w.geometry);
    geo::PolygonIndex index(polys);
    auto overlaps = index.overlaps(options.overlap_tolerance_m2);
    if (!overlaps.empty()) {
        std::ostringstream os;
        os << source << ": " << overlaps.size() << " pair(s) of wards overlap by more than "
           << options.overlap_tolerance_m2 << " m2:";
        for (const auto& o : overlaps)
            os << "\n  " << wards[o.a].code << " (" << wards[o.a].name << ") and " << wards[o.b].code << " ("
               << wards[o.b].name << "): " << static_cast<long long>(o.area) << " m2";
        os << "\n  hint: a person would be counted in two wards; fix the boundaries or raise "
              "overlap_tolerance_m2 under [wards] if these are slivers";
        throw DataError(os.str());
    }
    // Holes between wards: not an error (population is per ward), but a provider or building
    // point there belongs to no ward, so say where they are and how large.
    for (const auto& g : index.gaps(options.gap_tolerance_m2)) {
        WardGap wg{g.area, g.inside, {}};
        for (std::size_t i : g.around) wg.around.push_back(wards[i].code);
        report.gaps.push_back(std::move(wg));
    }
    return report;
}

} // namespace apreptis::model
