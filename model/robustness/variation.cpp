#include "model/robustness/variation.hpp"

#include <algorithm>
#include <cstdio>

namespace apreptis::model {

namespace {

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// FNV-1a: a fixed hash of the text (std::hash may differ between library versions).
std::uint64_t text_hash(const std::string& s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace

double keyed_uniform(std::uint64_t seed, std::size_t run, const std::string& source, const std::string& id) {
    std::uint64_t h = splitmix(seed);
    h = splitmix(h ^ static_cast<std::uint64_t>(run));
    h = splitmix(h ^ text_hash(source));
    h = splitmix(h ^ text_hash(id));
    return static_cast<double>(h >> 11) * 0x1.0p-53; // 53 random bits
}

GlobalDraw draw_global(const RobustnessSettings& st, std::size_t run, double nominal_kmh) {
    GlobalDraw d;
    if (!st.thresholds_min.empty()) {
        const double u = keyed_uniform(st.seed, run, "threshold", "");
        const auto i = std::min(st.thresholds_min.size() - 1, static_cast<std::size_t>(u * static_cast<double>(st.thresholds_min.size())));
        d.threshold_min = st.thresholds_min[i];
    }
    if (st.speed_kmh) {
        const double u = keyed_uniform(st.seed, run, "speed", "");
        const double kmh = st.speed_kmh->first + u * (st.speed_kmh->second - st.speed_kmh->first);
        d.speed_factor = kmh / nominal_kmh;
    }
    return d;
}

double draw_group_factor(const RobustnessSettings& st, std::size_t run, const std::string& ward_code,
                         const std::string& group) {
    if (st.group_relative <= 0) return 1.0;
    const double u = keyed_uniform(st.seed, run, "group:" + group, ward_code);
    return 1.0 - st.group_relative + 2.0 * st.group_relative * u;
}

double draw_places(const RobustnessSettings& st, std::size_t run, const std::string& provider_id, double places) {
    if (st.capacity_places <= 0) return places;
    const double u = keyed_uniform(st.seed, run, "places", provider_id);
    return std::max(0.0, places - st.capacity_places + 2.0 * st.capacity_places * u);
}

std::size_t draw_point_index(const RobustnessSettings& st, std::size_t run, const std::string& provider_id,
                             std::size_t candidates) {
    const double u = keyed_uniform(st.seed, run, "provider_point", provider_id);
    return std::min(candidates - 1, static_cast<std::size_t>(u * static_cast<double>(candidates)));
}

std::string describe_threshold_variation(const RobustnessSettings& settings, const std::string& tail) {
    std::string list;
    char buf[32];
    for (double t : settings.thresholds_min) {
        std::snprintf(buf, sizeof buf, "%g", t);
        list += (list.empty() ? "" : ", ") + std::string(buf);
    }
    return "threshold: one of " + list + " min per run" + tail;
}

} // namespace apreptis::model
