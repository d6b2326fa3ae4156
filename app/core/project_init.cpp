#include "app/core/project_init.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/core/municipality_names.hpp"
#include "app/core/option_error.hpp"
#include "app/core/project.hpp"
#include "apreptis/build_info.hpp"
#include "geo/errors.hpp"
#include "geo/io/staged_directory.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The national layer's fields (datasets/lithuania/README.md).
constexpr const char* municipality_field = "SAV_PAV";
constexpr const char* population_field = "SEN_GYV";

// Header rows of the templates: the columns the loaders read (docs/INPUTS.md).
const std::vector<std::string> providers_columns = {
    "provider_id", "name", "ownership", "service_type", "target_group", "unit", "service_detail", "places",
    "recipients", "municipality_funded", "waiting_list", "reference_date", "serves_municipality",
    "location_precision", "municipality", "ward_code", "address", "lon", "lat", "location_basis", "source"};
const std::vector<std::string> groups_columns = {"municipality", "group", "value", "unit", "reference_date", "derived",
                                                 "source"};
const std::vector<std::string> needs_columns = {
    "municipality", "code", "service_type", "target_group", "unit", "label_lt", "label_en", "assessed_need",
    "unmet_need", "unmet_note", "printed_age_group_ratio", "age_group_denominator", "printed_social_group_ratio",
    "social_group_denominator", "printed_scale", "reference_year", "source"};

// The national dataset's sources (datasets/lithuania/README.md), carried into every project.
const char* boundaries_attribution =
    "Boundaries: Registrų centras (CC BY 4.0), via govlt/powerbi-map-lt; population: Statistics Lithuania, 2021 census";
const char* catalogue_attribution =
    "Service catalogue: Aprėptis datasets/catalogue (the Kaunas 2022 plan, the Visaginas report, KMSPC's plan)";

std::string header_row(const std::vector<std::string>& columns) {
    std::string s;
    for (const auto& c : columns) s += (s.empty() ? "" : ",") + c;
    return s + "\n";
}

std::string toml_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string absolute_path(const std::string& p) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(fs::absolute(p), ec);
    return (ec ? fs::absolute(p).lexically_normal() : a).string();
}

json read_national_layer(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f)
        throw geo::IoError(Location{.path = path}, "cannot read the national ward layer (apreptis init needs datasets/lithuania/"
                                  "wards.geojson of the source tree, or --datasets DIR)");
    json j;
    try {
        j = json::parse(f);
    } catch (const json::exception& e) {
        throw geo::IoError(Location{.path = path}, std::string("not valid GeoJSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("features") || !j["features"].is_array())
        throw geo::IoError(Location{.path = path}, "expected a GeoJSON FeatureCollection with a features list");
    return j;
}

/// The municipality of a national feature, or an error naming the feature.
std::string municipality_of(const std::string& path, const json& feature, std::size_t index) {
    const json* p = feature.contains("properties") ? &feature["properties"] : nullptr;
    if (!p || !p->is_object() || !p->contains(municipality_field) || !(*p)[municipality_field].is_string())
        throw Error(Location{path, "", static_cast<long long>(index), -1, municipality_field},
                    "expected the municipality name as text");
    return (*p)[municipality_field].get<std::string>();
}

/// The municipalities of the layer, in the order they first appear.
std::vector<std::string> names_in(const json& layer, const std::string& path) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < layer["features"].size(); ++i) {
        const std::string m = municipality_of(path, layer["features"][i], i);
        if (std::find(names.begin(), names.end(), m) == names.end()) names.push_back(m);
    }
    return names;
}

/// The folder must be new or empty: init never writes over a planner's files.
void require_new_or_empty(const std::string& folder) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) return;
    if (!fs::is_directory(folder, ec))
        throw geo::IoError(Location{.path = folder}, "exists and is not a folder; apreptis init makes a new project folder");
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder, ec)) names.push_back(e.path().filename().string());
    if (names.empty()) return;
    std::sort(names.begin(), names.end());
    std::string list;
    for (std::size_t i = 0; i < std::min<std::size_t>(5, names.size()); ++i) list += (i ? ", " : "") + names[i];
    if (names.size() > 5) list += ", ... (" + std::to_string(names.size()) + " entries)";
    throw geo::IoError(Location{.path = folder}, "refusing to write a project into a folder that is not empty (it holds: " + list +
                       "); apreptis init never replaces files. Choose a new or empty folder");
}

/// Seed plans (datasets/plans/*.csv) whose every line is of this municipality.
std::vector<fs::path> plans_of(const fs::path& plans_dir, const std::string& municipality) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(plans_dir, ec)) return out;
    for (const auto& e : fs::directory_iterator(plans_dir, ec))
        if (e.path().extension() == ".csv") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    std::vector<fs::path> mine;
    for (const auto& p : out) {
        geo::ReadOptions o;
        o.allow_empty = true;
        const geo::FeatureTable t = geo::read_vector(p.string(), o);
        const int m = t.field_index("municipality");
        if (m < 0 || t.features.empty()) continue;
        const bool all = std::all_of(t.features.begin(), t.features.end(), [&](const geo::FeatureRecord& f) {
            return f.values[static_cast<std::size_t>(m)].value_or("") == municipality;
        });
        if (all) mine.push_back(p);
    }
    return mine;
}

bool is_osm_file(const std::string& path) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* ext : {".pbf", ".osm", ".osm.bz2", ".osm.gz"})
        if (lower.size() >= std::string(ext).size() && lower.compare(lower.size() - std::string(ext).size(), std::string::npos, ext) == 0)
            return true;
    return false;
}

struct TomlFacts {
    std::string municipality;
    std::size_t wards = 0;
    long long population = 0;
    std::vector<std::string> plans; ///< relative to the project
    std::string roads;              ///< absolute
    std::string population_grid;    ///< absolute
    std::vector<std::string> attribution;
};

std::string project_toml(const TomlFacts& f) {
    const bool city = f.municipality.find(" m. sav.") != std::string::npos;
    std::ostringstream t;
    t << "# Aprėptis project: " << f.municipality << ", " << f.wards << " elderships (seniūnijos), "
      << f.population << " residents (2021 census).\n"
      << "# Made by `apreptis init` from datasets/lithuania/wards.geojson. README.md says what to fill in;\n"
      << "# the keys are in docs/PROJECT_FILE.md. Run: apreptis analyze project.toml --out results\n\n"
      << "[project]\n"
      << "name = " << toml_string(f.municipality + " — socialinių paslaugų aprėptis") << "\n"
      << "working_crs = \"EPSG:3346\"          # LKS94 / Lithuania TM, metres\n\n"
      << "[catalogue]                        # a copy of datasets/catalogue: add the municipality's own kinds here\n"
      << "service_types = \"catalogue/service_types.csv\"\n"
      << "target_groups = \"catalogue/target_groups.csv\"\n\n"
      << "[wards]                            # the municipality's elderships, national layer unchanged (WGS84)\n"
      << "path = \"wards.geojson\"\n"
      << "code_field = \"SEN_KODAS\"\n"
      << "name_field = \"SEN_PAV_TR\"\n"
      << "municipality_field = \"SAV_PAV\"\n"
      << "population_field = \"SEN_GYV\"       # 2021 census, total residents\n"
      << "population_source = \"Statistics Lithuania, 2021 census\"\n"
      << "# The national source has two self-intersecting polygons (Kalvelių sen., Onuškio sen.): they are\n"
      << "# repaired with GEOS MakeValid and the run says so; elsewhere nothing changes.\n"
      << "repair_invalid = true\n"
      << "# Simplified boundaries: slivers under 1000 m2 between elderships are tolerated (as in datasets/lithuania).\n"
      << "overlap_tolerance_m2 = 1000.0\n\n"
      << "[providers]                        # one row per service line (README.md; docs/INPUTS.md)\n"
      << "path = \"providers.csv\"\n"
      << "x_field = \"lon\"                    # WGS84 degrees; empty for providers without coordinates\n"
      << "y_field = \"lat\"\n"
      << "crs = \"EPSG:4326\"\n"
      << "default_municipality = " << toml_string(f.municipality) << "\n\n"
      << "[population]                       # municipal sizes of the target groups (README.md)\n"
      << "groups = \"population_groups.csv\"\n";
    if (!f.population_grid.empty())
        t << "grid = " << toml_string(f.population_grid) << "   # population grid: its cells are the population units\n";
    t << "\n[needs]                            # the plan's needs table (README.md)\n"
      << "path = \"needs.csv\"\n\n";
    if (!f.plans.empty()) {
        t << "[plan]                             # the municipality's plans and reports in datasets/plans (copied)\n"
          << "paths = [";
        for (std::size_t i = 0; i < f.plans.size(); ++i) t << (i ? ", " : "") << toml_string(f.plans[i]);
        t << "]\n\n";
    }
    if (!f.roads.empty()) {
        const bool osm = is_osm_file(f.roads);
        t << "[roads]                            # network travel times\n"
          << "path = " << toml_string(f.roads) << "\n"
          << "format = " << (osm ? "\"osm\"" : "\"lines\"") << "\n";
        if (osm)
            t << "osmconf = \"osm/osmconf_roads.ini\"\n";
        else
            t << "highway_field = \"highway\"          # the field with OSM-style road classes\n";
        t << "\n";
    } else {
        t << "# No road network: travel distances are STRAIGHT-LINE and labelled so. For network times\n"
          << "# point [roads] at an OpenStreetMap extract (apreptis init --roads FILE does this):\n"
          << "#   [roads]\n#   path = \"/path/to/lithuania-latest.osm.pbf\"\n#   format = \"osm\"\n"
          << "#   osmconf = \"osm/osmconf_roads.ini\"\n\n";
    }
    if (f.population_grid.empty())
        t << "[population_surface]               # equal shares of each eldership's population on a 250 m grid\n"
          << "method = \"grid\"\n"
          << "grid_cell_m = 250\n\n";
    else // the grid is the surface; [population_surface] method = "points" would share its cells by buildings
        t << "# [population] grid is the population surface (docs/ROUTING.md, \"Population grids\").\n\n";
    t << "[access]\n"
      << (city ? "profile = \"walk\"                   # a city: on foot (4.5 km/h); \"drive\" or \"senior_walk\" also work\n"
               : "profile = \"drive\"                  # a district: by car; \"walk\" or \"senior_walk\" also work\n");
    if (!city && f.roads.empty()) t << "straight_line_kmh = 50             # without roads: straight line at 50 km/h\n";
    t << "catchment_bands_min = [15, 30, 60]\n"
      << "# per service type; else the catalogue's default_threshold_min:\n"
      << "# [access.threshold_min]\n# day_care_institution = 20\n\n"
      << "[attribution]\nsources = [\n";
    for (const auto& a : f.attribution) t << "  " << toml_string(a) << ",\n";
    t << "]\n";
    return t.str();
}

void copy_into_project(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) throw geo::IoError(Location{.path = from.string()}, "cannot copy into the project: " + ec.message());
}

} // namespace

std::vector<std::string> municipality_names(const std::string& national_wards) {
    return names_in(read_national_layer(national_wards), national_wards);
}

InitResult init_project(const InitOptions& o) {
    const fs::path datasets = o.datasets_dir.empty() ? fs::path(source_dir) / "datasets" : fs::path(o.datasets_dir);
    const std::string national = (datasets / "lithuania" / "wards.geojson").string();
    const json layer = read_national_layer(national);

    // Which municipality: refused with the nearest names before anything is written.
    const std::vector<std::string> names = names_in(layer, national);
    const MunicipalityMatch match = match_municipality(o.municipality, names);
    if (match.name.empty()) {
        std::string list;
        for (const auto& s : match.suggestions) list += (list.empty() ? "\"" : ", \"") + s + "\"";
        throw OptionError("--municipality \"" + o.municipality + "\": " +
                    (match.ambiguous ? "names several municipalities: " + list + "; say which"
                                     : "no such municipality in " + national + " (" + std::to_string(names.size()) +
                                           " municipalities); nearest: " + list));
    }
    const std::string& municipality = match.name;

    TomlFacts facts;
    facts.municipality = municipality;
    if (!o.roads.empty()) {
        if (!fs::is_regular_file(o.roads)) throw geo::IoError(Location{.path = o.roads}, "--roads: file not found");
        facts.roads = absolute_path(o.roads);
    }
    if (!o.population_grid.empty()) {
        if (!fs::is_regular_file(o.population_grid))
            throw geo::IoError(Location{.path = o.population_grid}, "--population-grid: file not found");
        facts.population_grid = absolute_path(o.population_grid);
    }
    const std::string folder = absolute_path(o.folder);
    require_new_or_empty(folder);

    // The municipality's features, unchanged, one per line.
    std::string wards = "{\"type\":\"FeatureCollection\",\"name\":\"wards\",\"features\":[\n";
    for (std::size_t i = 0; i < layer["features"].size(); ++i) {
        const json& f = layer["features"][i];
        if (municipality_of(national, f, i) != municipality) continue;
        const json& pop = f["properties"].contains(population_field) ? f["properties"][population_field] : json();
        if (!pop.is_number_integer())
            throw Error(Location{national, "", static_cast<long long>(i), -1, population_field},
                        "expected the census population as a whole number");
        facts.population += pop.get<long long>();
        wards += (facts.wards++ ? ",\n" : "") + f.dump();
    }
    wards += "\n]}\n";

    const fs::path catalogue = datasets / "catalogue";
    std::vector<fs::path> plans = plans_of(datasets / "plans", municipality);
    for (const auto& p : plans) facts.plans.push_back("plans/" + p.filename().string());
    facts.attribution = {boundaries_attribution, catalogue_attribution};
    if (!plans.empty())
        facts.attribution.push_back("Plans and reports: the municipality's own documents, transcribed "
                                    "(datasets/plans/README.md; each line names its source)");
    if (!facts.roads.empty() && is_osm_file(facts.roads))
        facts.attribution.push_back("Roads: © OpenStreetMap contributors, ODbL 1.0");

    InitResult result;
    result.folder = folder;
    result.municipality = municipality;
    result.wards = facts.wards;
    result.population = facts.population;

    geo::StagedDirectory staged(folder);
    require_new_or_empty(folder); // again, now that we hold the parent folder's lock
    const fs::path s(staged.staging_path());
    geo::write_text_file((s / "wards.geojson").string(), wards);
    geo::write_text_file((s / "providers.csv").string(), header_row(providers_columns));
    geo::write_text_file((s / "population_groups.csv").string(), header_row(groups_columns));
    geo::write_text_file((s / "needs.csv").string(), header_row(needs_columns));
    copy_into_project(catalogue / "service_types.csv", s / "catalogue" / "service_types.csv");
    copy_into_project(catalogue / "target_groups.csv", s / "catalogue" / "target_groups.csv");
    copy_into_project(datasets / "osm" / "osmconf_roads.ini", s / "osm" / "osmconf_roads.ini");
    for (const auto& p : plans) copy_into_project(p, s / "plans" / p.filename());

    const std::string toml_path = (s / "project.toml").string();
    geo::write_text_file(toml_path, project_toml(facts));
    load_project(toml_path); // anything else wrong with it is ours: stop before the folder appears

    ReadmeFacts rf;
    rf.municipality = municipality;
    rf.wards = facts.wards;
    rf.population = facts.population;
    rf.service_types_csv = (s / "catalogue" / "service_types.csv").string();
    rf.target_groups_csv = (s / "catalogue" / "target_groups.csv").string();
    rf.providers_columns = providers_columns;
    rf.plans = facts.plans;
    rf.roads = !facts.roads.empty();
    rf.population_grid = !facts.population_grid.empty();
    rf.attribution = facts.attribution;
    geo::write_text_file((s / "README.md").string(), project_readme(rf));

    for (const auto& e : fs::recursive_directory_iterator(s))
        if (e.is_regular_file()) result.files.push_back(fs::relative(e.path(), s).string());
    std::sort(result.files.begin(), result.files.end());
    staged.commit();
    for (const auto& n : staged.notes()) result.notes.push_back(n);
    if (!plans.empty())
        result.notes.push_back("copied " + std::to_string(plans.size()) + " plan file(s) of " + municipality +
                               " from datasets/plans into plans/ ([plan] in project.toml)");
    return result;
}

} // namespace apreptis::app
