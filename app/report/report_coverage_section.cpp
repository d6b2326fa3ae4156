// Places (or recipients) per 1000 of the target group per service line: the municipality,
// its lowest ward (only where every line is placed in a ward: a ward is never "lowest"
// because its providers could not be located) and how many wards have none.
#include <algorithm>
#include <map>
#include <set>

#include <cmath>

#include "app/report/report_chart.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_sections.hpp"

namespace apreptis::app::report {

void coverage_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    struct Line {
        std::string key, service, group;
        double municipal = 0;
        std::optional<double> municipal_count, municipal_group;
        std::string worst;
        double worst_value = 0;
        int none = 0, wards = 0, lines = 0, unplaced = 0;
        bool estimated = false, recipients = false;
    };
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
            l.municipal_count = r.places_per_1000 ? r.places : r.recipients;
            l.municipal_group = r.target.value;
            l.lines = r.lines;
        } else {
            ++l.wards;
            l.unplaced = std::max(l.unplaced, r.lines_unplaced);
        }
    }
    std::vector<std::string> ward_names;
    for (const auto& w : a.study().wards)
        if (w.municipality == m) ward_names.push_back(w.name);
    std::vector<Line> sorted;
    for (auto& [k, l] : lines) {
        if (l.wards == 0) continue;
        // A ward without a row for a service line has no placed provider of it: zero there.
        std::map<std::string, double> per_ward;
        for (const auto& r : a.out().coverage.rows)
            if (r.level == model::AreaLevel::ward && r.municipality == m &&
                r.service_type + "/" + r.target_group + "/" + r.unit == k)
                per_ward[r.area_name] = r.places_per_1000 ? *r.places_per_1000 : r.recipients_per_1000.value_or(0);
        l.wards = static_cast<int>(ward_names.size());
        l.none = 0;
        l.worst.clear();
        for (const auto& n : ward_names) {
            const double v = per_ward.count(n) ? per_ward[n] : 0.0;
            if (v <= 0) ++l.none;
            if (l.worst.empty() || v < l.worst_value) {
                l.worst = n;
                l.worst_value = v;
            }
        }
        sorted.push_back(l);
    }
    if (sorted.empty()) return;
    std::sort(sorted.begin(), sorted.end(), [](const Line& x, const Line& y) { return x.municipal < y.municipal; });
    p.heading(pick(L, "Vietos (ar gavėjai) 1000-iui tikslinės grupės", "Places (or recipients) per 1000 of the target group"));
    std::vector<std::vector<std::string>> t{{pick(L, "Paslauga", "Service"), pick(L, "Tikslinė grupė", "Target group"),
                                             pick(L, "Savivaldybėje 1000-iui", "Municipality, per 1000"),
                                             pick(L, "Mažiausiai turinti seniūnija", "Lowest ward"),
                                             pick(L, "Joje 1000-iui", "Its per 1000"),
                                             pick(L, "Seniūnijų be paslaugos", "Wards with none")}};
    std::vector<std::string> notes;
    for (std::size_t i = 0; i < sorted.size() && i < 14; ++i) {
        const Line& l = sorted[i];
        std::string municipal = number(L, l.municipal, 2);
        if (l.municipal > 1000 && l.municipal_count && l.municipal_group) {
            // More recipients than people in the group: say so where the figure stands.
            municipal += " *";
            const std::string count = number(L, *l.municipal_count), group = number(L, *l.municipal_group);
            notes.push_back(
                L == Language::lt
                    ? "* " + l.service + ": " + count + " gavėjų, o tikslinėje grupėje („" + l.group + "“) — " + group +
                          ": gavėjų daugiau nei grupėje. Gavėjus skaičiuoja kiekvienas teikėjas per laikotarpį (tas pats "
                          "gavėjas gali būti skaičiuotas kelių teikėjų), o grupė suskaičiuota vieną dieną."
                    : "* " + l.service + ": " + count + " recipients against " + group + " in the target group (" + l.group +
                          "): more recipients than the group has. Each provider counts its own recipients over a period "
                          "(one recipient may be counted by several providers); the group is counted on one date.");
        }
        std::vector<std::string> row{l.service + (l.recipients ? pick(L, " (gavėjai)", " (recipients)") : ""),
                                     l.group + (l.estimated ? pick(L, " (įvertis)", " (estimate)") : ""), municipal};
        if (l.unplaced > 0) {
            // Ward figures miss these lines: no ward can be called the lowest.
            row.push_back(std::string(pick(L, "nežinoma: ", "not known: ")) + number(L, l.unplaced) + pick(L, " iš ", " of ") +
                          number(L, l.lines) + pick(L, " teikėjų be seniūnijos", " providers have no ward"));
            row.push_back("—");
            row.push_back("—");
        } else {
            row.push_back(l.worst);
            row.push_back(number(L, l.worst_value, 2));
            row.push_back(std::to_string(l.none) + " / " + std::to_string(l.wards));
        }
        t.push_back(row);
    }
    p.table({122, 110, 70, 104, 50, 55}, t);
    for (const auto& n : notes) p.paragraph(n, 7.5);
    p.paragraph(pick(L, "Teikėjas, kurio tikslus adresas nežinomas, priskirtas savo seniūnijai; seniūnija be vietų gali "
                        "naudotis kaimyninės paslaugomis.",
                     "A provider located only to its ward counts in that ward; a ward without places may use its "
                     "neighbours' services."), 7.5);
}

bool places_chart_section(Page& p, const Analysis& a, const std::string& m, const ReportOptions& o) {
    const Language L = o.lang;
    // The service line with the most service lines whose every provider is placed in a ward
    // (a ward's bar is then not short for want of a location).
    const model::CoverageRow* best = nullptr;
    for (const auto& r : a.out().coverage.rows) {
        if (r.level != model::AreaLevel::municipality || r.municipality != m || !r.places_per_1000 || r.lines == 0) continue;
        bool placed = true;
        for (const auto& w : a.out().coverage.rows)
            if (w.level == model::AreaLevel::ward && w.municipality == m && w.service_type == r.service_type &&
                w.target_group == r.target_group && w.unit == r.unit && w.lines_unplaced > 0)
                placed = false;
        if (placed && (!best || r.lines > best->lines)) best = &r;
    }
    if (!best) return false;
    BarChart c;
    double top = *best->places_per_1000;
    for (const auto& w : a.study().wards) {
        if (w.municipality != m) continue;
        double v = 0;
        for (const auto& r : a.out().coverage.rows)
            if (r.level == model::AreaLevel::ward && r.area_code == w.code && r.service_type == best->service_type &&
                r.target_group == best->target_group && r.unit == best->unit)
                v = r.places_per_1000.value_or(0);
        c.bars.push_back({w.name, v, number(L, v, 2)});
        top = std::max(top, v);
    }
    if (c.bars.size() < 2) return false;
    std::stable_sort(c.bars.begin(), c.bars.end(), [](const ChartBar& x, const ChartBar& y) { return *x.value < *y.value; });
    // The axis ends at 1, 2 or 5 x 10^k above the largest bar.
    const double e = std::pow(10.0, std::floor(std::log10(std::max(top, 1e-9))));
    c.axis_max = top <= e ? e : top <= 2 * e ? 2 * e : top <= 5 * e ? 5 * e : 10 * e;
    c.reference = *best->places_per_1000;
    c.reference_label = std::string(pick(L, "savivaldybė ", "municipality ")) + number(L, *best->places_per_1000, 2);
    if (!p.room(bar_chart_height(c) + 40)) return false;
    p.heading(service_name(a, best->service_type, L) + pick(L, ": vietos 1000-iui (", ": places per 1000 (") +
                  group_name(a, best->target_group, L) + pick(L, "), pagal seniūniją", "), per ward"),
              10);
    p.y += draw_bar_chart(p.cairo(), c, page_margin, p.y, page_w - 2 * page_margin) + 4;
    return true;
}

} // namespace apreptis::app::report
