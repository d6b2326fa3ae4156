#pragma once
// The Kaunas project as the locate tests use it: kaunas.toml with every input read in place
// from datasets/ except the providers (`providers_file`, relative to the project written), and
// an [addresses] table for an addresses.csv beside it in the address register's field names.
#include <cstddef>
#include <string>

#include "test_util.hpp"

namespace apreptis::test {

inline std::string kaunas_locate_toml(const std::string& providers_file) {
    const std::string src = source_dir() + "/datasets/kaunas/";
    std::string toml = read_file(src + "kaunas.toml");
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (std::size_t at = 0; (at = toml.find(from, at)) != std::string::npos; at += to.size()) toml.replace(at, from.size(), to);
    };
    replace_all("\"../", "\"" + source_dir() + "/datasets/");
    for (const char* f : {"wards.geojson", "population_groups.csv", "needs.csv", "buildings.csv"})
        replace_all(std::string("\"") + f + "\"", "\"" + src + f + "\"");
    replace_all("path = \"providers.csv\"", "path = \"" + providers_file + "\"");
    toml += "\n[addresses]\npath = \"addresses.csv\"\nx_field = \"X\"\ny_field = \"Y\"\ncrs = \"EPSG:3346\"\n"
            "municipality_field = \"SAV\"\nlocality_field = \"GYV\"\nstreet_field = \"GAT\"\nhouse_number_field = \"NR\"\n"
            "letter_field = \"RAIDE\"\nbuilding_number_field = \"KORPUSAS\"\n";
    return toml;
}

} // namespace apreptis::test
