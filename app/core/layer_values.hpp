#pragma once
// Cell values for output layers: empty means "not known", never zero.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

inline geo::Value opt(const std::optional<double>& v) { return v ? geo::Value(*v) : geo::Value(); }
inline geo::Value fin(double v) { return std::isfinite(v) ? geo::Value(v) : geo::Value(); }
inline geo::Value str(const std::string& s) { return s.empty() ? geo::Value() : geo::Value(s); }
inline geo::Value i64(long long v) { return geo::Value(static_cast<std::int64_t>(v)); }

} // namespace apreptis::app
