// The municipality level of the map: each ward coloured by its municipality's value of a
// comparison indicator (app/core/comparison_table.hpp), selection by municipality.
#include "viewer_app.hpp"

#include <map>

namespace apreptis::viewer {

std::size_t ViewerApp::compare_index() const {
    for (std::size_t i = 0; i < comparison.indicators.size(); ++i)
        if (comparison.indicators[i].id == compare_indicator) return i;
    return comparison.indicators.size();
}

int ViewerApp::selected_municipality() const {
    if (level != Level::municipalities || selected_ward < 0 || static_cast<std::size_t>(selected_ward) >= ward_municipality.size())
        return -1;
    return ward_municipality[static_cast<std::size_t>(selected_ward)];
}

void ViewerApp::select_municipality(int m) {
    selected_provider = -1;
    selected_ward = -1;
    for (std::size_t w = 0; w < ward_municipality.size(); ++w)
        if (ward_municipality[w] == m) {
            selected_ward = static_cast<int>(w);
            break;
        }
    refresh_style();
}

void ViewerApp::set_level(Level l) {
    if (l == level) return;
    if (l == Level::municipalities) {
        m_catchments_at_ward_level = layers.catchments;
        layers.catchments = false;
    } else {
        layers.catchments = m_catchments_at_ward_level;
    }
    level = l;
}

bool ViewerApp::ward_selected(std::size_t w) const {
    if (selected_ward < 0) return false;
    if (level == Level::municipalities) {
        const int m = selected_municipality();
        return m >= 0 && w < ward_municipality.size() && ward_municipality[w] == m;
    }
    return static_cast<int>(w) == selected_ward;
}

void ViewerApp::rebuild_comparison() {
    // Cheap (one pass over the result rows): done on the UI thread when a result is swapped in,
    // where the per-ward values are derived too.
    comparison = {};
    comparison_notes.clear();
    ward_municipality.clear();
    if (!m_current) return;
    try {
        comparison = app::build_comparison({&*m_current}, {}, comparison_notes);
    } catch (const std::exception& e) {
        m_error = std::string("comparison: ") + e.what();
    }
    std::map<std::string, int> index;
    for (std::size_t m = 0; m < comparison.municipalities.size(); ++m) index[comparison.municipalities[m]] = static_cast<int>(m);
    for (const auto& w : m_current->study().wards) {
        const auto it = index.find(w.municipality);
        ward_municipality.push_back(it == index.end() ? -1 : it->second);
    }
    if (compare_index() == comparison.indicators.size()) {
        const std::size_t i = model::most_telling_indicator(comparison);
        compare_indicator = i < comparison.indicators.size() ? comparison.indicators[i].id : "";
    }
}

} // namespace apreptis::viewer
