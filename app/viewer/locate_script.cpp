#include "locate_script.hpp"

#include <cmath>

#include "geo/geom/geometry_ops.hpp"

namespace apreptis::viewer {

nlohmann::json run_locate_script(ViewerApp& app, const LocateScript& script) {
    LocateSession& s = app.locate;
    s.open = script.open;
    s.filter = script.filter;
    s.overwrite = script.overwrite;
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& step : script.steps) {
        if (step.undo) {
            app.undo();
            app.wait();
            steps.push_back({{"undo", true}});
            continue;
        }
        s.select(app, step.provider);
        nlohmann::json j{{"provider", step.provider}};
        bool ok = false;
        if (!step.address.empty()) {
            s.load_addresses(app);
            s.wait_addresses();
            s.address = step.address;
            ok = s.place_at_address(app);
        } else {
            geo::XY px;
            if (step.pixel) {
                px = *step.pixel;
            } else {
                const model::Ward* w = app.inputs()->study->find_ward(step.ward);
                if (!w) throw UsageError("--locate-place: no ward " + step.ward + " in the project");
                const geo::XY at = app.view.to_screen(geo::point_on_surface(w->geometry));
                px = {std::round(at.x), std::round(at.y)}; // a mouse clicks whole pixels
            }
            j["pixel"] = {px.x, px.y};
            const geo::XY map = app.view.to_map(px);
            j["clicked"] = {map.x, map.y};
            ok = s.click(app, px);
        }
        app.wait();
        j["placed"] = ok;
        j["message"] = s.message;
        steps.push_back(j);
    }
    if (!script.select.empty()) s.select(app, script.select);
    nlohmann::json out{{"steps", steps}, {"metres_per_pixel", 1 / app.view.scale}};
    if (script.save) {
        s.out_path = *script.save;
        if (!s.save(app)) app.report_error(s.message);
        out["saved"] = s.last_save ? s.last_save->out_path : "";
        out["backup"] = s.last_save ? s.last_save->backup_path : "";
    }
    nlohmann::json placed = nlohmann::json::array();
    std::size_t unlocated = 0;
    for (const auto& u : s.unlocated(app)) {
        ++unlocated;
        if (u.placed) placed.push_back({{"id", u.id}, {"x", u.placed->x}, {"y", u.placed->y}, {"ward", u.placed_ward}});
    }
    out["placed"] = placed;
    out["unlocated"] = unlocated;
    out["address_points"] = s.address_points();
    out["message"] = s.message;
    return out;
}

} // namespace apreptis::viewer
