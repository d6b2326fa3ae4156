#pragma once
// Size and content hash of an input file, for the run record (reproducibility, not security).
#include <cstdint>
#include <string>

namespace apreptis::geo {

struct FileDigest {
    std::string path;
    std::uint64_t size_bytes = 0;
    std::string fnv1a64; ///< 16 hex digits
};

/// Throws IoError when the file cannot be read.
FileDigest digest_file(const std::string& path);

} // namespace apreptis::geo
