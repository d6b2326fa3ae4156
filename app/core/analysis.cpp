#include "app/core/analysis.hpp"

#include <chrono>

#include "geo/crs/transformer.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/errors.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::app {

Analysis run_analysis(const Project& project) {
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a;
    a.project = project;
    model::StudyArea& s = a.study;
    if (!geo::is_metric_projected(project.working_crs))
        throw geo::CrsError(project.file + ": working_crs " + project.working_crs +
                            " is not a projected CRS in metres; distances and areas need one (e.g. EPSG:3346)");

    a.inputs.push_back(geo::digest_file(project.file));
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

    a.coverage = model::compute_coverage(s);
    a.audit = model::audit_plan_ratios(s.needs, s.groups);
    a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return a;
}

} // namespace apreptis::app
