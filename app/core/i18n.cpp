#include "app/core/i18n.hpp"

#include <map>
#include <utility>

namespace apreptis::app {

const char* tr(Language lang, const std::string& key) {
    static const std::map<std::string, std::pair<const char*, const char*>> t = {
        {"layers", {"Sluoksniai", "Layers"}},
        {"legend", {"Legenda", "Legend"}},
        {"inspector", {"Informacija", "Inspector"}},
        {"wards", {"Seniūnijos", "Wards"}},
        {"municipalities", {"Savivaldybės", "Municipalities"}},
        {"municipality", {"Savivaldybė", "Municipality"}},
        {"level", {"Lygmuo", "Level"}},
        {"compare_indicator", {"Savivaldybių rodiklis", "Municipal indicator"}},
        {"rank", {"Vieta", "Rank"}},
        {"rank_of", {"iš", "of"}},
        {"basis", {"Pagrindas", "Basis"}},
        {"no_figure", {"nėra duomenų", "no figure"}},
        {"not_ranked", {"nereitinguojama", "not ranked"}},
        {"providers", {"Paslaugų teikėjai", "Providers"}},
        {"chart", {"Diagrama", "Chart"}},
        {"scenario", {"Scenarijus (kas būtų, jeigu)", "Scenario (what-if)"}},
        {"indicator", {"Rodiklis", "Indicator"}},
        {"classes", {"Klasės", "Classes"}},
        {"quantiles", {"Kvantiliai", "Quantiles"}},
        {"equal_interval", {"Vienodi intervalai", "Equal interval"}},
        {"manual", {"Rankinės ribos", "Manual breaks"}},
        {"opacity", {"Nepermatomumas", "Opacity"}},
        {"catchments", {"Pasiekiamumo zonos", "Catchments"}},
        {"roads", {"Keliai", "Roads"}},
        {"basemap", {"Pagrindas", "Basemap"}},
        {"basemap_loading", {"įkeliamas...", "loading..."}},
        {"basemap_failed", {"Pagrindo žemėlapis neįkeltas", "Basemap not loaded"}},
        {"units", {"Gyventojų taškai", "Population units"}},
        {"no_data", {"Nėra duomenų", "No data"}},
        {"estimate", {"įvertis", "estimate"}},
        {"fit", {"Rodyti viską", "Fit to data"}},
        {"language", {"Kalba", "Language"}},
        {"add_provider", {"Pridėti teikėją (spustelėkite žemėlapį)", "Add provider (click on the map)"}},
        {"move_provider", {"Perkelti teikėją (tempkite)", "Move provider (drag)"}},
        {"remove", {"Pašalinti", "Remove"}},
        {"places", {"Vietos", "Places"}},
        {"undo", {"Atšaukti", "Undo"}},
        {"save", {"Išsaugoti", "Save"}},
        {"load", {"Įkelti", "Load"}},
        {"export", {"Eksportuoti PNG", "Export PNG"}},
        {"recomputing", {"Perskaičiuojama...", "Recomputing..."}},
        {"service_type", {"Paslaugos rūšis", "Service type"}},
        {"target_group", {"Tikslinė grupė", "Target group"}},
        {"population", {"Gyventojai", "Residents"}},
        {"code", {"Kodas", "Code"}},
        {"name", {"Pavadinimas", "Name"}},
        {"value", {"Reikšmė", "Value"}},
        {"precision", {"Vietos tikslumas", "Location precision"}},
        {"error", {"Klaida", "Error"}},
        {"loading", {"Įkeliama:", "Loading:"}},
        {"allocated", {"paskirta", "allocated"}},
        {"utilisation", {"užimtumas", "utilisation"}},
        {"demand", {"poreikis", "demand"}},
        {"served", {"aptarnaujama", "served"}},
        {"no_capacity", {"trūksta vietų", "no capacity"}},
        {"too_far", {"per toli", "too far"}},
        {"none", {"nėra", "none"}},
        {"suggest_sites", {"Naujos vietos", "Suggest sites"}},
        {"run", {"Skaičiuoti", "Run"}},
        {"accept", {"Priimti", "Accept"}},
        {"sites", {"vietos", "sites"}},
        {"gap", {"optimalumo tarpas", "optimality gap"}},
        {"optimal_proven", {"optimalu (įrodyta)", "optimal (proven)"}},
        {"straight_line", {"Atstumai tiesia linija (kelių tinklo nėra)", "Straight-line distances (no road network)"}},
        {"straight_line_short", {"tiesia linija", "straight line"}},
        {"attribution", {"Duomenys", "Data"}},
        {"edits", {"Pakeitimai", "Edits"}},
        {"none_selected", {"Nieko nepasirinkta", "Nothing selected"}},
    };
    auto it = t.find(key);
    if (it == t.end()) { // untranslated key: show it rather than nothing
        static thread_local std::string missing;
        missing = key;
        return missing.c_str();
    }
    return lang == Language::lt ? it->second.first : it->second.second;
}

} // namespace apreptis::app
