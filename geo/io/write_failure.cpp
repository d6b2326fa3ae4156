#include "geo/io/write_failure.hpp"

#include <cerrno>
#include <exception>
#include <filesystem>
#include <sys/statvfs.h>

#include "geo/errors.hpp"
#include "geo/io/staged_directory.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

namespace {

bool says(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

} // namespace

void rethrow_write_failure(const std::string& path, const std::string& tmp) {
    const int err = errno; // the failed write's, when nothing has failed since
    const std::exception_ptr failure = std::current_exception();
    std::string what;
    bool ours = false;
    try {
        std::rethrow_exception(failure);
    } catch (const Error& e) {
        what = e.what();
        ours = true;
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    // Measured before the temporary goes: removing it frees the space it filled.
    const std::string folder = fs::path(tmp).parent_path().string();
    struct statvfs st{};
    const bool measured = ::statvfs(folder.c_str(), &st) == 0;
    const unsigned long long free_bytes = measured ? static_cast<unsigned long long>(st.f_bavail) * st.f_frsize : 0;
    std::error_code ec;
    fs::remove(tmp, ec);

    const std::string shown = output_names(path);
    const std::string shown_folder = fs::path(shown).parent_path().string();
    const bool full = (measured && free_bytes < (1ull << 20)) || err == ENOSPC || says(what, "disk is full") ||
                      says(what, "No space left on device");
    if (full)
        throw IoError(Location{.path = shown}, "disk full while writing it (" +
                      (measured ? std::to_string(free_bytes / 1024) + " KiB" : std::string("no space")) +
                      " free on the file system of " + shown_folder +
                      "); free some space or choose another --out. Nothing was replaced: the previous output, if any, "
                      "is as it was");
    if (err == EFBIG || says(what, "File too large"))
        throw IoError(Location{.path = shown}, "the file grew beyond the largest file allowed here (the file system's limit, or this "
                              "process's file size limit, ulimit -f); nothing was replaced");
    if (ours) throw IoError(output_names(what));
    std::rethrow_exception(failure);
}

} // namespace apreptis::geo
