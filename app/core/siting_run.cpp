#include "app/core/siting_run.hpp"

#include <algorithm>
#include <filesystem>

#include "app/core/option_error.hpp"
#include "geo/errors.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/errors.hpp"

namespace apreptis::app {

namespace {

std::vector<geo::XY> read_candidates(const std::string& path, const std::string& working_crs) {
    geo::ReadOptions o;
    o.target_crs = working_crs;
    o.geometry_required = true;
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext == ".csv" || ext == ".CSV") { // points as columns: lon/lat (WGS 84) or x/y (working CRS)
        const auto fields = geo::read_vector(path, [&] {
            geo::ReadOptions p;
            p.allow_empty = true;
            p.check_area_of_use = false;
            return p;
        }()).fields;
        const bool lonlat = std::find(fields.begin(), fields.end(), "lon") != fields.end();
        o.x_field = lonlat ? "lon" : "x";
        o.y_field = lonlat ? "lat" : "y";
        o.declared_crs = lonlat ? "EPSG:4326" : working_crs;
    }
    const geo::FeatureTable t = geo::read_vector(path, o);
    std::vector<geo::XY> out;
    for (const auto& f : t.features) {
        const auto* p = std::get_if<geo::XY>(&f.geometry);
        if (!p) throw geo::IoError(t.at(f), "a candidate site must be a point");
        out.push_back(*p);
    }
    return out;
}

} // namespace

SitingRun run_siting(const Analysis& a, SitingRequest req, std::stop_token stop) {
    if (!a.out().capacity)
        throw Error(Location{.path = a.project().file, .key = "capacity"}, "site suggestions need the capacity analysis: add a [capacity] section "
                                       "(docs/CAPACITY.md)");
    const auto& cap = *a.out().capacity;
    std::vector<const model::ServiceCapacity*> match;
    for (const auto& sc : cap.services)
        if (sc.service_type == req.service_type && (req.target_group.empty() || sc.target_group == req.target_group))
            match.push_back(&sc);
    if (match.empty()) {
        std::string known;
        for (const auto& sc : cap.services) known += (known.empty() ? "" : ", ") + sc.service_type + "/" + sc.target_group;
        throw OptionError("--service " + req.service_type + (req.target_group.empty() ? "" : " --group " + req.target_group) +
                    ": not in the capacity analysis of " + a.project().file + " (analysed: " +
                    (known.empty() ? "none" : known) + ")");
    }
    if (match.size() > 1) {
        std::string groups;
        for (const auto* sc : match) groups += (groups.empty() ? "" : ", ") + sc->target_group;
        throw OptionError("--service " + req.service_type + " has several target groups (" + groups + "); name one with --group");
    }
    const model::ServiceCapacity& sc = *match.front();
    req.target_group = sc.target_group;
    SitingRun run;
    if (req.places) {
        run.places_basis = "given (--places)";
    } else {
        if (sc.supply.capacity.empty())
            throw OptionError("--service " + req.service_type + ": no existing provider to take the places from; give --places");
        std::vector<double> caps = sc.supply.capacity;
        std::nth_element(caps.begin(), caps.begin() + static_cast<std::ptrdiff_t>(caps.size() / 2), caps.end());
        req.places = caps[caps.size() / 2];
        run.places_basis = "median capacity of the " + std::to_string(caps.size()) + " existing provider(s)";
    }
    if (!req.candidates_path.empty()) {
        run.candidates = read_candidates(req.candidates_path, a.project().working_crs);
        run.candidates_basis = "points of " + req.candidates_path;
        if (run.candidates.empty()) throw Error(Location{.path = req.candidates_path}, "the candidate layer has no sites");
    } else {
        run.candidates = model::candidate_grid(*a.in().routing, sc.demand, req.candidate_grid_m);
        run.candidates_basis = "centres of a " + geo::format_number(req.candidate_grid_m) + " m grid over units with demand";
    }
    model::SitingSettings st;
    st.k = req.k;
    st.places = *req.places;
    st.objective = req.objective;
    st.threshold_s = sc.threshold_min * 60;
    st.walk_mps = a.in().routing->travel().speed_mps(access_settings(a.in()));
    run.result = model::suggest_sites(a.study(), *a.in().routing, sc.demand, sc.supply, sc.reach, run.candidates, st, stop);
    run.request = req;
    return run;
}

} // namespace apreptis::app
