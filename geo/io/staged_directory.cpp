#include "geo/io/staged_directory.hpp"

#include <filesystem>
#include <unistd.h>

#include "geo/errors.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

StagedDirectory::StagedDirectory(std::string final_path) : m_final(std::move(final_path)) {
    fs::path f = fs::absolute(fs::path(m_final)).lexically_normal();
    if (f.filename().empty()) f = f.parent_path();
    m_final = f.string();
    std::error_code ec;
    if (fs::exists(f, ec) && !fs::is_directory(f, ec))
        throw IoError(m_final + ": exists and is not a directory");
    fs::create_directories(f.parent_path(), ec);
    if (ec) throw IoError(f.parent_path().string() + ": cannot create: " + ec.message());
    m_staging = (f.parent_path() / ("." + f.filename().string() + ".partial-" + std::to_string(::getpid()))).string();
    fs::remove_all(m_staging, ec);
    fs::create_directory(m_staging, ec);
    if (ec) throw IoError(m_staging + ": cannot create the staging directory: " + ec.message());
}

StagedDirectory::~StagedDirectory() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove_all(m_staging, ec);
    }
}

void StagedDirectory::commit() {
    std::error_code ec;
    const std::string old = m_staging + ".old";
    bool had_old = fs::exists(m_final, ec);
    if (had_old) {
        fs::rename(m_final, old, ec);
        if (ec) throw IoError(m_final + ": cannot replace the previous output: " + ec.message());
    }
    fs::rename(m_staging, m_final, ec);
    if (ec) {
        if (had_old) fs::rename(old, m_final, ec);
        throw IoError(m_final + ": cannot move the finished output into place: " + ec.message());
    }
    m_committed = true;
    if (had_old) fs::remove_all(old, ec);
}

} // namespace apreptis::geo
