#include "app/core/class_labels.hpp"
#include "app/core/indicators/registry.hpp"
#include "app/report/report_maps.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "app/core/option_error.hpp"
#include "app/report/published_counts.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_sections.hpp"
#include "geo/geom/geometry_ops.hpp"

namespace apreptis::app::report {

Classed classify(const std::vector<std::optional<double>>& values, Language lang, int decimals, const std::string& unit) {
    const double scale = std::pow(10.0, decimals);
    auto printed = [scale](double v) { return std::round(v * scale) / scale; };
    std::vector<std::optional<double>> shown;
    for (const auto& v : values) shown.push_back(v ? std::optional<double>(printed(*v)) : std::nullopt);
    // Quantile limits rounded as printed; two limits that print alike are one.
    std::vector<double> breaks;
    for (double b : class_breaks(shown, Classification::quantiles, 5))
        if (breaks.empty() || printed(b) > breaks.back()) breaks.push_back(printed(b));
    const auto colours = palette(static_cast<int>(breaks.size()));
    Classed out;
    out.limits = breaks;
    for (const auto& v : shown) {
        const int k = class_of(v, breaks);
        out.fills.push_back(k < 0 ? no_data_colour : colours[static_cast<std::size_t>(k)]);
    }
    std::optional<double> lowest;
    for (const auto& v : shown)
        if (v && (!lowest || *v < *lowest)) lowest = v;
    const auto labels = class_labels(breaks, lowest, lang, [&](double v) { return number(lang, v, decimals); }, unit);
    for (std::size_t k = 0; k < breaks.size(); ++k) out.legend.push_back({colours[k], labels[k]});
    if (std::any_of(values.begin(), values.end(), [](const auto& v) { return !v; }))
        out.legend.push_back({no_data_colour, pick(lang, "nėra duomenų", "no data")});
    return out;
}

std::string indicator_unit(const std::string& id, Language L) {
    const auto* d = indicators::find(id);
    return d ? std::string(L == Language::lt ? d->unit_lt : d->unit_en) : std::string();
}

MapFigure municipality_map(const model::Comparison& c, const std::vector<geo::MultiPolygon>& areas, std::size_t i,
                           Language lang, std::vector<std::string> attribution) {
    std::vector<std::optional<double>> values;
    for (const auto& row : c.cells) values.push_back(row[i].value);
    const auto& ind = c.indicators[i];
    Classed classed = classify(values, lang, 1, ind.unit.empty() ? "" : "\u00a0" + ind.unit);
    MapFigure fig;
    fig.areas = areas;
    fig.fills = std::move(classed.fills);
    fig.legend = std::move(classed.legend);
    fig.legend_title = (lang == Language::lt ? ind.label_lt : ind.label_en) + (ind.unit.empty() ? "" : ", " + ind.unit);
    fig.north_letter = pick(lang, "Š", "N");
    fig.attribution = std::move(attribution);
    return fig;
}

MapChoice choose_indicator(const Analysis& a, const std::string& municipality, Language lang, const std::string& asked) {
    const auto all = ward_indicators(a);
    std::string id = indicators::ward_spelling(asked); // both spellings of the travel share
    if (id.empty() && a.out().capacity && !a.out().capacity->services.empty()) {
        const auto& sc = a.out().capacity->services.front();
        id = indicators::ward_id("capacity.unserved_share", sc.service_type, sc.target_group);
    }
    if (id.empty() && a.out().access) {
        double worst = 2;
        for (const auto& sa : a.out().access->services)
            for (const auto& r : sa.rows)
                if (r.level == model::AreaLevel::municipality && (municipality.empty() || r.area_code == municipality) &&
                    r.target_population > 0 && r.share_within < worst) {
                    worst = r.share_within;
                    id = indicators::ward_id("access.share_within", r.service_type, r.target_group);
                }
    }
    if (id.empty()) id = "density";
    const auto it = std::find_if(all.begin(), all.end(), [&](const Indicator& i) { return i.id == id; });
    if (it == all.end()) {
        std::string known;
        for (const auto& i : all) known += (known.empty() ? "" : ", ") + i.id;
        throw OptionError("--indicator '" + id + "' is not an indicator of this analysis (known: " + known + ")");
    }
    MapChoice c;
    c.indicator_id = id;
    c.title = lang == Language::lt ? it->label_lt : it->label_en;
    const auto parsed = indicators::parse(id);
    const auto family = parsed.entry ? parsed.entry->family : indicators::Family::ward_summary;
    if (family == indicators::Family::access && a.out().access) {
        // The travel share says how it was measured: mode, speed, straight line or network.
        for (const auto& sa : a.out().access->services)
            if (sa.service_type == parsed.service)
                c.title = service_name(a, parsed.service, lang) + pick(lang, ": dalis ", ": share ") +
                          within_text(a, lang, sa.threshold_min);
    } else if (family == indicators::Family::capacity) {
        // the map's title names the basis in full below, so not the method's short label too
        const auto& cap = a.out().capacity;
        const model::MethodLabel how = model::label(cap && !cap->services.empty() ? cap->services.front().reach.method
                                                                                  : model::DistanceMethod::network);
        for (const std::string sl : {std::string(" (") + how.lt + ")", std::string(" (") + how.en + ")"})
            if (const auto at = c.title.find(sl); at != std::string::npos) c.title.erase(at, sl.size());
        c.title += " (" + travel_basis(a, lang) + ")";
    }
    if (it->estimated && c.title.find(pick(lang, "įvert", "estimate")) == std::string::npos)
        c.title += pick(lang, " (įvertis)", " (estimate)");
    c.counts_people = parsed.entry && parsed.entry->counts_people;
    return c;
}

MapFigure ward_map(const Analysis& a, const MapChoice& choice, Language lang, const std::string& municipality,
                   double threshold, bool unsuppressed) {
    const auto& wards = a.study().wards;
    const auto values = ward_values(a, choice.indicator_id);
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < wards.size(); ++i)
        if (municipality.empty() || wards[i].municipality == municipality) chosen.push_back(i);
    // A withheld or small figure takes no part in the classes: a class limit is a ward's value
    // (quantiles), and a ward's colour would place its hidden value between two limits.
    const auto shown = ward_shown(a, choice.indicator_id, unsuppressed ? 0 : threshold);
    std::vector<std::optional<double>> sub;
    bool hidden = false, small = false, withheld = false, unknown = false;
    for (auto i : chosen) {
        sub.push_back(shown[i] == Shown::value ? values[i] : std::nullopt);
        small = small || (values[i] && shown[i] == Shown::small);
        withheld = withheld || (values[i] && shown[i] == Shown::withheld);
        unknown = unknown || !values[i];
    }
    hidden = small || withheld;
    double max_abs = 0;
    for (const auto& v : sub)
        if (v) max_abs = std::max(max_abs, std::fabs(*v));
    const int decimals = max_abs >= 100 ? 0 : 1;

    const std::string unit = indicator_unit(choice.indicator_id, lang);
    Classed classed = classify(sub, lang, decimals, unit);
    MapFigure m;
    m.north_letter = pick(lang, "Š", "N");
    m.legend_title = choice.title;
    m.fills = std::move(classed.fills);
    m.legend = std::move(classed.legend);
    if (hidden) {
        if (!unknown) m.legend.pop_back(); // the "no data" entry stood for the hidden wards only
        for (std::size_t k = 0; k < chosen.size(); ++k)
            if (values[chosen[k]] && shown[chosen[k]] != Shown::value) m.fills[k] = withheld_colour;
        const std::string marks = withheld && small ? std::string(withheld_mark) + " / " + small_text(lang, threshold)
                                  : withheld         ? std::string(withheld_mark)
                                                     : small_text(lang, threshold);
        m.legend.push_back({withheld_colour, marks + pick(lang, ": paslėpta (maži skaičiai)", ": withheld (small counts)")});
    }
    std::set<std::string> codes;
    for (auto i : chosen) {
        codes.insert(wards[i].code);
        m.areas.push_back(wards[i].geometry);
    }
    if (chosen.size() <= 40) {
        for (auto i : chosen) {
            std::string label;
            if (values[i]) {
                // a withheld figure is "×" alone; a small count keeps its unit ("<5 people")
                label = choice.counts_people || shown[i] != Shown::value ? count_text(lang, *values[i], threshold, shown[i])
                                                                         : number(lang, *values[i], decimals);
                if (shown[i] != Shown::withheld) label += unit;
            }
            m.labels.push_back(label);
            m.key_names.push_back(wards[i].name);
            m.label_points.push_back(geo::point_on_surface(wards[i].geometry));
        }
    }
    const std::string service = indicators::parse(choice.indicator_id).service; // empty: every provider
    std::set<std::size_t> offering;
    for (const auto& l : a.study().lines)
        if (service.empty() || l.service_type == service) offering.insert(l.provider);
    for (std::size_t i = 0; i < a.study().providers.size(); ++i) {
        const auto& p = a.study().providers[i];
        if (!p.point || !offering.count(i) || (!municipality.empty() && !codes.count(p.ward_code))) continue;
        m.points.push_back(*p.point);
    }
    if (!m.points.empty())
        m.points_label = service.empty() ? pick(lang, "paslaugų teikėjas", "provider")
                                         : std::string(pick(lang, "teikėjas: ", "provider: ")) + service;
    m.attribution = a.project().attribution;
    return m;
}

} // namespace apreptis::app::report
