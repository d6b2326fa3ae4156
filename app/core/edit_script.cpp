#include "app/core/edit_script.hpp"

#include "geo/geom/geometry_ops.hpp"

namespace apreptis::app {

model::ScenarioEdit scripted_edit(const LoadedInputs& in, int n, const std::string& service, const std::string& group) {
    const auto& wards = in.study->wards;
    const auto at = [&](int k) { return geo::point_on_surface(wards[static_cast<std::size_t>(k) % wards.size()].geometry); };
    model::ScenarioEdit e;
    const int site = n / 4; // every 4 edits work on one new site
    e.provider_id = "PLAN-" + std::to_string(site);
    switch (n % 4) {
    case 0:
        e.kind = model::ScenarioEdit::Kind::add;
        e.service_type = service;
        e.target_group = group;
        e.point = at(site);
        e.places = 20;
        break;
    case 1:
        e.kind = model::ScenarioEdit::Kind::move;
        e.point = at(site + 3);
        break;
    case 2:
        e.kind = model::ScenarioEdit::Kind::set_places;
        e.places = 35;
        break;
    default: // keep every other site, so that the scenario grows
        e.kind = site % 2 ? model::ScenarioEdit::Kind::remove : model::ScenarioEdit::Kind::set_places;
        e.places = 40;
        break;
    }
    return e;
}

} // namespace apreptis::app
