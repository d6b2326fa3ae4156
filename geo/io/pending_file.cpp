#include "geo/io/pending_file.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "geo/errors.hpp"
#include "geo/io/write_failure.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

std::string temp_name_for(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

PendingFile::PendingFile(std::string path) : m_path(std::move(path)), m_tmp(temp_name_for(m_path)) {}

PendingFile::PendingFile(PendingFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_tmp(std::move(other.m_tmp)), m_committed(other.m_committed) {
    other.m_committed = true; // the moved-from object owns no temporary
}

PendingFile::~PendingFile() {
    if (m_committed) return;
    std::error_code ec;
    fs::remove(m_tmp, ec);
}

void PendingFile::write(const std::function<void(std::ostream&)>& fill) {
    try {
        std::ofstream f(m_tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw IoError(Location{.path = m_path}, "cannot open for writing");
        fill(f);
        f.flush();
        if (!f) throw IoError(Location{.path = m_path}, "write failed");
    } catch (...) {
        rethrow_write_failure(m_path, m_tmp); // removes the temporary; "disk full" said as such
    }
}

void PendingFile::commit() {
    std::error_code ec;
    fs::rename(m_tmp, m_path, ec);
    if (ec) {
        fs::remove(m_tmp, ec);
        m_committed = true;
        throw IoError(Location{.path = m_path}, "cannot move the finished file into place: " + ec.message());
    }
    m_committed = true;
}

void write_through_temporary(const std::string& path, const std::function<void(std::ostream&)>& fill) {
    PendingFile f(path);
    f.write(fill);
    f.commit();
}

} // namespace apreptis::geo
