#pragma once
// Shared by the fuzz targets: the input bytes become a file of the reader's kind; a reader may
// refuse it only with apreptis::Error (a clear message). Anything else - another exception, a
// crash, a sanitizer report, a hang - is a bug the fuzzer reports.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <unistd.h>

#include "geo/errors.hpp"

namespace apreptis::fuzz {

/// A file in the temp folder holding the bytes, removed when the object dies.
class InputFile {
public:
    InputFile(const std::uint8_t* data, std::size_t size, const std::string& suffix) {
        m_path = "/tmp/apreptis_fuzz_" + std::to_string(::getpid()) + suffix;
        std::ofstream(m_path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    ~InputFile() { std::remove(m_path.c_str()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

template <class F>
int expect_clear_errors_only(F&& f) {
    try {
        f();
    } catch (const apreptis::Error&) { // a refusal with a message: fine
    } catch (const std::exception& e) {
        std::fprintf(stderr, "not an apreptis::Error: %s\n", e.what());
        std::abort();
    }
    return 0;
}

} // namespace apreptis::fuzz
