#include "app/report/report_sections.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/core/choropleth.hpp"
#include "app/report/published_counts.hpp"
#include "app/report/report_chart.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_robustness.hpp"

namespace apreptis::app::report {

namespace {

std::string ward_name(const Analysis& a, const std::string& code) {
    const auto* w = a.study().find_ward(code);
    return w ? w->name : code;
}

bool straight_line(const Analysis& a) {
    return a.out().access && a.out().access->method == model::DistanceMethod::straight_line;
}

} // namespace

std::string service_name(const Analysis& a, const std::string& code, Language lang) {
    const auto* st = a.study().catalogue.find_service(code);
    return st ? (lang == Language::lt ? st->name_lt : st->name_en) : code;
}

std::string group_name(const Analysis& a, const std::string& code, Language lang) {
    const auto* g = a.study().catalogue.find_group(code);
    return g ? (lang == Language::lt ? g->name_lt : g->name_en) : code;
}

namespace {

/// How the travel figures were measured. They exist only with a routing index (results.cpp).
const model::TravelTimes& travel(const Analysis& a) { return a.in().routing->travel(); }

/// "on foot, 4.5 km/h" / "by car" (over a network a car goes at each road's speed).
std::string mode_and_speed(const Analysis& a, Language L) {
    const model::AccessSettings st = access_settings(a.in());
    const bool drive = st.profile == geo::Profile::drive;
    std::string s = drive ? pick(L, "automobiliu", "by car") : pick(L, "pėsčiomis", "on foot");
    // the speed only where every time is at it (not where each road has its own)
    if (travel(a).one_speed(st.profile)) s += ", " + number(L, travel(a).speed_mps(st) * 3.6, 1) + "\u00a0km/h";
    return s;
}

} // namespace

std::string travel_basis(const Analysis& a, Language L) {
    const model::MethodLabel m = model::label(travel(a).method());
    return mode_and_speed(a, L) + ", " + pick(L, m.lt, m.en);
}

std::string within_text(const Analysis& a, Language L, double threshold_min) {
    return std::string(pick(L, "per ", "within ")) + number(L, threshold_min) + "\u00a0min (" + travel_basis(a, L) + ")";
}

LocatedCount located_count(const Analysis& a, const std::string& m) {
    std::set<std::size_t> listed;
    for (const auto& l : a.study().lines) listed.insert(l.provider);
    LocatedCount c;
    for (std::size_t i : listed) {
        const auto& p = a.study().providers[i];
        if (p.municipality != m && p.serves_municipality != m) continue;
        ++c.providers;
        if (p.point) ++c.with_point;
        if (p.point || !p.ward_code.empty()) ++c.located;
        else if (p.precision == model::LocationPrecision::municipality) ++c.municipality_only;
        else ++c.unknown;
    }
    return c;
}

std::string located_sentence(const Analysis& a, const std::string& m, Language L) {
    const LocatedCount c = located_count(a, m);
    if (c.located == c.providers) return {};
    const int missing = c.providers - c.located;
    return number(L, missing) + pick(L, " iš ", " of ") + number(L, c.providers) +
           pick(L, " paslaugų teikėjų vieta nežinoma (", " providers have no location (") + number(L, c.municipality_only) +
           pick(L, " žinoma tik savivaldybė, ", " known only to the municipality, ") + number(L, c.unknown) +
           pick(L, " visai nežinoma): seniūnijų vietos ir gavėjai apima tik ", " not at all): per-ward places and recipients count only the ") +
           number(L, c.located) + pick(L, " teikėjus, kurių seniūnija žinoma; kelionės laikas — tik ",
                                      " located to a ward; travel times count only the ") +
           number(L, c.with_point) + pick(L, ", kurių adresas žinomas. Seniūnija be žinomo teikėjo nebūtinai be paslaugų.",
                                         " with an address. A ward with no located provider is not necessarily without services.");
}

void basis_section(Page& p, const Analysis& a, const MapChoice& choice, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(pick(L, "Kaip gauti skaičiai", "How the figures were obtained"), 10);
    if (a.out().access) {
        if (straight_line(a))
            p.paragraph(std::string(pick(L, "Atstumai ir laikas: ", "Distances and times: ")) + mode_and_speed(a, L) +
                        pick(L, ", TIESIA LINIJA, ne kelių tinklu (kelių tinklas neįkeltas): tikri keliai ilgesni.",
                             ", STRAIGHT LINE, not over the road network (none loaded): real routes are longer."));
        else
            p.paragraph(std::string(pick(L, "Atstumai ir laikas: ", "Distances and times: ")) + travel_basis(a, L) +
                        " (OpenStreetMap; " + a.out().access->method_label + ").");
    }
    p.paragraph(pick(L, "Gyventojai: ", "Residents: ") + a.project().ward_population_source +
                pick(L, ". Tikslinių grupių (vaikų, senyvo amžiaus, neįgaliųjų) dydžiai seniūnijose yra ĮVERČIAI: "
                        "savivaldybės grupės dydis padalytas pagal seniūnijos gyventojų dalį.",
                     ". Target-group sizes per ward (children, older persons, persons with disability) are "
                     "ESTIMATES: the municipal group size shared out by each ward's share of residents."));
    if (a.out().capacity)
        for (const auto& sc : a.out().capacity->services)
            p.paragraph(std::string(pick(L, "Poreikis (", "Need (")) + sc.service_type + "): " + sc.demand.need_basis);
    if (o.unsuppressed) {
        p.paragraph(pick(L, "NESLĖPTI MAŽI SKAIČIAI: tik planuotojo darbo kopija, neplatinti.",
                         "SMALL COUNTS NOT SUPPRESSED: the planner's working copy only, do not circulate."),
                    9, 0, true);
    } else if (o.small_count_threshold > 1) { // at 1 or below no whole count is small
        p.paragraph(withheld_note(L, o.small_count_threshold));
    }
    p.paragraph(std::string(pick(L, "Žemėlapio rodiklis: ", "Map indicator: ")) + choice.title + " (" +
                choice.indicator_id + ")" +
                pick(L, "; klasės — kvantiliai, riba priklauso žemesnei klasei; skaičius prie reikšmės — seniūnijos numeris sąraše šalia žemėlapio.",
                     "; classes are quantiles, a value on a limit belongs to the lower class; the number before each value is the ward's number in the list beside the map."));
}

struct WorstRow {
    std::string service, ward, group;
    double target = 0, within = 0, beyond = 0, share = 0;
    std::string reason;
    WardGroup counts; ///< what may be printed (published_counts.hpp)
    std::vector<std::size_t> unserved_parts;
    std::string sure = "—"; ///< how sure (report_robustness.hpp): travel rows under [robustness]
};

void worst_wards_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(pick(L, "Blogiausiai aptarnaujamos seniūnijos", "Wards worst served"));
    if (!a.out().access) {
        p.paragraph(pick(L, "Atstumų analizė neatlikta (projekte nėra [access]).",
                         "No travel-distance analysis (the project has no [access])."));
        return;
    }
    // Services in the order of their municipal share within the threshold, worst first.
    std::vector<std::pair<double, const model::ServiceAccess*>> order;
    for (const auto& sa : a.out().access->services)
        for (const auto& r : sa.rows)
            if (r.level == model::AreaLevel::municipality && r.area_code == m && r.target_population > 0) {
                order.push_back({r.share_within, &sa});
                break;
            }
    if (order.empty()) { // no located provider (a new project): nothing is reached, nothing can be ranked
        p.paragraph(pick(L, "Projekte dar nėra teikėjų su vieta, todėl seniūnijų palyginti negalima: "
                            "įrašykite teikėjus su koordinatėmis į providers.csv.",
                         "The project has no provider with a location yet, so no ward can be ranked: "
                         "fill providers.csv with the providers and their coordinates."));
        return;
    }
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<WorstRow> rows;
    std::vector<std::pair<std::string, std::size_t>> groups; // heading of each service, its first row
    std::size_t services_shown = 0;
    for (const auto& [share, sa] : order) {
        if (services_shown == 7) break;
        const model::ServiceCapacity* cap = nullptr;
        if (a.out().capacity)
            for (const auto& sc : a.out().capacity->services)
                if (sc.service_type == sa->service_type) cap = &sc;
        std::vector<WorstRow> mine;
        if (cap) {
            for (const auto& g : cap->gaps.wards) {
                if (g.municipality != m || g.unserved() <= 0) continue;
                WorstRow w{service_name(a, sa->service_type, L), ward_name(a, g.area_code),
                           group_name(a, cap->target_group, L) + pick(L, " (poreikis)", " (demand)"),
                           g.demand, g.served, g.unserved(), g.demand > 0 ? g.served / g.demand : 0, "", {}, {}};
                w.reason = g.no_capacity >= g.too_far ? pick(L, "trūksta vietų", "no capacity")
                                                      : pick(L, "per toli", "too far");
                w.counts = capacity_group(g, o.unsuppressed ? 0 : o.small_count_threshold);
                w.unserved_parts = capacity_unserved;
                mine.push_back(w);
            }
            std::sort(mine.begin(), mine.end(), [](const WorstRow& x, const WorstRow& y) { return x.beyond > y.beyond; });
        } else {
            for (const auto& r : sa->rows) {
                if (r.level != model::AreaLevel::ward || r.municipality != m || r.share_within >= 1.0 ||
                    r.target_population <= 0)
                    continue;
                mine.push_back({service_name(a, sa->service_type, L), r.area_name, group_name(a, r.target_group, L),
                                r.target_population, r.within_threshold, r.target_population - r.within_threshold,
                                r.share_within, pick(L, "per toli", "too far"),
                                access_group(r, o.unsuppressed ? 0 : o.small_count_threshold), access_beyond});
                if (o.robustness)
                    if (const auto* rr = share_row(*o.robustness, r.area_code, sa->service_type, r.target_group))
                        mine.back().sure = sure_text(L, *rr);
            }
            std::sort(mine.begin(), mine.end(), [](const WorstRow& x, const WorstRow& y) { return x.share < y.share; });
        }
        if (mine.empty()) continue;
        ++services_shown;
        // The service once, with how "served" was measured, above its wards.
        const std::string served = cap ? pick(L, ": aptarnauti — poreikis, patenkintas pasiekiamu atstumu ",
                                              ": served = demand met by a provider in reach ")
                                       : pick(L, ": aptarnauti — pasiekia ", ": served = reaches it ");
        groups.push_back({mine.front().service + served + within_text(a, L, cap ? cap->threshold_min : sa->threshold_min),
                          rows.size()});
        // A row whose ranking figure is withheld goes after the ranked ones: its place between
        // two printed figures would bound it.
        if (mine.size() > 3) mine.resize(3);
        std::stable_partition(mine.begin(), mine.end(), [&](const WorstRow& w) {
            return (cap ? w.counts.sum_shown(w.unserved_parts) : w.counts.share_shown(access_within)) == Shown::value;
        });
        rows.insert(rows.end(), mine.begin(), mine.end());
    }
    if (rows.empty()) {
        p.paragraph(pick(L, "Visose seniūnijose visa tikslinė grupė pasiekia paslaugas per nustatytą laiką.",
                         "In every ward the whole target group reaches the services within the threshold."));
        return;
    }
    std::vector<TableRow> table{{{pick(L, "Seniūnija", "Ward"), pick(L, "Tikslinė grupė", "Target group"),
                                  pick(L, "Iš viso", "Total"), pick(L, "Aptarnauti", "Served"),
                                  pick(L, "Neaptarnauti", "Not served"), pick(L, "Dalis", "Share"),
                                  pick(L, "Priežastis", "Reason")}}};
    if (o.robustness) table[0].cells.push_back(pick(L, "Kiek tikra", "How sure"));
    const double t = o.small_count_threshold;
    std::size_t next_group = 0;
    bool withheld = false;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        if (next_group < groups.size() && groups[next_group].second == k) table.push_back({{groups[next_group++].first}, true});
        const WardGroup& c = r.counts;
        const Shown share = c.share_shown({0});
        table.push_back({{r.ward, r.group, count_text(L, r.target, t, c.total_shown()),
                          count_text(L, r.within, t, c.part_shown(0)),
                          count_text(L, r.beyond, t, c.sum_shown(r.unserved_parts)),
                          share == Shown::value ? percent(L, r.share) : withheld_mark, r.reason}});
        if (o.robustness) table.back().cells.push_back(r.sure);
        withheld = withheld || c.decision.any() || share != Shown::value;
    }
    if (o.robustness)
        p.table({90, 92, 52, 56, 62, 42, 55, 62}, table);
    else
        p.table({100, 118, 55, 58, 70, 45, 65}, table);
    if (withheld) p.paragraph(withheld_note(L, t), 7.5);
    if (o.robustness) p.paragraph(robustness_sentence(L, *o.robustness, travel_basis(a, L)), 7.5);
    if (straight_line(a))
        p.paragraph(pick(L, "Laikas skaičiuotas tiesia linija: keliais kelionė ilgesnė.",
                         "Times are straight-line: travel over roads takes longer."), 7.5);
}

void ward_chart_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    if (!a.out().access) {
        places_chart_section(p, a, m, o);
        return;
    }
    const Language L = o.lang;
    // The service type with the lowest municipal share within its threshold (the map's, by default).
    const model::ServiceAccess* worst = nullptr;
    const model::AccessRow* municipal = nullptr;
    for (const auto& sa : a.out().access->services)
        for (const auto& r : sa.rows)
            if (r.level == model::AreaLevel::municipality && r.area_code == m && r.target_population > 0 &&
                (!municipal || r.share_within < municipal->share_within)) {
                worst = &sa;
                municipal = &r;
            }
    if (!worst) return;
    BarChart c;
    c.axis_unit = "%";
    const double t = o.small_count_threshold;
    bool withheld = false;
    for (const auto& r : worst->rows) {
        if (r.level != model::AreaLevel::ward || r.municipality != m || r.target_group != municipal->target_group) continue;
        // A share is shown where the worst-wards table and the map would show it (one decision
        // per ward, published_counts.hpp); a withheld one has no bar and goes first, unranked.
        ChartBar b{r.area_name, std::nullopt, "—"};
        if (r.target_population > 0) {
            if (access_group(r, o.unsuppressed ? 0 : t).share_shown(access_within) == Shown::value) {
                b.value = r.share_within * 100.0;
                b.value_text = percent(L, r.share_within);
            } else {
                b.value_text = withheld_mark;
                withheld = true;
            }
        }
        c.bars.push_back(b);
    }
    if (c.bars.size() < 2) return; // one ward: the chart would repeat the table
    std::stable_sort(c.bars.begin(), c.bars.end(), [](const ChartBar& x, const ChartBar& y) {
        return x.value.value_or(-1) < y.value.value_or(-1);
    });
    c.reference = municipal->share_within * 100.0;
    c.reference_label = std::string(pick(L, "savivaldybė ", "municipality ")) + percent(L, municipal->share_within);
    const double h = bar_chart_height(c) + 40 + (withheld ? 12 : 0);
    if (!p.room(h)) return;
    p.heading(service_name(a, worst->service_type, L) + pick(L, ": dalis (", ": share of ") +
                  group_name(a, municipal->target_group, L) + pick(L, "), pasiekiančių ", " reaching it ") +
                  within_text(a, L, worst->threshold_min) + pick(L, ", pagal seniūniją", ", per ward"),
              10);
    p.y += draw_bar_chart(p.cairo(), c, page_margin, p.y, page_w - 2 * page_margin) + 4;
    if (withheld)
        p.paragraph(pick(L, "„×“ — dalis paslėpta: iš jos ir seniūnijos dydžio būtų galima apskaičiuoti mažą skaičių.",
                         "\"×\": share withheld: with the ward's size it would give a small count back."),
                    7.5);
}

void scenario_section(Page& p, const Analysis& after, const Analysis& before, const MapChoice& choice,
                      const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(std::string(pick(L, "Pasiūlymo poveikis: ", "Effect of the proposal: ")) + after.out().scenario.name);
    p.paragraph(std::string(pick(L, "Pakeitimų: ", "Edits: ")) + std::to_string(after.out().scenario.edits.size()) +
                pick(L, ". Rodiklis: ", ". Indicator: ") + choice.title + ".");
    const auto b = ward_values(before, choice.indicator_id), x = ward_values(after, choice.indicator_id);
    // before and after are each published as their own analysis decides; the change shows
    // only where both do (else it gives the hidden one back), and a ward with a hidden change
    // is listed first, not ranked by it (its place among the ranked would bound the change)
    const double thr = o.small_count_threshold;
    const auto shown_b = ward_shown(before, choice.indicator_id, o.unsuppressed ? 0 : thr);
    const auto shown_x = ward_shown(after, choice.indicator_id, o.unsuppressed ? 0 : thr);
    std::vector<std::tuple<bool, double, std::size_t>> changed;
    std::size_t hidden_rows = 0;
    for (std::size_t i = 0; i < after.study().wards.size() && i < b.size(); ++i) {
        if (after.study().wards[i].municipality != m) continue;
        const double d = x[i].value_or(0) - b[i].value_or(0);
        const bool hidden = shown_b[i] != Shown::value || shown_x[i] != Shown::value;
        if (std::fabs(d) > 1e-9 || b[i].has_value() != x[i].has_value()) {
            changed.push_back({!hidden, hidden ? 0.0 : -std::fabs(d), i});
            hidden_rows += hidden;
        }
    }
    std::sort(changed.begin(), changed.end());
    if (changed.empty()) {
        p.paragraph(pick(L, "Nė vienos seniūnijos rodiklis nepasikeitė.", "No ward's figure changes."));
        return;
    }
    std::vector<std::vector<std::string>> t{{pick(L, "Seniūnija", "Ward"), pick(L, "Prieš", "Before"),
                                             pick(L, "Po", "After"), pick(L, "Pokytis", "Change")}};
    const std::size_t listed = std::min(changed.size(), hidden_rows + 12);
    bool withheld = false;
    for (std::size_t k = 0; k < listed; ++k) {
        const std::size_t i = std::get<2>(changed[k]);
        auto show = [&](const std::optional<double>& v, Shown s) {
            if (!v) return std::string("—");
            if (choice.counts_people || s != Shown::value) return count_text(L, *v, thr, s);
            return number(L, *v, 1);
        };
        const double d = x[i].value_or(0) - b[i].value_or(0);
        const bool hide = shown_b[i] != Shown::value || shown_x[i] != Shown::value;
        withheld = withheld || hide;
        t.push_back({after.study().wards[i].name, show(b[i], shown_b[i]), show(x[i], shown_x[i]),
                     hide ? withheld_mark : (d > 0 ? "+" : "") + number(L, d, choice.counts_people ? 0 : 1)});
    }
    p.table({200, 100, 100, 111}, t);
    if (withheld) p.paragraph(withheld_note(L, thr), 7.5);
    if (changed.size() > listed)
        p.paragraph(std::to_string(changed.size() - listed) + pick(L, " kitų seniūnijų pokyčiai mažesni.", " more wards change less."));
}

} // namespace apreptis::app::report
