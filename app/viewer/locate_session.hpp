#pragma once
// The "Locate providers" state and commands, apart from its ImGui panel
// (views/locate_panel.cpp) so that scripted runs and tests drive the same code. A placement
// is a what-if `move` edit on a provider that had no point: it goes through the viewer's edit
// stack (undo, the worker-thread recompute) like any what-if, and the model marks the provider
// placed_by_hand. "Save" writes the providers file with the placements
// (app/core/placed_providers.hpp); other what-if edits stay in the scenario.
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/core/i18n.hpp"
#include "app/core/placed_providers.hpp"
#include "geo/geometry.hpp"
#include "model/geocode/address_matcher.hpp"
#include "model/provider.hpp"

namespace apreptis::viewer {

class ViewerApp;

/// A provider of the loaded project that had no point.
struct UnlocatedProvider {
    std::string id, name, ward_code, address;
    model::LocationPrecision precision = model::LocationPrecision::unknown; ///< as loaded
    std::optional<geo::XY> placed;  ///< where the scenario has it now (working CRS)
    std::string placed_ward;        ///< the ward it is placed in
};

class LocateSession {
public:
    bool open = false;        ///< the panel is shown
    std::string selected;     ///< the provider a map click places
    std::string filter;       ///< name filter (case and diacritics folded)
    std::string address;      ///< typed address for the selected provider
    std::string out_path;     ///< empty: providers_located.csv beside the providers file
    bool overwrite = false;   ///< allow replacing the providers file itself (a backup is kept)
    std::string date;         ///< for location_basis; empty: today (UTC)
    std::string message;      ///< what the last command did, shown in the panel (in the viewer's language)
    std::optional<app::PlacementSave> last_save;

    /// Providers without a point in the loaded project, in file order, with where the current
    /// scenario has placed them.
    std::vector<UnlocatedProvider> unlocated(const ViewerApp& app) const;
    /// Those passing the name filter.
    std::vector<UnlocatedProvider> filtered(const ViewerApp& app) const;

    /// Selects provider `id` for placing (its address goes into the address field).
    void select(ViewerApp& app, const std::string& id);
    /// Places provider `id` (one without a point when loaded) at `at`: a move edit. False (and
    /// a message) when it is not one of them or the point is outside every ward.
    bool place(ViewerApp& app, const std::string& id, geo::XY at);
    /// A click on the map at screen pixel `px`: places the selected provider there.
    bool click(ViewerApp& app, geo::XY px);
    /// Matches the typed address for the selected provider with the address source (as
    /// `apreptis locate`); an exact address point places it, anything else is a message.
    bool place_at_address(ViewerApp& app);

    /// The address source the project names: [addresses] path, else its OSM extract ([roads]
    /// format "osm"); empty when it has neither.
    std::string address_source(const ViewerApp& app) const;
    /// Starts reading the address points on a worker thread (once); ready() when done.
    void load_addresses(const ViewerApp& app);
    bool addresses_loading() const { return m_loading.valid(); }
    bool addresses_ready() const { return m_matcher != nullptr; }
    std::size_t address_points() const { return m_matcher ? m_matcher->indexed() : 0; }
    /// Waits for the address points (scripted use).
    void wait_addresses();
    /// Call once per frame: takes finished address points in.
    void poll();

    /// The placements the scenario holds now, as written by save().
    std::vector<app::Placement> placements(const ViewerApp& app) const;
    /// Writes the providers file (out_path, overwrite). False and a message on error.
    bool save(const ViewerApp& app);

    /// Selects it in the inspector too (and on the map once it has a point).
    void highlight(ViewerApp& app) const;

private:
    struct Matched {
        geo::XY at;
        std::string detail;
    };
    std::map<std::string, Matched> m_matched; ///< id -> the address point it was placed at
    std::shared_ptr<const model::AddressMatcher> m_matcher;
    std::string m_source_name;
    std::future<std::shared_ptr<const model::AddressMatcher>> m_loading;
    bool m_load_failed = false;
    app::Language m_lang = app::Language::lt; ///< the viewer's when the address points were asked for
};

} // namespace apreptis::viewer
