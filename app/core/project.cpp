#include "app/core/project.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <toml++/toml.h>

#include "geo/errors.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {
namespace fs = std::filesystem;

namespace {

class Reader {
public:
    Reader(const toml::table& root, std::string file) : m_root(root), m_file(std::move(file)) {}

    const toml::table* table(const char* name, bool required) const {
        const toml::node* n = m_root.get(name);
        if (!n) {
            if (required) throw Error(m_file + ": missing table [" + std::string(name) + "]");
            return nullptr;
        }
        if (!n->is_table()) throw Error(at(*n) + ": [" + name + "] must be a table");
        return n->as_table();
    }

    std::string str(const toml::table* t, const char* section, const char* key, bool required,
                    std::string fallback = {}) const {
        const toml::node* n = t ? t->get(key) : nullptr;
        if (!n) {
            if (required) throw Error(m_file + ": [" + section + "] needs " + key + " = \"...\"");
            return fallback;
        }
        if (!n->is_string()) throw Error(at(*n) + ": " + section + "." + key + " must be a string");
        return std::string(*n->value<std::string>());
    }

    std::string path(const toml::table* t, const char* section, const char* key, bool required) const {
        std::string p = str(t, section, key, required);
        if (p.empty()) return p;
        fs::path fp(p);
        if (fp.is_relative()) fp = fs::path(m_file).parent_path() / fp;
        return fp.lexically_normal().string();
    }

    bool boolean(const toml::table* t, const char* section, const char* key, bool fallback) const {
        const toml::node* n = t ? t->get(key) : nullptr;
        if (!n) return fallback;
        if (!n->is_boolean()) throw Error(at(*n) + ": " + section + "." + key + " must be true or false");
        return *n->value<bool>();
    }

    double number(const toml::table* t, const char* section, const char* key, double fallback) const {
        const toml::node* n = t ? t->get(key) : nullptr;
        if (!n) return fallback;
        if (!n->is_number()) throw Error(at(*n) + ": " + section + "." + key + " must be a number");
        return *n->value<double>();
    }

    std::string at(const toml::node& n) const {
        const auto& src = n.source();
        return m_file + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column);
    }

private:
    const toml::table& m_root;
    std::string m_file;
};

LayerSource layer_source(const Reader& r, const toml::table* t, const char* section) {
    LayerSource s;
    s.path = r.path(t, section, "path", true);
    s.layer = r.str(t, section, "layer", false);
    s.crs = r.str(t, section, "crs", false);
    s.x_field = r.str(t, section, "x_field", false);
    s.y_field = r.str(t, section, "y_field", false);
    if (s.x_field.empty() != s.y_field.empty())
        throw Error(std::string("[") + section + "] needs both x_field and y_field, or neither");
    return s;
}

} // namespace

namespace {

toml::table parse(const std::string& path) {
    if (!fs::exists(path)) throw geo::IoError(path + ": project file not found");
    try {
        return toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        const auto& src = e.source();
        throw Error(path + ":" + std::to_string(src.begin.line) + ":" + std::to_string(src.begin.column) +
                    ": not valid TOML: " + std::string(e.description()));
    }
}

Project load_scenario(const std::string& path, const toml::table& root) {
    const toml::table& sc = *root["scenario"].as_table();
    auto base = sc["base"].value<std::string>();
    if (!base) throw Error(path + ": [scenario] needs base = \"<project.toml>\"");
    fs::path bp(*base);
    if (bp.is_relative()) bp = fs::path(path).parent_path() / bp;
    Project p = load_project(bp.lexically_normal().string());
    p.scenario_file = fs::absolute(path).lexically_normal().string();
    p.scenario.name = sc["name"].value_or(std::string(fs::path(path).stem().string()));
    auto read = [&](const char* key, model::ScenarioEdit::Kind kind) {
        const toml::array* arr = sc[key].as_array();
        if (!arr) return;
        for (const toml::node& n : *arr) {
            const toml::table* t = n.as_table();
            const std::string at = path + ":" + std::to_string(n.source().begin.line);
            if (!t) throw Error(at + ": [[scenario." + key + "]] entries must be tables");
            model::ScenarioEdit e;
            e.kind = kind;
            auto id = (*t)["id"].value<std::string>();
            if (!id) throw Error(at + ": scenario." + key + " needs id = \"...\"");
            e.provider_id = *id;
            e.name = (*t)["name"].value_or(std::string());
            e.service_type = (*t)["service_type"].value_or(std::string());
            e.target_group = (*t)["target_group"].value_or(std::string());
            if (auto pl = (*t)["places"].value<double>()) e.places = *pl;
            if (kind == model::ScenarioEdit::Kind::add || kind == model::ScenarioEdit::Kind::move) {
                auto x = (*t)["x"].value<double>(), y = (*t)["y"].value<double>();
                if (!x || !y) throw Error(at + ": scenario." + key + " needs x and y (working CRS)");
                e.point = {*x, *y};
            }
            if (kind == model::ScenarioEdit::Kind::add && (e.service_type.empty() || e.target_group.empty()))
                throw Error(at + ": scenario.add needs service_type and target_group");
            p.scenario.edits.push_back(e);
        }
    };
    // one list per kind, applied in this order
    read("remove", model::ScenarioEdit::Kind::remove);
    read("move", model::ScenarioEdit::Kind::move);
    read("set_places", model::ScenarioEdit::Kind::set_places);
    read("add", model::ScenarioEdit::Kind::add);
    return p;
}

} // namespace

void write_scenario_file(const std::string& path, const std::string& base_project, const model::Scenario& sc) {
    toml::table scen{{"base", fs::relative(base_project, fs::absolute(path).parent_path()).string()}, {"name", sc.name}};
    const char* keys[] = {"add", "move", "remove", "set_places"};
    for (auto kind : {model::ScenarioEdit::Kind::remove, model::ScenarioEdit::Kind::move,
                      model::ScenarioEdit::Kind::set_places, model::ScenarioEdit::Kind::add}) {
        toml::array arr;
        for (const auto& e : sc.edits) {
            if (e.kind != kind) continue;
            toml::table t{{"id", e.provider_id}};
            if (kind == model::ScenarioEdit::Kind::add) {
                t.insert("name", e.name);
                t.insert("service_type", e.service_type);
                t.insert("target_group", e.target_group);
            }
            if (kind == model::ScenarioEdit::Kind::add || kind == model::ScenarioEdit::Kind::move) {
                t.insert("x", e.point.x);
                t.insert("y", e.point.y);
            }
            if (e.places) t.insert("places", *e.places);
            arr.push_back(std::move(t));
        }
        if (!arr.empty()) scen.insert(keys[static_cast<int>(kind)], std::move(arr));
    }
    std::ostringstream os;
    os << "# Aprėptis scenario: run with `apreptis analyze " << fs::path(path).filename().string()
       << " --out <dir>`. Coordinates are in the base project's working CRS.\n"
       << toml::table{{"scenario", std::move(scen)}} << "\n";
    geo::write_text_file(path, os.str());
}

Project load_project(const std::string& path) {
    toml::table root = parse(path);
    if (root["scenario"].is_table()) return load_scenario(path, root);
    Project p;
    p.file = fs::absolute(path).lexically_normal().string();
    Reader r(root, p.file);

    const toml::table* proj = r.table("project", false);
    p.name = r.str(proj, "project", "name", false, fs::path(path).stem().string());
    p.working_crs = r.str(proj, "project", "working_crs", false, "EPSG:3346");

    const toml::table* cat = r.table("catalogue", true);
    p.service_types = r.path(cat, "catalogue", "service_types", true);
    p.target_groups = r.path(cat, "catalogue", "target_groups", true);

    const toml::table* w = r.table("wards", true);
    p.wards = layer_source(r, w, "wards");
    p.ward_code_field = r.str(w, "wards", "code_field", false, "code");
    p.ward_name_field = r.str(w, "wards", "name_field", false, "name");
    p.ward_municipality_field = r.str(w, "wards", "municipality_field", false);
    p.ward_municipality_name = r.str(w, "wards", "municipality", false);
    if (p.ward_municipality_field.empty() && p.ward_municipality_name.empty())
        throw Error(p.file + ": [wards] needs municipality_field = \"...\" or municipality = \"...\"");
    p.ward_population_field = r.str(w, "wards", "population_field", false, "population");
    p.ward_population_source = r.str(w, "wards", "population_source", false);
    p.repair_invalid = r.boolean(w, "wards", "repair_invalid", false);
    p.overlap_tolerance_m2 = r.number(w, "wards", "overlap_tolerance_m2", 100.0);

    if (const toml::table* pr = r.table("providers", false)) {
        p.providers = layer_source(r, pr, "providers");
        p.default_municipality = r.str(pr, "providers", "default_municipality", false);
    }
    if (const toml::table* pop = r.table("population", false))
        p.population_groups = r.path(pop, "population", "groups", true);
    if (const toml::table* n = r.table("needs", false)) p.needs = r.path(n, "needs", "path", true);
    if (const toml::table* t = r.table("roads", false)) {
        RoadsConfig c;
        c.path = r.path(t, "roads", "path", true);
        c.format = r.str(t, "roads", "format", false, "osm");
        if (c.format != "osm" && c.format != "lines")
            throw Error(p.file + ": [roads] format must be \"osm\" or \"lines\", found \"" + c.format + "\"");
        c.osmconf = r.path(t, "roads", "osmconf", false);
        if (c.osmconf.empty())
            c.osmconf = (fs::path(p.service_types).parent_path().parent_path() / "osm" / "osmconf_roads.ini").string();
        c.profile = r.str(t, "roads", "profile", false, "walk");
        if (!geo::profile_from_string(c.profile))
            throw Error(p.file + ": [roads] profile must be walk, senior_walk or drive, found \"" + c.profile + "\"");
        c.margin_m = r.number(t, "roads", "margin_m", 2000);
        c.snap_tolerance_m = r.number(t, "roads", "snap_tolerance_m", 0.5);
        c.fields.layer = r.str(t, "roads", "layer", false);
        c.fields.crs = r.str(t, "roads", "crs", false);
        c.fields.highway = r.str(t, "roads", "highway_field", false);
        c.fields.oneway = r.str(t, "roads", "oneway_field", false);
        c.fields.maxspeed = r.str(t, "roads", "maxspeed_field", false);
        c.fields.access = r.str(t, "roads", "access_field", false);
        c.fields.foot = r.str(t, "roads", "foot_field", false);
        c.fields.default_highway = r.str(t, "roads", "default_highway", false);
        p.roads = c;
    }
    if (const toml::table* t = r.table("population_surface", false)) {
        SurfaceConfig c;
        c.method = r.str(t, "population_surface", "method", false, "grid");
        if (c.method != "grid" && c.method != "points")
            throw Error(p.file + ": [population_surface] method must be \"grid\" or \"points\"");
        c.grid_cell_m = r.number(t, "population_surface", "grid_cell_m", 250);
        if (c.method == "points") {
            c.points = layer_source(r, t, "population_surface");
            c.weight_field = r.str(t, "population_surface", "weight_field", false);
            c.purpose_field = r.str(t, "population_surface", "purpose_field", false);
            if (const toml::array* codes = t->get_as<toml::array>("residential_codes"))
                for (const toml::node& e : *codes) {
                    if (auto sv = e.value<std::string>()) c.residential_codes.push_back(*sv);
                    else if (auto iv = e.value<std::int64_t>()) c.residential_codes.push_back(std::to_string(*iv));
                    else throw Error(r.at(e) + ": population_surface.residential_codes entries must be codes");
                }
        }
        c.description = r.str(t, "population_surface", "description", false);
        p.surface = c;
    }
    if (const toml::table* t = r.table("access", false)) {
        AccessConfig c;
        c.profile = r.str(t, "access", "profile", false, p.roads ? p.roads->profile : "walk");
        if (!geo::profile_from_string(c.profile))
            throw Error(p.file + ": [access] profile must be walk, senior_walk or drive");
        c.max_snap_distance_m = r.number(t, "access", "max_snap_distance_m", 500);
        c.catchment_buffer_m = r.number(t, "access", "catchment_buffer_m", 50);
        if (const toml::array* b = t->get_as<toml::array>("catchment_bands_min")) {
            c.catchment_bands_min.clear();
            for (const toml::node& e : *b) {
                auto v = e.value<double>();
                if (!v || *v <= 0) throw Error(r.at(e) + ": access.catchment_bands_min needs minutes > 0");
                c.catchment_bands_min.push_back(*v);
            }
            std::sort(c.catchment_bands_min.begin(), c.catchment_bands_min.end());
        }
        if (const toml::table* th = t->get_as<toml::table>("threshold_min"))
            for (const auto& [k, v] : *th) {
                auto d = v.value<double>();
                if (!d || *d <= 0)
                    throw Error(r.at(v) + ": access.threshold_min." + std::string(k.str()) + " needs minutes > 0");
                c.threshold_min[std::string(k.str())] = *d;
            }
        p.access = c;
    }
    if (p.roads && !p.access) {
        p.access = AccessConfig{};
        p.access->profile = p.roads->profile;
    }
    if (p.access && p.roads) p.roads->profile = p.access->profile;
    if (const toml::table* a = r.table("attribution", false)) {
        if (const toml::array* arr = a->get_as<toml::array>("sources"))
            for (const toml::node& e : *arr)
                if (auto s = e.value<std::string>()) p.attribution.push_back(*s);
    }
    return p;
}

} // namespace apreptis::app
