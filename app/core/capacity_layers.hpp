#pragma once
// Output layers of the capacity analysis (docs/OUTPUTS.md#capacity): accessibility scores,
// the allocation per ward, municipality and provider, clusters of unserved units; and the
// run.json part that records method, parameters and the basis of every figure.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/capacity/siting.hpp"

namespace apreptis::app {

/// accessibility, allocation, allocation_providers, unserved_clusters (when [capacity] ran).
std::vector<geo::OutLayer> capacity_layers(const Analysis& a);

/// The capacity part of run.json, as JSON text ("null" when it did not run).
std::string capacity_record_json(const Analysis& a);

/// suggested_sites: one point per site with its rank, gain and the wards it helps.
geo::OutLayer suggested_sites_layer(const Analysis& a, const model::SitingResult& r, const std::string& service,
                                    const std::string& group);

} // namespace apreptis::app
