#include "app/core/scenario_file.hpp"

#include <filesystem>
#include <sstream>

#include "app/core/toml_reader.hpp"
#include "geo/errors.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {
namespace fs = std::filesystem;
using model::ScenarioEdit;

namespace {

constexpr Range places_range{0, 1e6};
constexpr Range coordinate_range{-1e8, 1e8}; // any projected CRS in metres fits

const std::vector<std::string> kinds{"add", "move", "remove", "set_places"};

ScenarioEdit read_edit(const TomlTable& t, ScenarioEdit::Kind kind) {
    ScenarioEdit e;
    e.kind = kind;
    e.origin = t.at();
    e.provider_id = t.required_text("id");
    switch (kind) {
    case ScenarioEdit::Kind::add:
        e.name = t.text("name");
        e.service_type = t.required_text("service_type");
        e.target_group = t.required_text("target_group");
        [[fallthrough]];
    case ScenarioEdit::Kind::move:
        if (!t.has("x") || !t.has("y"))
            throw Error(t.where(), std::string("a ") + model::to_string(kind) + " edit needs x and y (working CRS, metres)");
        e.point = {t.number("x", 0, coordinate_range), t.number("y", 0, coordinate_range)};
        break;
    case ScenarioEdit::Kind::set_places:
        e.service_type = t.text("service_type");
        break;
    case ScenarioEdit::Kind::remove: break;
    }
    if (kind == ScenarioEdit::Kind::add || kind == ScenarioEdit::Kind::set_places) {
        e.places = t.optional_number("places", places_range);
        if (!e.places) throw Error(t.where(), "a " + std::string(model::to_string(kind)) + " edit needs places = <number>");
    }
    t.finish();
    return e;
}

} // namespace

ProjectRun load_run(const std::string& path) {
    ProjectRun run;
    {
        TomlFile probe(path);
        if (!probe.root().has("scenario")) {
            run.project = load_project(path);
            return run;
        }
    }
    TomlFile file(path);
    const TomlTable root = file.root();
    const TomlTable sc = root.table("scenario");
    const std::string base = sc.path("base", true);
    {
        TomlFile base_file(base);
        if (base_file.root().has("scenario"))
            throw Error(sc.where("base"), "base must be a project file, but " + base +
                        " is a scenario file (scenarios do not stack; copy its edits into this one)");
    }
    run.project = load_project(base);
    run.scenario_file = fs::absolute(path).lexically_normal().string();
    run.scenario.name = sc.text("name", fs::path(path).stem().string());

    auto array_of = [&](const std::string& key) -> std::vector<TomlTable> {
        std::vector<TomlTable> out;
        const toml::node* n = sc.raw(key); // marks the key as read, present or not
        if (!n) return out;
        const toml::array* arr = n->as_array();
        if (!arr || !arr->is_array_of_tables())
            throw Error(file.where(*n, "scenario." + key), "scenario." + key + " must be written [[scenario." + key +
                        "]] (a list of edits), found " + (n->is_table() ? "[scenario." + key + "] (one table)" : "a value"));
        for (const toml::node& e : *arr) out.emplace_back(e.as_table(), "scenario." + key, file);
        return out;
    };
    const bool ordered = sc.has("edit");
    for (const auto& t : array_of("edit")) {
        const std::string k = t.required_text("kind");
        auto kind = model::edit_kind_from_string(k);
        if (!kind) {
            const std::string guess = did_you_mean(k, kinds);
            throw Error(t.where("kind"), "unknown edit kind \"" + k + "\"; known: add, move, remove, set_places" +
                        (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"));
        }
        run.scenario.edits.push_back(read_edit(t, *kind));
    }
    // The older layout: one list per kind, applied remove, move, set_places, add.
    for (auto kind : {ScenarioEdit::Kind::remove, ScenarioEdit::Kind::move, ScenarioEdit::Kind::set_places,
                      ScenarioEdit::Kind::add}) {
        const std::string key = model::to_string(kind);
        if (ordered && sc.has(key))
            throw Error(sc.where(key), "[[scenario." + key + "]] cannot be mixed with [[scenario.edit]]; "
                                     "write every edit as [[scenario.edit]] with kind = \"" + key + "\"");
        for (const auto& t : array_of(key)) run.scenario.edits.push_back(read_edit(t, kind));
    }
    sc.finish();
    root.finish();
    return run;
}

void write_scenario_file(const std::string& path, const std::string& base_project, const model::Scenario& sc) {
    toml::array edits;
    for (const auto& e : sc.edits) {
        toml::table t{{"kind", model::to_string(e.kind)}, {"id", e.provider_id}};
        if (e.kind == ScenarioEdit::Kind::add) {
            if (!e.name.empty()) t.insert("name", e.name);
            t.insert("service_type", e.service_type);
            t.insert("target_group", e.target_group);
        }
        if (e.kind == ScenarioEdit::Kind::set_places && !e.service_type.empty()) t.insert("service_type", e.service_type);
        if (e.kind == ScenarioEdit::Kind::add || e.kind == ScenarioEdit::Kind::move) {
            t.insert("x", e.point.x);
            t.insert("y", e.point.y);
        }
        if (e.places) t.insert("places", *e.places);
        edits.push_back(std::move(t));
    }
    toml::table scen{{"base", fs::relative(fs::absolute(base_project), fs::absolute(path).parent_path()).string()},
                     {"name", sc.name}};
    if (!edits.empty()) scen.insert("edit", std::move(edits));
    std::ostringstream os;
    os << "# Aprėptis scenario: run with `apreptis analyze " << fs::path(path).filename().string()
       << " --out <dir>`. Edits apply in the order written; coordinates are in the base project's working CRS.\n"
       << toml::table{{"scenario", std::move(scen)}} << "\n";
    geo::write_text_file(path, os.str());
}

} // namespace apreptis::app
