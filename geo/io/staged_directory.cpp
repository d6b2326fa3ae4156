#include "geo/io/staged_directory.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

#include "geo/errors.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

namespace {

/// Fault injection for the crash-safety tests (tests/app/output_safety_test.cpp): the
/// variable APREPTIS_TEST_FAULTS holds a comma list such as "kill:after-exchange" or
/// "no-exchange". Unset in normal use; costs one getenv per step.
bool fault(const std::string& name) {
    const char* v = std::getenv("APREPTIS_TEST_FAULTS");
    if (!v) return false;
    std::stringstream ss(v);
    for (std::string item; std::getline(ss, item, ',');)
        if (item == name) return true;
    return false;
}

void kill_point(const std::string& step) {
    if (fault("kill:" + step)) std::raise(SIGKILL);
}

fs::path resolved(const std::string& p) { return fs::path(resolved_output_path(p)); }

/// True when `inner` is `outer` or lies below it (both resolved).
bool at_or_below(const fs::path& inner, const fs::path& outer) {
    auto o = outer.begin(), i = inner.begin();
    for (; o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

std::string listing(const fs::path& dir, std::size_t most) {
    std::string out;
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (n++ < most) out += (out.empty() ? "" : ", ") + e.path().filename().string();
    }
    if (n > most) out += ", ... (" + std::to_string(n) + " entries)";
    return out;
}

// The staging folders of this process's live staged directories, and the output each becomes.
std::mutex staging_mutex;
std::map<std::string, std::string>& live_staging() {
    static std::map<std::string, std::string> m;
    return m;
}

} // namespace

std::string output_names(std::string text) {
    std::lock_guard<std::mutex> g(staging_mutex);
    for (const auto& [staging, final_path] : live_staging())
        for (std::size_t at = 0; (at = text.find(staging, at)) != std::string::npos; at += final_path.size())
            text.replace(at, staging.size(), final_path);
    return text;
}

bool is_our_output(const std::string& dir, const StagedDirectoryOptions& o) {
    std::ifstream f(fs::path(dir) / o.marker_file, std::ios::binary);
    if (!f) return false;
    std::string text((std::istreambuf_iterator<char>(f)), {});
    return text.find(o.marker_text) != std::string::npos;
}

StagedDirectory::StagedDirectory(std::string final_path, StagedDirectoryOptions options)
    : m_options(std::move(options)) {
    const fs::path f = resolved(final_path);
    m_final = f.string();
    std::error_code ec;
    fs::create_directories(f.parent_path(), ec);
    if (ec) throw IoError(Location{.path = f.parent_path().string()}, "cannot create the output's parent folder: " + ec.message());
    if (!OutputLock::held_here(m_final)) m_output_lock.emplace(m_final);

    // One run at a time per parent folder: an advisory lock on the folder itself (no lock file).
    m_lock_fd = ::open(f.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_lock_fd < 0)
        throw IoError(Location{.path = f.parent_path().string()}, std::string("cannot open the output's parent folder: ") + std::strerror(errno));
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (::flock(m_lock_fd, LOCK_EX | LOCK_NB) != 0) {
        if (std::chrono::steady_clock::now() > give_up) {
            ::close(m_lock_fd);
            m_lock_fd = -1;
            throw IoError(Location{.path = m_final}, "another run has been writing into " + f.parent_path().string() +
                          " for a minute; try again when it has finished");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    try {
        check_output_folder(m_final, m_options);
        recover_leftovers();
        const std::string base = "." + f.filename().string();
        m_staging = (f.parent_path() / (base + ".partial-" + std::to_string(::getpid()))).string();
        m_swapped_out = (f.parent_path() / (base + ".old-" + std::to_string(::getpid()))).string();
        fs::remove_all(m_staging, ec);
        fs::create_directory(m_staging, ec);
        if (ec) throw IoError(Location{.path = m_staging}, "cannot create the staging folder: " + ec.message());
        std::lock_guard<std::mutex> g(staging_mutex);
        live_staging()[m_staging] = m_final;
    } catch (...) {
        ::close(m_lock_fd);
        m_lock_fd = -1;
        throw;
    }
}

StagedDirectory::~StagedDirectory() {
    {
        std::lock_guard<std::mutex> g(staging_mutex);
        live_staging().erase(m_staging);
    }
    std::error_code ec;
    if (!m_committed && !m_staging.empty()) fs::remove_all(m_staging, ec);
    if (m_lock_fd >= 0) ::close(m_lock_fd); // releases the lock
}

void check_output_folder(const std::string& final_path, const StagedDirectoryOptions& options) {
    const fs::path f = resolved(final_path);
    const std::string shown = f.string();
    for (const std::string& p : options.protected_paths) {
        if (p.empty()) continue;
        const fs::path in = resolved(p);
        if (at_or_below(in, f))
            throw IoError(Location{.path = shown}, "refusing to write the output here: it " +
                          (in == f ? std::string("is") : std::string("contains")) + " an input (" + in.string() +
                          "), which replacing the output would delete; choose another --out folder");
    }
    std::error_code ec;
    if (!fs::exists(f, ec)) return;
    if (!fs::is_directory(f, ec)) throw IoError(Location{.path = shown}, "exists and is not a folder; choose another --out");
    if (fs::is_empty(f, ec) || is_our_output(shown, options)) return;
    throw IoError(Location{.path = shown}, "refusing to replace a folder that is not an earlier output of this tool (no " +
                  options.marker_file + " of ours in it); it holds: " + listing(f, 5) +
                  ". Choose an empty or new --out folder");
}

OutputLock claim_output_folder(const std::string& final_path, const StagedDirectoryOptions& options) {
    check_output_folder(final_path, options);
    return OutputLock(final_path);
}

void StagedDirectory::recover_leftovers() {
    const fs::path f(m_final);
    const std::string base = "." + f.filename().string();
    std::error_code ec;
    std::vector<fs::path> partial, old;
    for (const auto& e : fs::directory_iterator(f.parent_path(), ec)) {
        const std::string n = e.path().filename().string();
        for (const char* kind : {".partial-", ".old-"}) {
            const std::string prefix = base + kind;
            if (n.rfind(prefix, 0) != 0) continue;
            char* end = nullptr;
            const long pid = std::strtol(n.c_str() + prefix.size(), &end, 10);
            // Every run holds the parent's lock while it writes, and we hold it now: whatever
            // is here was left by a run that died.
            if (!end || *end != '\0' || pid == ::getpid()) continue;
            (std::strcmp(kind, ".old-") == 0 ? old : partial).push_back(e.path());
        }
    }
    // The final path is missing but an interrupted swap left the complete old output aside:
    // put it back before anything else.
    // (A staging folder is never promoted: its run did not finish committing.)
    auto restore = [&] {
        for (auto it = old.begin(); it != old.end(); ++it)
            if (is_our_output(it->string(), m_options)) {
                fs::rename(*it, f, ec);
                if (ec) throw IoError(Location{.path = it->string()}, "cannot restore the previous output: " + ec.message());
                m_notes.push_back("restored the previous output from " + it->string() +
                                  " (an earlier run was interrupted while replacing it)");
                old.erase(it);
                return;
            }
    };
    if (!fs::exists(f, ec)) restore();
    for (const auto* list : {&partial, &old})
        for (const fs::path& p : *list) {
            fs::remove_all(p, ec);
            if (ec)
                m_notes.push_back("could not remove " + p.string() + " left by an interrupted run: " + ec.message());
            else
                m_notes.push_back("removed " + p.string() + " left by an interrupted run");
        }
}

void StagedDirectory::commit() {
    kill_point("before-swap");
    std::error_code ec;
    const bool had_old = fs::exists(m_final, ec);
    if (!had_old) {
        fs::rename(m_staging, m_final, ec);
        if (ec) throw IoError(Location{.path = m_final}, "cannot move the finished output into place: " + ec.message());
        m_committed = true;
        m_output_lock.reset(); // done writing: the folder is free for the next run
        return;
    }
    // Swap in one step: afterwards the old output sits at the staging path.
    if (!fault("no-exchange") &&
        ::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_final.c_str(), RENAME_EXCHANGE) == 0) {
        m_committed = true;
        kill_point("after-exchange");
        fs::remove_all(m_staging, ec);
        m_output_lock.reset();
        return;
    }
    if (!fault("no-exchange") && errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw IoError(Location{.path = m_final}, std::string("cannot replace the previous output: ") + std::strerror(errno));
    // The file system cannot exchange: two renames. A crash between them leaves the old
    // output at m_swapped_out, which the next run puts back (recover_leftovers).
    fs::rename(m_final, m_swapped_out, ec);
    if (ec) throw IoError(Location{.path = m_final}, "cannot replace the previous output: " + ec.message());
    kill_point("after-move-old");
    fs::rename(m_staging, m_final, ec);
    if (ec) {
        const std::string failure = ec.message();
        std::error_code back;
        fs::rename(m_swapped_out, m_final, back);
        throw IoError(Location{.path = m_final}, "cannot move the finished output into place: " + failure +
                      (back ? "; the previous output is kept at " + m_swapped_out + " (" + back.message() + ")"
                            : std::string()));
    }
    m_committed = true;
    kill_point("after-move-new");
    fs::remove_all(m_swapped_out, ec);
    m_output_lock.reset();
}

} // namespace apreptis::geo
