// README.md of a project made by `apreptis init`: what each file is, what to fill in, every
// column of the templates and the catalogue's codes, in Lithuanian and English.
#include <sstream>

#include "app/core/project_init.hpp"
#include "app/core/summary.hpp"
#include "model/catalogue.hpp"

namespace apreptis::app {

namespace {

struct Column {
    const char* name;
    const char* lt;
    const char* en;
};

// The providers.csv columns (model/load/load_providers.cpp reads them; docs/INPUTS.md).
const Column provider_columns[] = {
    {"provider_id", "privaloma; tas pats ID keliose eilutėse = vienas teikėjas, kelios paslaugos",
     "required; one id on several rows = one provider's several service lines"},
    {"name", "privaloma; teikėjo pavadinimas", "required; the provider's name"},
    {"ownership", "nuosavybės forma, kaip spausdinta plane", "ownership as the plan prints it"},
    {"service_type", "privaloma; paslaugos kodas (žr. lentelę žemiau)", "required; a service type code (table below)"},
    {"target_group", "privaloma; tikslinės grupės kodas (žr. žemiau)", "required; a target group code (below)"},
    {"unit", "asmenys, šeimos, kartai, lovos (numatyta: paslaugos vienetas)",
     "persons, families, episodes, beds (default: the service type's unit)"},
    {"service_detail", "paslaugos patikslinimas", "detail of the service"},
    {"places", "vietų skaičius; tuščia = nežinoma (ne nulis)", "places; empty = not given (never zero)"},
    {"recipients", "gavėjų skaičius", "recipients"},
    {"municipality_funded", "iš jų finansuojami savivaldybės (ne daugiau nei gavėjų)",
     "of whom funded by the municipality (at most the recipients)"},
    {"waiting_list", "laukiančiųjų eilėje", "persons waiting"},
    {"reference_date", "duomenų data, pvz. 2024-01-01", "date of the figures, e.g. 2024-01-01"},
    {"serves_municipality", "kuriai savivaldybei skaičiuojama (numatyta: ši)",
     "the municipality the line counts for (default: this one)"},
    {"location_precision", "privaloma: address, building arba placed_by_hand (yra lon/lat), ward (yra ward_code), municipality, unknown",
     "required: address, building or placed_by_hand (has lon/lat), ward (has ward_code), municipality, unknown"},
    {"municipality", "kur yra teikėjas, jei žinoma", "where the provider is, if known"},
    {"ward_code", "seniūnijos kodas (SEN_KODAS, žr. wards.geojson), kai location_precision = ward",
     "eldership code (SEN_KODAS in wards.geojson) when location_precision = ward"},
    {"address", "adresas tekstu", "address as text"},
    {"lon", "ilguma WGS84 laipsniais (pvz. 21.07), tik address/building", "longitude, WGS84 degrees, address/building only"},
    {"lat", "platuma WGS84 laipsniais (pvz. 55.92)", "latitude, WGS84 degrees"},
    {"location_basis", "iš kur žinoma vieta", "why we think it is there"},
    {"source", "šaltinis (dokumentas, puslapis)", "where the figures come from (document, page)"},
};

std::string cell(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

} // namespace

std::string project_readme(const ReadmeFacts& f) {
    const model::Catalogue cat = model::load_catalogue(f.service_types_csv, f.target_groups_csv);
    std::ostringstream r;
    const std::string people = thousands(f.population);
    r << "# " << f.municipality << " — Aprėptis\n\n"
      << "Sukurta komanda / made by `apreptis init`. Seniūnijų / elderships: " << f.wards
      << "; gyventojų / residents: " << people << " (2021 m. surašymas / 2021 census).\n\n"
      << "## Lietuviškai\n\n"
      << "Projektas veikia iš karto: `apreptis analyze project.toml --out rezultatai`. Kol teikėjų nėra, "
         "rezultatuose yra seniūnijos ir gyventojai, o santrauka sako, ką užpildyti.\n\n"
      << "| failas | kas tai |\n|---|---|\n"
      << "| `project.toml` | projekto failas: visi įvesties failai ir parametrai (docs/PROJECT_FILE.md) |\n"
      << "| `wards.geojson` | savivaldybės seniūnijos su 2021 m. surašymo gyventojais (nacionalinis sluoksnis, nekeistas) |\n"
      << "| `providers.csv` | **užpildykite**: paslaugų teikėjai, viena eilutė vienai paslaugai |\n"
      << "| `population_groups.csv` | **užpildykite**: tikslinių grupių dydžiai savivaldybėje (plano 4.1 lentelė) |\n"
      << "| `needs.csv` | **užpildykite**: plano poreikių lentelė (6 skyrius) |\n"
      << "| `catalogue/` | paslaugų rūšių ir tikslinių grupių katalogas (kopija; galite papildyti) |\n"
      << "| `osm/osmconf_roads.ini` | kurias OpenStreetMap žymas skaityti keliams |\n";
    if (!f.plans.empty()) r << "| `plans/` | šios savivaldybės planai ir ataskaitos iš datasets/plans |\n";
    r << "\nKą užpildyti: 1) `providers.csv` (stulpeliai žemiau; kodai iš lentelių žemiau); 2) "
         "`population_groups.csv` (vaikai, senyvo amžiaus asmenys ir kt.; be jų rodikliai tūkstančiui "
         "tikslinės grupės neskaičiuojami); 3) `needs.csv`. Pavyzdžių eilučių failuose nėra: jokie teikėjai "
         "neišgalvoti. Skaičiai su tašku (12.5); tuščia arba `-` reiškia „nenurodyta“, ne nulį.\n";
    if (!f.roads)
        r << "\nKelių tinklo nėra: atstumai skaičiuojami **tiesia linija** ir taip pažymėti; `apreptis init --roads "
             "lithuania-latest.osm.pbf` arba `[roads]` projekte duoda kelionės laiką keliais.\n";
    r << "\n## English\n\n"
      << "The project runs at once: `apreptis analyze project.toml --out results`. Until providers are "
         "filled in, the results hold the elderships and their residents, and the summary says what to fill in.\n\n"
      << "| file | what |\n|---|---|\n"
      << "| `project.toml` | the project file: every input and parameter (docs/PROJECT_FILE.md) |\n"
      << "| `wards.geojson` | the municipality's elderships with 2021 census residents (national layer, unchanged) |\n"
      << "| `providers.csv` | **fill in**: service providers, one row per service line |\n"
      << "| `population_groups.csv` | **fill in**: municipal sizes of the target groups (the plan's table 4.1) |\n"
      << "| `needs.csv` | **fill in**: the plan's needs table (§6) |\n"
      << "| `catalogue/` | service types and target groups (a copy; add your own) |\n"
      << "| `osm/osmconf_roads.ini` | which OpenStreetMap tags are read for roads |\n";
    if (!f.plans.empty()) r << "| `plans/` | this municipality's plans and reports from datasets/plans |\n";
    r << "\nWhat to fill in: 1) `providers.csv` (columns below, codes from the tables below); 2) "
         "`population_groups.csv` (children, older persons, ...; without them no figure per 1000 of a target "
         "group); 3) `needs.csv`. The files hold no example rows: no provider is invented. Numbers use a decimal "
         "point (12.5); empty or `-` means \"not given\", never zero.\n";
    if (!f.roads)
        r << "\nNo road network: distances are **straight-line** and labelled so; `apreptis init --roads "
             "lithuania-latest.osm.pbf`, or `[roads]` in the project, gives travel times on roads.\n";
    if (f.population_grid)
        r << "\n`[population] grid` in project.toml names the population grid (issue 17 §3); if the line is "
             "commented out, this build does not read grids yet.\n";

    r << "\n## providers.csv — stulpeliai / columns\n\n| column | LT | EN |\n|---|---|---|\n";
    for (const auto& c : provider_columns) r << "| `" << c.name << "` | " << c.lt << " | " << c.en << " |\n";
    r << "\nPavyzdys / illustration only (not a real provider; do not copy it into the file as is):\n\n```\n"
         "P001,<pavadinimas / name>,,day_care_institution,older,,,25,20,,,2024-01-01,,address,"
      << f.municipality << ",,<adresas / address>,<lon>,<lat>,<kaip rasta / how located>,<šaltinis / source>\n```\n";

    r << "\n## service_type — paslaugų rūšys / service types\n\n"
      << "| code | LT | EN | unit | target_group |\n|---|---|---|---|---|\n";
    for (const auto& s : cat.services) {
        std::string groups;
        for (const auto& g : s.target_groups) groups += (groups.empty() ? "" : ", ") + g;
        r << "| `" << s.code << "` | " << cell(s.name_lt) << " | " << cell(s.name_en) << " | " << s.counting_unit
          << " | " << groups << " |\n";
    }
    r << "\n## target_group — tikslinės grupės / target groups\n\n"
      << "| code | LT | EN | unit | age |\n|---|---|---|---|---|\n";
    for (const auto& g : cat.groups)
        r << "| `" << g.code << "` | " << cell(g.name_lt) << " | " << cell(g.name_en) << " | " << g.unit << " | "
          << cell(g.age_band) << " |\n";

    r << "\n## population_groups.csv\n\n"
      << "`municipality, group, value, unit, reference_date, derived, source`: viena eilutė grupei / one row per "
         "group, e.g. `" << f.municipality << ",older,4321,persons,2024-01-01,no,<šaltinis / source>` "
         "(`group` = target_group code; `derived` = yes|no). Grupės dydis seniūnijoms dalijamas pagal gyventojus "
         "ir žymimas kaip įvertis / shared out to elderships by population, labelled as an estimate.\n\n"
      << "## needs.csv\n\n"
      << "`municipality, code, service_type, target_group, unit, label_lt, label_en, assessed_need, unmet_need, "
         "unmet_note, printed_age_group_ratio, age_group_denominator, printed_social_group_ratio, "
         "social_group_denominator, printed_scale, reference_year, source`: plano poreikių lentelė, santykiai "
         "tokie, kokie išspausdinti / the plan's needs table with its ratios as printed (docs/INPUTS.md).\n\n"
      << "## Šaltiniai / Attribution\n\n";
    for (const auto& a : f.attribution) r << "* " << a << "\n";
    return r.str();
}

} // namespace apreptis::app
