#include "app/core/roads_input.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/routing/osm_road_reader.hpp"
#include "geo/routing/profile.hpp"
#include "geo/routing/road_reader.hpp"

namespace apreptis::app {

namespace {

/// The fastest speed any road class gives the profile (maxspeed tags aside), m/s.
double fastest_class_speed_mps(geo::Profile profile) {
    double fastest = geo::walking_speed_mps(profile);
    for (const char* cls : {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
                            "living_street", "service", "track", "path", "footway", "pedestrian", "cycleway"}) {
        geo::WayTags t;
        t.highway = cls;
        const geo::WayRule r = geo::rule_for(profile, t);
        if (r.usable) fastest = std::max(fastest, r.speed_mps);
    }
    return fastest;
}

std::string degrees(const geo::Envelope& e) {
    char s[128];
    std::snprintf(s, sizeof s, "lon %.4f to %.4f, lat %.4f to %.4f", e.min_x, e.max_x, e.min_y, e.max_y);
    return s;
}

} // namespace

double osm_clip_margin_m(const Project& p) {
    if (p.roads && p.roads->clip_margin_m) return *p.roads->clip_margin_m;
    double minutes = 0;
    if (p.access) {
        for (const auto& [type, m] : p.access->threshold_min) minutes = std::max(minutes, m);
        for (double m : p.access->catchment_bands_min) minutes = std::max(minutes, m);
    }
    if (p.capacity)
        for (double m : p.capacity->zones_min) minutes = std::max(minutes, m);
    const double reach = p.access ? minutes * 60 * fastest_class_speed_mps(p.access->profile) : 0;
    return std::max({2000.0, reach, p.roads ? p.roads->margin_m : 0.0});
}

RoadsRead read_roads(const Project& p, const std::vector<WardBox>& wards) {
    RoadsRead out;
    if (p.roads->format == RoadFormat::lines) {
        out.ways = geo::read_line_ways(p.roads->path, p.roads->fields, p.working_crs);
        return out;
    }
    geo::Envelope area;
    std::vector<geo::Envelope> boxes;
    for (const WardBox& w : wards) {
        area.expand(w.box);
        boxes.push_back(w.box);
    }
    out.clip_margin_m = osm_clip_margin_m(p);
    geo::OsmRoadsOptions o;
    o.osmconf = p.roads->osmconf;
    if (!area.empty()) o.clip = area.grown(out.clip_margin_m);
    geo::OsmRoads r = geo::read_osm_roads(p.roads->path, p.working_crs, o);
    const std::string file = geo::redacted(p.roads->path);
    const geo::ExtentCoverage c = geo::extent_coverage(r.data_extent, boxes);
    if (!wards.empty() && c.outside == wards.size())
        throw Error(Location{.path = file}, "its data (" + degrees(r.data_extent_lonlat) + ") does not cover the study area: all " +
                    std::to_string(wards.size()) + " wards lie outside it; [roads] path needs an extract of the " +
                    "wards' own region or country");
    if (c.outside || c.partly) {
        std::string list;
        std::size_t listed = 0;
        for (const WardBox& w : wards) {
            const geo::ExtentCoverage one = geo::extent_coverage(r.data_extent, {w.box});
            if (!one.outside && !one.partly) continue;
            if (listed++ < 10)
                list += "\n  ward " + w.code + " (" + w.name + "): " + (one.outside ? "outside" : "partly outside");
        }
        char share[32];
        std::snprintf(share, sizeof share, "%.1f%%", 100.0 * static_cast<double>(c.outside + c.partly) /
                                                         static_cast<double>(wards.size()));
        out.warnings.push_back("road network " + file + " covers only part of the study area: " +
                               std::to_string(c.outside + c.partly) + " of " + std::to_string(wards.size()) +
                               " wards (" + share + "; " + std::to_string(c.outside) + " wholly) lie outside its data (" +
                               degrees(r.data_extent_lonlat) + "); travel there uses only the roads in the file, and " +
                               "people beyond them are unreachable or far" + list +
                               (listed > 10 ? "\n  ... (" + std::to_string(listed - 10) + " more)" : ""));
    }
    if (r.missing_nodes)
        out.warnings.push_back("road network " + file + ": " + std::to_string(r.missing_nodes) +
                               " node reference(s) of the ways read are not in the file (an extract's edge); "
                               "those ways are drawn through the nodes that are");
    out.ways = std::move(r.ways);
    return out;
}

} // namespace apreptis::app
