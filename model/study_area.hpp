#pragma once
// Everything one analysis reads, after loading and checking.
#include <string>
#include <vector>

#include "model/catalogue.hpp"
#include "model/need.hpp"
#include "model/population.hpp"
#include "model/provider.hpp"
#include "model/ward.hpp"

namespace apreptis::model {

struct StudyArea {
    Catalogue catalogue;
    std::vector<Ward> wards;
    std::vector<Provider> providers;
    std::vector<ServiceLine> lines;
    PopulationGroups groups;
    std::vector<NeedRow> needs;
    std::vector<std::string> warnings; ///< reported, never silently dropped

    const Ward* find_ward(const std::string& code) const;
    std::vector<std::string> municipalities() const; ///< of the wards, in first-seen order
    geo::Envelope envelope() const;                   ///< of all wards
};

} // namespace apreptis::model
