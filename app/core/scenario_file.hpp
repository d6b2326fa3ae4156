#pragma once
// The scenario document: a base project and an ordered list of what-if edits, applied in the
// order written. Read with the same strict reader as the project file (line and column in
// every error, wrong types and unknown keys refused). Layout: docs/PROJECT_FILE.md#scenarios.
//
//   [scenario]
//   base = "../kaunas/kaunas.toml"
//   name = "..."
//   [[scenario.edit]]
//   kind = "add"            # add | move | remove | set_places
//   id = "PLAN-1"
//   ...
//
// The older layout with one array per kind ([[scenario.add]], [[scenario.move]], ...) is still
// read, in the order it was applied then: remove, move, set_places, add.
#include <string>

#include "app/core/project.hpp"
#include "model/scenario.hpp"

namespace apreptis::app {

/// What a run starts from: a project, and the edits of a scenario file when it came through one.
struct ProjectRun {
    Project project;
    model::Scenario scenario;
    std::string scenario_file; ///< empty for a plain project
};

/// A project file or a scenario file (whose base must be a project file, not another scenario).
ProjectRun load_run(const std::string& path);

/// Writes the edits in order; base_project is stored relative to the scenario file. Atomic.
void write_scenario_file(const std::string& path, const std::string& base_project, const model::Scenario& scenario);

} // namespace apreptis::app
