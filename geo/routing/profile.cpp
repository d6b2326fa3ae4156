#include "geo/routing/profile.hpp"

#include <charconv>
#include <cmath>
#include <map>

namespace apreptis::geo {

const char* to_string(Profile p) {
    switch (p) {
    case Profile::walk: return "walk";
    case Profile::senior_walk: return "senior_walk";
    case Profile::drive: return "drive";
    }
    return "walk";
}

std::optional<Profile> profile_from_string(const std::string& s) {
    if (s == "walk") return Profile::walk;
    if (s == "senior_walk") return Profile::senior_walk;
    if (s == "drive") return Profile::drive;
    return std::nullopt;
}

double walking_speed_mps(Profile p) {
    // walk: 4.5 km/h. senior_walk: 3.0 km/h, the lower range of comfortable walking speeds
    // reported for people over 70 (about 0.8-0.9 m/s); see docs/ROUTING.md.
    return p == Profile::senior_walk ? 3.0 / 3.6 : 4.5 / 3.6;
}

namespace {

const std::map<std::string, double>& car_speeds_kmh() {
    static const std::map<std::string, double> m = {
        {"motorway", 110}, {"motorway_link", 60}, {"trunk", 90}, {"trunk_link", 50},
        {"primary", 70},   {"primary_link", 50},  {"secondary", 60}, {"secondary_link", 50},
        {"tertiary", 50},  {"tertiary_link", 40}, {"unclassified", 40}, {"residential", 30},
        {"living_street", 10}, {"service", 15}, {"road", 30}};
    return m;
}

bool walkable_class(const std::string& h) {
    static const char* ok[] = {"trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link",
                               "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
                               "service", "road", "pedestrian", "footway", "path", "steps", "track",
                               "cycleway", "bridleway", "corridor"};
    for (const char* c : ok)
        if (h == c) return true;
    return false;
}

bool is_no(const std::string& v) { return v == "no" || v == "private" || v == "agricultural" || v == "forestry"; }
bool is_yes(const std::string& v) { return v == "yes" || v == "designated" || v == "permissive" || v == "destination"; }

/// A maxspeed tag read as km/h: nullopt when it is not a number (none, signals, walk: the
/// class speed applies, as before). A number is returned as read, NaN and infinity included
/// (from_chars accepts "nan" and "inf"); accepted_maxspeed decides whether it is a speed.
std::optional<double> parse_maxspeed_kmh(const std::string& s) {
    if (s.empty()) return std::nullopt;
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc()) return std::nullopt;
    std::string rest(r.ptr, s.data() + s.size());
    if (rest.find("mph") != std::string::npos) v *= 1.609344;
    return v;
}

} // namespace

bool accepted_maxspeed(double kmh) { return std::isfinite(kmh) && kmh >= min_maxspeed_kmh && kmh <= max_maxspeed_kmh; }

bool is_drivable_class(const std::string& highway) { return car_speeds_kmh().count(highway) > 0; }

bool uses_walkable_areas(Profile p) { return p != Profile::drive; }

WayRule rule_for(Profile p, const WayTags& t) {
    WayRule r;
    if (t.highway.empty()) {
        r.excluded_because = "no highway tag";
        return r;
    }
    if (p == Profile::drive) {
        auto it = car_speeds_kmh().find(t.highway);
        if (it == car_speeds_kmh().end()) {
            r.excluded_because = "highway=" + t.highway + " is not for cars";
            return r;
        }
        for (const std::string* v : {&t.access, &t.vehicle, &t.motor_vehicle, &t.motorcar})
            if (is_no(*v)) {
                r.excluded_because = "access restricted (" + *v + ")";
                return r;
            }
        double kmh = it->second;
        if (const auto tagged = parse_maxspeed_kmh(t.maxspeed)) {
            // NaN or infinity would make NaN or zero arc times, which corrupt the search's heap
            // key; a speed out of range is a typo. The class speed is used instead, and said.
            if (accepted_maxspeed(*tagged)) kmh = *tagged;
            else r.maxspeed_refused = t.maxspeed;
        }
        r.speed_mps = kmh / 3.6;
        r.usable = true;
        if (t.oneway == "yes" || t.oneway == "true" || t.oneway == "1" || t.junction == "roundabout" ||
            t.highway == "motorway")
            r.backward = t.oneway == "no";
        if (t.oneway == "-1" || t.oneway == "reverse") {
            r.forward = false;
            r.backward = true;
        }
        return r;
    }
    // walking profiles: oneway does not apply
    if (!walkable_class(t.highway)) {
        r.excluded_because = "highway=" + t.highway + " is not for walking";
        return r;
    }
    if (is_no(t.foot) || (is_no(t.access) && !is_yes(t.foot))) {
        r.excluded_because = "no foot access";
        return r;
    }
    r.speed_mps = walking_speed_mps(p);
    r.usable = true;
    return r;
}

} // namespace apreptis::geo
