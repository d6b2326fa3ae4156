#pragma once
// Preconditions of geo entry points (RoutingKit style): a violated one is a bug in the caller,
// which should have refused the value where it was read (the project file, a layer), so it
// throws std::invalid_argument, which the CLI reports as an internal error, never as bad input.
#include <cmath>
#include <stdexcept>
#include <string>

namespace apreptis::geo {

inline void require(bool condition, const char* what) {
    if (!condition) throw std::invalid_argument(std::string("precondition violated: ") + what);
}

inline bool positive_finite(double v) { return std::isfinite(v) && v > 0; }

} // namespace apreptis::geo
