#include "locate_session.hpp"

#include <filesystem>

#include "app/core/locate_run.hpp"
#include "model/geocode/address.hpp"
#include "viewer_app.hpp"

namespace apreptis::viewer {

namespace {

/// The panel's messages in the viewer's language (LT/EN, as the panels' labels).
std::string say(app::Language lang, const char* lt, const char* en) { return lang == app::Language::lt ? lt : en; }

std::string point_text(geo::XY p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f, %.1f", p.x, p.y);
    return buf;
}

} // namespace

std::vector<UnlocatedProvider> LocateSession::unlocated(const ViewerApp& app) const {
    std::vector<UnlocatedProvider> out;
    const app::LoadedInputs* in = app.inputs();
    const app::Analysis* a = app.current();
    if (!in || !a) return out;
    std::map<std::string, const model::Provider*> now;
    for (const auto& p : a->study().providers) now[p.id] = &p;
    for (const auto& p : in->study->providers) {
        if (p.point) continue;
        UnlocatedProvider u{p.id, p.name, p.ward_code, p.address, p.precision, std::nullopt, ""};
        if (const auto it = now.find(p.id); it != now.end() && it->second->point) {
            u.placed = it->second->point;
            u.placed_ward = it->second->ward_code;
        }
        out.push_back(std::move(u));
    }
    return out;
}

std::vector<UnlocatedProvider> LocateSession::filtered(const ViewerApp& app) const {
    std::vector<UnlocatedProvider> all = unlocated(app);
    if (filter.empty()) return all;
    const std::string f = model::fold(filter); // "sauletekis" finds "Saulėtekis"
    std::vector<UnlocatedProvider> out;
    for (auto& u : all)
        if (model::fold(u.name).find(f) != std::string::npos || model::fold(u.id).find(f) != std::string::npos)
            out.push_back(std::move(u));
    return out;
}

void LocateSession::select(ViewerApp& app, const std::string& id) {
    if (selected == id) return;
    selected = id;
    address.clear();
    for (const auto& u : unlocated(app))
        if (u.id == id) address = u.address;
    highlight(app);
}

void LocateSession::highlight(ViewerApp& app) const {
    app.selected_provider = -1;
    if (const app::Analysis* a = app.current())
        for (std::size_t i = 0; i < a->study().providers.size(); ++i)
            if (a->study().providers[i].id == selected) app.selected_provider = static_cast<int>(i); // drawn once placed
    app.refresh_style();
}

bool LocateSession::place(ViewerApp& app, const std::string& id, geo::XY at) {
    bool known = false;
    for (const auto& u : unlocated(app)) known = known || u.id == id;
    if (!known) {
        message = id + say(app.lang, ": ne teikėjas be taško įkeltame projekte; teikėją su tašku perkelkite scenarijaus "
                                     "įrankiu „Perkelti“",
                           ": not a provider without a point in the loaded project; move located providers with "
                           "the what-if \"Move\" tool");
        return false;
    }
    model::ScenarioEdit e;
    e.kind = model::ScenarioEdit::Kind::move;
    e.provider_id = id;
    e.point = at;
    app.push_edit(std::move(e));
    const int w = app.ward_at(at);
    message = id + say(app.lang, " padėtas ties ", " placed at ") + point_text(at) +
              (w >= 0 ? say(app.lang, " (seniūnija ", " (ward ") + app.inputs()->study->wards[static_cast<std::size_t>(w)].code + ")"
                      : say(app.lang, " (už visų tiriamos teritorijos seniūnijų: nepriskiriamas jokiai seniūnijai)",
                            " (outside every ward of the study area: it counts for no ward)"));
    return true;
}

bool LocateSession::click(ViewerApp& app, geo::XY px) {
    if (selected.empty()) return false;
    return place(app, selected, app.view.to_map(px));
}

std::string LocateSession::address_source(const ViewerApp& app) const {
    const app::LoadedInputs* in = app.inputs();
    if (!in) return {};
    const app::Project& p = in->project;
    if (p.addresses && !p.addresses->source.path.empty()) return p.addresses->source.path;
    if (p.roads && p.roads->format == app::RoadFormat::osm) return p.roads->path; // its addr:* tags
    return {};
}

void LocateSession::load_addresses(const ViewerApp& app) {
    if (m_matcher || m_loading.valid() || m_load_failed || !app.inputs()) return;
    const std::string source = address_source(app);
    if (source.empty()) return;
    m_source_name = std::filesystem::path(source).filename().string();
    m_lang = app.lang; // poll() says when they are read
    m_loading = std::async(std::launch::async, [source, project = app.inputs()->project]() {
        return std::make_shared<const model::AddressMatcher>(app::read_address_points(source, project));
    });
}

void LocateSession::poll() {
    if (!m_loading.valid() || m_loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    try {
        m_matcher = m_loading.get();
        message = m_lang == app::Language::lt
                      ? "Adresų taškai perskaityti iš " + m_source_name + ": " + std::to_string(m_matcher->indexed())
                      : std::to_string(m_matcher->indexed()) + " address points read from " + m_source_name;
    } catch (const std::exception& e) {
        m_load_failed = true; // said once; not retried every frame
        message = say(m_lang, "adresų taškai: ", "address points: ") + e.what();
    }
}

void LocateSession::wait_addresses() {
    if (m_loading.valid()) m_loading.wait();
    poll();
}

bool LocateSession::place_at_address(ViewerApp& app) {
    if (selected.empty()) {
        message = say(app.lang, "pirmiausia pasirinkite teikėją", "select a provider first");
        return false;
    }
    if (!m_matcher) {
        message = address_source(app).empty()
                      ? say(app.lang, "nėra adresų šaltinio: nurodykite jį projekte ([addresses] arba [roads] su OSM ištrauka)",
                            "no address source: name one in the project ([addresses], or [roads] with an OSM extract)")
                      : say(app.lang, "adresų taškai dar skaitomi", "the address points are still being read");
        return false;
    }
    const app::AddressOutcome m = app::match_address(*m_matcher, address, m_source_name);
    if (!m.at) {
        message = selected + ": " + model::to_string(m.kind) + ": " + m.detail;
        return false;
    }
    if (!place(app, selected, *m.at)) return false;
    m_matched[selected] = {*m.at, m.detail};
    message += "; " + m.detail;
    return true;
}

std::vector<app::Placement> LocateSession::placements(const ViewerApp& app) const {
    const std::string day = date.empty() ? app::today_utc() : date;
    std::vector<app::Placement> out;
    for (const auto& u : unlocated(app)) {
        if (!u.placed) continue;
        app::Placement p{u.id, *u.placed, "placed_by_hand", app::placed_by_hand_basis(day), u.placed_ward};
        // still at the address point it was matched to (not dragged since): an address placement
        if (const auto it = m_matched.find(u.id); it != m_matched.end() && it->second.at == *u.placed) {
            p.precision = "address";
            p.basis = it->second.detail + ", matched in the viewer, " + day;
        }
        out.push_back(std::move(p));
    }
    return out;
}

bool LocateSession::save(const ViewerApp& app) {
    if (!app.inputs()) return false;
    try {
        last_save = app::write_placements(app.inputs()->project, placements(app), out_path, overwrite);
        const std::string providers = std::to_string(last_save->providers), rows = std::to_string(last_save->rows);
        message = app.lang == app::Language::lt
                      ? "įrašyta į " + last_save->out_path + ": padėtų teikėjų " + providers + ", eilučių " + rows
                      : "saved " + providers + " placed provider(s) (" + rows + " rows) to " + last_save->out_path;
        if (!last_save->backup_path.empty())
            message += say(app.lang, "; ankstesnis failas: ", "; the file before: ") + last_save->backup_path;
        return true;
    } catch (const std::exception& e) {
        message = say(app.lang, "neįrašyta: ", "not saved: ") + e.what();
        return false;
    }
}

} // namespace apreptis::viewer
