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

    std::string invalid;
    int n_invalid = 0;
    for (Ward& w : wards) {
        auto reason = geo::invalid_reason(w.geometry);
        if (!reason) continue;
        if (!options.repair_invalid) {
            ++n_invalid;
            invalid += "\n  fid " + std::to_string(w.fid) + " ward " + w.code + " (" + w.name + "): " + *reason;
            continue;
        }
        WardRepair r{w.code, w.name, *reason, geo::area(w.geometry), 0};
        w.geometry = geo::make_valid(w.geometry);
        r.area_after_m2 = geo::area(w.geometry);
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
    return report;
}

void place_providers(StudyArea& study) {
    std::vector<geo::MultiPolygon> polys;
    for (const Ward& w : study.wards) polys.push_back(w.geometry);
    geo::PolygonIndex index(polys);
    int outside = 0, disagree = 0, unknown_ward = 0;
    std::string outside_list, disagree_list, unknown_list;
    for (Provider& p : study.providers) {
        if (p.point) {
            auto hit = index.locate(*p.point);
            if (!hit) {
                ++outside;
                outside_list += "\n  " + p.id + " " + p.name;
                if (!p.ward_code.empty()) p.ward_code.clear();
                continue;
            }
            const Ward& w = study.wards[*hit];
            if (!p.ward_code.empty() && p.ward_code != w.code) {
                ++disagree;
                disagree_list += "\n  " + p.id + " " + p.name + ": data say ward " + p.ward_code + ", point is in " + w.code;
            }
            p.ward_code = w.code;
            p.municipality = w.municipality;
        } else if (!p.ward_code.empty()) {
            const Ward* w = study.find_ward(p.ward_code);
            if (!w) {
                ++unknown_ward;
                unknown_list += "\n  " + p.id + " " + p.name + ": ward " + p.ward_code;
                p.ward_code.clear();
                p.precision = p.municipality.empty() ? LocationPrecision::unknown : LocationPrecision::municipality;
            } else if (p.municipality.empty()) {
                p.municipality = w->municipality;
            }
        }
    }
    if (outside)
        study.warnings.push_back(std::to_string(outside) +
                                 " provider(s) have a point outside every ward; they count for their municipality "
                                 "only, not for any ward:" + outside_list);
    if (disagree)
        study.warnings.push_back(std::to_string(disagree) +
                                 " provider(s) name a ward that disagrees with their point; the point wins:" +
                                 disagree_list);
    if (unknown_ward)
        study.warnings.push_back(std::to_string(unknown_ward) +
                                 " provider(s) name a ward code that is not in the ward layer; ward dropped:" +
                                 unknown_list);
}

const Ward* StudyArea::find_ward(const std::string& code) const {
    for (const Ward& w : wards)
        if (w.code == code) return &w;
    return nullptr;
}

geo::Envelope StudyArea::envelope() const {
    geo::Envelope e{1e300, 1e300, -1e300, -1e300};
    for (const Ward& w : wards) {
        const geo::Envelope we = geo::envelope_of(w.geometry);
        e = {std::min(e.min_x, we.min_x), std::min(e.min_y, we.min_y), std::max(e.max_x, we.max_x),
             std::max(e.max_y, we.max_y)};
    }
    return e;
}

std::vector<std::string> StudyArea::municipalities() const {
    std::vector<std::string> out;
    for (const Ward& w : wards)
        if (std::find(out.begin(), out.end(), w.municipality) == out.end()) out.push_back(w.municipality);
    return out;
}

} // namespace apreptis::model
