#include "app/core/loaded_inputs.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <set>

#include "app/core/roads_input.hpp"
#include "app/core/summary.hpp"
#include "app/core/toml_reader.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/raster_reader.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/routing/road_reader.hpp"
#include "model/errors.hpp"
#include "model/load/loaders.hpp"
#include "model/load/population_grid_cells.hpp"
#include "model/load/population_points.hpp"
#include "model/provider_placement.hpp"

namespace apreptis::app {

namespace {

geo::ReadOptions read_options(const LayerSource& s, const std::string& working_crs) {
    geo::ReadOptions o;
    o.layer = s.layer;
    o.x_field = s.x_field;
    o.y_field = s.y_field;
    o.declared_crs = s.crs;
    o.target_crs = working_crs;
    o.encoding = s.encoding;
    o.separator = s.separator;
    o.decimal_comma = s.decimal_comma;
    return o;
}

/// A table the project names but that has only its header (a template of `apreptis init`):
/// the run goes on and says what to fill in, pointing at the README beside it when there is one.
std::string empty_table_note(const std::string& what, const std::string& path, const std::string& fill) {
    const std::filesystem::path readme = std::filesystem::path(path).parent_path() / "README.md";
    std::error_code ec;
    const bool has_readme = path.rfind("PG:", 0) != 0 && std::filesystem::exists(readme, ec);
    return what + ": fill " + geo::redacted(path) + " with " + fill + " (columns and codes: " +
           (has_readme ? readme.string() : std::string("docs/INPUTS.md")) + ")";
}

geo::ReadOptions empty_allowed() {
    geo::ReadOptions o;
    o.allow_empty = true;
    return o;
}

/// Digest of a file input; a database source has none (its connection string is not recorded).
void record(LoadedInputs& in, const std::string& path) {
    if (path.rfind("PG:", 0) != 0) in.digests.push_back(geo::digest_file(path));
}

/// The population surface and what reading it adds to the run's record (kept apart from
/// LoadedInputs: it is made on another thread while the roads are read).
struct Surface {
    std::vector<model::PopulationUnit> units;
    model::SurfaceReport rep;
    std::optional<model::PopulationGridReport> grid;
    std::string grid_crs;
    std::vector<std::string> warnings;
    std::vector<geo::FileDigest> digests;
};

/// [population_surface] method = "points": the building points and what they say.
std::vector<model::WeightedPoint> building_points(const Project& p, Surface& in, std::string& label) {
    const SurfaceConfig& c = *p.surface;
    geo::ReadOptions o = read_options(c.points, p.working_crs);
    o.geometry_required = true;
    const geo::FeatureTable t = geo::read_vector(c.points.path, o);
    if (c.points.path.rfind("PG:", 0) != 0) in.digests.push_back(geo::digest_file(c.points.path));
    model::load::PopulationPoints pts =
        model::load::population_points_from(t, {c.weight_field, c.purpose_field, c.residential_codes});
    label = c.description.empty() ? "points of " + geo::redacted(c.points.path) +
                                        (c.weight_field.empty() ? "" : ", weighted by " + c.weight_field)
                                  : c.description;
    if (pts.not_residential)
        in.warnings.push_back(std::to_string(pts.not_residential) + " points of " + geo::redacted(c.points.path) +
                              " are not residential by residential_codes and carry no population");
    return std::move(pts.points);
}

/// [population] grid: the cells over the study area (a raster is read only there), shared out.
std::vector<model::PopulationUnit> grid_units(const Project& p, Surface& in, const model::StudyArea& s,
                                              model::SurfaceReport& surface) {
    const PopulationGridConfig& c = *p.population_grid;
    model::PopulationGrid grid;
    if (c.field.empty()) {
        geo::RasterReadOptions o;
        o.declared_crs = c.crs;
        o.target_crs = p.working_crs;
        o.window = s.envelope();
        const geo::RasterGrid r = geo::read_raster_grid(c.path, o);
        in.grid_crs = r.source_crs;
        if (r.bands > 1)
            in.warnings.push_back("population grid " + r.path + " has " + std::to_string(r.bands) +
                                  " bands; band 1 is read as persons per cell");
        grid = model::load::population_grid_from(r);
    } else {
        geo::ReadOptions o;
        o.layer = c.layer;
        o.declared_crs = c.crs;
        o.target_crs = p.working_crs;
        o.geometry_required = true;
        const geo::FeatureTable t = geo::read_vector(c.path, o);
        in.grid_crs = t.source_crs;
        grid = model::load::population_grid_from(t, c.field);
    }
    in.digests.push_back(geo::digest_file(c.path));
    std::vector<model::WeightedPoint> buildings;
    std::string label;
    if (p.surface && p.surface->method == SurfaceMethod::points) buildings = building_points(p, in, label);
    model::PopulationGridReport rep;
    auto units = model::distribute_population_grid(s, grid, buildings, label, rep, surface);
    if (p.surface && !p.surface->description.empty()) surface.method = p.surface->description + "; " + surface.method;
    in.grid = std::move(rep);
    return units;
}

std::vector<model::PopulationUnit> population_units(const Project& p, Surface& in, const model::StudyArea& s,
                                                    model::SurfaceReport& rep) {
    if (p.population_grid) return grid_units(p, in, s, rep);
    if (!p.surface || p.surface->method == SurfaceMethod::grid) {
        auto units = model::distribute_to_grid(s, p.surface ? p.surface->grid_cell_m : 250.0, rep);
        if (p.surface && !p.surface->description.empty()) rep.method = p.surface->description + "; " + rep.method;
        return units;
    }
    std::string method;
    const std::vector<model::WeightedPoint> points = building_points(p, in, method);
    return model::distribute_to_points(s, points, method, rep);
}

/// What a population grid's report adds to the warnings: nodata, wards it does not cover.
void grid_warnings(LoadedInputs& in, const model::StudyArea& s) {
    const model::PopulationGridReport& g = *in.population_grid;
    const std::string file = geo::redacted(in.project.population_grid->path);
    if (g.nodata_cells)
        in.warnings.push_back("population grid " + file + ": " + std::to_string(g.nodata_cells) +
                              " nodata cells skipped: the grid says nothing there, and that area counts as not covered");
    if (!g.wards_uncovered && !g.wards_partly_covered) return;
    double census = 0;
    for (const auto& w : s.wards) census += static_cast<double>(w.population);
    std::string list;
    std::size_t listed = 0;
    for (std::size_t w = 0; w < s.wards.size(); ++w) {
        const auto& f = g.wards[w];
        if (f.covered_share >= model::fully_covered_share || listed++ >= 10) continue;
        list += "\n  ward " + s.wards[w].code + " (" + s.wards[w].name + "): " +
                std::to_string(static_cast<int>(std::floor(f.covered_share * 100 + 1e-9))) + "% covered" +
                (f.census_fallback ? ", its census figure put at one point inside it" : "");
    }
    const std::size_t n = g.wards_uncovered + g.wards_partly_covered;
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", census > 0 ? 100.0 * g.census_uncovered / census : 0.0);
    in.warnings.push_back(
        "population grid " + file + " covers only part of the study area: " + std::to_string(n) + " of " +
        std::to_string(s.wards.size()) + " wards (" + std::to_string(g.wards_uncovered) + " not at all) lie partly or " +
        "wholly outside it or under nodata, about " +
        thousands(std::llround(g.census_uncovered)) + " census residents (" + share +
        " of the study area's) by uncovered area; the grid's figure for those wards counts only the covered part" + list +
        (listed > 10 ? "\n  ... (all in population_grid.csv)" : ""));
}

std::shared_ptr<const model::RoutingIndex> routing_index(LoadedInputs& in, const model::StudyArea& s,
                                                         std::future<RoadsRead> ways_read) {
    const Project& p = in.project;
    // The population surface does not depend on the roads: it is made on the other core
    // while they are read and built (a country's are most of the loading).
    auto surface_made = std::async(std::launch::async, [&p, &s] {
        Surface out;
        out.units = population_units(p, out, s, out.rep);
        return out;
    });
    std::optional<geo::RoadNetwork> network;
    geo::NetworkReport net_report;
    if (p.roads) {
        RoadsRead read = ways_read.get();
        std::vector<geo::Way>& ways = read.ways;
        in.warnings.insert(in.warnings.end(), read.warnings.begin(), read.warnings.end());
        record(in, p.roads->path);
        geo::BuildOptions bo;
        bo.profile = p.access->profile;
        bo.noding = p.roads->format == RoadFormat::osm ? geo::Noding::shared_vertices : geo::Noding::endpoints;
        bo.snap_tolerance_m = p.roads->snap_tolerance_m;
        in.road_clip = s.envelope().grown(p.roads->margin_m);
        bo.clip = in.road_clip;
        network = geo::build_network(ways, bo, net_report, geo::redacted(p.roads->path));
        if (net_report.components > 1)
            in.warnings.push_back("road network: " + std::to_string(net_report.components) +
                                  " connected parts; the largest has " +
                                  std::to_string(net_report.largest_component_nodes) + " of " +
                                  std::to_string(net_report.nodes) + " nodes (see the roads layer, main_network)");
    }
    Surface surface = surface_made.get();
    in.digests.insert(in.digests.end(), surface.digests.begin(), surface.digests.end());
    in.warnings.insert(in.warnings.end(), surface.warnings.begin(), surface.warnings.end());
    if (surface.grid) {
        in.population_grid = std::move(surface.grid);
        in.population_grid_source_crs = surface.grid_crs;
        grid_warnings(in, s);
    }
    model::SurfaceReport& rep = surface.rep;
    auto& units = surface.units;
    if (rep.points_outside_wards)
        in.warnings.push_back(std::to_string(rep.points_outside_wards) +
                              " population-surface points lie outside every ward and carry no population");
    for (const auto& w : in.population_grid ? std::vector<std::string>{} : rep.wards_without_points)
        in.warnings.push_back("ward " + w +
                              " has no population-surface point: its population is put at one point inside it");
    if (!network) return std::make_shared<const model::RoutingIndex>(std::move(units), std::move(rep));
    // units do not move between what-if edits: they are attached to the network once, here
    return std::make_shared<const model::RoutingIndex>(std::move(units), std::move(rep), std::move(*network),
                                                       std::move(net_report), p.access->max_snap_distance_m);
}

} // namespace

std::shared_ptr<const LoadedInputs> load_inputs(const Project& project) {
    const auto t0 = std::chrono::steady_clock::now();
    auto in = std::make_shared<LoadedInputs>();
    in->project = project;
    auto study = std::make_shared<model::StudyArea>();
    model::StudyArea& s = *study;

    record(*in, project.file);
    s.catalogue = model::load_catalogue(project.service_types, project.target_groups);
    record(*in, project.service_types);
    record(*in, project.target_groups);
    // the catalogue is known only now: check the project's service keys against it
    auto check_service = [&](const std::string& table, const std::string& key) {
        const std::string type = key.substr(0, key.find('/'));
        if (s.catalogue.find_service(type)) return;
        std::vector<std::string> codes;
        for (const auto& st : s.catalogue.services) codes.push_back(st.code);
        const std::string guess = did_you_mean(type, codes);
        throw Error(Location{.path = project.file, .key = table + "." + key}, "[" + table + "] " + key + " is not a service type of " + project.service_types +
                    (guess.empty() ? "" : " (did you mean " + guess + "?)"));
    };
    if (project.access)
        for (const auto& [type, minutes] : project.access->threshold_min) check_service("access.threshold_min", type);
    std::future<RoadsRead> ways_read;
    if (project.capacity) {
        for (const auto& [key, rate] : project.capacity->need_per_1000) check_service("capacity.need_per_1000", key);
        for (const auto& type : project.capacity->services) check_service("capacity] services", type);
    }

    geo::ReadOptions wo = read_options(project.wards, project.working_crs);
    wo.geometry_required = true;
    const geo::FeatureTable wt = geo::read_vector(project.wards.path, wo);
    in->wards_source_crs = wt.source_crs;
    record(*in, project.wards.path);
    model::load::WardFields wf;
    wf.code = project.ward_code_field;
    wf.name = project.ward_name_field;
    wf.municipality = project.ward_municipality_field;
    wf.municipality_name = project.ward_municipality_name;
    wf.population = project.ward_population_field;
    s.wards = model::load::wards_from(wt, wf);
    // The roads (most of a country's loading) are read on another thread from here on, while
    // the wards are checked and the providers and plans read: only the part the wards need
    // (roads_input.hpp; a repaired ward stays inside its box); their errors come when they
    // are needed, as before.
    if (project.access && project.roads) {
        std::vector<WardBox> boxes;
        for (const auto& w : s.wards) boxes.push_back({w.code, w.name, geo::envelope_of(w.geometry)});
        ways_read = std::async(std::launch::async,
                               [&project, boxes = std::move(boxes)] { return read_roads(project, boxes); });
    }
    in->ward_report = model::check_wards(
        s.wards, {project.repair_invalid, project.overlap_tolerance_m2, project.gap_tolerance_m2}, wt.path + ":" + wt.layer);
    if (const auto& gaps = in->ward_report.gaps; !gaps.empty()) {
        double total = 0;
        std::string list;
        for (std::size_t i = 0; i < gaps.size(); ++i) {
            total += gaps[i].area_m2;
            if (i >= 10) continue;
            std::string around;
            for (const auto& c : gaps[i].around) around += (around.empty() ? "" : ", ") + c;
            list += "\n  " + std::to_string(static_cast<long long>(gaps[i].area_m2)) + " m2 at (" +
                    std::to_string(static_cast<long long>(gaps[i].inside.x)) + ", " +
                    std::to_string(static_cast<long long>(gaps[i].inside.y)) + ") between wards " + around;
        }
        in->warnings.push_back(wt.path + ": " + std::to_string(gaps.size()) + " gap(s) between wards larger than " +
                               std::to_string(static_cast<long long>(project.gap_tolerance_m2)) + " m2, " +
                               std::to_string(static_cast<long long>(total)) +
                               " m2 in all: no ward covers them, so a provider or building there is in no ward" +
                               list + (gaps.size() > 10 ? "\n  ... (all in run.json, ward_gaps)" : ""));
    }
    for (const auto& r : in->ward_report.repairs)
        in->warnings.push_back("ward " + r.code + " (" + r.name + ") was invalid (" + r.reason +
                               ") and was repaired: area " + std::to_string(static_cast<long long>(r.area_before_m2)) +
                               " -> " + std::to_string(static_cast<long long>(r.area_after_m2)) + " m2");
    model::index_wards(s); // once: placement, the population surface and every what-if use it

    if (project.providers) {
        geo::ReadOptions po = read_options(*project.providers, project.working_crs);
        po.allow_empty = true; // a template with its header only: said in to_fill_in, not an error
        const geo::FeatureTable pt = geo::read_vector(project.providers->path, po);
        if (pt.features.empty())
            in->to_fill_in.push_back(empty_table_note("no providers yet", project.providers->path,
                                                      "one row per provider service line; until then "
                                                      "there is no coverage figure"));
        in->providers_source_crs = pt.source_crs;
        s.providers_source = pt.path + ":" + pt.layer;
        record(*in, project.providers->path);
        model::load::providers_from(pt, s.catalogue, {project.default_municipality}, s.providers, s.lines);
        in->placement_warnings = model::place_providers(s);
    }
    if (project.population_groups) {
        const geo::FeatureTable gt = geo::read_vector(*project.population_groups, empty_allowed());
        if (gt.features.empty())
            in->to_fill_in.push_back(empty_table_note("no population groups yet", *project.population_groups,
                                                      "the municipality's size of each target group, e.g. "
                                                      "children and older persons; until then no figure per 1000 of a "
                                                      "group"));
        record(*in, *project.population_groups);
        s.groups = model::load::population_groups_from(gt, s.catalogue);
    }
    if (project.needs) {
        const geo::FeatureTable nt = geo::read_vector(*project.needs, empty_allowed());
        if (nt.features.empty())
            in->to_fill_in.push_back(empty_table_note("no needs yet", *project.needs,
                                                      "the plan's needs table, assessed and unmet need per "
                                                      "service type and target group"));
        record(*in, *project.needs);
        s.needs = model::load::needs_from(nt, s.catalogue);
    }
    if (project.roads && project.roads->format == RoadFormat::osm) record(*in, project.roads->osmconf);
    std::set<std::string> plan_ids, municipalities;
    for (const auto& w : s.wards) municipalities.insert(w.municipality);
    std::map<std::string, int> plan_elsewhere; // municipality not in the ward layer -> lines
    for (const auto& plan : project.plans) {
        const geo::FeatureTable pt = geo::read_vector(plan);
        record(*in, plan);
        for (auto& l : model::load::plan_lines_from(pt, s.catalogue)) {
            if (!l.ward_code.empty() && !s.find_ward(l.ward_code))
                throw model::DataError(l.where, "ward_code '" + l.ward_code + "' is no ward of " + geo::redacted(project.wards.path));
            if (!plan_ids.insert(l.id).second)
                throw model::DataError(l.where, "line id '" + l.id + "' is also used in an earlier [plan] file");
            if (!municipalities.count(l.municipality)) ++plan_elsewhere[l.municipality];
            in->plan_lines.push_back(std::move(l));
        }
    }
    for (const auto& [m, n] : plan_elsewhere)
        in->warnings.push_back(std::to_string(n) + " plan line(s) of '" + m + "', which is no municipality of " +
                               geo::redacted(project.wards.path) +
                               ": their progress is computed, but they link to no coverage figure and no report page");
    if (!in->plan_lines.empty()) in->plan = model::compute_plan_progress(in->plan_lines);
    if (project.capacity)
        for (const auto& entry : project.capacity->places) {
            const std::string& id = entry.first;
            if (std::none_of(s.providers.begin(), s.providers.end(), [&](const model::Provider& p) { return p.id == id; }))
                throw Error(Location{.path = project.file, .key = "capacity.places." + id}, "[capacity.places] " + id + " is not a provider id of " +
                            (project.providers ? geo::redacted(project.providers->path) : std::string("the project (no [providers])")));
        }
    if (project.access) {
        in->routing = routing_index(*in, s, std::move(ways_read));
    } else if (project.population_grid) {
        // no travel distances, but the grid's total per ward against the census is still reported
        Surface surface;
        population_units(project, surface, s, surface.rep);
        in->digests.insert(in->digests.end(), surface.digests.begin(), surface.digests.end());
        in->warnings.insert(in->warnings.end(), surface.warnings.begin(), surface.warnings.end());
        in->population_grid = std::move(surface.grid);
        in->population_grid_source_crs = surface.grid_crs;
        grid_warnings(*in, s);
    }
    in->study = std::move(study);
    in->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return in;
}

} // namespace apreptis::app
