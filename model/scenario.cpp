#include "model/scenario.hpp"

#include <algorithm>

#include "model/errors.hpp"
#include "model/ward_checks.hpp"

namespace apreptis::model {

const char* to_string(ScenarioEdit::Kind k) {
    switch (k) {
    case ScenarioEdit::Kind::add: return "add";
    case ScenarioEdit::Kind::move: return "move";
    case ScenarioEdit::Kind::remove: return "remove";
    case ScenarioEdit::Kind::set_places: return "set_places";
    }
    return "add";
}

namespace {

std::size_t find_provider(const StudyArea& s, const ScenarioEdit& e, std::size_t n) {
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (s.providers[i].id == e.provider_id) return i;
    throw DataError("scenario edit " + std::to_string(n + 1) + " (" + to_string(e.kind) + "): no provider '" +
                    e.provider_id + "'");
}

} // namespace

void apply_scenario(StudyArea& s, const Scenario& sc) {
    for (std::size_t n = 0; n < sc.edits.size(); ++n) {
        const ScenarioEdit& e = sc.edits[n];
        const std::string where = "scenario edit " + std::to_string(n + 1) + " (" + to_string(e.kind) + ")";
        switch (e.kind) {
        case ScenarioEdit::Kind::add: {
            if (std::any_of(s.providers.begin(), s.providers.end(), [&](const Provider& p) { return p.id == e.provider_id; }))
                throw DataError(where + ": provider id '" + e.provider_id + "' already exists");
            if (!s.catalogue.find_service(e.service_type))
                throw DataError(where + ": service type '" + e.service_type + "' is not in the catalogue (known: " +
                                s.catalogue.service_codes() + ")");
            if (!s.catalogue.find_group(e.target_group))
                throw DataError(where + ": target group '" + e.target_group + "' is not in the catalogue");
            Provider p;
            p.id = e.provider_id;
            p.name = e.name.empty() ? e.provider_id : e.name;
            p.precision = LocationPrecision::planned;
            p.point = e.point;
            p.location_basis = "scenario: planned site placed by the planner";
            p.serves_municipality = s.wards.empty() ? "" : s.wards.front().municipality;
            s.providers.push_back(p);
            ServiceLine l;
            l.provider = s.providers.size() - 1;
            l.service_type = e.service_type;
            l.target_group = e.target_group;
            l.unit = s.catalogue.find_service(e.service_type)->counting_unit;
            l.places = e.places;
            l.source = "scenario";
            s.lines.push_back(l);
            break;
        }
        case ScenarioEdit::Kind::move: {
            Provider& p = s.providers[find_provider(s, e, n)];
            p.point = e.point;
            p.ward_code.clear();
            if (!has_point(p.precision)) p.precision = LocationPrecision::planned;
            p.location_basis = "scenario: moved by the planner";
            break;
        }
        case ScenarioEdit::Kind::remove: {
            const std::size_t i = find_provider(s, e, n);
            s.providers.erase(s.providers.begin() + static_cast<std::ptrdiff_t>(i));
            std::vector<ServiceLine> kept;
            for (ServiceLine& l : s.lines) {
                if (l.provider == i) continue;
                if (l.provider > i) --l.provider;
                kept.push_back(std::move(l));
            }
            s.lines = std::move(kept);
            break;
        }
        case ScenarioEdit::Kind::set_places: {
            const std::size_t i = find_provider(s, e, n);
            for (ServiceLine& l : s.lines)
                if (l.provider == i && (e.service_type.empty() || l.service_type == e.service_type)) l.places = e.places;
            break;
        }
        }
    }
    if (sc.edits.empty()) return;
    const auto before = s.warnings;
    place_providers(s);
    // keep only warnings the edits caused, not a second copy of the base data's
    std::vector<std::string> merged = before;
    for (std::size_t i = before.size(); i < s.warnings.size(); ++i)
        if (std::find(before.begin(), before.end(), s.warnings[i]) == before.end()) merged.push_back(s.warnings[i]);
    s.warnings = std::move(merged);
}

} // namespace apreptis::model
