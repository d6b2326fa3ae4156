#include "model/study_area.hpp"

#include <algorithm>
#include <stdexcept>

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/polygon_index.hpp"

namespace apreptis::model {

const Ward* StudyArea::find_ward(const std::string& code) const {
    for (const Ward& w : wards)
        if (w.code == code) return &w;
    return nullptr;
}

std::optional<std::size_t> StudyArea::ward_at(geo::XY p) const {
    if (!ward_index) throw std::logic_error("StudyArea::ward_at before index_wards()");
    return ward_index->locate(p);
}

geo::Envelope StudyArea::envelope() const {
    geo::Envelope e;
    for (const Ward& w : wards) e.expand(geo::envelope_of(w.geometry));
    return e;
}

std::vector<std::string> StudyArea::municipalities() const {
    std::vector<std::string> out;
    for (const Ward& w : wards)
        if (std::find(out.begin(), out.end(), w.municipality) == out.end()) out.push_back(w.municipality);
    return out;
}

void index_wards(StudyArea& study) {
    std::vector<geo::MultiPolygon> polys;
    polys.reserve(study.wards.size());
    for (const Ward& w : study.wards) polys.push_back(w.geometry);
    study.ward_index = std::make_shared<const geo::PolygonIndex>(polys);
}

} // namespace apreptis::model
