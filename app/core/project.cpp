#include "app/core/project.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/core/toml_reader.hpp"
#include "geo/crs/transformer.hpp"
#include "app/core/option_error.hpp"
#include "app/core/robustness_config.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/vector_reader.hpp"

namespace apreptis::app {
namespace fs = std::filesystem;

const char* to_string(RoadFormat f) { return f == RoadFormat::osm ? "osm" : "lines"; }
const char* to_string(SurfaceMethod m) { return m == SurfaceMethod::grid ? "grid" : "points"; }

namespace {

// The ranges every project value must lie in (docs/PROJECT_FILE.md lists them).
constexpr Range overlap_range{0, 1e9};
constexpr Range margin_range{0, 200000};
constexpr Range snap_tolerance_range{0, 100};
constexpr Range grid_cell_range{10, 100000};
constexpr Range snap_distance_range{0, 50000, true};
constexpr Range minutes_range{0, 1440, true};
constexpr Range catchment_buffer_range{5, 2000};

LayerSource layer_source(const TomlTable& t) {
    LayerSource s;
    s.path = t.path("path", true);
    s.layer = t.text("layer");
    s.crs = t.text("crs");
    s.x_field = t.text("x_field");
    s.y_field = t.text("y_field");
    s.encoding = t.text("encoding");
    if (!s.encoding.empty() && !geo::is_known_encoding(s.encoding))
        throw Error(t.where("encoding"), "[" + t.name() + "] encoding \"" + s.encoding +
                    "\" is not one this system can decode (e.g. \"cp1257\", \"UTF-8\", \"ISO-8859-13\")");
    const std::string sep = t.choice("separator", "auto", {"auto", ",", ";", "tab"});
    s.separator = sep == "auto" ? 0 : sep == "tab" ? '\t' : sep[0];
    s.decimal_comma = t.choice("decimal", ".", {".", ","}) == ",";
    if (s.x_field.empty() != s.y_field.empty())
        throw Error(t.where(), "[" + t.name() + "] needs both x_field and y_field, or neither");
    return s;
}

/// Why `crs` cannot be the working CRS (empty when it can).
std::string crs_problem(const std::string& crs) {
    try {
        if (!geo::is_metric_projected(crs))
            return "working CRS " + crs + " is not a projected CRS in metres; distances and areas need one (e.g. EPSG:3346)";
    } catch (const geo::CrsError& e) {
        return "working CRS " + crs + " is not a CRS PROJ knows: " + e.what();
    }
    return {};
}

RoadsConfig roads_config(const TomlTable& t, const std::string& catalogue_file) {
    RoadsConfig c;
    c.path = t.path("path", true);
    c.format = t.choice("format", "osm", {"osm", "lines"}) == "osm" ? RoadFormat::osm : RoadFormat::lines;
    if (c.format == RoadFormat::osm && geo::is_database_source(c.path)) // OSM PBF/XML is a file; a table holds lines
        throw Error(t.where("path"), "[roads] a PostGIS source needs format = \"lines\" (and highway_field or default_highway)");
    c.osmconf = t.path("osmconf", false);
    if (c.osmconf.empty())
        c.osmconf = (fs::path(catalogue_file).parent_path().parent_path() / "osm" / "osmconf_roads.ini").string();
    c.margin_m = t.number("margin_m", 2000, margin_range);
    c.snap_tolerance_m = t.number("snap_tolerance_m", 0.5, snap_tolerance_range);
    if (t.has("clip_margin_m")) {
        if (c.format != RoadFormat::osm) throw Error(t.where("clip_margin_m"), "[roads] clip_margin_m applies to format = \"osm\" only");
        c.clip_margin_m = t.number("clip_margin_m", 2000, margin_range);
        if (*c.clip_margin_m < c.margin_m)
            throw Error(t.where("clip_margin_m"), "[roads] clip_margin_m (" + std::to_string(std::lround(*c.clip_margin_m)) +
                        " m) is less than margin_m (" + std::to_string(std::lround(c.margin_m)) +
                        " m): the network would lose ways it keeps when the whole file is read");
    }
    c.fields.layer = t.text("layer");
    c.fields.crs = t.text("crs");
    c.fields.highway = t.text("highway_field");
    c.fields.oneway = t.text("oneway_field");
    c.fields.maxspeed = t.text("maxspeed_field");
    c.fields.access = t.text("access_field");
    c.fields.foot = t.text("foot_field");
    c.fields.default_highway = t.text("default_highway");
    if (c.format == RoadFormat::lines && c.fields.highway.empty() && c.fields.default_highway.empty())
        throw Error(t.where(), "[roads] format = \"lines\" needs highway_field or default_highway");
    return c;
}

SurfaceConfig surface_config(const TomlTable& t) {
    SurfaceConfig c;
    c.method = t.choice("method", "grid", {"grid", "points"}) == "grid" ? SurfaceMethod::grid : SurfaceMethod::points;
    c.grid_cell_m = t.number("grid_cell_m", 250, grid_cell_range);
    c.description = t.text("description");
    if (c.method == SurfaceMethod::points) {
        c.points = layer_source(t);
        c.weight_field = t.text("weight_field");
        c.purpose_field = t.text("purpose_field");
        c.residential_codes = t.texts("residential_codes");
        if (!c.residential_codes.empty() && c.purpose_field.empty())
            throw Error(t.where("residential_codes"), "[population_surface] residential_codes needs purpose_field");
    } else {
        for (const char* k : {"path", "layer", "crs", "x_field", "y_field", "weight_field", "purpose_field",
                              "residential_codes"})
            if (t.has(k)) throw Error(t.where(k), std::string("[population_surface] ") + k + " applies to method = \"points\" only");
    }
    return c;
}

CapacityConfig capacity_config(const TomlTable& t) {
    CapacityConfig c;
    c.services = t.texts("services");
    c.places_basis = t.text("places_basis");
    c.cluster_cell_m = t.number("cluster_cell_m", 500, {50, 20000});
    c.need_per_1000 = t.number_map("need_per_1000", {0, 1000});
    c.places = t.number_map("places", {0, 1e7});
    if (!c.places.empty() && c.places_basis.empty())
        throw Error(t.where("places"), "[capacity.places] needs places_basis = \"...\" under [capacity]: say where the "
                                     "figures come from, it is written beside them");
    if (const TomlTable e = t.table("e2sfca"); e.present()) {
        c.zones_min = e.numbers("zones_min", c.zones_min, {0, 1440, true});
        c.weights = e.numbers("weights", c.weights, {0, 1});
        if (c.zones_min.size() != c.weights.size())
            throw Error(e.where(), "[capacity.e2sfca] needs one weight per zone (" + std::to_string(c.zones_min.size()) +
                        " zones, " + std::to_string(c.weights.size()) + " weights)");
        if (!std::is_sorted(c.zones_min.begin(), c.zones_min.end()))
            throw Error(e.where("zones_min"), "[capacity.e2sfca] zones_min must ascend");
        e.finish();
    }
    return c;
}

AccessConfig access_config(const TomlTable& t, const std::string& roads_profile) {
    AccessConfig c;
    const std::string profile =
        t.choice("profile", roads_profile.empty() ? "walk" : roads_profile, {"walk", "senior_walk", "drive"});
    c.profile = *geo::profile_from_string(profile);
    c.max_snap_distance_m = t.number("max_snap_distance_m", 500, snap_distance_range);
    c.catchment_bands_min = t.numbers("catchment_bands_min", {10, 20, 30}, minutes_range);
    std::sort(c.catchment_bands_min.begin(), c.catchment_bands_min.end());
    if (std::adjacent_find(c.catchment_bands_min.begin(), c.catchment_bands_min.end()) != c.catchment_bands_min.end())
        throw Error(t.where("catchment_bands_min"), "[access] catchment_bands_min lists a band twice");
    c.catchment_buffer_m = t.number("catchment_buffer_m", 50, catchment_buffer_range);
    const std::string scope = t.choice("catchments", "provider", {"provider", "service", "none"});
    c.catchments = scope == "service" ? model::CatchmentScope::service
                   : scope == "none"  ? model::CatchmentScope::none
                                      : model::CatchmentScope::provider;
    c.threshold_min = t.number_map("threshold_min", minutes_range);
    c.straight_line_kmh = t.optional_number("straight_line_kmh", {0, 200, true});
    return c;
}

} // namespace

std::vector<std::string> Project::input_files() const {
    std::vector<std::string> out{file, service_types, target_groups, wards.path};
    if (providers) out.push_back(providers->path);
    if (population_groups) out.push_back(*population_groups);
    if (population_grid) out.push_back(population_grid->path);
    if (needs) out.push_back(*needs);
    out.insert(out.end(), plans.begin(), plans.end());
    if (roads) {
        out.push_back(roads->path);
        if (roads->format == RoadFormat::osm) out.push_back(roads->osmconf);
    }
    if (surface && surface->method == SurfaceMethod::points) out.push_back(surface->points.path);
    out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& p) { return p.rfind("PG:", 0) == 0; }),
              out.end());
    return out;
}

void set_working_crs(Project& p, const std::string& crs, const std::string& origin) {
    if (const std::string why = crs_problem(crs); !why.empty()) throw OptionError(origin + ": " + why);
    p.working_crs = crs;
}

Project load_project(const std::string& path) {
    TomlFile file(path);
    const TomlTable root = file.root();
    if (root.has("scenario"))
        throw Error(Location{.path = path}, "this is a scenario file; open it with load_run() (the CLI and viewer accept both)");
    Project p;
    p.file = fs::absolute(path).lexically_normal().string();

    const TomlTable proj = root.table("project");
    p.name = proj.text("name", fs::path(path).stem().string());
    p.working_crs = proj.text("working_crs", "EPSG:3346");
    if (const std::string why = crs_problem(p.working_crs); !why.empty()) throw Error(proj.where("working_crs"), why);
    proj.finish();

    const TomlTable cat = root.table("catalogue");
    if (!cat.present()) throw Error(Location{.path = path}, "missing table [catalogue] (service_types, target_groups)");
    p.service_types = cat.path("service_types", true);
    p.target_groups = cat.path("target_groups", true);
    cat.finish();

    const TomlTable w = root.table("wards");
    if (!w.present()) throw Error(Location{.path = path}, "missing table [wards]");
    p.wards = layer_source(w);
    if (!p.wards.x_field.empty()) throw Error(w.where("x_field"), "[wards] are polygons: x_field/y_field do not apply");
    p.ward_code_field = w.text("code_field", "code");
    p.ward_name_field = w.text("name_field", "name");
    p.ward_municipality_field = w.text("municipality_field");
    p.ward_municipality_name = w.text("municipality");
    if (p.ward_municipality_field.empty() == p.ward_municipality_name.empty())
        throw Error(w.where(), "[wards] needs exactly one of municipality_field = \"...\" or municipality = \"...\"");
    p.ward_population_field = w.text("population_field", "population");
    p.ward_population_source = w.text("population_source");
    p.repair_invalid = w.flag("repair_invalid", false);
    p.overlap_tolerance_m2 = w.number("overlap_tolerance_m2", 100.0, overlap_range);
    p.gap_tolerance_m2 = w.number("gap_tolerance_m2", 1000.0, overlap_range);
    w.finish();

    if (const TomlTable t = root.table("providers"); t.present()) {
        p.providers = layer_source(t);
        p.default_municipality = t.text("default_municipality");
        t.finish();
    }
    if (const TomlTable t = root.table("addresses"); t.present()) {
        AddressesConfig a;
        a.source = layer_source(t);
        a.municipality_field = t.text("municipality_field");
        a.locality_field = t.text("locality_field");
        a.street_field = t.text("street_field");
        a.house_number_field = t.text("house_number_field");
        a.letter_field = t.text("letter_field");
        a.building_number_field = t.text("building_number_field");
        p.addresses = a;
        t.finish();
    }
    if (const TomlTable t = root.table("population"); t.present()) {
        if (const std::string groups = t.path("groups", false); !groups.empty()) p.population_groups = groups;
        if (const std::string grid = t.path("grid", false); !grid.empty())
            p.population_grid = PopulationGridConfig{grid, t.text("grid_field"), t.text("grid_layer"), t.text("grid_crs")};
        else
            for (const char* k : {"grid_field", "grid_layer", "grid_crs"})
                if (t.has(k)) throw Error(t.where(k), std::string("[population] ") + k + " needs grid = \"FILE\"");
        if (!p.population_groups && !p.population_grid)
            throw Error(t.where(), "[population] needs groups = \"FILE\" (population groups) or grid = \"FILE\" "
                                 "(a population grid), or both");
        if (p.population_grid && p.population_grid->field.empty() && !p.population_grid->layer.empty())
            throw Error(t.where("grid_layer"), "[population] grid_layer applies to a vector grid: name its persons "
                                             "field with grid_field = \"...\"");
        t.finish();
    }
    if (const TomlTable t = root.table("needs"); t.present()) {
        p.needs = t.path("path", true);
        t.finish();
    }
    if (const TomlTable t = root.table("plan"); t.present()) {
        p.plans = t.paths("paths");
        if (p.plans.empty()) throw Error(t.where("paths"), "[plan] paths lists no file");
        t.finish();
    }
    std::string roads_profile;
    if (const TomlTable t = root.table("roads"); t.present()) {
        p.roads = roads_config(t, p.service_types);
        // the profile may be set under [roads] (older files) or [access]; both must agree
        if (t.has("profile")) roads_profile = t.choice("profile", "walk", {"walk", "senior_walk", "drive"});
        t.finish();
    }
    if (const TomlTable t = root.table("population_surface"); t.present()) {
        p.surface = surface_config(t);
        t.finish();
    }
    if (p.population_grid && p.surface && p.surface->method == SurfaceMethod::grid)
        throw Error(root.table("population_surface").where(), "[population_surface] method = \"grid\" (the default) spreads each ward's census figure evenly; "
                    "with [population] grid the population grid is the surface: remove [population_surface], or set "
                    "method = \"points\" to share each grid cell by the building points inside it");
    if (const TomlTable t = root.table("capacity"); t.present()) {
        p.capacity = capacity_config(t);
        t.finish();
    }
    if (const TomlTable t = root.table("access"); t.present() || p.roads || p.capacity) {
        p.access = access_config(t, roads_profile);
        if (!roads_profile.empty() && roads_profile != geo::to_string(p.access->profile))
            throw Error(t.where("profile"), std::string("[access] profile = \"") + geo::to_string(p.access->profile) +
                        "\" disagrees with [roads] profile = \"" + roads_profile + "\"; set it once");
        t.finish();
    }
    if (const TomlTable t = root.table("robustness"); t.present()) {
        p.robustness = robustness_config(t);
        t.finish();
    }
    if (const TomlTable a = root.table("attribution"); a.present()) {
        p.attribution = a.texts("sources");
        a.finish();
    }
    if (const TomlTable t = root.table("basemap"); t.present()) {
        p.basemap = basemap_config(t);
        t.finish();
    }
    root.finish();
    return p;
}

} // namespace apreptis::app
