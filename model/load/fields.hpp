#pragma once
// Strict field access for loaders: every failure names file:layer:fid:field and what was
// expected vs found.
#include <optional>
#include <string>

#include "geo/io/vector_reader.hpp"

namespace apreptis::model::load {

/// Text of a field, trimmed; empty when null.
std::string text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field);

/// Non-empty text, else DataError "expected a value, found nothing".
std::string required_text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field);

/// A number, or nullopt when the cell is empty (or "-", the plans' "none given").
/// Throws DataError for anything else that is not a finite number, and for negatives when
/// non_negative is set.
std::optional<double> optional_number(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                      bool non_negative = true);

/// Field index or -1 when the mapping leaves it unset ("").
int optional_field(const geo::FeatureTable& t, const std::string& name);

} // namespace apreptis::model::load
