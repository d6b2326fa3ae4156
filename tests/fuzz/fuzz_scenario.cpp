// Scenario files on the shipped Kaunas project: the document reader and the edits applied.
#include "app/core/analysis.hpp"
#include "apreptis/build_info.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto inputs = apreptis::app::load_inputs(
        apreptis::app::load_run(std::string(apreptis::app::source_dir) + "/datasets/kaunas/kaunas.toml").project);
    // the fuzzer writes the body; the header points at the real base project
    const std::string head = "[scenario]\nbase = \"" + std::string(apreptis::app::source_dir) + "/datasets/kaunas/kaunas.toml\"\n";
    std::string text = head + std::string(reinterpret_cast<const char*>(data), size);
    apreptis::fuzz::InputFile in(reinterpret_cast<const std::uint8_t*>(text.data()), text.size(), ".toml");
    return apreptis::fuzz::expect_clear_errors_only([&] {
        const auto run = apreptis::app::load_run(in.path());
        if (run.scenario.edits.size() <= 20) apreptis::app::compute(*inputs, run.scenario);
    });
}
