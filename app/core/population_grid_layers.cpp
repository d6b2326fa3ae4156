#include "app/core/population_grid_layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/core/summary.hpp"
#include "geo/io/connection_string.hpp"

namespace apreptis::app {

using geo::FieldType;
using geo::Value;

namespace {

struct Row {
    std::string level, code, name, municipality;
    double census = 0, grid = 0, covered_area = 0, area = 0;
    long long units = 0;
    bool fallback = false;
    double difference() const { return grid - census; }
    std::optional<double> difference_share() const {
        return census > 0 ? std::optional<double>((grid - census) / census) : std::nullopt;
    }
};

/// Wards, then each municipality, then the study area (the sums of the wards).
std::vector<Row> rows(const Analysis& a) {
    std::vector<Row> out;
    const model::PopulationGridReport& g = *a.in().population_grid;
    const auto& wards = a.study().wards;
    Row total{"study_area", "", "study area", "", 0, 0, 0, 0, 0, false};
    std::vector<Row> munis;
    for (std::size_t w = 0; w < wards.size(); ++w) {
        const auto& f = g.wards[w];
        const double area = wards[w].area_m2;
        Row r{"ward", wards[w].code, wards[w].name, wards[w].municipality, static_cast<double>(wards[w].population),
              f.grid_persons, f.covered_share * area, area, static_cast<long long>(f.units), f.census_fallback};
        out.push_back(r);
        auto m = std::find_if(munis.begin(), munis.end(), [&](const Row& x) { return x.code == r.municipality; });
        if (m == munis.end()) {
            munis.push_back({"municipality", r.municipality, r.municipality, r.municipality, 0, 0, 0, 0, 0, false});
            m = munis.end() - 1;
        }
        for (Row* t : {&*m, &total}) {
            t->census += r.census;
            t->grid += r.grid;
            t->covered_area += r.covered_area;
            t->area += r.area;
            t->units += r.units;
            t->fallback = t->fallback || r.fallback;
        }
    }
    out.insert(out.end(), munis.begin(), munis.end());
    out.push_back(total);
    return out;
}

} // namespace

std::vector<geo::OutLayer> population_grid_layers(const Analysis& a) {
    if (!a.in().population_grid) return {};
    const model::PopulationGridReport& g = *a.in().population_grid;
    geo::OutLayer L;
    L.name = "population_grid";
    L.description = "The population grid's persons per area against the census figure. Basis: " + g.basis +
                    ". The analysis's population stays the census; units carry the grid's persons.";
    L.fields = {{"level", FieldType::text},         {"code", FieldType::text},
                {"name", FieldType::text},          {"municipality", FieldType::text},
                {"census_population", FieldType::real}, {"grid_population", FieldType::real},
                {"difference", FieldType::real},    {"difference_share", FieldType::real},
                {"grid_covered_share", FieldType::real}, {"units", FieldType::integer},
                {"census_fallback", FieldType::integer}, {"basis", FieldType::text}};
    for (const Row& r : rows(a)) {
        geo::OutFeature f;
        const auto share = r.difference_share();
        f.values = {r.level, r.code, r.name, r.municipality, r.census, r.grid, r.difference(),
                    share ? Value(*share) : Value(), r.area > 0 ? Value(r.covered_area / r.area) : Value(),
                    static_cast<std::int64_t>(r.units), static_cast<std::int64_t>(r.fallback ? 1 : 0), g.basis};
        L.features.push_back(std::move(f));
    }
    return {std::move(L)};
}

std::string population_grid_record_json(const Analysis& a) {
    using nlohmann::json;
    if (!a.in().population_grid) return "null";
    const model::PopulationGridReport& g = *a.in().population_grid;
    json wards = json::array();
    for (const Row& r : rows(a)) {
        if (r.level != "ward") continue;
        wards.push_back({{"code", r.code},
                         {"name", r.name},
                         {"census", r.census},
                         {"grid", r.grid},
                         {"difference", r.difference()},
                         {"covered_share", r.area > 0 ? r.covered_area / r.area : 0.0},
                         {"units", r.units},
                         {"census_fallback", r.fallback}});
    }
    json j = {{"file", geo::redacted(a.project().population_grid->path)},
              {"source_crs", a.in().population_grid_source_crs},
              {"basis", g.basis},
              {"relation_to_census", "the analysis's ward population is the census figure; population units (travel "
                                     "distance, capacity demand) carry the grid's persons, not scaled"},
              {"whole_persons", g.whole_persons},
              {"cells_read", g.cells_read},
              {"zero_cells", g.zero_cells},
              {"nodata_cells", g.nodata_cells},
              {"cells_away_from_study_area", g.cells_away},
              {"cells_used", g.cells_used},
              {"cells_split", g.cells_split},
              {"cells_by_buildings", g.cells_by_buildings},
              {"persons_used", g.persons_used},
              {"persons_in_wards", g.persons_in_wards},
              {"persons_outside_wards", g.persons_outside_wards},
              {"persons_away_from_study_area", g.persons_away},
              {"wards_uncovered", g.wards_uncovered},
              {"wards_partly_covered", g.wards_partly_covered},
              {"census_residents_uncovered", g.census_uncovered},
              {"wards", wards}};
    return j.dump();
}

std::string population_grid_summary(const Analysis& a) {
    if (!a.in().population_grid) return "";
    const model::PopulationGridReport& g = *a.in().population_grid;
    auto pad = [](const std::string& s, std::size_t w) {
        std::size_t cps = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++cps;
        return cps >= w ? s + " " : s + std::string(w - cps, ' ');
    };
    auto persons = [&](double v) {
        if (g.whole_persons) return thousands(std::llround(v));
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return std::string(buf);
    };
    std::string o = "\nPopulation grid against the census (" + g.basis + ")\n";
    o += pad("ward", 8) + pad("name", 22) + pad("census", 12) + pad("grid", 12) + pad("difference", 12) +
         pad("%", 8) + "covered\n";
    char buf[64];
    for (const Row& r : rows(a)) {
        if (r.level == "municipality" && a.study().municipalities().size() < 2) continue;
        const auto share = r.difference_share();
        std::snprintf(buf, sizeof buf, "%+.1f%%", share ? *share * 100 : 0.0);
        const std::string pct = share ? buf : "-";
        // floored, as in the warnings: 99.6 % covered is not "100%"
        std::snprintf(buf, sizeof buf, "%.0f%%", r.area > 0 ? std::floor(100 * r.covered_area / r.area + 1e-9) : 0.0);
        o += pad(r.level == "ward" ? r.code : "", 8) + pad(r.name, 22) + pad(thousands(std::llround(r.census)), 12) +
             pad(r.fallback && r.level == "ward" ? "(census)" : persons(r.grid), 12) +
             pad((r.difference() > 0 ? "+" : "") + persons(r.difference()), 12) + pad(pct, 8) + buf + "\n";
    }
    o += "(census stays the wards' population; travel-distance units carry the grid's persons: " +
         persons(g.persons_in_wards) + " in the wards, " + persons(g.persons_outside_wards) +
         " in cell parts beyond them, of " + persons(g.persons_used) + " in the " + thousands(static_cast<long long>(g.cells_used)) +
         " cells over the study area; " + std::to_string(g.nodata_cells) + " nodata cells)\n";
    return o;
}

} // namespace apreptis::app
