#pragma once
// An output directory that appears complete or not at all: everything is written into a
// hidden sibling staging directory, and commit() swaps it into place. If the run fails
// (the object is destroyed without commit), the staging directory is removed and any
// previous output is left untouched.
#include <string>

namespace apreptis::geo {

class StagedDirectory {
public:
    explicit StagedDirectory(std::string final_path);
    ~StagedDirectory();
    StagedDirectory(const StagedDirectory&) = delete;
    StagedDirectory& operator=(const StagedDirectory&) = delete;

    /// Where to write now.
    const std::string& staging_path() const { return m_staging; }
    const std::string& final_path() const { return m_final; }
    /// Replaces final_path with the staged contents. Throws IoError.
    void commit();

private:
    std::string m_final;
    std::string m_staging;
    bool m_committed = false;
};

} // namespace apreptis::geo
