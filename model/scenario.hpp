#pragma once
// What-if edits on the providers: add a planned site, move, remove, change places. A
// scenario is plain data, an ordered list of edits applied one after another; the viewer
// builds one edit by edit, the CLI reads it from a scenario file (app/core/scenario_file.hpp,
// docs/PROJECT_FILE.md#scenarios). Coordinates are in the working CRS.
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "model/study_area.hpp"

namespace apreptis::model {

struct ScenarioEdit {
    enum class Kind { add, move, remove, set_places };
    Kind kind = Kind::add;
    std::string provider_id;
    std::string name;          ///< add
    std::string service_type;  ///< add; set_places: optional filter
    std::string target_group;  ///< add
    geo::XY point;             ///< add, move
    std::optional<double> places; ///< add, set_places (required there)
    std::string origin;        ///< where the edit came from ("scenario.toml:12"), for messages
};

const char* to_string(ScenarioEdit::Kind k);
std::optional<ScenarioEdit::Kind> edit_kind_from_string(const std::string& s);

struct Scenario {
    std::string name;
    std::vector<ScenarioEdit> edits;
};

/// Applies the edits in order, then places providers in wards again (the study must have
/// its ward index). Throws DataError naming the edit for: an unknown provider id, a duplicate
/// new id, a service type or target group not in the catalogue, places missing, negative or
/// not finite, a point not finite, a planned site outside every ward. A planned site counts
/// for the municipality of the ward it lies in. Returns the placement warnings the edits cause.
std::vector<std::string> apply_scenario(StudyArea& study, const Scenario& scenario);

} // namespace apreptis::model
