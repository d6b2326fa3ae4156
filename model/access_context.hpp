#pragma once
// What the parts of the access analysis (model/access.cpp, access_summary.cpp,
// access_reuse.cpp, access_catchments.cpp) share while one analysis runs. Internal to them.
#include <stop_token>
#include <vector>

#include "model/access.hpp"

namespace apreptis::model::detail {

/// What every service type of one analysis shares.
struct Context {
    const StudyArea& s;
    const RoutingIndex& routing;
    const AccessSettings& st;
    double walk;
    std::vector<std::vector<std::size_t>> units_of_ward;
    std::stop_token stop;
};

inline void check(const Context& c) {
    if (c.stop.stop_requested()) throw Cancelled();
}

} // namespace apreptis::model::detail
