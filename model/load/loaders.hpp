#pragma once
// Feature tables (from geo::read_vector) to domain objects, with every check that can be
// done row by row. Cross-row checks (duplicates, overlaps) are in ward_checks.hpp.
#include <string>
#include <vector>

#include "geo/io/vector_reader.hpp"
#include "model/catalogue.hpp"
#include "model/comparison.hpp"
#include "model/need.hpp"
#include "model/plan/plan_line.hpp"
#include "model/population.hpp"
#include "model/provider.hpp"
#include "model/ward.hpp"

namespace apreptis::model::load {

struct WardFields {
    std::string code = "code";
    std::string name = "name";
    std::string municipality;   ///< empty: use `municipality_name` for all
    std::string municipality_name;
    std::string population = "population";
};

/// Throws DataError for missing code, missing/negative/non-integer population, no polygon.
std::vector<Ward> wards_from(const geo::FeatureTable& t, const WardFields& fields);

struct ProviderFields {
    std::string default_municipality; ///< serves_municipality when the row has none
};

/// providers.csv layout (see docs/DATA.md). Rows with the same provider_id form one
/// provider with several service lines. Throws DataError for unknown service types or target
/// groups, broken numbers, a precision that needs a point but has none, or inconsistent rows.
void providers_from(const geo::FeatureTable& t, const Catalogue& catalogue, const ProviderFields& fields,
                    std::vector<Provider>& providers, std::vector<ServiceLine>& lines);

PopulationGroups population_groups_from(const geo::FeatureTable& t, const Catalogue& catalogue);

std::vector<NeedRow> needs_from(const geo::FeatureTable& t, const Catalogue& catalogue);

/// Municipal figures layout (datasets/figures/README.md): a value, or a numerator and a
/// denominator (> 0); rank_order high_first, low_first or none. Throws DataError.
std::vector<MunicipalFigure> municipal_figures_from(const geo::FeatureTable& t);

/// Plan measures layout (docs/INPUTS.md, "Plan measures"). Throws DataError for a missing or
/// duplicate id, a line kind other than indicator/funds, a funds line without funds_part,
/// negative or broken EUR amounts, a service type not in the catalogue, a year out of range.
std::vector<PlanLine> plan_lines_from(const geo::FeatureTable& t, const Catalogue& catalogue);

} // namespace apreptis::model::load
