#include "app/core/analysis.hpp"

#include <algorithm>
#include <chrono>

#include <cmath>

#include "geo/crs/transformer.hpp"
#include "geo/routing/road_reader.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/errors.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::app {

namespace {

geo::Envelope study_envelope(const model::StudyArea& s, double margin) {
    const geo::Envelope e = s.envelope();
    return {e.min_x - margin, e.min_y - margin, e.max_x + margin, e.max_y + margin};
}

std::vector<model::PopulationUnit> population_units(Analysis& a, model::SurfaceReport& rep) {
    const Project& p = a.project;
    const model::StudyArea& s = a.study;
    if (!p.surface || p.surface->method == "grid") {
        auto units = model::distribute_to_grid(s.wards, p.surface ? p.surface->grid_cell_m : 250.0, rep);
        if (p.surface && !p.surface->description.empty()) rep.method = p.surface->description + "; " + rep.method;
        return units;
    }
    const SurfaceConfig& c = *p.surface;
    geo::ReadOptions o;
    o.layer = c.points.layer;
    o.x_field = c.points.x_field;
    o.y_field = c.points.y_field;
    o.declared_crs = c.points.crs;
    o.target_crs = p.working_crs;
    o.geometry_required = true;
    geo::FeatureTable t = geo::read_vector(c.points.path, o);
    a.inputs.push_back(geo::digest_file(c.points.path));
    const int wf = c.weight_field.empty() ? -1 : t.require_field(c.weight_field);
    const int pf = c.purpose_field.empty() ? -1 : t.require_field(c.purpose_field);
    std::vector<model::WeightedPoint> pts;
    std::size_t not_residential = 0;
    for (const auto& f : t.features) {
        const auto* xy = std::get_if<geo::XY>(&f.geometry);
        if (!xy) throw model::DataError(t.where(f) + ": expected a point");
        if (pf >= 0 && !c.residential_codes.empty()) {
            std::string code = f.values[static_cast<std::size_t>(pf)].value_or("");
            if (std::find(c.residential_codes.begin(), c.residential_codes.end(), code) == c.residential_codes.end()) {
                ++not_residential;
                continue;
            }
        }
        double w = 1;
        if (wf >= 0) {
            const auto& v = f.values[static_cast<std::size_t>(wf)];
            if (v && !v->empty()) {
                char* end = nullptr;
                w = std::strtod(v->c_str(), &end);
                if (end == v->c_str() || *end != '\0' || !std::isfinite(w) || w < 0)
                    throw model::DataError(t.where(f, c.weight_field) + ": expected a number >= 0, found '" + *v + "'");
            }
            if (w == 0) w = 1; // a registered building with 0 floors still stands: count it once
        }
        pts.push_back({*xy, w});
    }
    std::string method = c.description.empty()
                             ? "points of " + c.points.path + (wf >= 0 ? ", weighted by " + c.weight_field : "")
                             : c.description;
    auto units = model::distribute_to_points(s.wards, pts, method, rep);
    if (not_residential)
        a.study.warnings.push_back(std::to_string(not_residential) + " points of " + c.points.path +
                                   " are not residential by residential_codes and carry no population");
    return units;
}

void load_access_inputs(Analysis& a) {
    const Project& p = a.project;
    const geo::Profile profile = *geo::profile_from_string(p.access->profile);
    if (p.roads) {
        std::vector<geo::Way> ways =
            p.roads->format == "osm" ? geo::read_osm_ways(p.roads->path, p.roads->osmconf, p.working_crs)
                                     : geo::read_line_ways(p.roads->path, p.roads->fields, p.working_crs);
        a.inputs.push_back(geo::digest_file(p.roads->path));
        geo::BuildOptions bo;
        bo.profile = profile;
        bo.noding = p.roads->format == "osm" ? geo::Noding::shared_vertices : geo::Noding::endpoints;
        bo.snap_tolerance_m = p.roads->snap_tolerance_m;
        bo.clip = study_envelope(a.study, p.roads->margin_m);
        geo::NetworkReport rep;
        a.network = std::make_shared<const geo::RoadNetwork>(geo::build_network(ways, bo, rep, p.roads->path));
        a.network_report = rep;
        if (rep.components > 1)
            a.study.warnings.push_back("road network: " + std::to_string(rep.components) +
                                       " connected parts; the largest has " + std::to_string(rep.largest_component_nodes) +
                                       " of " + std::to_string(rep.nodes) + " nodes (see the roads layer, main_network)");
    }
    model::SurfaceReport rep;
    auto units = population_units(a, rep);
    if (rep.points_outside_wards)
        a.study.warnings.push_back(std::to_string(rep.points_outside_wards) +
                                   " population-surface points lie outside every ward and carry no population");
    for (const auto& w : rep.wards_without_points)
        a.study.warnings.push_back("ward " + w + " has no population-surface point: its population is put at one point inside it");
    a.units = std::make_shared<const std::vector<model::PopulationUnit>>(std::move(units));
    a.surface = std::move(rep);
    if (a.network) { // units do not move between what-if edits: attach them to the network once
        a.snap_index = std::make_shared<const geo::SnapIndex>(*a.network);
        a.unit_snaps = std::make_shared<const std::vector<geo::SnappedPoint>>(
            model::snap_units(*a.snap_index, *a.units, p.access->max_snap_distance_m));
    }
}

void run_access(Analysis& a) {
    const Project& p = a.project;
    model::AccessSettings st;
    st.profile = *geo::profile_from_string(p.access->profile);
    st.max_snap_distance_m = p.access->max_snap_distance_m;
    st.threshold_min = p.access->threshold_min;
    st.catchment_bands_min = p.access->catchment_bands_min;
    st.catchment_buffer_m = p.access->catchment_buffer_m;
    std::optional<model::NetworkInputs> net;
    if (a.network) net.emplace(model::NetworkInputs{*a.network, *a.snap_index, *a.unit_snaps});
    a.access = model::analyse_access(a.study, *a.units, a.surface, net ? &*net : nullptr, st);
    for (const auto& w : a.access->warnings) a.study.warnings.push_back(w);
    if (!a.network)
        a.study.warnings.push_back("no road network: travel distances are STRAIGHT-LINE estimates at walking speed");
    if (!a.access->left_out.empty())
        a.study.warnings.push_back(std::to_string(a.access->left_out.size()) +
                                   " providers are left out of the distance analysis: no coordinates (listed in "
                                   "providers.csv with their location_precision)");
}

} // namespace

Analysis run_analysis(const Project& project) {
    Analysis a = load_inputs(project);
    compute(a);
    return a;
}

void compute(Analysis& a) {
    const auto t0 = std::chrono::steady_clock::now();
    if (a.project.access && a.units) run_access(a);
    a.coverage = model::compute_coverage(a.study);
    a.audit = model::audit_plan_ratios(a.study.needs, a.study.groups);
    a.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Analysis with_scenario(const Analysis& loaded, const model::Scenario& scenario) {
    Analysis a = loaded; // the network, snap index and population units are shared, not copied
    a.project.scenario.edits.insert(a.project.scenario.edits.end(), scenario.edits.begin(), scenario.edits.end());
    if (!scenario.name.empty()) a.project.scenario.name = scenario.name;
    model::apply_scenario(a.study, scenario);
    compute(a);
    return a;
}

Analysis load_inputs(const Project& project) {
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a;
    a.project = project;
    model::StudyArea& s = a.study;
    if (!geo::is_metric_projected(project.working_crs))
        throw geo::CrsError(project.file + ": working_crs " + project.working_crs +
                            " is not a projected CRS in metres; distances and areas need one (e.g. EPSG:3346)");

    a.inputs.push_back(geo::digest_file(project.file));
    if (!project.scenario_file.empty()) a.inputs.push_back(geo::digest_file(project.scenario_file));
    s.catalogue = model::load_catalogue(project.service_types, project.target_groups);
    a.inputs.push_back(geo::digest_file(project.service_types));
    a.inputs.push_back(geo::digest_file(project.target_groups));

    geo::ReadOptions wo;
    wo.layer = project.wards.layer;
    wo.declared_crs = project.wards.crs;
    wo.target_crs = project.working_crs;
    wo.geometry_required = true;
    geo::FeatureTable wt = geo::read_vector(project.wards.path, wo);
    a.wards_source_crs = wt.source_crs;
    a.inputs.push_back(geo::digest_file(project.wards.path));
    model::load::WardFields wf;
    wf.code = project.ward_code_field;
    wf.name = project.ward_name_field;
    wf.municipality = project.ward_municipality_field;
    wf.municipality_name = project.ward_municipality_name;
    wf.population = project.ward_population_field;
    s.wards = model::load::wards_from(wt, wf);
    a.ward_report = model::check_wards(s.wards, {project.repair_invalid, project.overlap_tolerance_m2},
                                       wt.path + ":" + wt.layer);
    for (const auto& r : a.ward_report.repairs)
        s.warnings.push_back("ward " + r.code + " (" + r.name + ") was invalid (" + r.reason +
                             ") and was repaired: area " + std::to_string(static_cast<long long>(r.area_before_m2)) +
                             " -> " + std::to_string(static_cast<long long>(r.area_after_m2)) + " m2");

    if (project.providers) {
        geo::ReadOptions po;
        po.layer = project.providers->layer;
        po.x_field = project.providers->x_field;
        po.y_field = project.providers->y_field;
        po.declared_crs = project.providers->crs;
        po.target_crs = project.working_crs;
        geo::FeatureTable pt = geo::read_vector(project.providers->path, po);
        a.providers_source_crs = pt.source_crs;
        a.inputs.push_back(geo::digest_file(project.providers->path));
        model::load::providers_from(pt, s.catalogue, {project.default_municipality}, s.providers, s.lines);
        model::place_providers(s);
    }
    if (project.population_groups) {
        geo::FeatureTable gt = geo::read_vector(*project.population_groups);
        a.inputs.push_back(geo::digest_file(*project.population_groups));
        s.groups = model::load::population_groups_from(gt, s.catalogue);
    }
    if (project.needs) {
        geo::FeatureTable nt = geo::read_vector(*project.needs);
        a.inputs.push_back(geo::digest_file(*project.needs));
        s.needs = model::load::needs_from(nt, s.catalogue);
    }

    int unlocated = 0;
    for (const auto& p : s.providers)
        if (p.ward_code.empty()) ++unlocated;
    if (unlocated)
        s.warnings.push_back(std::to_string(unlocated) + " of " + std::to_string(s.providers.size()) +
                             " providers could not be placed in a ward (no point, no ward); they count at "
                             "municipality level only (see providers.csv, location_precision)");

    if (project.access) load_access_inputs(a);
    if (!project.scenario.edits.empty()) model::apply_scenario(s, project.scenario);
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return a;
}

} // namespace apreptis::app
