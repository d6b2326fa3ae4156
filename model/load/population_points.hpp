#pragma once
// Points that carry a ward's population (building points, address points): their weights
// and which of them are residential, read from any point layer.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/io/vector_reader.hpp"
#include "model/population_surface.hpp"

namespace apreptis::model::load {

struct PopulationPointFields {
    std::string weight_field;                   ///< e.g. floors; empty: every point weighs 1
    std::string purpose_field;                  ///< with residential_codes: which points are homes
    std::vector<std::string> residential_codes; ///< empty: every point
};

struct PopulationPoints {
    std::vector<WeightedPoint> points;
    std::size_t not_residential = 0; ///< points left out by residential_codes
};

/// Throws DataError for a feature without a point and a weight that is not a number >= 0;
/// a weight of 0 or an empty one counts as 1 (a registered building with 0 floors still stands).
PopulationPoints population_points_from(const geo::FeatureTable& t, const PopulationPointFields& fields);

} // namespace apreptis::model::load
