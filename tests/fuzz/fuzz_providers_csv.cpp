// Provider tables (CSV with coordinate columns) against the shipped catalogue.
#include "apreptis/build_info.hpp"
#include "fuzz_common.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/load/loaders.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto catalogue = apreptis::model::load_catalogue(
        std::string(apreptis::app::source_dir) + "/datasets/catalogue/service_types.csv",
        std::string(apreptis::app::source_dir) + "/datasets/catalogue/target_groups.csv");
    apreptis::fuzz::InputFile in(data, size, ".csv");
    return apreptis::fuzz::expect_clear_errors_only([&] {
        apreptis::geo::ReadOptions o;
        o.x_field = "lon";
        o.y_field = "lat";
        o.declared_crs = "EPSG:4326";
        const auto t = apreptis::geo::read_vector(in.path(), o);
        std::vector<apreptis::model::Provider> providers;
        std::vector<apreptis::model::ServiceLine> lines;
        apreptis::model::load::providers_from(t, catalogue, {"M"}, providers, lines);
    });
}
