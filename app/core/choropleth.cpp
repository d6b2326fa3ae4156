#include "app/core/choropleth.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "app/core/indicators/registry.hpp"

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

namespace {

using Fills = std::vector<std::pair<std::string, std::string>>;

/// A registry entry on the ward map: its id and labels filled in (names in each language).
Indicator ward_entry(std::string_view key, const Fills& ids, const Fills& names_lt, const Fills& names_en, bool estimated,
                     model::DistanceMethod method) {
    const auto& d = indicators::get(key);
    // a travel figure measured otherwise than over the road network (the default) says how
    const bool named = d.travel && method != model::DistanceMethod::network;
    const model::MethodLabel how = model::label(method);
    return {indicators::fill(d.ward_id, ids), indicators::fill(d.ward_lt, names_lt) + (named ? std::string(" (") + how.lt + ")" : ""),
            indicators::fill(d.ward_en, names_en) + (named ? std::string(" (") + how.en + ")" : ""),
            d.estimate == indicators::Estimate::always || estimated};
}

} // namespace

std::vector<Indicator> ward_indicators(const Analysis& a) {
    std::vector<Indicator> out;
    for (const auto& d : indicators::all()) // the ward summary's figures, in the registry's order
        if (d.family == indicators::Family::ward_summary && !d.ward_id.empty())
            out.push_back(ward_entry(d.key, {}, {}, {}, false, model::DistanceMethod::network));
    const auto& cat = a.study().catalogue;
    auto entry = [&](std::string_view key, const std::string& service, const std::string& group, const std::string& unit,
                     const std::string& min, bool estimated, model::DistanceMethod method) {
        const auto* st = cat.find_service(service);
        const auto* tg = cat.find_group(group);
        const std::string s_lt = st ? st->name_lt : service, s_en = st ? st->name_en : service;
        const std::string g_lt = tg ? tg->name_lt : group, g_en = tg ? tg->name_en : group;
        out.push_back(ward_entry(key, {{"service", service}, {"group", group}, {"unit", unit}},
                                 {{"who", s_lt + " — " + g_lt}, {"service", s_lt}, {"min", min}},
                                 {{"who", s_en + " — " + g_en}, {"service", s_en}, {"min", min}}, estimated, method));
    };
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const auto& r : a.out().coverage.rows) {
        if (r.level != model::AreaLevel::ward) continue;
        if (!seen.insert({r.service_type, r.target_group, r.unit}).second) continue;
        for (const auto& d : indicators::all())
            if (d.family == indicators::Family::coverage && !d.ward_id.empty())
                entry(d.key, r.service_type, r.target_group, r.unit, "", r.estimated, model::DistanceMethod::network);
    }
    if (a.out().access) {
        const model::DistanceMethod method = a.out().access->method;
        std::set<std::pair<std::string, std::string>> acc;
        for (const auto& sa : a.out().access->services)
            for (const auto& r : sa.rows) {
                if (r.level != model::AreaLevel::ward || !acc.insert({r.service_type, r.target_group}).second) continue;
                char thr[32];
                std::snprintf(thr, sizeof thr, "%.0f", r.threshold_min);
                for (const auto& d : indicators::all())
                    if (d.family == indicators::Family::access && !d.ward_id.empty())
                        entry(d.key, r.service_type, r.target_group, "", thr, r.estimated, method);
            }
    }
    if (a.out().capacity) {
        const model::DistanceMethod method = a.out().capacity->services.empty()
                                                 ? model::DistanceMethod::network
                                                 : a.out().capacity->services.front().reach.method;
        for (const auto& sc : a.out().capacity->services)
            for (const auto& d : indicators::all())
                if (d.family == indicators::Family::capacity && !d.ward_id.empty())
                    entry(d.key, sc.service_type, sc.target_group, "", "", sc.demand.estimated, method);
    }
    return out;
}

std::vector<std::optional<double>> ward_values(const Analysis& a, const std::string& id) {
    return indicators::ward_values(a, id);
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
