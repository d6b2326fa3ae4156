#include "app/core/indicators/registry.hpp"

#include <stdexcept>

#include "app/core/analysis.hpp"
#include "app/core/choropleth.hpp"

namespace apreptis::app::indicators {

namespace {

using Values = std::vector<std::optional<double>>;
using model::RankOrder;

std::optional<std::size_t> ward_index(const Analysis& a, const std::string& code) {
    const auto& wards = a.study().wards;
    for (std::size_t i = 0; i < wards.size(); ++i)
        if (wards[i].code == code) return i;
    return std::nullopt;
}

/// The per-ward summary (population, density, estimated age groups, providers placed).
template <class Get>
void from_ward_summary(const Analysis& a, Values& v, Get get) {
    for (std::size_t i = 0; i < a.out().coverage.wards.size() && i < v.size(); ++i) v[i] = get(a.out().coverage.wards[i]);
}

/// part = coverage:<service>:<group>:<unit>:<measure>
void from_coverage(const Analysis& a, const std::vector<std::string>& part, Values& v) {
    for (const auto& r : a.out().coverage.rows) {
        if (r.level != model::AreaLevel::ward || r.service_type != part[1] || r.target_group != part[2] || r.unit != part[3])
            continue;
        if (auto i = ward_index(a, r.area_code)) v[*i] = part[4] == "places_per_1000" ? r.places_per_1000 : r.recipients_per_1000;
    }
}

/// part = access:<service>:<group>
void from_access(const Analysis& a, const std::vector<std::string>& part, Values& v) {
    if (!a.out().access) return;
    for (const auto& sa : a.out().access->services)
        for (const auto& r : sa.rows)
            if (r.level == model::AreaLevel::ward && r.service_type == part[1] && r.target_group == part[2])
                if (auto i = ward_index(a, r.area_code)) v[*i] = r.share_within * 100.0;
}

/// part = capacity:<service>:<group>:<measure>
void from_capacity(const Analysis& a, const std::vector<std::string>& part, Values& v) {
    if (!a.out().capacity) return;
    for (const auto& sc : a.out().capacity->services) {
        if (sc.service_type != part[1] || sc.target_group != part[2]) continue;
        for (const auto& r : sc.gaps.wards)
            if (auto i = ward_index(a, r.area_code)) {
                if (part[3] == "unserved_share" && r.demand > 0) v[*i] = r.unserved_share() * 100.0;
                if (part[3] == "no_capacity") v[*i] = r.no_capacity;
                if (part[3] == "too_far") v[*i] = r.too_far;
            }
        for (const auto& r : sc.scores.rows)
            if (r.level == model::AreaLevel::ward)
                if (auto i = ward_index(a, r.area_code)) {
                    if (part[3] == "two_step") v[*i] = r.two_step;
                    if (part[3] == "enhanced") v[*i] = r.enhanced;
                }
    }
}

// clang-format off
// Units as printed after a ward value: a no-break space before words and "%", none before "/".
constexpr std::string_view nbsp_percent = "\u00a0%", per_1000 = "/1000";
const std::vector<Definition> table = {
    {"population", Family::ward_summary, "population", "population", "Gyventojai", "Residents", "Gyventojai", "Residents",
     "persons", "\u00a0gyv.", "\u00a0res.", false, RankOrder::none, Estimate::never, false,
     "the ward's census population (`ward_population_source`)", "sum over the municipality's wards"},
    {"density", Family::ward_summary, "density", "", "Gyventojų tankis, žm./km²", "Density, residents per km²", "", "",
     "per km²", "/km²", "/km²", false, RankOrder::none, Estimate::never, false, "population / ward area (km², working CRS)", ""},
    {"children_est", Family::ward_summary, "children_est", "", "Vaikai (įvertis)", "Children (estimate)", "", "",
     "persons", "\u00a0asm.", "\u00a0people", true, RankOrder::none, Estimate::always, false,
     "municipal children × ward population / municipal population", ""},
    {"older_est", Family::ward_summary, "older_est", "", "Senyvo amžiaus asmenys (įvertis)", "Older persons (estimate)", "", "",
     "persons", "\u00a0asm.", "\u00a0people", true, RankOrder::none, Estimate::always, false,
     "municipal older persons × ward population / municipal population", ""},
    {"providers_located", Family::ward_summary, "providers_located", "", "Paslaugų teikėjai seniūnijoje",
     "Providers placed in the ward", "", "", "providers", "", "", false, RankOrder::none, Estimate::never, false,
     "providers placed in the ward (point in polygon or `ward_code`)", ""},
    {"providers", Family::providers, "", "providers:{service}", "", "", "Teikėjai: {service}", "Providers: {service}",
     "providers", "", "", false, RankOrder::none, Estimate::never, false, "", "providers of the service placed in the municipality's wards"},
    {"coverage.recipients_per_1000", Family::coverage, "coverage:{service}:{group}:{unit}:recipients_per_1000",
     "recipients_per_1000:{service}:{group}:{unit}", "{who}: gavėjai 1000-iui", "{who}: recipients per 1000",
     "{who}: gavėjai 1000-iui", "{who}: recipients per 1000", "per 1000", per_1000, per_1000, false, RankOrder::high_first,
     Estimate::per_figure, false,
     "recipients of lines placed in the ward / target group × 1000", "recipients of lines serving the municipality / target group × 1000"},
    {"coverage.places_per_1000", Family::coverage, "coverage:{service}:{group}:{unit}:places_per_1000",
     "places_per_1000:{service}:{group}:{unit}", "{who}: vietos 1000-iui", "{who}: places per 1000",
     "{who}: vietos 1000-iui", "{who}: places per 1000", "per 1000", per_1000, per_1000, false, RankOrder::high_first,
     Estimate::per_figure, false,
     "places of lines placed in the ward / target group × 1000", "places of lines serving the municipality / target group × 1000"},
    {"access.share_within", Family::access, "access:{service}:{group}", "share_within:{service}:{group}",
     "{service}: dalis per {min} min", "{service}: share within {min} min", "{service}: dalis per {min} min",
     "{service}: share within {min} min", "%", nbsp_percent, nbsp_percent, false, RankOrder::high_first, Estimate::per_figure, true,
     "share of the ward's target group within the threshold × 100", "share of the municipality's target group within the threshold × 100, clamped to [0, 100]"},
    {"capacity.unserved_share", Family::capacity, "capacity:{service}:{group}:unserved_share", "unserved_share:{service}:{group}",
     "{who}: negaunančių dalis, %", "{who}: share unserved, %", "{service}: negaunančių dalis",
     "{service}: share of demand unserved", "%", nbsp_percent, nbsp_percent, false, RankOrder::low_first, Estimate::per_figure, true,
     "(no capacity + too far) / demand × 100 in the optimal allocation", "the same over the municipality's demand"},
    {"capacity.no_capacity", Family::capacity, "capacity:{service}:{group}:no_capacity", "", "{who}: trūksta vietų (asm.)",
     "{who}: unserved, no capacity", "", "", "persons", "\u00a0asm.", "\u00a0people", true, RankOrder::low_first,
     Estimate::per_figure, true, "demand unserved because reachable providers are full", ""},
    {"capacity.too_far", Family::capacity, "capacity:{service}:{group}:too_far", "", "{who}: per toli (asm.)",
     "{who}: unserved, too far", "", "", "persons", "\u00a0asm.", "\u00a0people", true, RankOrder::low_first,
     Estimate::per_figure, true, "demand with no provider within the threshold", ""},
    {"capacity.two_step", Family::capacity, "capacity:{service}:{group}:two_step", "", "{who}: 2SFCA vietos 1000-iui",
     "{who}: 2SFCA places per 1000", "", "", "per 1000", per_1000, per_1000, false, RankOrder::high_first,
     Estimate::per_figure, true, "two-step floating catchment score", ""},
    {"capacity.enhanced", Family::capacity, "capacity:{service}:{group}:enhanced", "", "{who}: E2SFCA vietos 1000-iui",
     "{who}: E2SFCA places per 1000", "", "", "per 1000", per_1000, per_1000, false, RankOrder::high_first,
     Estimate::per_figure, true, "enhanced (distance-decay) two-step floating catchment score", ""},
    {"plan_on_track_share", Family::plan, "", "plan_on_track_share", "", "", "Plano rodikliai pasiekti",
     "Plan indicators on track", "%", nbsp_percent, nbsp_percent, false, RankOrder::high_first, Estimate::never, false, "",
     "plan indicator lines on track / lines with a numeric target and result × 100"},
};
// clang-format on

/// Does id match the pattern (literal segments equal, "{...}" segments anything non-empty)?
bool matches(std::string_view pattern, const std::string& id) {
    if (pattern.empty()) return false;
    const auto p = split(std::string(pattern), ':'), s = split(id, ':');
    if (p.size() != s.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i].front() == '{' ? s[i].empty() : p[i] != s[i]) return false;
    return true;
}

} // namespace

const std::vector<Definition>& all() { return table; }

const Definition& get(std::string_view key) {
    for (const auto& d : table)
        if (d.key == key) return d;
    throw std::logic_error("no indicator '" + std::string(key) + "' in the registry");
}

const Definition* find(const std::string& id) {
    for (const auto& d : table)
        if (matches(d.ward_id, id) || matches(d.municipal_id, id)) return &d;
    return nullptr;
}

Parsed parse(const std::string& id) {
    Parsed out;
    out.entry = find(id);
    if (!out.entry) return out;
    const std::string_view pattern = matches(out.entry->ward_id, id) ? out.entry->ward_id : out.entry->municipal_id;
    const auto p = split(std::string(pattern), ':'), s = split(id, ':');
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == "{service}") out.service = s[i];
        if (p[i] == "{group}") out.group = s[i];
        if (p[i] == "{unit}") out.unit = s[i];
    }
    return out;
}

std::string ward_id(std::string_view key, const std::string& service, const std::string& group, const std::string& unit) {
    return fill(get(key).ward_id, {{"service", service}, {"group", group}, {"unit", unit}});
}

std::string fill(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out(text);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + name + "}";
        for (std::size_t p = out.find(mark); p != std::string::npos; p = out.find(mark, p + value.size()))
            out.replace(p, mark.size(), value);
    }
    return out;
}

namespace {

/// id in the spelling `pattern` of its entry (its parameters carried over); unchanged when no
/// entry knows it or its entry has no such spelling.
std::string respelled(const std::string& id, std::string_view Definition::*spelling) {
    const Parsed p = parse(id);
    if (!p.entry || (p.entry->*spelling).empty()) return id;
    return fill(p.entry->*spelling, {{"service", p.service}, {"group", p.group}, {"unit", p.unit}});
}

} // namespace

std::string ward_spelling(const std::string& id) { return respelled(id, &Definition::ward_id); }

std::string municipal_spelling(const std::string& id) { return respelled(id, &Definition::municipal_id); }

std::vector<std::optional<double>> ward_values(const Analysis& a, const std::string& asked) {
    Values v(a.study().wards.size());
    const std::string id = ward_spelling(asked);
    const Definition* d = find(id);
    if (!d || !matches(d->ward_id, id)) return v;
    const std::string_view k = d->key;
    if (d->family == Family::coverage) from_coverage(a, split(id, ':'), v);
    else if (d->family == Family::access) from_access(a, split(id, ':'), v);
    else if (d->family == Family::capacity) from_capacity(a, split(id, ':'), v);
    else if (k == "population") from_ward_summary(a, v, [](const auto& w) { return static_cast<double>(w.population); });
    else if (k == "density") from_ward_summary(a, v, [](const auto& w) { return w.density_per_km2; });
    else if (k == "children_est") from_ward_summary(a, v, [](const auto& w) { return w.children.value; });
    else if (k == "older_est") from_ward_summary(a, v, [](const auto& w) { return w.older.value; });
    else if (k == "providers_located") from_ward_summary(a, v, [](const auto& w) { return static_cast<double>(w.providers_located); });
    else throw std::logic_error("indicator '" + std::string(k) + "' has a ward id but no ward getter");
    return v;
}

std::string markdown_table() {
    auto code = [](std::string_view t) { return t.empty() ? std::string("—") : "`" + std::string(t) + "`"; };
    auto text = [](std::string_view t) { return t.empty() ? std::string("—") : std::string(t); };
    auto better = [](model::RankOrder o) {
        return o == RankOrder::high_first ? "higher" : o == RankOrder::low_first ? "lower" : "neither (not ranked)";
    };
    auto estimate = [](Estimate e) {
        return e == Estimate::always ? "always" : e == Estimate::per_figure ? "when the target group or demand is" : "never";
    };
    // the unit as a ward map prints it, after a sample figure (the no-break space as a plain one)
    auto on_map = [](const Definition& d) {
        if (d.ward_id.empty()) return std::string("—");
        auto shown = [](std::string_view u) {
            std::string t(u);
            if (t.rfind("\u00a0", 0) == 0) t.replace(0, std::string("\u00a0").size(), " ");
            return "12" + t;
        };
        return d.unit_lt == d.unit_en ? shown(d.unit_lt) : shown(d.unit_lt) + " / " + shown(d.unit_en);
    };
    std::string out = "| ward map id | comparison id | label (EN, ward map / comparison) | unit | on the map (LT / EN) | "
                      "counts people | better | estimate | distance | ward value | municipality value |\n"
                      "|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& d : table) {
        std::string label(d.ward_en);
        if (!d.municipal_en.empty() && d.municipal_en != d.ward_en)
            label += (label.empty() ? "" : " / ") + std::string(d.municipal_en);
        out += "| " + code(d.ward_id) + " | " + code(d.municipal_id) + " | " + label + " | " + text(d.unit) + " | " + on_map(d) + " | " +
               (d.counts_people ? "yes: whole, small counts withheld" : "—") + " | " + better(d.better) + " | " + estimate(d.estimate) + " | " +
               (d.travel ? "per run: road network or straight line (said in the label)" : "—") + " | " +
               text(d.ward_value) + " | " + text(d.municipal_value) + " |\n";
    }
    return out;
}

} // namespace apreptis::app::indicators
