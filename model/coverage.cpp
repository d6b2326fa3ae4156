#include "model/coverage.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace apreptis::model {

const char* to_string(AreaLevel l) { return l == AreaLevel::ward ? "ward" : "municipality"; }

namespace {

void add(std::optional<double>& acc, const std::optional<double>& v) {
    if (v) acc = acc.value_or(0) + *v;
}

std::int64_t municipal_census(const StudyArea& s, const std::string& municipality) {
    std::int64_t sum = 0;
    for (const Ward& w : s.wards)
        if (w.municipality == municipality) sum += w.population;
    return sum;
}

using Key = std::tuple<std::string, std::string, std::string>; // service, group, unit

std::string need_unit(const StudyArea& s, const NeedRow& n) {
    if (!n.unit.empty()) return n.unit;
    const ServiceType* st = s.catalogue.find_service(n.service_type);
    return st ? st->counting_unit : "";
}

/// The municipality whose plan counts this line: the paying one, else the ward's.
std::string line_municipality(const StudyArea& s, const ServiceLine& l) {
    const Provider& p = s.providers[l.provider];
    if (!p.serves_municipality.empty()) return p.serves_municipality;
    if (!p.ward_code.empty())
        if (const Ward* w = s.find_ward(p.ward_code)) return w->municipality;
    return p.municipality;
}

/// Sums of one area's lines; utilisation only over lines that give both places and recipients.
struct Tally {
    double util_places = 0, util_recipients = 0;
    void add_line(CoverageRow& r, const ServiceLine& l) {
        r.lines++;
        add(r.places, l.places);
        add(r.recipients, l.recipients);
        add(r.municipality_funded, l.municipality_funded);
        add(r.waiting_list, l.waiting_list);
        if (l.places && l.recipients && *l.places > 0) {
            util_places += *l.places;
            util_recipients += *l.recipients;
        }
    }
    void set_utilisation(CoverageRow& r) const {
        if (util_places > 0) r.utilisation = util_recipients / util_places;
    }
};

void finish(CoverageRow& r) {
    const auto& tp = r.target.value;
    if (tp && *tp > 0) {
        if (r.places) r.places_per_1000 = *r.places / *tp * 1000.0;
        if (r.recipients) r.recipients_per_1000 = *r.recipients / *tp * 1000.0;
        if (r.assessed_need) r.assessed_need_per_1000 = *r.assessed_need / *tp * 1000.0;
    }
    if (r.recipients && r.municipality_funded && *r.recipients > 0)
        r.funded_share = *r.municipality_funded / *r.recipients;
    if (r.assessed_need && r.unmet_need && (*r.assessed_need + *r.unmet_need) > 0)
        r.unmet_share = *r.unmet_need / (*r.assessed_need + *r.unmet_need);
    r.estimated = r.target.estimated;
}

} // namespace

TargetPopulation ward_target_population(const StudyArea& s, const Ward& w, const std::string& group) {
    TargetPopulation t;
    if (group == "residents") {
        t.value = static_cast<double>(w.population);
        t.basis = "ward population as given (census)";
        return t;
    }
    const GroupValue* g = s.groups.find(w.municipality, group);
    std::int64_t total = municipal_census(s, w.municipality);
    if (!g || total <= 0) {
        t.basis = "no figure for this group";
        return t;
    }
    t.value = g->value * static_cast<double>(w.population) / static_cast<double>(total);
    t.estimated = true;
    t.basis = "estimate: municipal " + group + " (" + g->reference_date + ") x ward share of census population";
    return t;
}

double ward_group_share(const StudyArea& s, const Ward& w, const std::string& group, bool& estimated) {
    if (group == "residents") return 1.0;
    const TargetPopulation t = ward_target_population(s, w, group);
    estimated = estimated || t.estimated;
    if (!t.value || w.population <= 0) return 0.0;
    return *t.value / static_cast<double>(w.population);
}

TargetPopulation municipal_target_population(const StudyArea& s, const std::string& m, const std::string& group) {
    TargetPopulation t;
    if (group == "residents") {
        std::int64_t total = municipal_census(s, m);
        if (total > 0) {
            t.value = static_cast<double>(total);
            t.basis = "sum of ward populations (census)";
            return t;
        }
    }
    if (const GroupValue* g = s.groups.find(m, group)) {
        t.value = g->value;
        t.basis = std::string(g->derived ? "derived; " : "") + g->source + " (" + g->reference_date + ")";
    } else {
        t.basis = "no figure for this group";
    }
    return t;
}

CoverageResult compute_coverage(const StudyArea& s) {
    CoverageResult out;
    // Lines by the ward their provider is in, so ward rows cost O(lines), not O(wards x lines).
    std::map<std::string, std::vector<const ServiceLine*>> lines_in_ward;
    for (const ServiceLine& l : s.lines) {
        const Provider& p = s.providers[l.provider];
        if (!p.ward_code.empty()) lines_in_ward[p.ward_code].push_back(&l);
    }
    static const std::vector<const ServiceLine*> none;
    for (const std::string& m : s.municipalities()) {
        // Every (service, group, unit) the municipality has lines or needs for.
        std::map<Key, CoverageRow> muni;
        std::map<Key, Tally> tally;
        std::map<Key, int> unplaced;
        for (const ServiceLine& l : s.lines) {
            if (line_municipality(s, l) != m) continue;
            const Key key{l.service_type, l.target_group, l.unit};
            tally[key].add_line(muni[key], l);
            const Provider& p = s.providers[l.provider];
            const Ward* w = p.ward_code.empty() ? nullptr : s.find_ward(p.ward_code);
            if (!w || w->municipality != m) unplaced[{l.service_type, l.target_group, l.unit}]++;
        }
        for (const NeedRow& n : s.needs) {
            if (n.municipality != m) continue;
            CoverageRow& r = muni[{n.service_type, n.target_group, need_unit(s, n)}];
            add(r.assessed_need, n.assessed_need);
            add(r.unmet_need, n.unmet_need);
            r.need_codes += (r.need_codes.empty() ? "" : "+") + n.code;
        }
        for (auto& [key, r] : muni) {
            r.level = AreaLevel::municipality;
            r.area_code = m;
            r.area_name = m;
            r.municipality = m;
            std::tie(r.service_type, r.target_group, r.unit) = key;
            r.lines_unplaced = unplaced[key];
            r.target = municipal_target_population(s, m, r.target_group);
            tally[key].set_utilisation(r);
            finish(r);
            if (r.lines_unplaced)
                r.notes = std::to_string(r.lines_unplaced) + " of " + std::to_string(r.lines) +
                          " lines not placed in a ward";
        }

        for (const Ward& w : s.wards) {
            if (w.municipality != m) continue;
            for (const auto& [key, mr] : muni) {
                CoverageRow r;
                r.level = AreaLevel::ward;
                r.area_code = w.code;
                r.area_name = w.name;
                r.municipality = m;
                std::tie(r.service_type, r.target_group, r.unit) = key;
                Tally t;
                auto found = lines_in_ward.find(w.code);
                for (const ServiceLine* l : found == lines_in_ward.end() ? none : found->second)
                    if (l->service_type == r.service_type && l->target_group == r.target_group && l->unit == r.unit &&
                        line_municipality(s, *l) == m)
                        t.add_line(r, *l);
                t.set_utilisation(r);
                r.lines_unplaced = mr.lines_unplaced;
                // With no line placed here, a count of 0 is a fact only if nothing is unplaced.
                if (r.lines == 0 && mr.lines_unplaced == 0 && mr.lines > 0) {
                    r.recipients = mr.recipients ? std::optional<double>(0) : std::nullopt;
                    r.places = mr.places ? std::optional<double>(0) : std::nullopt;
                }
                r.target = ward_target_population(s, w, r.target_group);
                finish(r);
                if (mr.lines_unplaced)
                    r.notes = "incomplete: " + std::to_string(mr.lines_unplaced) + " of " + std::to_string(mr.lines) +
                              " municipal lines have no ward";
                out.rows.push_back(std::move(r));
            }
        }
        for (auto& [key, r] : muni) out.rows.push_back(std::move(r));
    }

    for (const Ward& w : s.wards) {
        WardSummary ws;
        ws.code = w.code;
        ws.name = w.name;
        ws.municipality = w.municipality;
        ws.population = w.population;
        ws.area_km2 = w.area_m2 / 1e6;
        ws.density_per_km2 = ws.area_km2 > 0 ? static_cast<double>(w.population) / ws.area_km2 : 0;
        ws.children = ward_target_population(s, w, "children");
        ws.working_age = ward_target_population(s, w, "working_age");
        ws.older = ward_target_population(s, w, "older");
        ws.repaired = w.repaired;
        for (const Provider& p : s.providers)
            if (p.ward_code == w.code) ws.providers_located++;
        auto found = lines_in_ward.find(w.code);
        for (const ServiceLine* l : found == lines_in_ward.end() ? none : found->second) {
            ws.lines_located++;
            if (l->unit == "beds") add(ws.beds_located, l->places);
        }
        out.wards.push_back(std::move(ws));
    }
    return out;
}

} // namespace apreptis::model
