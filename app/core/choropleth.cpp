#include "app/core/choropleth.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace apreptis::app {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> part;
    std::size_t start = 0;
    for (std::size_t p = text.find(sep); p != std::string::npos; p = text.find(sep, start)) {
        part.push_back(text.substr(start, p - start));
        start = p + 1;
    }
    part.push_back(text.substr(start));
    return part;
}

std::vector<Indicator> ward_indicators(const Analysis& a) {
    std::vector<Indicator> out = {
        {"population", "Gyventojai", "Residents", false},
        {"density", "Gyventojų tankis, žm./km²", "Density, residents per km²", false},
        {"children_est", "Vaikai (įvertis)", "Children (estimate)", true},
        {"older_est", "Senyvo amžiaus asmenys (įvertis)", "Older persons (estimate)", true},
        {"providers_located", "Paslaugų teikėjai seniūnijoje", "Providers placed in the ward", false},
    };
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const auto& r : a.out().coverage.rows) {
        if (r.level != model::AreaLevel::ward) continue;
        if (!seen.insert({r.service_type, r.target_group, r.unit}).second) continue;
        const auto* st = a.study().catalogue.find_service(r.service_type);
        const auto* tg = a.study().catalogue.find_group(r.target_group);
        const std::string lt = (st ? st->name_lt : r.service_type) + " — " + (tg ? tg->name_lt : r.target_group);
        const std::string en = (st ? st->name_en : r.service_type) + " — " + (tg ? tg->name_en : r.target_group);
        const std::string key = "coverage:" + r.service_type + ":" + r.target_group + ":" + r.unit;
        out.push_back({key + ":recipients_per_1000", lt + ": gavėjai 1000-iui", en + ": recipients per 1000", r.estimated});
        out.push_back({key + ":places_per_1000", lt + ": vietos 1000-iui", en + ": places per 1000", r.estimated});
    }
    if (a.out().access) {
        std::set<std::pair<std::string, std::string>> acc;
        for (const auto& sa : a.out().access->services)
        for (const auto& r : sa.rows) {
            if (r.level != model::AreaLevel::ward || !acc.insert({r.service_type, r.target_group}).second) continue;
            const auto* st = a.study().catalogue.find_service(r.service_type);
            const bool straight = a.out().access->method == model::DistanceMethod::straight_line;
            char thr[32];
            std::snprintf(thr, sizeof thr, "%.0f", r.threshold_min);
            out.push_back({"access:" + r.service_type + ":" + r.target_group,
                           (st ? st->name_lt : r.service_type) + ": dalis per " + thr + " min" +
                               (straight ? " (tiesia linija)" : ""),
                           (st ? st->name_en : r.service_type) + ": share within " + thr + " min" +
                               (straight ? " (straight line)" : ""),
                           r.estimated});
        }
    }
    if (a.out().capacity) {
        const bool straight = a.out().capacity->services.empty() ? false
                              : a.out().capacity->services.front().reach.method == model::DistanceMethod::straight_line;
        const std::string sl_lt = straight ? " (tiesia linija)" : "", sl_en = straight ? " (straight line)" : "";
        for (const auto& sc : a.out().capacity->services) {
            const auto* st = a.study().catalogue.find_service(sc.service_type);
            const auto* tg = a.study().catalogue.find_group(sc.target_group);
            const std::string lt = (st ? st->name_lt : sc.service_type) + " — " + (tg ? tg->name_lt : sc.target_group);
            const std::string en = (st ? st->name_en : sc.service_type) + " — " + (tg ? tg->name_en : sc.target_group);
            const std::string key = "capacity:" + sc.service_type + ":" + sc.target_group + ":";
            const bool est = sc.demand.estimated;
            out.push_back({key + "unserved_share", lt + ": negaunančių dalis, %" + sl_lt, en + ": share unserved, %" + sl_en, est});
            out.push_back({key + "no_capacity", lt + ": trūksta vietų (asm.)" + sl_lt, en + ": unserved, no capacity" + sl_en, est});
            out.push_back({key + "too_far", lt + ": per toli (asm.)" + sl_lt, en + ": unserved, too far" + sl_en, est});
            out.push_back({key + "two_step", lt + ": 2SFCA vietos 1000-iui" + sl_lt, en + ": 2SFCA places per 1000" + sl_en, est});
            out.push_back({key + "enhanced", lt + ": E2SFCA vietos 1000-iui" + sl_lt, en + ": E2SFCA places per 1000" + sl_en, est});
        }
    }
    return out;
}

std::vector<std::optional<double>> ward_values(const Analysis& a, const std::string& id) {
    const auto& wards = a.study().wards;
    std::vector<std::optional<double>> v(wards.size());
    auto index_of = [&](const std::string& code) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < wards.size(); ++i)
            if (wards[i].code == code) return i;
        return std::nullopt;
    };
    if (id == "population" || id == "density" || id == "children_est" || id == "older_est" ||
        id == "providers_located") {
        for (std::size_t i = 0; i < a.out().coverage.wards.size() && i < wards.size(); ++i) {
            const auto& w = a.out().coverage.wards[i];
            if (id == "population") v[i] = static_cast<double>(w.population);
            if (id == "density") v[i] = w.density_per_km2;
            if (id == "children_est") v[i] = w.children.value;
            if (id == "older_est") v[i] = w.older.value;
            if (id == "providers_located") v[i] = w.providers_located;
        }
        return v;
    }
    if (id.rfind("coverage:", 0) == 0) {
        // coverage:<service>:<group>:<unit>:<measure>
        const std::vector<std::string> part = split(id, ':');
        if (part.size() != 5) return v;
        for (const auto& r : a.out().coverage.rows) {
            if (r.level != model::AreaLevel::ward || r.service_type != part[1] || r.target_group != part[2] ||
                r.unit != part[3])
                continue;
            if (auto i = index_of(r.area_code))
                v[*i] = part[4] == "places_per_1000" ? r.places_per_1000 : r.recipients_per_1000;
        }
        return v;
    }
    if (id.rfind("capacity:", 0) == 0 && a.out().capacity) {
        // capacity:<service>:<group>:<measure>
        const std::vector<std::string> part = split(id, ':');
        if (part.size() != 4) return v;
        for (const auto& sc : a.out().capacity->services) {
            if (sc.service_type != part[1] || sc.target_group != part[2]) continue;
            for (const auto& r : sc.gaps.wards)
                if (auto i = index_of(r.area_code)) {
                    if (part[3] == "unserved_share" && r.demand > 0) v[*i] = r.unserved_share() * 100.0;
                    if (part[3] == "no_capacity") v[*i] = r.no_capacity;
                    if (part[3] == "too_far") v[*i] = r.too_far;
                }
            for (const auto& r : sc.scores.rows)
                if (r.level == model::AreaLevel::ward)
                    if (auto i = index_of(r.area_code)) {
                        if (part[3] == "two_step") v[*i] = r.two_step;
                        if (part[3] == "enhanced") v[*i] = r.enhanced;
                    }
        }
        return v;
    }
    if (id.rfind("access:", 0) == 0 && a.out().access) {
        const auto c2 = id.find(':', 7);
        const std::string type = id.substr(7, c2 - 7), group = id.substr(c2 + 1);
        for (const auto& sa : a.out().access->services)
        for (const auto& r : sa.rows)
            if (r.level == model::AreaLevel::ward && r.service_type == type && r.target_group == group)
                if (auto i = index_of(r.area_code)) v[*i] = r.share_within * 100.0;
    }
    return v;
}

std::vector<double> class_breaks(const std::vector<std::optional<double>>& values, Classification method,
                                 int classes, const std::vector<double>& manual) {
    if (method == Classification::manual && !manual.empty()) {
        auto b = manual;
        std::sort(b.begin(), b.end());
        return b;
    }
    std::vector<double> known;
    for (const auto& x : values)
        if (x) known.push_back(*x);
    std::sort(known.begin(), known.end());
    std::vector<double> b;
    if (known.empty() || classes < 1) return b;
    for (int k = 1; k <= classes; ++k) {
        if (method == Classification::equal_interval) {
            b.push_back(known.front() + (known.back() - known.front()) * k / classes);
        } else { // quantiles: the value at rank ceil(k n / classes)
            const auto idx = static_cast<std::size_t>(std::ceil(static_cast<double>(k) * static_cast<double>(known.size()) / classes)) - 1;
            b.push_back(known[std::min(idx, known.size() - 1)]);
        }
    }
    // ties (many equal values, or one known value) would give empty classes: drop repeats
    b.erase(std::unique(b.begin(), b.end()), b.end());
    return b;
}

int class_of(const std::optional<double>& v, const std::vector<double>& breaks) {
    if (!v || breaks.empty()) return -1;
    for (std::size_t i = 0; i < breaks.size(); ++i)
        if (*v <= breaks[i]) return static_cast<int>(i);
    return static_cast<int>(breaks.size()) - 1;
}

std::vector<Rgb> palette(int n) {
    // interpolated between fixed stops (light yellow-green -> green-blue -> dark blue)
    const Rgb stops[] = {{224, 243, 219}, {186, 228, 188}, {123, 204, 196}, {67, 162, 202}, {8, 104, 172}};
    std::vector<Rgb> out;
    for (int i = 0; i < n; ++i) {
        const double t = n == 1 ? 1.0 : static_cast<double>(i) / (n - 1) * 4.0;
        const int k = std::min(3, static_cast<int>(t));
        const double f = t - k;
        auto mix = [&](unsigned char a, unsigned char b) { return static_cast<unsigned char>(std::lround(a + (b - a) * f)); };
        out.push_back({mix(stops[k].r, stops[k + 1].r), mix(stops[k].g, stops[k + 1].g), mix(stops[k].b, stops[k + 1].b)});
    }
    return out;
}

Rgb highlighted(Rgb c) {
    auto h = [](unsigned char a, unsigned char b) { return static_cast<unsigned char>((a + b) / 2); };
    return {h(c.r, highlight_colour.r), h(c.g, highlight_colour.g), h(c.b, highlight_colour.b)};
}

} // namespace apreptis::app
