#include "app/core/outputs.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <set>

#include <nlohmann/json.hpp>

#include "app/core/layer_values.hpp"

#include "app/core/access_layers.hpp"
#include "app/core/capacity_layers.hpp"
#include "app/core/plan_layers.hpp"
#include "app/core/population_grid_layers.hpp"
#include "apreptis/build_info.hpp"
#include "geo/io/csv_scan.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_writer.hpp"
#include "geo/versions.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

namespace {


geo::OutLayer wards_layer(const Analysis& a) {
    geo::OutLayer L;
    L.name = "wards";
    L.geometry_type = geo::GeometryType::multipolygon;
    L.description = "One feature per ward. *_est columns are estimates (see age_basis).";
    L.fields = {{"code", FieldType::text}, {"name", FieldType::text}, {"municipality", FieldType::text},
                {"population", FieldType::integer}, {"population_source", FieldType::text},
                {"area_km2", FieldType::real}, {"density_per_km2", FieldType::real},
                {"children_est", FieldType::real}, {"working_age_est", FieldType::real}, {"older_est", FieldType::real},
                {"age_estimated", FieldType::integer}, {"age_basis", FieldType::text},
                {"providers_located", FieldType::integer}, {"service_lines_located", FieldType::integer},
                {"beds_located", FieldType::real}, {"geometry_repaired", FieldType::integer}};
    for (std::size_t i = 0; i < a.out().coverage.wards.size(); ++i) {
        const auto& w = a.out().coverage.wards[i];
        geo::OutFeature f;
        f.values = {w.code, w.name, w.municipality, i64(w.population), str(a.project().ward_population_source),
                    w.area_km2, w.density_per_km2, opt(w.children.value), opt(w.working_age.value),
                    opt(w.older.value), i64(w.older.estimated ? 1 : 0), str(w.older.basis),
                    i64(w.providers_located), i64(w.lines_located), opt(w.beds_located), i64(w.repaired ? 1 : 0)};
        f.geometry = a.study().wards[i].geometry;
        L.features.push_back(std::move(f));
    }
    return L;
}

geo::OutLayer coverage_table(const Analysis& a) {
    geo::OutLayer L;
    L.name = "coverage";
    L.description = "Long form: one row per area x service type x target group x unit. Formulas: docs/INDICATORS.md";
    L.fields = {{"level", FieldType::text}, {"area_code", FieldType::text}, {"area_name", FieldType::text},
                {"municipality", FieldType::text}, {"service_type", FieldType::text},
                {"target_group", FieldType::text}, {"unit", FieldType::text}, {"service_lines", FieldType::integer},
                {"lines_without_ward", FieldType::integer}, {"places", FieldType::real},
                {"recipients", FieldType::real}, {"municipality_funded", FieldType::real},
                {"waiting_list", FieldType::real}, {"target_population", FieldType::real},
                {"target_population_basis", FieldType::text}, {"places_per_1000", FieldType::real},
                {"recipients_per_1000", FieldType::real}, {"utilisation", FieldType::real},
                {"funded_share", FieldType::real}, {"assessed_need", FieldType::real},
                {"unmet_need", FieldType::real}, {"assessed_need_per_1000", FieldType::real},
                {"unmet_share", FieldType::real}, {"need_codes", FieldType::text}, {"estimated", FieldType::integer},
                {"notes", FieldType::text}};
    for (const auto& r : a.out().coverage.rows) {
        geo::OutFeature f;
        f.values = {std::string(model::to_string(r.level)), r.area_code, r.area_name, r.municipality,
                    r.service_type, r.target_group, r.unit, i64(r.lines), i64(r.lines_unplaced), opt(r.places),
                    opt(r.recipients), opt(r.municipality_funded), opt(r.waiting_list), opt(r.target.value),
                    str(r.target.basis), opt(r.places_per_1000), opt(r.recipients_per_1000), opt(r.utilisation),
                    opt(r.funded_share), opt(r.assessed_need), opt(r.unmet_need), opt(r.assessed_need_per_1000),
                    opt(r.unmet_share), str(r.need_codes), i64(r.estimated ? 1 : 0), str(r.notes)};
        L.features.push_back(std::move(f));
    }
    return L;
}

/// All providers (service lines) as a table; `located_only` keeps the ones with a point,
/// as a point layer.
geo::OutLayer providers_layer(const Analysis& a, bool located_only) {
    geo::OutLayer L;
    L.name = "providers";
    L.geometry_type = located_only ? geo::GeometryType::point : geo::GeometryType::none;
    L.description = "One row per provider service line. location_precision says how well it is located.";
    L.fields = {{"provider_id", FieldType::text}, {"name", FieldType::text}, {"name_as_printed", FieldType::text},
                {"service_type", FieldType::text},
                {"target_group", FieldType::text}, {"unit", FieldType::text}, {"places", FieldType::real},
                {"recipients", FieldType::real}, {"municipality_funded", FieldType::real},
                {"reference_date", FieldType::text}, {"location_precision", FieldType::text},
                {"ward_code", FieldType::text}, {"municipality", FieldType::text},
                {"serves_municipality", FieldType::text}, {"address", FieldType::text},
                {"location_basis", FieldType::text}, {"x", FieldType::real}, {"y", FieldType::real},
                {"source", FieldType::text}};
    for (const auto& l : a.study().lines) {
        const auto& p = a.study().providers[l.provider];
        if (located_only && !p.point) continue;
        geo::OutFeature f;
        f.values = {p.id, p.name, str(l.name_as_printed), l.service_type, l.target_group, l.unit, opt(l.places), opt(l.recipients),
                    opt(l.municipality_funded), str(l.reference_date), std::string(model::to_string(p.precision)),
                    str(p.ward_code), str(p.municipality), str(p.serves_municipality), str(p.address),
                    str(p.location_basis), p.point ? Value(p.point->x) : Value(), p.point ? Value(p.point->y) : Value(),
                    str(l.source)};
        if (p.point) f.geometry = *p.point;
        L.features.push_back(std::move(f));
    }
    return L;
}

geo::OutLayer audit_table(const Analysis& a) {
    geo::OutLayer L;
    L.name = "plan_audit";
    L.description = "The plan's printed ratios recomputed from its own counts";
    L.fields = {{"municipality", FieldType::text}, {"code", FieldType::text}, {"label_en", FieldType::text},
                {"column", FieldType::text}, {"printed", FieldType::text}, {"assessed_need", FieldType::real},
                {"declared_denominator", FieldType::text}, {"declared_denominator_value", FieldType::real},
                {"recomputed_per_1000", FieldType::real}, {"verdict", FieldType::text},
                {"matched_denominator", FieldType::text}, {"matched_scale", FieldType::real},
                {"explanation", FieldType::text}, {"source", FieldType::text}};
    for (const auto& r : a.out().audit) {
        geo::OutFeature f;
        f.values = {r.municipality, r.code, r.label_en, r.column, r.printed, r.numerator,
                    str(r.declared_denominator), opt(r.declared_denominator_value), opt(r.recomputed_per_1000),
                    std::string(model::to_string(r.verdict)), str(r.matched_denominator),
                    r.matched_scale > 0 ? Value(r.matched_scale) : Value(), r.explanation, str(r.source)};
        L.features.push_back(std::move(f));
    }
    return L;
}

std::string utc_now() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::string run_record(const Analysis& a) {
    using nlohmann::json;
    const auto v = geo::library_versions();
    json j;
    j["tool"] = {{"name", "apreptis"}, {"version", tool_version}, {"gdal", v.gdal}, {"geos", v.geos}, {"proj", v.proj}};
    j["run_at_utc"] = utc_now();
    const Project& project = a.project();
    const model::StudyArea& study = a.study();
    j["seconds"] = {{"load", a.in().seconds}, {"compute", a.out().seconds}};
    // paths as they are, with any byte that is not UTF-8 written \\xHH (JSON holds only UTF-8;
    // a folder named in Latin-1 or cp1257 is a valid POSIX path)
    j["project"] = {{"file", geo::utf8_escaped(project.file)}, {"name", project.name}};
    j["parameters"] = {{"working_crs", project.working_crs},
                       {"repair_invalid", project.repair_invalid},
                       {"overlap_tolerance_m2", project.overlap_tolerance_m2},
                       {"gap_tolerance_m2", project.gap_tolerance_m2},
                       {"ward_code_field", project.ward_code_field},
                       {"ward_population_field", project.ward_population_field}};
    j["distances"] = nlohmann::json::parse(access_record_json(a));
    j["capacity"] = nlohmann::json::parse(capacity_record_json(a));
    j["plan"] = nlohmann::json::parse(plan_record_json(a));
    j["population_grid"] = nlohmann::json::parse(population_grid_record_json(a));
    json edits = json::array();
    for (const auto& e : a.out().scenario.edits) {
        json edit = {{"kind", model::to_string(e.kind)}, {"provider_id", e.provider_id}};
        if (!e.service_type.empty()) edit["service_type"] = e.service_type;
        if (e.kind == model::ScenarioEdit::Kind::add || e.kind == model::ScenarioEdit::Kind::move) {
            edit["x"] = e.point.x;
            edit["y"] = e.point.y;
        }
        if (e.places) edit["places"] = *e.places;
        edits.push_back(edit);
    }
    j["scenario"] = {{"file", geo::utf8_escaped(a.scenario_file)}, {"name", a.out().scenario.name}, {"edits", edits}};
    json inputs = json::array();
    for (const auto& d : a.in().digests)
        inputs.push_back({{"path", geo::utf8_escaped(d.path)}, {"size_bytes", d.size_bytes}, {"sha256", d.sha256}});
    j["inputs"] = inputs;
    j["source_crs"] = {{"wards", a.in().wards_source_crs}, {"providers", a.in().providers_source_crs}};
    long long pop = 0;
    for (const auto& w : study.wards) pop += w.population;
    json prec = json::object();
    for (const auto& p : study.providers) prec[model::to_string(p.precision)] = prec.value(model::to_string(p.precision), 0) + 1;
    j["counts"] = {{"wards", study.wards.size()},
                   {"residents", pop},
                   {"providers", study.providers.size()},
                   {"service_lines", study.lines.size()},
                   {"providers_by_location_precision", prec},
                   {"coverage_rows", a.out().coverage.rows.size()},
                   {"audit_cells", a.out().audit.size()}};
    json repairs = json::array();
    for (const auto& r : a.in().ward_report.repairs)
        repairs.push_back({{"code", r.code}, {"name", r.name}, {"reason", r.reason},
                           {"area_before_m2", r.area_before_m2}, {"area_after_m2", r.area_after_m2}});
    j["geometry_repairs"] = repairs;
    json gaps = json::array();
    for (const auto& g : a.in().ward_report.gaps)
        gaps.push_back({{"area_m2", g.area_m2}, {"x", g.inside.x}, {"y", g.inside.y}, {"wards_around", g.around}});
    j["ward_gaps"] = gaps;
    j["warnings"] = a.warnings();
    j["to_fill_in"] = a.in().to_fill_in;
    j["estimates"] = json::array({"ward target-group populations other than residents are estimates: the "
                                  "municipal group size shared out by each ward's share of census population"});
    j["attribution"] = project.attribution;
    // text that is not valid UTF-8 is replaced, never a reason to lose the run
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace

geo::StagedDirectoryOptions output_options(const Project& project, const std::string& scenario_file) {
    geo::StagedDirectoryOptions o;
    o.protected_paths = project.input_files();
    if (!scenario_file.empty()) o.protected_paths.push_back(scenario_file);
    return o;
}

std::vector<std::string> write_outputs(const Analysis& a, const std::string& out_dir) {
    return write_outputs(a, output_layers(a), out_dir);
}

std::vector<std::string> write_outputs(const Analysis& a, const std::vector<geo::OutLayer>& layers,
                                       const std::string& out_dir) {
    geo::StagedDirectory dir(out_dir, output_options(a.project(), a.scenario_file));
    const std::filesystem::path d(dir.staging_path());
    // every table as CSV too, except the geometry-only ones (catchments, allocation lines,
    // roads); written on the other core while the GeoPackage is (a country's unit_access is
    // 10 M rows in each), from the same layers (their rows are made from the analysis, read only)
    static const std::set<std::string> no_csv{"catchments", "street_allocation", "roads", "units"};
    auto csvs = std::async(std::launch::async, [&] {
        for (const auto& l : layers) {
            if (no_csv.count(l.name)) continue;
            // providers.csv lists every provider, located or not (the GPKG layer: located ones)
            geo::write_csv((d / (l.name + ".csv")).string(), l.name == "providers" ? providers_layer(a, false) : l);
        }
    });
    try {
        geo::write_geopackage((d / "coverage.gpkg").string(), a.project().working_crs, layers);
    } catch (...) {
        csvs.wait(); // the staging folder goes when this unwinds: the CSV writer must be done with it
        throw;
    }
    csvs.get();
    // run.json last: its presence marks a complete output (the staged directory relies on it)
    geo::write_text_file((d / "run.json").string(), run_record(a));
    dir.commit();
    return dir.notes();
}

// The layers of coverage.gpkg, in its order: the folder (write_outputs) and the database
// (app/core/db_outputs.cpp) write the same list.
std::vector<geo::OutLayer> output_layers(const Analysis& a) {
    std::vector<geo::OutLayer> layers{wards_layer(a), coverage_table(a), providers_layer(a, true), audit_table(a)};
    for (auto& l : access_layers(a)) layers.push_back(std::move(l));
    for (auto& l : capacity_layers(a)) layers.push_back(std::move(l));
    for (auto& l : plan_layers(a)) layers.push_back(std::move(l));
    for (auto& l : population_grid_layers(a)) layers.push_back(std::move(l));
    return layers;
}

std::string run_record_json(const Analysis& a) { return run_record(a); }

} // namespace apreptis::app
