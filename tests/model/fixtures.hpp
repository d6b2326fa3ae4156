#pragma once
// A hand-checkable study area: three 1 km2 wards in one municipality, populations
// 1000 / 2000 / 7000, municipal group sizes: children 2000, older 1500.
#include "wkt.hpp"
#include "geo/geom/geometry_ops.hpp"
#include "model/study_area.hpp"

namespace apreptis::test {

inline model::Catalogue tiny_catalogue() {
    model::Catalogue c;
    for (const char* g : {"residents", "children", "older", "social_risk_families"})
        c.groups.push_back({g, "age_band", "persons", g, g, ""});
    c.services.push_back({"day_centre", "social_care", "day_centre", "persons", "dc", "dc", {"older"}, "walk", 20.0});
    c.services.push_back({"home_help", "social_supervision", "at_home", "persons", "hh", "hh", {"older"}, "staff_travel", {}});
    return c;
}

inline model::Ward ward(const std::string& code, std::int64_t pop, double x0) {
    model::Ward w;
    w.code = code;
    w.name = "Ward " + code;
    w.municipality = "M";
    w.population = pop;
    w.geometry = test::multipolygon_from_wkt("POLYGON((" + std::to_string(x0) + " 0, " + std::to_string(x0 + 1000) +
                                            " 0, " + std::to_string(x0 + 1000) + " 1000, " + std::to_string(x0) +
                                            " 1000, " + std::to_string(x0) + " 0))");
    w.area_m2 = 1e6;
    return w;
}

inline model::StudyArea three_wards() {
    model::StudyArea s;
    s.catalogue = tiny_catalogue();
    s.wards = {ward("A", 1000, 0), ward("B", 2000, 1000), ward("C", 7000, 2000)};
    s.groups.values = {{"M", "children", 2000, "persons", "2021-01-01", false, "t"},
                       {"M", "older", 1500, "persons", "2021-01-01", false, "t"}};
    model::index_wards(s);
    return s;
}

inline model::Provider provider(const std::string& id, std::optional<geo::XY> at, const std::string& ward = {}) {
    model::Provider p;
    p.id = id;
    p.name = "Provider " + id;
    p.point = at;
    p.precision = at ? model::LocationPrecision::address
                     : (ward.empty() ? model::LocationPrecision::unknown : model::LocationPrecision::ward);
    p.ward_code = ward;
    p.serves_municipality = "M";
    return p;
}

inline model::ServiceLine line(std::size_t provider, const std::string& type, std::optional<double> places,
                               std::optional<double> recipients, std::optional<double> funded = {}) {
    model::ServiceLine l;
    l.provider = provider;
    l.service_type = type;
    l.target_group = "older";
    l.unit = "persons";
    l.places = places;
    l.recipients = recipients;
    l.municipality_funded = funded;
    return l;
}

} // namespace apreptis::test
