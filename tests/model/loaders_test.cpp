#include "model/load/loaders.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/errors.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::model;
using test::expect_error;
using test::ScratchDir;
using test::write_file;

namespace {
const char* header =
    "provider_id,name,service_type,target_group,unit,places,recipients,municipality_funded,location_precision,"
    "ward_code,lon,lat\n";

geo::FeatureTable providers_csv(const ScratchDir& d, const std::string& rows) {
    geo::ReadOptions o;
    o.x_field = "lon";
    o.y_field = "lat";
    o.declared_crs = "EPSG:4326";
    return geo::read_vector(write_file(d / "providers.csv", std::string(header) + rows), o);
}

void load_rows(const geo::FeatureTable& t) {
    std::vector<Provider> p;
    std::vector<ServiceLine> l;
    load::providers_from(t, test::tiny_catalogue(), {"M"}, p, l);
}
} // namespace

TEST(LoadProviders, rows_with_one_id_form_one_provider) {
    ScratchDir d;
    auto t = providers_csv(d, "P1,Centre,day_centre,older,,20,18,5,address,,24.0,54.9\n"
                              "P1,Centre,home_help,older,,,30,30,address,,24.0,54.9\n"
                              "P2,Elsewhere,home_help,older,,,4,,unknown,,,\n");
    std::vector<Provider> p;
    std::vector<ServiceLine> l;
    load::providers_from(t, test::tiny_catalogue(), {"M"}, p, l);
    ASSERT_EQ(p.size(), 2u);
    ASSERT_EQ(l.size(), 3u);
    EXPECT_EQ(l[1].provider, 0u);
    EXPECT_EQ(l[0].unit, "persons"); // the catalogue's counting unit when the row has none
    EXPECT_DOUBLE_EQ(*l[0].places, 20.0);
    EXPECT_FALSE(l[2].places.has_value());
    EXPECT_EQ(p[1].serves_municipality, "M");
    EXPECT_NEAR(p[0].point->x, 500000.0, 1e-3);
}

TEST(LoadProviders, unknown_service_type_names_the_row_and_the_catalogue) {
    ScratchDir d;
    auto t = providers_csv(d, "P1,Centre,day_center,older,,,1,,unknown,,,\n");
    expect_error<DataError>([&] { load_rows(t); },
                            {"providers.csv", "fid 1", "(line 2)", "service_type", "'day_center'", "day_centre"});
}

TEST(LoadProviders, broken_and_negative_numbers) {
    ScratchDir d;
    auto t = providers_csv(d, "P1,Centre,day_centre,older,,\"12,5\",1,,unknown,,,\n");
    expect_error<DataError>([&] { load_rows(t); }, {"places", "'12,5'", "decimal point"});
    auto t2 = providers_csv(d, "P1,Centre,day_centre,older,,-3,1,,unknown,,,\n");
    expect_error<DataError>([&] { load_rows(t2); }, {"places", ">= 0", "-3"});
    auto t3 = providers_csv(d, "P1,Centre,day_centre,older,,,5,9,unknown,,,\n");
    expect_error<DataError>([&] { load_rows(t3); }, {"municipality_funded", "at most the recipients"});
}

TEST(LoadProviders, precision_must_agree_with_coordinates) {
    ScratchDir d;
    auto t = providers_csv(d, "P1,Centre,day_centre,older,,,1,,address,,,\n");
    expect_error<DataError>([&] { load_rows(t); }, {"P1", "no coordinates"});
    auto t2 = providers_csv(d, "P1,Centre,day_centre,older,,,1,,ward,,,\n");
    expect_error<DataError>([&] { load_rows(t2); }, {"ward_code"});
    auto t3 = providers_csv(d, "P1,Centre,day_centre,older,,,1,,street,,,\n");
    expect_error<DataError>([&] { load_rows(t3); }, {"location_precision", "'street'"});
}

TEST(LoadWards, population_must_be_present_whole_and_non_negative) {
    ScratchDir d;
    auto make = [&](const std::string& pop) {
        std::string gj = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"W1","name":"One","population":)" +
                         pop + R"(},"geometry":{"type":"Polygon","coordinates":[[[24,54.9],[24.01,54.9],[24.01,54.91],[24,54.9]]]}}]})";
        return geo::read_vector(write_file(d / "w.geojson", gj));
    };
    load::WardFields f;
    f.municipality_name = "M";
    EXPECT_EQ(load::wards_from(make("1200"), f)[0].population, 1200);
    expect_error<DataError>([&] { load::wards_from(make("-5"), f); }, {"w.geojson", "population", "W1", ">= 0", "-5"});
    expect_error<DataError>([&] { load::wards_from(make("null"), f); }, {"population", "found nothing"});
    expect_error<DataError>([&] { load::wards_from(make("12.5"), f); }, {"whole number"});
    expect_error<DataError>([&] { load::wards_from(make("\"many\""), f); }, {"expected a number", "'many'"});
}
