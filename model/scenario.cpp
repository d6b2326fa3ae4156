#include "model/scenario.hpp"

#include <algorithm>
#include <cmath>

#include "model/errors.hpp"
#include "model/provider_placement.hpp"

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

std::optional<ScenarioEdit::Kind> edit_kind_from_string(const std::string& s) {
    for (auto k : {ScenarioEdit::Kind::add, ScenarioEdit::Kind::move, ScenarioEdit::Kind::remove,
                   ScenarioEdit::Kind::set_places})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

namespace {

std::string describe(const ScenarioEdit& e, std::size_t n) {
    return (e.origin.empty() ? std::string() : e.origin + ": ") + "scenario edit " + std::to_string(n + 1) + " (" +
           to_string(e.kind) + " " + e.provider_id + ")";
}

std::size_t find_provider(const StudyArea& s, const ScenarioEdit& e, const std::string& where) {
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (s.providers[i].id == e.provider_id) return i;
    throw DataError(where + ": no provider '" + e.provider_id + "'");
}

void check_places(const ScenarioEdit& e, const std::string& where) {
    if (!e.places) throw DataError(where + ": places is required");
    if (!std::isfinite(*e.places) || *e.places < 0)
        throw DataError(where + ": places must be a finite number >= 0, found " + std::to_string(*e.places));
}

void check_point(const ScenarioEdit& e, const std::string& where) {
    if (!std::isfinite(e.point.x) || !std::isfinite(e.point.y))
        throw DataError(where + ": x and y must be finite numbers in the working CRS");
}

} // namespace

std::vector<std::string> apply_scenario(StudyArea& s, const Scenario& sc) {
    std::vector<std::size_t> added;       // providers planned by this scenario
    std::vector<std::string> added_where; // ... and the edit that planned each
    for (std::size_t n = 0; n < sc.edits.size(); ++n) {
        const ScenarioEdit& e = sc.edits[n];
        const std::string where = describe(e, n);
        if (e.provider_id.empty()) throw DataError(where + ": the provider id is empty");
        switch (e.kind) {
        case ScenarioEdit::Kind::add: {
            if (std::any_of(s.providers.begin(), s.providers.end(), [&](const Provider& p) { return p.id == e.provider_id; }))
                throw DataError(where + ": provider id '" + e.provider_id + "' already exists");
            const ServiceType* type = s.catalogue.find_service(e.service_type);
            if (!type)
                throw DataError(where + ": service type '" + e.service_type + "' is not in the catalogue (known: " +
                                s.catalogue.service_codes() + ")");
            if (!s.catalogue.find_group(e.target_group))
                throw DataError(where + ": target group '" + e.target_group + "' is not in the catalogue (known: " +
                                s.catalogue.group_codes() + ")");
            check_point(e, where);
            check_places(e, where);
            Provider p;
            p.id = e.provider_id;
            p.name = e.name.empty() ? e.provider_id : e.name;
            p.precision = LocationPrecision::planned;
            p.point = e.point;
            p.location_basis = "scenario: planned site placed by the planner";
            s.providers.push_back(p);
            added.push_back(s.providers.size() - 1);
            added_where.push_back(where);
            ServiceLine l;
            l.provider = s.providers.size() - 1;
            l.service_type = e.service_type;
            l.target_group = e.target_group;
            l.unit = type->counting_unit;
            l.places = e.places;
            l.source = "scenario";
            s.lines.push_back(l);
            break;
        }
        case ScenarioEdit::Kind::move: {
            check_point(e, where);
            Provider& p = s.providers[find_provider(s, e, where)];
            p.point = e.point;
            p.ward_code.clear();
            // An existing provider that had no point (ward, municipality, unknown) is not a planned
            // site: it is placed by hand (the viewer's "Locate providers" builds these edits).
            if (!has_point(p.precision)) {
                p.precision = LocationPrecision::placed_by_hand;
                p.location_basis = "scenario: placed by the planner";
            } else {
                p.location_basis = "scenario: moved by the planner";
            }
            break;
        }
        case ScenarioEdit::Kind::remove: {
            const std::size_t i = find_provider(s, e, where);
            s.providers.erase(s.providers.begin() + static_cast<std::ptrdiff_t>(i));
            std::vector<ServiceLine> kept;
            for (ServiceLine& l : s.lines) {
                if (l.provider == i) continue;
                if (l.provider > i) --l.provider;
                kept.push_back(std::move(l));
            }
            s.lines = std::move(kept);
            for (std::size_t k = 0; k < added.size();) {
                if (added[k] == i) {
                    added.erase(added.begin() + static_cast<std::ptrdiff_t>(k));
                    added_where.erase(added_where.begin() + static_cast<std::ptrdiff_t>(k));
                    continue;
                }
                if (added[k] > i) --added[k];
                ++k;
            }
            break;
        }
        case ScenarioEdit::Kind::set_places: {
            check_places(e, where);
            const std::size_t i = find_provider(s, e, where);
            bool any = false;
            for (ServiceLine& l : s.lines)
                if (l.provider == i && (e.service_type.empty() || l.service_type == e.service_type)) {
                    l.places = e.places;
                    any = true;
                }
            if (!any)
                throw DataError(where + ": provider '" + e.provider_id + "' has no service line" +
                                (e.service_type.empty() ? std::string() : " of type '" + e.service_type + "'"));
            break;
        }
        }
    }
    if (sc.edits.empty()) return {};
    std::vector<std::string> warnings = place_providers(s);
    // A planned site belongs to the municipality whose ward it lies in (not to the first
    // ward's, which in a multi-municipality project would be the wrong one).
    for (std::size_t k = 0; k < added.size(); ++k) {
        Provider& p = s.providers[added[k]];
        if (p.ward_code.empty())
            throw DataError(added_where[k] + ": planned provider '" + p.id + "' at (" + std::to_string(p.point->x) +
                            ", " + std::to_string(p.point->y) + ") lies outside every ward of the study area");
        p.serves_municipality = p.municipality;
    }
    return warnings;
}

} // namespace apreptis::model
