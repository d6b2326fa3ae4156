#pragma once
// Which ward each provider is in: point-in-polygon for providers with a point, a check of the
// ward code for those located only to a ward. Every provider that ends up in no ward is
// counted and named in the returned warnings, by reason.
#include <string>
#include <vector>

#include "model/study_area.hpp"

namespace apreptis::model {

/// Sets ward_code and municipality of each provider (the point wins over a ward the data
/// name). Needs index_wards(). Returns the warnings, with counts and names.
std::vector<std::string> place_providers(StudyArea& study);

} // namespace apreptis::model
