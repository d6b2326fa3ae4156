#pragma once
// Municipalities side by side (apreptis compare): the same indicators for every municipality
// of one or several runs, from the figures each run computed, the plans it read and the
// figures the documents print; ranked per indicator; as tables and a layer.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/comparison.hpp"

namespace apreptis::app {

/// Throws apreptis::Error when a municipality comes from two runs, or a figure names a
/// municipality no run has. `notes` gets what a reader must know (providers in no ward).
model::Comparison build_comparison(const std::vector<const Analysis*>& runs,
                                   const std::vector<model::MunicipalFigure>& figures, std::vector<std::string>& notes);

/// The municipalities as polygons (their wards dissolved), in the order of c.municipalities.
std::vector<geo::MultiPolygon> municipality_areas(const model::Comparison& c, const std::vector<const Analysis*>& runs);

/// `comparison` (one row per municipality and indicator: value, rank, of, basis) and
/// `municipalities` (polygons with population and one column per indicator).
std::vector<geo::OutLayer> comparison_layers(const model::Comparison& c, const std::vector<geo::MultiPolygon>& areas);

} // namespace apreptis::app
