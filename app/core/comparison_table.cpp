#include "app/core/comparison_table.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "app/core/indicators/registry.hpp"
#include "app/core/layer_values.hpp"
#include "app/core/results.hpp"
#include "geo/geom/geometry_ops.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;
using model::ComparisonIndicator;
using model::RankOrder;

namespace {

std::string name_lt(const model::StudyArea& s, const std::string& service) {
    const auto* st = s.catalogue.find_service(service);
    return st ? st->name_lt : service;
}
std::string name_en(const model::StudyArea& s, const std::string& service) {
    const auto* st = s.catalogue.find_service(service);
    return st ? st->name_en : service;
}

std::string group_lt(const model::StudyArea& s, const std::string& group) {
    const auto* g = s.catalogue.find_group(group);
    return g ? g->name_lt : group;
}
std::string group_en(const model::StudyArea& s, const std::string& group) {
    const auto* g = s.catalogue.find_group(group);
    return g ? g->name_en : group;
}

/// Label suffixes that travel with the figure wherever the label is shown (tables, map legend,
/// viewer): an estimated target group, and for travel figures how they were measured (the mode,
/// and a straight line instead of the road network).
struct Travel {
    bool shown = false; ///< a travel figure: say the mode and the method
    bool drive = false;
    model::DistanceMethod method = model::DistanceMethod::straight_line;
};
std::pair<std::string, std::string> basis_suffix(bool estimated, Travel t = {}) {
    std::string lt, en;
    if (estimated) lt += " (įvertis)", en += " (estimate)";
    if (t.shown) {
        lt += std::string(" (") + (t.drive ? "automobiliu" : "pėsčiomis") + ", " + model::label(t.method).lt + ")";
        en += std::string(" (") + (t.drive ? "by car" : "on foot") + ", " + model::label(t.method).en + ")";
    }
    return {lt, en};
}

/// A registry entry as a comparison column: its id and labels filled in, suffixes appended.
ComparisonIndicator column(std::string_view key, const model::StudyArea& s, const std::string& service = {},
                           const std::string& group = {}, const std::string& unit = {}, const std::string& min = {},
                           const std::pair<std::string, std::string>& suffix = {}) {
    const auto& d = indicators::get(key);
    const std::string w_lt = name_lt(s, service) + " — " + group_lt(s, group), w_en = name_en(s, service) + " — " + group_en(s, group);
    return {indicators::fill(d.municipal_id, {{"service", service}, {"group", group}, {"unit", unit}}),
            indicators::fill(d.municipal_lt, {{"who", w_lt}, {"service", name_lt(s, service)}, {"min", min}}) + suffix.first,
            indicators::fill(d.municipal_en, {{"who", w_en}, {"service", name_en(s, service)}, {"min", min}}) + suffix.second,
            std::string(d.unit), d.better};
}

void add_run(model::Comparison& c, const Analysis& a, std::vector<std::string>& notes) {
    const model::StudyArea& s = a.study();
    const bool drive = access_settings(a.in()).profile == geo::Profile::drive;
    std::map<std::string, double> population;
    for (const auto& w : s.wards) population[w.municipality] += static_cast<double>(w.population);
    for (const auto& [m, pop] : population)
        c.set(m, column("population", s), pop,
              a.project().ward_population_source + ": sum of the municipality's wards");

    // Providers located per municipality and service type; those in no ward are named.
    std::map<std::string, std::map<std::string, double>> located;
    std::map<std::string, std::vector<std::string>> nowhere;
    std::map<std::string, std::set<std::size_t>> seen;
    for (const auto& l : s.lines) {
        const auto& p = s.providers[l.provider];
        if (!seen[l.service_type].insert(l.provider).second) continue;
        const auto* w = p.ward_code.empty() ? nullptr : s.find_ward(p.ward_code);
        if (w) located[l.service_type][w->municipality] += 1;
        else nowhere[l.service_type].push_back(p.id);
    }
    for (const auto& [service, per] : located) {
        const ComparisonIndicator ind = column("providers", s, service);
        for (const auto& [m, n] : population) {
            const auto it = per.find(m);
            c.set(m, ind, it == per.end() ? 0.0 : it->second, "providers placed in the municipality's wards");
        }
    }
    for (const auto& [service, ids] : nowhere) {
        std::string list;
        for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
        notes.push_back(std::to_string(ids.size()) + " provider(s) of " + service + " lie in no ward of " +
                        a.project().name + " and are counted in no municipality: " + list);
    }

    for (const auto& r : a.out().coverage.rows) {
        if (r.level != model::AreaLevel::municipality) continue;
        const std::string est = r.estimated ? " (estimate)" : "";
        const auto suffix = basis_suffix(r.estimated);
        if (r.places_per_1000)
            c.set(r.area_code, column("coverage.places_per_1000", s, r.service_type, r.target_group, r.unit, {}, suffix),
                  *r.places_per_1000, "places / target group x 1000" + est);
        if (r.recipients_per_1000)
            c.set(r.area_code, column("coverage.recipients_per_1000", s, r.service_type, r.target_group, r.unit, {}, suffix),
                  *r.recipients_per_1000, "recipients / target group x 1000" + est);
    }
    if (a.out().access)
        for (const auto& sa : a.out().access->services)
            for (const auto& r : sa.rows) {
                if (r.level != model::AreaLevel::municipality || r.target_population <= 0) continue;
                char thr[16];
                std::snprintf(thr, sizeof thr, "%.0f", r.threshold_min);
                const auto suffix =
                    basis_suffix(r.estimated, {true, drive, a.out().access->method});
                c.set(r.area_code, column("access.share_within", s, r.service_type, r.target_group, {}, thr, suffix),
                      std::clamp(r.share_within * 100.0, 0.0, 100.0), a.out().access->method_label + (r.estimated ? " (estimate)" : ""));
            }
    if (a.out().capacity)
        for (const auto& sc : a.out().capacity->services)
            for (const auto& r : sc.gaps.municipalities) {
                if (r.demand <= 0) continue;
                const auto suffix = basis_suffix(sc.demand.estimated,
                                                 {true, drive, sc.reach.method});
                c.set(r.area_code, column("capacity.unserved_share", s, sc.service_type, sc.target_group, {}, {}, suffix),
                      r.unserved_share() * 100.0, sc.demand.need_basis);
            }
    if (a.in().plan) {
        std::map<std::string, std::pair<int, int>> status; // on track, judged
        for (const auto& i : a.in().plan->indicators) {
            if (!population.count(i.line.municipality)) continue;
            auto& [on, judged] = status[i.line.municipality];
            if (i.status == model::ProgressStatus::on_track) ++on, ++judged;
            if (i.status == model::ProgressStatus::behind) ++judged;
        }
        for (const auto& [m, st] : status)
            if (st.second > 0)
                c.set(m, column("plan_on_track_share", s),
                      100.0 * st.first / st.second,
                      std::to_string(st.first) + " of " + std::to_string(st.second) +
                          " indicator lines with a numeric target and result");
    }
}

} // namespace

model::Comparison build_comparison(const std::vector<const Analysis*>& runs,
                                   const std::vector<model::MunicipalFigure>& figures, std::vector<std::string>& notes) {
    model::Comparison c;
    std::map<std::string, std::string> from;
    for (const Analysis* a : runs) {
        for (const auto& w : a->study().wards) {
            auto [it, fresh] = from.emplace(w.municipality, a->project().file);
            if (!fresh && it->second != a->project().file)
                throw Error(w.municipality + " is in two of the projects compared (" + it->second + " and " +
                            a->project().file + "); compare each municipality once");
        }
        add_run(c, *a, notes);
    }
    for (const auto& f : figures) {
        if (!from.count(f.municipality))
            throw Error("municipal figures: '" + f.municipality + "' (" + f.indicator.id +
                        ") is a municipality of none of the projects compared");
        c.set(f.municipality, f.indicator, f.value,
              f.basis + (f.year ? ", " + std::to_string(f.year) : "") + (f.source.empty() ? "" : "; " + f.source));
    }
    model::rank(c);
    return c;
}

std::vector<geo::MultiPolygon> municipality_areas(const model::Comparison& c, const std::vector<const Analysis*>& runs) {
    std::vector<geo::MultiPolygon> out;
    for (const auto& m : c.municipalities) {
        std::vector<geo::MultiPolygon> parts;
        for (const Analysis* a : runs)
            for (const auto& w : a->study().wards)
                if (w.municipality == m) parts.push_back(w.geometry);
        out.push_back(geo::dissolve(parts));
    }
    return out;
}

std::vector<geo::OutLayer> comparison_layers(const model::Comparison& c, const std::vector<geo::MultiPolygon>& areas) {
    geo::OutLayer table;
    table.name = "comparison";
    table.description = "Municipalities side by side: value, rank (1 = first in the indicator's order; 0 = not "
                        "ranked; values equal when rounded to `decimals` share a rank), how many have a figure, "
                        "and its basis. No figure is never filled in.";
    table.fields = {{"municipality", FieldType::text}, {"indicator", FieldType::text}, {"label_lt", FieldType::text},
                    {"label_en", FieldType::text}, {"unit", FieldType::text}, {"value", FieldType::real},
                    {"rank", FieldType::integer}, {"of", FieldType::integer}, {"rank_order", FieldType::text},
                    {"basis", FieldType::text}, {"decimals", FieldType::integer}};
    for (std::size_t m = 0; m < c.municipalities.size(); ++m)
        for (std::size_t i = 0; i < c.indicators.size(); ++i) {
            const auto& cell = c.cells[m][i];
            const auto& ind = c.indicators[i];
            geo::OutFeature f;
            f.values = {c.municipalities[m], ind.id, ind.label_lt, ind.label_en, str(ind.unit),
                        cell.value ? Value(*cell.value) : Value(),
                        cell.rank ? Value(static_cast<long long>(cell.rank)) : Value(),
                        static_cast<long long>(c.with_figure(i)), std::string(model::to_string(ind.order)),
                        cell.value ? Value(cell.basis) : Value(std::string("no figure"))};
            f.values.push_back(static_cast<long long>(model::display_decimals(ind.unit)));
            table.features.push_back(std::move(f));
        }
    geo::OutLayer layer;
    layer.name = "municipalities";
    layer.geometry_type = geo::GeometryType::multipolygon;
    layer.description = "Municipalities (their wards dissolved) with one column per indicator (':' written as '__')";
    layer.fields = {{"municipality", FieldType::text}};
    for (const auto& ind : c.indicators) {
        std::string name = ind.id;
        for (std::size_t p; (p = name.find(':')) != std::string::npos;) name.replace(p, 1, "__");
        layer.fields.push_back({name, FieldType::real});
    }
    for (std::size_t m = 0; m < c.municipalities.size(); ++m) {
        geo::OutFeature f;
        f.values.push_back(c.municipalities[m]);
        for (std::size_t i = 0; i < c.indicators.size(); ++i)
            f.values.push_back(c.cells[m][i].value ? Value(*c.cells[m][i].value) : Value());
        if (m < areas.size()) f.geometry = areas[m];
        layer.features.push_back(std::move(f));
    }
    return {table, layer};
}

} // namespace apreptis::app
