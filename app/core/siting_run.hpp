#pragma once
// A site-suggestion request on an analysis (shared by `apreptis suggest` and the viewer's
// panel): which service and group, how many sites of how many places, which candidates.
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "model/capacity/siting.hpp"

namespace apreptis::app {

struct SitingRequest {
    std::string service_type;
    std::string target_group;             ///< empty: the service's only group with located providers
    std::size_t k = 1;
    std::optional<double> places;         ///< empty: the median capacity of its existing providers
    std::string candidates_path;          ///< a point layer (GDAL source); empty: a grid
    double candidate_grid_m = 250;
    model::SitingObjective objective = model::SitingObjective::coverage;
};

struct SitingRun {
    SitingRequest request;                ///< as resolved (group, places filled in)
    std::string places_basis;
    std::string candidates_basis;
    std::vector<geo::XY> candidates;
    model::SitingResult result;
};

/// Throws apreptis::Error for a request the analysis cannot answer (no [capacity], an unknown
/// service or group, an empty candidate layer, k larger than the candidates) and
/// model::Cancelled when `stop` is requested.
SitingRun run_siting(const Analysis& analysis, SitingRequest request, std::stop_token stop = {});

} // namespace apreptis::app
