#pragma once
// The plain-text summary the CLI prints after a run.
#include <string>

#include "app/core/analysis.hpp"

namespace apreptis::app {

std::string summary_text(const Analysis& analysis);

/// 298753 -> "298,753"
std::string thousands(long long v);

} // namespace apreptis::app
