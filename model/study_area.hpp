#pragma once
// Everything one analysis reads, after loading and checking: wards, providers and their
// service lines, population groups, the plan's needs, the catalogue. Immutable once loaded;
// a what-if works on a copy whose providers and lines are edited (the ward index is shared).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/catalogue.hpp"
#include "model/need.hpp"
#include "model/population.hpp"
#include "model/provider.hpp"
#include "model/ward.hpp"

namespace apreptis::geo {
class PolygonIndex;
}

namespace apreptis::model {

struct StudyArea {
    Catalogue catalogue;
    std::vector<Ward> wards;
    std::vector<Provider> providers;
    std::vector<ServiceLine> lines;
    PopulationGroups groups;
    std::vector<NeedRow> needs;
    std::string providers_source;    ///< the provider table's path, for messages about its rows
    /// Point-in-polygon over `wards`, built once by index_wards() when the wards are final;
    /// thread-safe, shared by every copy of the study.
    std::shared_ptr<const geo::PolygonIndex> ward_index;

    const Ward* find_ward(const std::string& code) const;
    /// Index of the ward containing p (boundary counts as inside). Needs index_wards().
    std::optional<std::size_t> ward_at(geo::XY p) const;
    std::vector<std::string> municipalities() const; ///< of the wards, in first-seen order
    geo::Envelope envelope() const;                   ///< of all wards
};

/// Builds study.ward_index from study.wards (after checks and repairs).
void index_wards(StudyArea& study);

} // namespace apreptis::model
