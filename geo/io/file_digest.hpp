#pragma once
// Size and SHA-256 of an input file, for the run record: a user can check an input against
// run.json with `sha256sum`.
#include <cstdint>
#include <string>

namespace apreptis::geo {

struct FileDigest {
    std::string path;
    std::uint64_t size_bytes = 0;
    std::string sha256; ///< 64 lower-case hex digits, as sha256sum prints them
};

/// Throws IoError when the file cannot be read. A PostgreSQL source ("PG:...") is not a
/// file: callers record it without a digest.
FileDigest digest_file(const std::string& path);

} // namespace apreptis::geo
