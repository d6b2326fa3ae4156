// Project files: the strict TOML reader and every range check.
#include "app/core/scenario_file.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    apreptis::fuzz::InputFile in(data, size, ".toml");
    return apreptis::fuzz::expect_clear_errors_only([&] { apreptis::app::load_run(in.path()); });
}
