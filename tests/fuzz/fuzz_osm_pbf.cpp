// OpenStreetMap PBF road networks: GDAL's OSM driver, our osmconf, the network build.
#include "apreptis/build_info.hpp"
#include "fuzz_common.hpp"
#include "geo/routing/road_network.hpp"
#include "geo/routing/road_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string osmconf = std::string(apreptis::app::source_dir) + "/datasets/osm/osmconf_roads.ini";
    apreptis::fuzz::InputFile in(data, size, ".osm.pbf");
    return apreptis::fuzz::expect_clear_errors_only([&] {
        const auto ways = apreptis::geo::read_osm_ways(in.path(), osmconf, "EPSG:32632");
        apreptis::geo::NetworkReport rep;
        apreptis::geo::build_network(ways, {}, rep, in.path());
    });
}
