#include "geo/io/output_lock.hpp"

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <set>
#include <sys/file.h>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "geo/errors.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

namespace {

// The outputs whose lock this process holds: a staged directory opened by a command that
// already claimed its folder must not lock it a second time (flock on a second descriptor of
// the same file would refuse us).
std::mutex held_mutex;
std::set<std::string>& held() {
    static std::set<std::string> s;
    return s;
}

std::string holder_record() {
    char host[HOST_NAME_MAX + 1] = {};
    if (::gethostname(host, sizeof host - 1) != 0) std::strcpy(host, "unknown host");
    const std::time_t t = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return "pid " + std::to_string(::getpid()) + " on host " + host + " since " + when;
}

std::string read_all(int fd) {
    std::string s;
    char buf[512];
    ::lseek(fd, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

} // namespace

std::string resolved_output_path(const std::string& p) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(fs::absolute(fs::path(p)), ec);
    if (ec) a = fs::absolute(fs::path(p)).lexically_normal();
    if (a.filename().empty()) a = a.parent_path();
    return a.string();
}

bool OutputLock::held_here(const std::string& final_path) {
    std::lock_guard<std::mutex> g(held_mutex);
    return held().count(resolved_output_path(final_path)) > 0;
}

OutputLock::OutputLock(const std::string& final_path) : m_final(resolved_output_path(final_path)) {
    const fs::path f(m_final);
    std::error_code ec;
    // the parent folders made for the lock go again if the run writes nothing (release())
    for (fs::path p = f.parent_path(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        m_made.push_back(p.string());
        if (p == p.parent_path()) break;
    }
    fs::create_directories(f.parent_path(), ec);
    if (ec) throw IoError(Location{.path = f.parent_path().string()}, "cannot create the output's parent folder: " + ec.message());
    m_lock_path = (f.parent_path() / ("." + f.filename().string() + ".lock")).string();
    for (int attempt = 0;; ++attempt) {
        const int fd = ::open(m_lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw IoError(Location{.path = m_final}, "cannot create the lock file " + m_lock_path + ": " + std::strerror(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            std::string holder = read_all(fd);
            // the holder writes its record just after it locks: give it a moment
            for (int i = 0; holder.empty() && err == EWOULDBLOCK && i < 50; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                holder = read_all(fd);
            }
            ::close(fd);
            if (err == EWOULDBLOCK)
                throw IoError(Location{.path = m_final}, "another run is writing this output folder (" +
                              (holder.empty() ? std::string("holder unknown") : holder) + ", lock " + m_lock_path +
                              "); wait until it has finished or choose another --out");
            throw IoError(Location{.path = m_final}, "cannot lock " + m_lock_path + ": " + std::strerror(err));
        }
        // Locked; but if the previous holder removed the file between our open and our flock,
        // the lock is on a file nobody else can see: open the path again.
        struct stat by_fd{}, by_path{};
        if (::fstat(fd, &by_fd) == 0 && ::stat(m_lock_path.c_str(), &by_path) == 0 && by_fd.st_dev == by_path.st_dev &&
            by_fd.st_ino == by_path.st_ino) {
            m_fd = fd;
            break;
        }
        ::close(fd);
        if (attempt > 100) throw IoError(Location{.path = m_final}, "cannot lock " + m_lock_path + ": it keeps being replaced");
    }
    // Whatever the file held was written by a run that has died (its flock went with it).
    const std::string record = holder_record() + "\n";
    if (::ftruncate(m_fd, 0) != 0 || ::pwrite(m_fd, record.data(), record.size(), 0) < 0) {
        // the lock holds without the record; only the message of a refused second run is poorer
    }
    std::lock_guard<std::mutex> g(held_mutex);
    held().insert(m_final);
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : m_final(std::move(other.m_final)), m_lock_path(std::move(other.m_lock_path)), m_made(std::move(other.m_made)),
      m_fd(other.m_fd) {
    other.m_fd = -1;
}

OutputLock::~OutputLock() { release(); }

void OutputLock::release() noexcept {
    if (m_fd < 0) return;
    {
        std::lock_guard<std::mutex> g(held_mutex);
        held().erase(m_final);
    }
    // Removed while still locked: a run waiting to open it sees a new file (see the constructor).
    ::unlink(m_lock_path.c_str());
    ::close(m_fd);
    m_fd = -1;
    std::error_code ec;
    if (!fs::exists(m_final, ec))
        for (const std::string& p : m_made) fs::remove(p, ec); // deepest first; only if empty
}

} // namespace apreptis::geo
