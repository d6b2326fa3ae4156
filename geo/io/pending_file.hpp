#pragma once
// A file written under a temporary name beside its final one and moved into place only when
// told: the writers' "never a half-written output" (vector_writer.hpp), split in two steps so
// that several files can be made first and take their names together (the council report: its
// PDF and its maps, none replaced unless all were written).
#include <functional>
#include <ostream>
#include <string>

namespace apreptis::geo {

class PendingFile {
public:
    explicit PendingFile(std::string path);
    PendingFile(PendingFile&& other) noexcept;
    PendingFile& operator=(PendingFile&&) = delete;
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;
    /// Removes the temporary file unless committed: an earlier file at path() stays as it was.
    ~PendingFile();

    /// Writes the content through `fill` into the temporary file. On any failure (fill throws,
    /// a full disk) the temporary file is removed and IoError thrown naming path() ("disk full"
    /// said as such, write_failure.hpp); other errors are passed on as they are.
    void write(const std::function<void(std::ostream&)>& fill);
    /// Moves the written file into place. Throws IoError.
    void commit();

    const std::string& path() const { return m_path; }

private:
    std::string m_path, m_tmp;
    bool m_committed = false;
};

/// The temporary name beside `path` ("DIR/.NAME.tmp-PID"): hidden, and one per process.
std::string temp_name_for(const std::string& path);

/// Writes `path` through a temporary file in one step (write, then commit).
void write_through_temporary(const std::string& path, const std::function<void(std::ostream&)>& fill);

} // namespace apreptis::geo
