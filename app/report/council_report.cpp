#include "app/report/council_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <unistd.h>

#include "app/report/map_figure.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_maps.hpp"
#include "apreptis/build_info.hpp"
#include "model/suppression.hpp"

namespace apreptis::app::report {

namespace {

constexpr double page_w = 595.28, page_h = 841.89, margin = 42;

/// A page being filled from the top: text with wrapping, headings and simple tables.
class Page {
public:
    explicit Page(cairo_t* cr) : m_cr(cr) {}
    double y = margin;

    void font(double size, bool bold) {
        cairo_select_font_face(m_cr, font_family, CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(m_cr, size);
    }
    double width(const std::string& s) {
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, s.c_str(), &e);
        return e.x_advance;
    }
    void text(double x, double yy, const std::string& s) {
        cairo_move_to(m_cr, x, yy);
        cairo_show_text(m_cr, s.c_str());
    }
    /// Cuts a text to fit `w` points (at a character boundary, with an ellipsis).
    std::string fit(const std::string& s, double w) {
        if (width(s) <= w) return s;
        std::string t = s;
        while (!t.empty() && width(t + "…") > w) {
            t.pop_back();
            while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
            if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
        }
        return t + "…";
    }
    void heading(const std::string& s, double size = 11.5) {
        y += size * 0.6;
        font(size, true);
        cairo_set_source_rgb(m_cr, 0.05, 0.2, 0.35);
        text(margin, y + size, s);
        y += size * 1.6;
        cairo_set_source_rgb(m_cr, 0.1, 0.1, 0.1);
    }
    void paragraph(const std::string& s, double size = 8.5, double indent = 0, bool bold = false) {
        font(size, bold);
        const double w = page_w - 2 * margin - indent;
        std::string line, word;
        auto flush = [&]() {
            text(margin + indent, y + size, line);
            y += size * 1.35;
            line.clear();
        };
        for (std::size_t i = 0; i <= s.size(); ++i) {
            if (i == s.size() || s[i] == ' ') {
                const std::string candidate = line.empty() ? word : line + " " + word;
                if (!line.empty() && width(candidate) > w) {
                    flush();
                    line = word;
                } else {
                    line = candidate;
                }
                word.clear();
            } else {
                word += s[i];
            }
        }
        if (!line.empty()) flush();
    }
    /// Columns: widths in points; the first row is the header.
    void table(const std::vector<double>& widths, const std::vector<std::vector<std::string>>& rows, double size = 7.8) {
        const double row_h = size * 1.55;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r == 0) {
                cairo_set_source_rgb(m_cr, 0.88, 0.92, 0.95);
                cairo_rectangle(m_cr, margin, y, page_w - 2 * margin, row_h);
                cairo_fill(m_cr);
            } else if (r % 2 == 0) {
                cairo_set_source_rgb(m_cr, 0.965, 0.965, 0.965);
                cairo_rectangle(m_cr, margin, y, page_w - 2 * margin, row_h);
                cairo_fill(m_cr);
            }
            cairo_set_source_rgb(m_cr, 0.1, 0.1, 0.1);
            font(size, r == 0);
            double x = margin + 3;
            for (std::size_t c = 0; c < widths.size() && c < rows[r].size(); ++c) {
                text(x, y + size * 1.15, fit(rows[r][c], widths[c] - 5));
                x += widths[c];
            }
            y += row_h;
        }
        y += 4;
    }
    bool room(double h) const { return y + h < page_h - margin; }

private:
    cairo_t* m_cr;
};

std::string today() {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

std::string service_name(const Analysis& a, const std::string& code, Language lang) {
    const auto* st = a.study().catalogue.find_service(code);
    return st ? (lang == Language::lt ? st->name_lt : st->name_en) : code;
}

std::string group_name(const Analysis& a, const std::string& code, Language lang) {
    const auto* g = a.study().catalogue.find_group(code);
    return g ? (lang == Language::lt ? g->name_lt : g->name_en) : code;
}

std::string ward_name(const Analysis& a, const std::string& code) {
    const auto* w = a.study().find_ward(code);
    return w ? w->name : code;
}

bool straight_line(const Analysis& a) {
    return a.out().access && a.out().access->method == model::DistanceMethod::straight_line;
}

void basis_section(Page& p, const Analysis& a, const MapChoice& choice, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(pick(L, "Kaip gauti skaičiai", "How the figures were obtained"), 10);
    if (a.out().access) {
        if (straight_line(a))
            p.paragraph(pick(L, "Atstumai ir laikas: TIESIA LINIJA, ne kelių tinklu (kelių tinklas neįkeltas): tikri keliai ilgesni.",
                             "Distances and times: STRAIGHT LINE, not over the road network (none loaded): real routes are longer."));
        else
            p.paragraph(std::string(pick(L, "Atstumai ir laikas: kelių tinklu (OpenStreetMap), ", "Distances and times: over the road network (OpenStreetMap), ")) +
                        a.out().access->method_label + ".");
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
    } else {
        const std::string t = model::suppressed_text(o.small_count_threshold);
        p.paragraph(std::string(pick(L, "Mažiau nei ", "Counts of people below ")) + number(L, o.small_count_threshold) +
                    pick(L, " asmenų skaičiai rodomi kaip „", " are shown as \"") + t +
                    pick(L, "“; kai paslėptą skaičių būtų galima apskaičiuoti iš sumos, paslepiamas ir kitas.",
                         "\"; where a hidden count could be worked out from a total, a second one is hidden too."));
    }
    p.paragraph(std::string(pick(L, "Žemėlapio rodiklis: ", "Map indicator: ")) + choice.title + " (" +
                choice.indicator_id + ")" + pick(L, "; klasės — kvantiliai.", "; classes are quantiles."));
}

struct WorstRow {
    std::string service, ward, group;
    double target = 0, within = 0, beyond = 0, share = 0;
    std::string reason;
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
                           g.demand, g.served, g.unserved(), g.demand > 0 ? g.served / g.demand : 0, ""};
                w.reason = g.no_capacity >= g.too_far ? pick(L, "trūksta vietų", "no capacity")
                                                      : pick(L, "per toli", "too far");
                mine.push_back(w);
            }
            std::sort(mine.begin(), mine.end(), [](const WorstRow& x, const WorstRow& y) { return x.beyond > y.beyond; });
        } else {
            for (const auto& r : sa->rows) {
                if (r.level != model::AreaLevel::ward || r.municipality != m || r.share_within >= 1.0 ||
                    r.target_population <= 0)
                    continue;
                char thr[16];
                std::snprintf(thr, sizeof thr, "%.0f", r.threshold_min);
                mine.push_back({service_name(a, sa->service_type, L), r.area_name, group_name(a, r.target_group, L),
                                r.target_population, r.within_threshold, r.target_population - r.within_threshold,
                                r.share_within,
                                std::string("> ") + thr + " min"});
            }
            std::sort(mine.begin(), mine.end(), [](const WorstRow& x, const WorstRow& y) { return x.share < y.share; });
        }
        if (mine.empty()) continue;
        ++services_shown;
        for (std::size_t i = 0; i < mine.size() && i < 3; ++i) rows.push_back(mine[i]);
    }
    if (rows.empty()) {
        p.paragraph(pick(L, "Visose seniūnijose visa tikslinė grupė pasiekia paslaugas per nustatytą laiką.",
                         "In every ward the whole target group reaches the services within the threshold."));
        return;
    }
    std::vector<std::vector<std::string>> table{{pick(L, "Paslauga", "Service"), pick(L, "Seniūnija", "Ward"),
                                                 pick(L, "Tikslinė grupė", "Target group"), pick(L, "Iš viso", "Total"),
                                                 pick(L, "Aptarnauti", "Served"), pick(L, "Neaptarnauti", "Not served"),
                                                 pick(L, "Dalis", "Share"), pick(L, "Priežastis", "Reason")}};
    const double t = o.small_count_threshold;
    for (const auto& r : rows) {
        const bool hide_total = !o.unsuppressed && model::suppress_counts({r.target}, t, false)[0] != model::Suppressed::no;
        auto parts = o.unsuppressed ? std::vector<model::Suppressed>(2, model::Suppressed::no)
                                    : model::suppress_counts({r.within, r.beyond}, t, true);
        if (hide_total) parts = {model::Suppressed::primary, model::Suppressed::primary};
        const bool any = hide_total || parts[0] != model::Suppressed::no || parts[1] != model::Suppressed::no;
        table.push_back({r.service, r.ward, r.group, count_text(L, r.target, t, hide_total),
                         count_text(L, r.within, t, parts[0] != model::Suppressed::no),
                         count_text(L, r.beyond, t, parts[1] != model::Suppressed::no),
                         any ? "—" : percent(L, r.share), r.reason});
    }
    p.table({112, 82, 72, 45, 50, 55, 36, 59}, table);
    if (straight_line(a))
        p.paragraph(pick(L, "Laikas skaičiuotas tiesia linija: keliais kelionė ilgesnė.",
                         "Times are straight-line: travel over roads takes longer."), 7.5);
}

/// Places per 1000 of the target group per service line: the municipality, its lowest ward
/// and how many wards have no place at all (ward precision: the provider's ward).
void coverage_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    struct Line { std::string key, service, group; double municipal = 0; std::string worst; double worst_value = 0; int none = 0; int wards = 0; bool estimated = false; bool recipients = false; };
    std::map<std::string, Line> lines;
    for (const auto& r : a.out().coverage.rows) {
        // places where the plan gives them, else recipients (the Kaunas plan gives mostly recipients)
        const std::optional<double> value = r.places_per_1000 ? r.places_per_1000 : r.recipients_per_1000;
        if (r.municipality != m || !value) continue;
        const std::string key = r.service_type + "/" + r.target_group + "/" + r.unit;
        Line& l = lines[key];
        l.key = key;
        l.service = service_name(a, r.service_type, L);
        l.group = group_name(a, r.target_group, L);
        l.estimated = l.estimated || r.estimated;
        l.recipients = !r.places_per_1000;
        if (r.level == model::AreaLevel::municipality) {
            l.municipal = *value;
        } else {
            ++l.wards;
            if (*value <= 0) ++l.none;
            if (l.worst.empty() || *value < l.worst_value) {
                l.worst = r.area_name;
                l.worst_value = *value;
            }
        }
    }
    // A ward without a row for a service line has no located provider of it: zero there.
    std::vector<std::string> ward_names;
    for (const auto& w : a.study().wards)
        if (w.municipality == m) ward_names.push_back(w.name);
    std::vector<Line> sorted;
    for (auto& [k, l] : lines) {
        if (l.wards == 0) continue;
        std::set<std::string> with;
        for (const auto& r : a.out().coverage.rows)
            if (r.level == model::AreaLevel::ward && r.municipality == m &&
                r.service_type + "/" + r.target_group + "/" + r.unit == k &&
                (r.places_per_1000 ? *r.places_per_1000 : r.recipients_per_1000.value_or(0)) > 0)
                with.insert(r.area_name);
        l.none = static_cast<int>(ward_names.size() - with.size());
        l.wards = static_cast<int>(ward_names.size());
        if (l.none > 0)
            for (const auto& n : ward_names)
                if (!with.count(n)) {
                    l.worst = n;
                    l.worst_value = 0;
                    break;
                }
        sorted.push_back(l);
    }
    if (sorted.empty()) return;
    std::sort(sorted.begin(), sorted.end(), [](const Line& x, const Line& y) { return x.municipal < y.municipal; });
    p.heading(pick(L, "Vietos (ar gavėjai) 1000-iui tikslinės grupės", "Places (or recipients) per 1000 of the target group"));
    std::vector<std::vector<std::string>> t{{pick(L, "Paslauga", "Service"), pick(L, "Tikslinė grupė", "Target group"),
                                             pick(L, "Savivaldybėje", "Municipality"), pick(L, "Mažiausiai", "Lowest ward"),
                                             pick(L, "1000-iui", "Per 1000"), pick(L, "Be paslaugos", "Wards with none")}};
    for (std::size_t i = 0; i < sorted.size() && i < 14; ++i) {
        const Line& l = sorted[i];
        t.push_back({l.service + (l.recipients ? pick(L, " (gavėjai)", " (recipients)") : ""),
                     l.group + (l.estimated ? pick(L, " (įvertis)", " (estimate)") : ""), number(L, l.municipal, 2),
                     l.worst, number(L, l.worst_value, 2), std::to_string(l.none) + " / " + std::to_string(l.wards)});
    }
    p.table({150, 110, 58, 90, 45, 58}, t);
    p.paragraph(pick(L, "Teikėjas, kurio tikslus adresas nežinomas, priskirtas savo seniūnijai; seniūnija be vietų gali "
                        "naudotis kaimyninės paslaugomis.",
                     "A provider located only to its ward counts in that ward; a ward without places may use its "
                     "neighbours' services."), 7.5);
}

void plan_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(pick(L, "Plano vykdymas", "Plan progress"));
    if (!a.in().plan) {
        p.paragraph(pick(L, "Projekte nėra plano duomenų ([plan]).", "The project has no plan data ([plan])."));
        return;
    }
    std::map<model::ProgressStatus, int> counts;
    std::vector<const model::IndicatorProgress*> numeric;
    std::set<std::string> documents;
    for (const auto& i : a.in().plan->indicators) {
        if (i.line.municipality != m) continue;
        ++counts[i.status];
        documents.insert(i.line.document + (i.line.year ? " (" + std::to_string(i.line.year) + ")" : ""));
        if (i.fulfilment) numeric.push_back(&i);
    }
    if (documents.empty()) {
        p.paragraph(pick(L, "Šiai savivaldybei plano duomenų nėra.", "No plan data for this municipality."));
        return;
    }
    for (const auto& d : documents) p.paragraph("• " + d, 8);
    p.paragraph(std::string(pick(L, "Rodiklių: pasiekta ", "Indicators: on track ")) +
                std::to_string(counts[model::ProgressStatus::on_track]) + pick(L, ", atsilieka ", ", behind ") +
                std::to_string(counts[model::ProgressStatus::behind]) + pick(L, ", neskaitiniai ", ", not numeric ") +
                std::to_string(counts[model::ProgressStatus::not_numeric]) + pick(L, ", be rezultato ", ", no result ") +
                std::to_string(counts[model::ProgressStatus::not_reported]) + pick(L, ", tik rezultatas ", ", result only ") +
                std::to_string(counts[model::ProgressStatus::result_only]) + ".");
    std::sort(numeric.begin(), numeric.end(),
              [](const auto* x, const auto* y) { return *x->fulfilment < *y->fulfilment; });
    if (!numeric.empty()) {
        std::vector<std::vector<std::string>> t{{pick(L, "Priemonė", "Measure"), pick(L, "Rodiklis", "Indicator"),
                                                 pick(L, "Tikslas", "Target"), pick(L, "Pasiekta", "Achieved"),
                                                 pick(L, "Įvykdyta", "Fulfilled"), pick(L, "Būklė", "Status")}};
        for (std::size_t i = 0; i < numeric.size() && i < 6; ++i) {
            const auto& n = *numeric[i];
            t.push_back({n.line.measure_code, n.line.indicator, n.line.target, n.line.achieved, percent(L, *n.fulfilment),
                         n.status == model::ProgressStatus::on_track ? pick(L, "pasiekta", "on track")
                                                                     : pick(L, "atsilieka", "behind")});
        }
        p.table({50, 230, 85, 55, 50, 41}, t);
    }
    int over = 0, under = 0, with = 0;
    for (const auto& f : a.in().plan->funds)
        if (f.municipality == m && f.execution) {
            ++with;
            over += *f.execution > 1.0;
            under += *f.execution < 0.9;
        }
    if (with > 0)
        p.paragraph(std::string(pick(L, "Lėšos: priemonių su planuotomis ir panaudotomis sumomis ", "Funds: measures with planned and used amounts ")) +
                    std::to_string(with) + pick(L, "; panaudota daugiau nei planuota — ", "; more used than planned: ") +
                    std::to_string(over) + pick(L, "; mažiau nei 90 % — ", "; under 90 %: ") + std::to_string(under) + ".");
    for (const auto& r : a.in().plan->reconciliations)
        if (!r.agrees) {
            for (const auto& l : a.in().plan_lines)
                if (l.id == r.total_id && l.municipality == m)
                    p.paragraph(std::string(pick(L, "Sumos neatitikimas: ", "A total that does not add up: ")) + l.id +
                                pick(L, ": dalys sudaro ", ": the parts sum to ") + number(L, r.parts_sum, 2) +
                                pick(L, ", išspausdinta ", ", printed ") + number(L, r.printed, 2) +
                                pick(L, " (skirtumas ", " (difference ") + number(L, r.printed - r.parts_sum, 2) + ").",
                                8, 0, true);
        }
}

void scenario_section(Page& p, const Analysis& after, const Analysis& before, const MapChoice& choice,
                      const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    p.heading(std::string(pick(L, "Pasiūlymo poveikis: ", "Effect of the proposal: ")) + after.out().scenario.name);
    p.paragraph(std::string(pick(L, "Pakeitimų: ", "Edits: ")) + std::to_string(after.out().scenario.edits.size()) +
                pick(L, ". Rodiklis: ", ". Indicator: ") + choice.title + ".");
    const auto b = ward_values(before, choice.indicator_id), x = ward_values(after, choice.indicator_id);
    std::vector<std::tuple<double, std::size_t>> changed;
    for (std::size_t i = 0; i < after.study().wards.size() && i < b.size(); ++i) {
        if (after.study().wards[i].municipality != m) continue;
        const double d = x[i].value_or(0) - b[i].value_or(0);
        if (std::fabs(d) > 1e-9 || b[i].has_value() != x[i].has_value()) changed.push_back({-std::fabs(d), i});
    }
    std::sort(changed.begin(), changed.end());
    if (changed.empty()) {
        p.paragraph(pick(L, "Nė vienos seniūnijos rodiklis nepasikeitė.", "No ward's figure changes."));
        return;
    }
    std::vector<std::vector<std::string>> t{{pick(L, "Seniūnija", "Ward"), pick(L, "Prieš", "Before"),
                                             pick(L, "Po", "After"), pick(L, "Pokytis", "Change")}};
    const double thr = o.small_count_threshold;
    for (std::size_t k = 0; k < changed.size() && k < 12; ++k) {
        const std::size_t i = std::get<1>(changed[k]);
        auto show = [&](const std::optional<double>& v) {
            if (!v) return std::string("—");
            if (choice.counts_people)
                return count_text(L, *v, thr, !o.unsuppressed && *v > 0 && *v < thr);
            return number(L, *v, 1);
        };
        const double d = x[i].value_or(0) - b[i].value_or(0);
        const bool hide = choice.counts_people && !o.unsuppressed &&
                          (show(b[i]).rfind("<", 0) == 0 || show(x[i]).rfind("<", 0) == 0);
        t.push_back({after.study().wards[i].name, show(b[i]), show(x[i]),
                     hide ? "—" : (d > 0 ? "+" : "") + number(L, d, choice.counts_people ? 0 : 1)});
    }
    p.table({200, 100, 100, 111}, t);
    if (changed.size() > 12)
        p.paragraph(std::to_string(changed.size() - 12) + pick(L, " kitų seniūnijų pokyčiai mažesni.", " more wards change less."));
}

} // namespace

std::vector<std::string> write_council_report(const Analysis& a, const std::string& pdf_path, const ReportOptions& o) {
    namespace fs = std::filesystem;
    std::vector<std::string> municipalities = o.municipalities;
    std::set<std::string> known;
    for (const auto& w : a.study().wards) known.insert(w.municipality);
    if (municipalities.empty()) municipalities.assign(known.begin(), known.end());
    for (const auto& m : municipalities)
        if (!known.count(m)) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw Error("--municipality '" + m + "' is not a municipality of the study (" + list + ")");
        }
    const Language L = o.lang;
    // Every question that can fail is asked before the file is opened.
    std::vector<MapChoice> choices;
    for (const auto& m : municipalities) choices.push_back(choose_indicator(a, m, L, o.indicator));
    std::vector<std::string> written;
    const std::string tmp = pdf_path + ".partial-" + std::to_string(::getpid());
    struct RemoveOnFailure {
        const std::string& path;
        bool done = false;
        ~RemoveOnFailure() {
            std::error_code ec;
            if (!done) std::filesystem::remove(path, ec);
        }
    } guard{tmp};
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create(tmp.c_str(), page_w, page_h), &cairo_surface_destroy);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   (std::string(pick(L, "Socialinių paslaugų aprėptis — ", "Social-service coverage — ")) +
                                    a.project().name).c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Aprėptis");
    {
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> holder(cairo_create(surface.get()), &cairo_destroy);
        cairo_t* cr = holder.get();
        for (std::size_t k = 0; k < municipalities.size(); ++k) {
            const std::string& m = municipalities[k];
            const MapChoice& choice = choices[k];
            MapFigure fig = ward_map(a, choice, L, m, o.small_count_threshold, o.unsuppressed);
            Page p1(cr);
            p1.font(17, true);
            cairo_set_source_rgb(cr, 0.05, 0.2, 0.35);
            p1.text(margin, p1.y + 14, m + pick(L, ": socialinių paslaugų aprėptis", ": social-service coverage"));
            p1.y += 24;
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            p1.paragraph(a.project().name + " · " + pick(L, "parengta ", "prepared ") + today() + " · Aprėptis " +
                         tool_version + (a.out().scenario.edits.empty() ? "" : " · " + std::string(pick(L, "scenarijus: ", "scenario: ")) + a.out().scenario.name), 8.5);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            p1.heading(choice.title, 11);
            const Box box{margin, p1.y, page_w - 2 * margin, 470};
            draw_map(cr, fig, box);
            p1.y += box.h + 6;
            basis_section(p1, a, choice, o);
            cairo_show_page(cr);

            Page p2(cr);
            p2.font(13, true);
            cairo_set_source_rgb(cr, 0.05, 0.2, 0.35);
            p2.text(margin, p2.y + 11, m + pick(L, ": kur trūksta ir kaip vykdomas planas", ": where it falls short, and the plan"));
            p2.y += 18;
            worst_wards_section(p2, a, m, o);
            coverage_section(p2, a, m, o);
            plan_section(p2, a, m, o);
            if (o.before && !a.out().scenario.edits.empty()) scenario_section(p2, a, *o.before, choice, m, o);
            cairo_show_page(cr);

            if (o.maps) {
                const fs::path stem = fs::path(pdf_path).replace_extension();
                std::string safe;
                for (char c : m) safe += (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) ? c : '_';
                for (const char* ext : {".svg", ".png"}) {
                    const std::string path = stem.string() + "-" + safe + ext;
                    MapFigure titled = fig;
                    titled.legend_title = choice.title;
                    write_map_file(titled, path);
                    written.push_back(path);
                }
            }
        }
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
            throw Error(pdf_path + ": drawing the report failed: " + cairo_status_to_string(cairo_status(cr)));
    }
    cairo_surface_finish(surface.get());
    std::error_code ec;
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        fs::remove(tmp, ec);
        throw Error(pdf_path + ": could not write the report: " + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    fs::rename(tmp, pdf_path, ec);
    if (ec) throw Error(pdf_path + ": could not move the finished report into place: " + ec.message());
    guard.done = true;
    written.insert(written.begin(), pdf_path);
    return written;
}

} // namespace apreptis::app::report
