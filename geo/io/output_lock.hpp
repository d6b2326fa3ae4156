#pragma once
// One run at a time per output folder, for the whole run (from the check of --out before the
// analysis to the commit after it). Two runs writing the same --out both used to succeed, the
// last one's output replacing the first's; now the second is refused at once, told who holds
// the folder.
//
// The lock is an flock(2) on a small file beside the output, ".<name>.lock", holding who took
// it ("pid 1234 on host h since 2026-12-02T09:20:00Z"). flock is released by the kernel when
// its holder dies, so a lock file left by a killed run is simply taken over by the next one.
// The holder removes the file when done; a run that opened the file just before it was
// removed sees that its lock is on an unlinked file and tries again (the usual inode check).
#include <string>
#include <vector>

namespace apreptis::geo {

class OutputLock {
public:
    /// Takes the lock of the output folder `final_path` (created beside it, its parent folders
    /// made if missing). Throws IoError naming the folder and the holder when another process
    /// holds it; never waits.
    explicit OutputLock(const std::string& final_path);
    ~OutputLock();
    OutputLock(OutputLock&& other) noexcept;
    OutputLock& operator=(OutputLock&&) = delete;
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    /// The lock file beside the output.
    const std::string& lock_path() const { return m_lock_path; }

    /// True when this process holds the lock of `final_path` (any spelling of it).
    static bool held_here(const std::string& final_path);

private:
    void release() noexcept;

    std::string m_final;     ///< the output folder, resolved
    std::string m_lock_path; ///< <parent>/.<name>.lock
    std::vector<std::string> m_made; ///< parent folders this lock made, deepest first
    int m_fd = -1;
};

/// The output folder's path resolved as the lock and the staged directory see it (absolute,
/// symbolic links of existing parts followed, no trailing slash).
std::string resolved_output_path(const std::string& path);

} // namespace apreptis::geo
