#pragma once
// Strict field access for loaders: every failure is a DataError whose location names the file,
// layer, feature (and CSV line) and field, with what was expected and what was found.
#include <optional>
#include <string>

#include "geo/io/vector_reader.hpp"
#include "model/catalogue.hpp"

namespace apreptis::model::load {

/// Text of a field, trimmed; empty when null.
std::string text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field);

/// Non-empty text, else DataError "expected a value, found nothing".
std::string required_text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field);

/// Largest value any count or amount may take (a sanity bound that keeps every later cast
/// and sum exact in a double).
inline constexpr double max_quantity = 1e12;

/// A number, or nullopt when the cell is empty (or "-", the plans' "none given"). Throws
/// DataError for anything else that is not a finite number in [lowest, max] (lowest is 0 when
/// non_negative), for a true/false value where a number is due, and for a number written
/// with a decimal comma unless the table declares decimal commas.
std::optional<double> optional_number(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                      bool non_negative = true, double max = max_quantity);

/// A whole number from 0 to max, or nullopt when empty. Range-checked before any cast.
std::optional<long long> optional_count(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                        long long max);

/// A service type code of the catalogue (required), else DataError naming the known codes.
const ServiceType& catalogue_service(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                     const Catalogue& catalogue);

/// A target group code of the catalogue (required), else DataError naming the known codes.
std::string catalogue_group(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                            const Catalogue& catalogue);

/// Field index or -1 when the mapping leaves it unset ("").
int optional_field(const geo::FeatureTable& t, const std::string& name);

} // namespace apreptis::model::load
