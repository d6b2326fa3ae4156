#pragma once
// [robustness] in the project file: what a robustness run varies and by how much
// (docs/PROJECT_FILE.md#robustness, docs/ROBUSTNESS.md).
#include "app/core/toml_reader.hpp"
#include "model/robustness/variation.hpp"

namespace apreptis::app {

/// Reads the section's keys (the caller calls finish()). Throws apreptis::Error naming the
/// key, the expected range and what was found.
model::RobustnessSettings robustness_config(const TomlTable& t);

} // namespace apreptis::app
