#pragma once
// What-if edits on the providers: add a planned site, move, remove, change places. A
// scenario is plain data; the viewer builds one edit by edit, the CLI reads it from a file
// (docs/PROJECT_FILE.md#scenarios). Coordinates are in the working CRS.
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
    std::optional<double> places; ///< add, set_places
};

const char* to_string(ScenarioEdit::Kind k);

struct Scenario {
    std::string name;
    std::vector<ScenarioEdit> edits;
};

/// Applies the edits in order, then places providers in wards again. Throws DataError for an
/// unknown provider id, a duplicate new id, or a service type / target group not in the
/// catalogue.
void apply_scenario(StudyArea& study, const Scenario& scenario);

} // namespace apreptis::model
