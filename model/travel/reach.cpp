#include "model/travel/reach.hpp"

#include "geo/routing/network_check.hpp"

namespace apreptis::model {

void check_reach_entries(std::size_t entries, std::size_t limit) {
    geo::check_fits_index32(entries, "reach matrix: entries (population units within the cut-off of each point)",
                            "use fewer candidate sites (a coarser --candidate-grid), a shorter threshold or a smaller "
                            "study area",
                            limit);
}

} // namespace apreptis::model
