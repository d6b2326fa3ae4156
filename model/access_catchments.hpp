#pragma once
// The access analysis's catchment polygons, per band: a provider's (where the method reaches it
// from) or a service type's (where its nearest provider is within the band).
#include <cstddef>
#include <string>
#include <vector>

#include "model/access.hpp"
#include "model/access_context.hpp"
#include "model/travel/travel_times.hpp"

namespace apreptis::model::detail {

/// Catchments of one provider, per band: where the method reaches it from (with a network, the
/// streets it is reached from drawn once into one raster for all bands; else circles).
std::vector<Catchment> provider_catchments(const Context& c, SourceSearch& search, std::size_t i, const std::string& type,
                                           std::size_t provider);

/// A service type's areas, per band: where its nearest provider is within the band (with a
/// network, from the times the multi-source search left: the union of the providers'
/// catchments, without a search per provider; else the union of their circles).
std::vector<Catchment> service_catchments(const Context& c, SourceSearch& search, const std::string& type);

} // namespace apreptis::model::detail
