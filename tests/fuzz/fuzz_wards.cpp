// Ward layers (GeoJSON): reader, field loader and the checks across wards.
#include "fuzz_common.hpp"
#include "geo/io/vector_reader.hpp"
#include "model/load/loaders.hpp"
#include "model/ward_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    apreptis::fuzz::InputFile in(data, size, ".geojson");
    return apreptis::fuzz::expect_clear_errors_only([&] {
        apreptis::geo::ReadOptions o;
        o.geometry_required = true;
        const auto t = apreptis::geo::read_vector(in.path(), o);
        apreptis::model::load::WardFields f;
        f.municipality_name = "M";
        auto wards = apreptis::model::load::wards_from(t, f);
        apreptis::model::check_wards(wards, {true, 100, 1000}, in.path());
    });
}
