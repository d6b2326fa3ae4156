#pragma once
// The output contract (docs/OUTPUTS.md): coverage.gpkg with layers wards, coverage,
// providers, plan_audit; the same tables as CSV; run.json. Written into a staging directory
// and moved into place only when everything succeeded.
#include <string>

#include "app/core/analysis.hpp"

namespace apreptis::app {

/// Throws apreptis::Error; on failure `out_dir` is left as it was.
void write_outputs(const Analysis& analysis, const std::string& out_dir);

} // namespace apreptis::app
