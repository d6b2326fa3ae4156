#pragma once
// The access analysis's rows per ward and municipality (mean, median, 90th percentile, share
// within the threshold), from each area's units sorted once per service type; a what-if sorts
// again only the wards whose times changed.
#include "model/access.hpp"
#include "model/access_context.hpp"

namespace apreptis::model::detail {

/// Fills sa.rows and sa.orders from sa.per_unit; `prev` (the same type's previous analysis, or
/// null) lends the orders of wards whose units' times did not change.
void summarise_rows(const Context& c, ServiceAccess& sa, const ServiceAccess* prev);

} // namespace apreptis::model::detail
